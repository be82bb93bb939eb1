import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dateAt } from "./dates.js";
import { withinMatches } from "./deadlines.js";

/** What findDeadline (deadlines.ts) asks before it runs BEFORE, MONTH and QUARTER. */
const YEAR = /\d\s?\d\s?\d\s?\d/;
// Copies of deadlines.ts's MONTH and QUARTER_BODY: each reads its year from a (\d{4}) group.
const MONTH = /(?<![a-z])(trong|truoc|het|cuoi|hoan thanh trong|trinh)?\s*(?:ngay\s+)?thang\s*(\d{1,2})\s*(?:[-/]|nam)\s*(\d{4})/g;
const QUARTER_BODY = /(?:trong\s*)?quy\s*(iv|iii|ii|i|[1-4])\s*(?:[-/]|nam)?\s*(\d{4})/g;

function folded(pieces: string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((p) => p.join(""));
}

const PIECES = ["ngay", "ngai", " ", "  ", "\t", "1", "2", "0", "9", "21", "l", "§", "o", "{", "|", "/", "-", ".", ",", ":", "thang", "nam", "quy", "iii", "iv", "truoc", "2021", "2 0 2 1", "a"];

describe("findDeadline's YEAR guard", () => {
  it("a string YEAR does not match holds no date dateAt reads, from any offset", () => {
    fc.assert(fc.property(folded(PIECES), (s) => {
      fc.pre(!YEAR.test(s));
      for (let k = 0; k <= s.length; k++) expect(dateAt(s.slice(k), 6)?.iso ?? null).toBeNull();
    }), { numRuns: 3000 });
  });

  it("a string YEAR does not match holds no MONTH or QUARTER match", () => {
    fc.assert(fc.property(folded(PIECES), (s) => {
      fc.pre(!YEAR.test(s));
      expect(s.match(MONTH)).toBeNull();
      expect(s.match(QUARTER_BODY)).toBeNull();
    }), { numRuns: 3000 });
  });

  it("dates and years are found where YEAR matches (the pieces reach them)", () => {
    expect(dateAt("15/8/2021", 6)?.iso).toBe("2021-08-15");
    expect(dateAt("ngay 1 thang 9 nam 2 0 2 1", 6)?.iso).toBe("2021-09-01");
    expect(YEAR.test("2 0 2 1") && YEAR.test("2021")).toBe(true);
  });
});

describe("withinMatches is the global scan of WITHIN (deadlines.ts)", () => {
  const piece = fc.constantFrom("trong", "rong", "t", "tr", "otrong", "vong", "thoi han", "thoi gian", " ", "  ", "\n", "\u00a0", "1", "05", "123", "mot", "hai", "muoi lam", "ba muoi", "ngay", "ngay lam viec", "tuan", "thang", "a", "đ");
  const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));

  it("gives the matches, at the same offsets, with the same groups", () => {
    const re = /(?<![a-z])trong\s*(?:vong|thoi han|thoi gian)?\s*(\d{1,3}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi lam|muoi nam|hai muoi|ba muoi|muoi)\s*(ngay lam viec|ngay|tuan|thang)(?![a-z])/g;
    fc.assert(fc.property(text, (s) => {
      expect(withinMatches(s).map((m) => [m.index, [...m]])).toEqual([...s.matchAll(re)].map((m) => [m.index, [...m]]));
    }), { numRuns: 5000 });
  });

  it("finds \"trong\" at the very start", () => {
    expect(withinMatches("trong 05 ngay").map((m) => m.index)).toEqual([0]);
  });
});
