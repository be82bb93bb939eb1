import { describe, expect, it } from "vitest";
import { mapPool } from "./pool.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapPool", () => {
  it("keeps order and never exceeds the limit", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await sleep(n * 3);
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it("stops starting jobs after a failure and waits for running ones", async () => {
    const started: number[] = [];
    let finished = 0;
    const p = mapPool([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await sleep(n === 1 ? 1 : 20);
      if (n === 1) throw new Error("boom");
      finished++;
      return n;
    });
    await expect(p).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1); // job 2 was awaited before the rejection
  });
});
