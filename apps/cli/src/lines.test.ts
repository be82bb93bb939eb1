import { describe, expect, it } from "vitest";
import { LineIndex } from "./lines.js";

describe("LineIndex", () => {
  const text = "one\ntwo\n\nfour";
  const lines = new LineIndex(text);

  it("maps offsets to 1-based lines", () => {
    expect([0, 3, 4, 8, 9, 13].map((o) => lines.lineOf(o))).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it("describes one line, a range and several spans", () => {
    expect(lines.describe([{ start: 4, end: 7 }])).toBe("(dòng 2)");
    expect(lines.describe([{ start: 0, end: 7 }])).toBe("(dòng 1–2)");
    expect(lines.describe([{ start: 9, end: 13 }, { start: 0, end: 1 }, { start: 0, end: 2 }])).toBe("(dòng 4, 1)");
  });

  it("ignores spans outside the text instead of printing nonsense", () => {
    expect(lines.describe([{ start: 5, end: 99 }, { start: -1, end: 2 }, undefined])).toBe("");
  });

  it("caps long lists", () => {
    const many = [0, 4, 8, 9, 10].map((s) => ({ start: s, end: s + 1 }));
    expect(lines.describe(many, 2)).toBe("(dòng 1, 2, …)");
  });
});
