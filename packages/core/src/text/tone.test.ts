import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { canonicalTone } from "./tone.js";
import { VOWELS, toned } from "./letters.js";

describe("canonicalTone", () => {
  it.each([
    ["hoà", "hòa"],
    ["hoá", "hóa"],
    ["thuỷ", "thủy"],
    ["hoè", "hòe"],
    ["uỷ ban", "ủy ban"],
    ["khoẻ", "khỏe"],
    ["Hoà Bình", "Hòa Bình"],
    ["HOÀ", "HÒA"],
    ["UỶ", "ỦY"],
    ["CỘNG HOÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI"],
    ["tuỳ theo, hoạ sĩ", "tùy theo, họa sĩ"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalTone(input)).toBe(expected);
  });

  it.each(["quý", "Quỳnh", "QUỸ", "hoàn", "thuyết", "khuya", "hòa", "thủy", "toán", "khoảng", "uyên"])(
    "leaves %s unchanged",
    (word) => {
      expect(canonicalTone(word)).toBe(word);
    },
  );

  it("maps the two spellings of a phrase to one key", () => {
    expect(canonicalTone("Uỷ ban nhân dân tỉnh Khánh Hoà")).toBe(canonicalTone("Ủy ban nhân dân tỉnh Khánh Hòa"));
  });

  const vietnameseText = fc
    .array(fc.constantFrom(...VOWELS, ...Array.from(VOWELS, (v) => toned(v, 2)), ...Array.from(VOWELS, (v) => toned(v, 3)), "h", "q", "t", "n", " ", ",", "-"), { maxLength: 40 })
    .map((chars) => chars.join(""));

  it("is length-preserving and idempotent on NFC text (property)", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const once = canonicalTone(text);
        expect(once.length).toBe(text.length);
        expect(once.normalize("NFC")).toBe(once);
        expect(canonicalTone(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
