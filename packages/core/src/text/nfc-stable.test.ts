import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NFC_STABLE_RANGES, NFC_UNSTABLE, unitClasses } from "./unitscan.js";

const stableUnits = NFC_STABLE_RANGES.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k));

/** Code points that stand after the first in the NFD of some code point (every mark that composes). */
function nonInitialInNfd(): Set<number> {
  const out = new Set<number>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const d = ch.normalize("NFD");
    if (d === ch) continue;
    for (const part of [...d].slice(1)) out.add(part.codePointAt(0)!);
  }
  return out;
}

/** Canonical combining class 0: a grave (230) or grave below (220) mark is not reordered past it. */
function isStarter(ch: string): boolean {
  const same = (s: string) => s.normalize("NFD") === s;
  return same("\u0301" + ch) && same(ch + "\u0301") && same(ch + "\u0316");
}

describe("NFC_STABLE_RANGES", () => {
  it("holds only units that NFC leaves alone wherever they stand", () => {
    // The second character of a canonical decomposition pair is never decomposable, so every
    // character that can compose with the one before it shows up in nonInitial.
    const nonInitial = nonInitialInNfd();
    for (const c of stableUnits) {
      const ch = String.fromCharCode(c);
      const first = ch.normalize("NFD").charAt(0);
      expect(ch.normalize("NFC"), c.toString(16)).toBe(ch);
      expect(isStarter(first), c.toString(16)).toBe(true);
      expect(nonInitial.has(first.charCodeAt(0)), c.toString(16)).toBe(false);
    }
  });

  it("gives strings that normalize does not change (every pair of units)", () => {
    const all = stableUnits.map((c) => String.fromCharCode(c));
    for (const a of all) for (const b of all) if ((a + b).normalize("NFC") !== a + b) throw new Error(`${a}${b}`);
  });

  it("flags every string that NFC changes (random strings)", () => {
    const units = [0x41, 0x61, 0x65, 0xea, 0x1b0, 0x1ec7, 0x300, 0x301, 0x302, 0x323, 0x309, 0x2000, 0x2126, 0x1100, 0x1161, 0xac00, 0x11a8, 0xd835, 0xdc00, 0x20, 0x0a];
    const text = fc.array(fc.constantFrom(...units), { maxLength: 12 }).map((a) => String.fromCharCode(...a));
    fc.assert(fc.property(text, (s) => (unitClasses(s) & NFC_UNSTABLE) !== 0 || s.normalize("NFC") === s), { numRuns: 20000 });
  });
});
