import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { repeatedWatermarks } from "./normalize.js";

const WATERMARK = /www\.|https?:|\btel\b|\bfax\b|thuvienphapluat/i;

/** dropPageArtifacts' count as it was: every line longer than 12 tested, kept when seen twice. */
function countedWatermarks(lines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.length > 12 && WATERMARK.test(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2).map(([l]) => l));
}

describe("repeatedWatermarks", () => {
  it("finds exactly the repeated watermark lines the per-line count finds", () => {
    const line = fc.array(fc.constantFrom("www.", "http:", "https:", "tel", "Tel", "fax", "THUVIENPHAPLUAT", " ", "a", "Sở Y tế", "0", "-", "telex"), { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(29), { maxLength: 10 }), (lines, copies) => {
      const all = [...lines, ...copies.filter((k) => k < lines.length).map((k) => lines[k]!)];
      expect([...repeatedWatermarks(all)].sort()).toEqual([...countedWatermarks(all)].sort());
    }), { numRuns: 2000 });
  });
});
