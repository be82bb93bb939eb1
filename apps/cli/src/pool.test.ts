import { describe, expect, it } from "vitest";
import { mapInOrder } from "./pool.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapInOrder", () => {
  it("emits in input order even when later jobs finish first", async () => {
    const delays = [30, 5, 1, 20, 2];
    const seen: number[] = [];
    await mapInOrder(delays, 2, async (ms, i) => (await sleep(ms), i), (r) => seen.push(r));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it("never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const job = async () => {
      peak = Math.max(peak, ++running);
      await sleep(2);
      running--;
    };
    await mapInOrder(Array.from({ length: 10 }, (_, i) => i), 2, job, () => undefined);
    expect(peak).toBe(2);
  });

  it("handles no items", async () => {
    const seen: unknown[] = [];
    await mapInOrder([], 2, async (x) => x, (r) => seen.push(r));
    expect(seen).toEqual([]);
  });
});
