import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeUnits, fromCodeUnits, mapCodeUnits, UnitScratch } from "./codeunits.js";
import { foldChars } from "./fold.js";

/** Any UTF-16 units, lone surrogates included, plus Vietnamese letters and white space. */
const text = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 }).map((a) => String.fromCharCode(...a)),
  fc.array(fc.constantFrom("a", "Ệ", "đ", "Đ", "ư", "Ơ", " ", "\n", "\t", "\u0301", "\ud83d", "\ude00", "İ", "Ω"), { maxLength: 64 }).map((a) => a.join("")),
);

describe("codeUnits", () => {
  it("gives the charCodeAt of every unit and round-trips", () => {
    fc.assert(
      fc.property(text, (s) => {
        const units = codeUnits(s);
        for (let i = 0; i < s.length; i++) if (units[i] !== s.charCodeAt(i)) return false;
        return units.length === s.length && fromCodeUnits(units) === s;
      }),
      { numRuns: 20000 },
    );
  });

  it("handles long texts (not from Buffer's pool)", () => {
    const s = "Điều 1. ".repeat(5000);
    expect(fromCodeUnits(codeUnits(s))).toBe(s);
    expect(mapCodeUnits(s, new Uint16Array(0))).toBe(s);
    expect(mapCodeUnits("a\ud83d", new Uint16Array(0))).toBe("a\ufffd");
  });
});

describe("UnitScratch", () => {
  it("copies the empty text first, then others (a scanned page's text layer is empty)", () => {
    const scratch = new UnitScratch();
    expect(scratch.copy("")).toHaveLength(0);
    expect(Array.from(scratch.copy("Ab"))).toEqual([65, 98]);
  });

  it("copies as codeUnits does, texts growing and shrinking in turn", () => {
    const scratch = new UnitScratch();
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) =>
        texts.every((s) => {
          const units = scratch.copy(s);
          return units.length === s.length && units.every((u, i) => u === s.charCodeAt(i));
        }),
      ),
      { numRuns: 5000 },
    );
  });

  it("gives a text over its limit a copy of its own, and does not keep it", () => {
    const scratch = new UnitScratch();
    const long = "Điều 1. ".repeat(300_000);
    expect(fromCodeUnits(scratch.copy(long))).toBe(long);
    expect(scratch.copy("ab").buffer.byteLength).toBeLessThan(long.length);
    expect(fromCodeUnits(scratch.units(5))).toHaveLength(5);
  });
});

describe("foldChars", () => {
  /** The fold of each unit on its own (units from U+2000 kept), decoded as TextDecoder decodes. */
  const unitByUnit = (s: string): string => {
    const mapped = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      mapped[i] = c < 0x2000 ? foldChars(String.fromCharCode(c)).charCodeAt(0) : c;
    }
    return new TextDecoder("utf-16le").decode(mapped);
  };

  it("maps a whole text as it maps each unit, on every unit and on random strings", () => {
    let all = "";
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    expect(foldChars(all)).toBe(unitByUnit(all));
    fc.assert(fc.property(text, (s) => foldChars(s) === unitByUnit(s)), { numRuns: 20000 });
  });
});
