import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "./encoding.js";
import { caseCount, isLowerUnit, isSpaceUnit, isUpperUnit } from "./fold.js";
import { LAYOUT_UNIT, LINE_DIRTY, MARKER_CLASS, MARKER_UNIT, NFC_UNSTABLE, PDF_OI_UNIT, scanUnits, VIQR_UNIT } from "./unitscan.js";

/** Units around every class boundary, surrogates, NFD marks and Vietnamese letters. */
const UNITS = [
  0x41, 0x61, 0x65, 0x20, 0x20, 0x20, 0x0a, 0x0a, 0x0d, 0x09, 0x0c, 0x0b, 0x2a, 0x23, 0x5c, 0x5e, 0x7c, 0x5f, 0x2b, 0x60, 0x7e, 0x28, 0xa0, 0xa9, 0xc0, 0xc3, 0xd0, 0xf0,
  0xe2, 0xea, 0x111, 0x110, 0x1a2, 0x1a3, 0x1b0, 0x1af, 0x1ec7, 0x1ea0, 0x301, 0x323, 0x2007, 0x202f, 0x200b, 0x200d, 0xfeff, 0x2000, 0x2028, 0x3000, 0x2126, 0xd83d,
  0xde00, 0xdc00, 0x1100, 0x1161, 0x391, 0x3b1,
];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 24 }).map((a) => String.fromCharCode(...a));

describe("scanUnits", () => {
  it("answers each class test and NEEDS_CLEANING per line as the regexes do", () => {
    const tests: [number, RegExp][] = [
      [PDF_OI_UNIT, /[\u01a2\u01a3]/],
      [VIQR_UNIT, /[\^+`~]/],
      [MARKER_UNIT, new RegExp(`[${MARKER_CLASS}]`)],
      [LAYOUT_UNIT, /[\r\u00a0\u2007\u202f\u200b-\u200d\ufeffÐð]/],
    ];
    fc.assert(
      fc.property(text, (s) => {
        const scan = scanUnits(s);
        for (const [bit, re] of tests) if (((scan.classes & bit) !== 0) !== re.test(s)) return false;
        if ((scan.classes & NFC_UNSTABLE) === 0 && s.normalize("NFC") !== s) return false;
        const lines = s.split("\n");
        return scan.lines.length === lines.length && lines.every((l, k) => ((scan.lines[k]! & LINE_DIRTY) !== 0) === /[*#\\^|_\t\f]| {2}/.test(l));
      }),
      { numRuns: 30000 },
    );
  });
});

describe("caseCount", () => {
  /** Counted unit by unit with the character tests (letters only below U+2000). */
  const byTests = (s: string) => {
    let upper = 0;
    let lower = 0;
    let spaced = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x2000 && isUpperUnit(c)) upper++;
      else if (c < 0x2000 && isLowerUnit(c)) lower++;
      else if (isSpaceUnit(c)) spaced = true;
    }
    return { upper, lower, spaced };
  };

  it("equals a count by the character tests on every unit and on random strings", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(caseCount(ch)).toEqual(byTests(ch));
    }
    fc.assert(fc.property(text, (s) => JSON.stringify(caseCount(s)) === JSON.stringify(byTests(s))), { numRuns: 20000 });
  });
});

describe("repairMojibake given scanUnits' classes", () => {
  it("gives repairMojibake's result", () => {
    const samples = ["Uû ban nh©n d©n", "Ủy ban nhân dân tỉnh", "BỘ TRƢỞNG", "Vie^.t Nam", "a^ b+ c~", "e\u0301 x"];
    const withSamples = fc.oneof(text, fc.constantFrom(...samples), fc.tuple(fc.constantFrom(...samples), text).map(([a, b]) => a + b));
    fc.assert(
      fc.property(withSamples, (s) => JSON.stringify(repairMojibake(s, scanUnits(s).classes)) === JSON.stringify(repairMojibake(s))),
      { numRuns: 20000 },
    );
  });
});
