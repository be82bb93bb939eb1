import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldAndLower, foldChars, lowerChars } from "./fold.js";

/** Any UTF-16 units, plus Vietnamese letters, punctuation and the units lower-casing has rules for. */
const text = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 }).map((a) => String.fromCharCode(...a)),
  fc.array(fc.integer({ min: 0, max: 0x2200 }), { maxLength: 64 }).map((a) => String.fromCharCode(...a)),
  fc
    .array(fc.constantFrom("a", "Ệ", "đ", "Đ", "ư", "Ơ", "Ỷ", " ", "\n", "\t", "“", "”", "–", "Σ", "ΑΣ", "İ", "Ω", "K", "Ⅳ", "Ａ", "\ud801\udc00", "\ud83d", "\ude00", "\uffff"), { maxLength: 64 })
    .map((a) => a.join("")),
);

describe("foldAndLower", () => {
  const same = (s: string): boolean => {
    const both = foldAndLower(s);
    return both.folded === foldChars(s) && both.lower === lowerChars(s);
  };

  it("gives foldChars and lowerChars of random texts", () => {
    fc.assert(fc.property(text, same), { numRuns: 30000 });
  });

  it("gives them for every unit alone and after a letter (Σ's context), and on a long text", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(same(ch) && same(`A${ch}`) && same(`A${ch} b`)).toBe(true);
    }
    expect(same("Điều 1. Ủy ban nhân dân “Tỉnh” – ".repeat(3000))).toBe(true);
  });
});
