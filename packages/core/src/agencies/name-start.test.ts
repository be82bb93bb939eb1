import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeUnits } from "../text/codeunits.js";
import { isLetterUnit, nextNameStart, spacesBeforeLetter } from "./name-start.js";

/** Every NAME_START match (the regex nextNameStart stands for) at or after `from`, before `end`. */
const NAME_START = /(?<![\p{L}\p{N}])(?:\p{Lu}|[cC]ác\s+(?=\p{L})|[nN]hững\s+(?=\p{L}))/gu;

function byRegex(text: string, from: number, end: number): { index: number; length: number } | null {
  NAME_START.lastIndex = from;
  const m = NAME_START.exec(text);
  return m && m.index < end ? { index: m.index, length: m[0].length } : null;
}

const piece = fc.constantFrom("các", "Các", "cá", "những", "Những", "nhữn", "c", "n", "x", "Đ", "đ", "1", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "“", "-", ".", "\u2102", "\u{1D400}", "\u{1F600}", "\ud83d", "\ude00", "\u00e1", "ʰ", "Ⅳ");
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));

describe("the name-start scan and its unit tests answer as the regexes they replace", () => {
  it("from any offset, up to any end", () => {
    fc.assert(
      fc.property(text, fc.nat(60), fc.nat(80), (s, from, end) => {
        const at = Math.min(from, s.length);
        expect(nextNameStart(s, codeUnits(s), at, end)).toEqual(byRegex(s, at, end));
      }),
      { numRuns: 20000 },
    );
  });

  it("spacesBeforeLetter is the length /\\s+(?=\\p{L})/uy matches", () => {
    fc.assert(
      fc.property(text, fc.nat(60), (s, at) => {
        const sticky = /\s+(?=\p{L})/uy;
        sticky.lastIndex = at;
        const m = at <= s.length ? sticky.exec(s) : null;
        expect(spacesBeforeLetter(s, codeUnits(s), at)).toBe(m ? m[0].length : 0);
      }),
      { numRuns: 20000 },
    );
  });

  it("isLetterUnit is /^[\\p{L}]/u on the unit at an offset", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 }).map((a) => String.fromCharCode(...a))), fc.nat(20), (s, at) => {
        expect(isLetterUnit(s.charCodeAt(at))).toBe(/^[\p{L}]/u.test(s[at] ?? ""));
      }),
      { numRuns: 20000 },
    );
  });
});
