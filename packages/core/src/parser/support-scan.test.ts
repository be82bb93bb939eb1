import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { supportMatches } from "./tasks.js";

describe("supportMatches is the global scan of SUPPORT (tasks.ts)", () => {
  const piece = fc.constantFrom("phoi hop", "voi su phoi hop cua", "voi su ", "cung voi", "cung", "cung ", "voi", "ung voi", "c", "oi", " ", "  ", "\n", "\u00a0", "chat che ", "cung ", "a", "đ", ",", "1");
  const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(""));

  it("gives the matches, at the same offsets, with the same text", () => {
    const re = /(?<![a-z])(?:phoi hop|voi su phoi hop cua|cung voi)\s*(?:chat che\s*)?(?:voi\s+|cung\s+)?/g;
    fc.assert(fc.property(text, (s) => {
      expect(supportMatches(s).map((m) => [m.index, m[0]])).toEqual([...s.matchAll(re)].map((m) => [m.index, m[0]]));
    }), { numRuns: 5000 });
  });

  it("finds \"cung voi\" at the very start and after \"phoi hop\"", () => {
    expect(supportMatches("cung voi So Y te").map((m) => m.index)).toEqual([0]);
    expect(supportMatches("phoi hop cung voi So").map((m) => [m.index, m[0]])).toEqual([[0, "phoi hop cung "]]);
  });
});
