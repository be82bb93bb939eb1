import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HELD_BACKSLASH, HELD_BAR, HELD_CARET, HELD_FORMFEED, HELD_HASH, HELD_STAR, HELD_UNDERSCORE, LINE_DIRTY, scanUnits } from "./unitscan.js";

const HELD: [string, number][] = [["\f", HELD_FORMFEED], ["#", HELD_HASH], ["\\", HELD_BACKSLASH], ["*", HELD_STAR], ["_", HELD_UNDERSCORE], ["^", HELD_CARET], ["|", HELD_BAR]];

describe("scanUnits held", () => {
  it("holds, per line, exactly the bits of the cleanup characters the line has", () => {
    const piece = fc.constantFrom("\f", "#", "\\", "*", "**", "_", "__", "^(", "|", "\t", "  ", " ", "\n", "\r\n", "a", "Sở", "\u00a0", "\u{1D400}");
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join("")), (text) => {
      const scan = scanUnits(text);
      const lines = text.split("\n");
      expect(scan.lines.length).toBe(lines.length);
      lines.forEach((l, k) => {
        expect(scan.lines[k]! & ~LINE_DIRTY).toBe(HELD.reduce((bits, [ch, bit]) => (l.includes(ch) ? bits | bit : bits), 0));
      });
    }), { numRuns: 3000 });
  });
});
