import { matchesAfterNonLetter, matchesNear } from "../text/scan.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { collapseSpaces, collapseTrimmed } from "../text/fold.js";
import { firstSentenceEnd, innerAskMatches } from "./tasks.js";
import { addDays } from "./dates.js";
import { trimSeparators } from "./closing.js";
import { endsWithWordDash } from "./header.js";

/** What a global regex scan gives: index, text and groups of every match. */
function globalScan(re: RegExp, s: string): [number, string[]][] {
  return [...s.matchAll(re)].map((m) => [m.index, [...m]]);
}

function shapes(ms: RegExpExecArray[]): [number, string[]][] {
  return ms.map((m) => [m.index, [...m]]);
}

describe("hand-written scans answer as the regexes they replace", () => {
  // White space of every kind JavaScript knows, and units that are not white space.
  const space = fc.constantFrom(" ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u0085", "\u200b");
  const word = fc.constantFrom("a", "Sở", "đề", "x.", "1");
  const spaced = fc.array(fc.oneof(space, word), { maxLength: 14 }).map((p) => p.join(""));

  it("collapseTrimmed is s.replace(/\\s+/g, \" \").trim()", () => {
    fc.assert(fc.property(spaced, (s) => {
      expect(collapseTrimmed(s)).toBe(s.replace(/\s+/g, " ").trim());
    }));
  });

  it("collapseSpaces is s.replace(/\\s+/g, \" \")", () => {
    fc.assert(fc.property(spaced, (s) => {
      expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, " "));
    }));
  });

  // Pieces of a citation's number and symbol, so that matches are common.
  const codePiece = fc.constantFrom("1", "16", "12345", "123456", "/", "-", " - ", " ", "CT", "CT-TTg", "QĐ", "2021/", "KL/TW", "a", "đ", ".", "\n", "Ư", "&", "x/");
  const codeText = fc.array(codePiece, { maxLength: 14 }).map((p) => p.join(""));

  it("matchesNear(CODE, s, \"/\", 13, digit) is the global scan of CODE (citations.ts)", () => {
    const source = String.raw`(?<![\p{L}\p{N}/.-])(\d{1,5})(?:\s?-\s?([A-ZĐ][A-Za-zĐđ]{0,4})\/|\/(?:(\d{4})\/)?)((?:[A-ZĐ][\p{L}0-9&]*)(?:-[\p{L}0-9&]+)*)`;
    const sticky = new RegExp(source, "uy");
    const global = new RegExp(source, "gu");
    const isDigit = (u: number): boolean => u >= 48 && u <= 57;
    fc.assert(fc.property(codeText, (s) => {
      expect(shapes(matchesNear(sticky, s, "/", 13, isDigit))).toEqual(globalScan(global, s));
    }));
  });

  // Pieces of the asking phrases, so that matches (and near misses) are common.
  const askPiece = fc.constantFrom("de", "de nghi", "yeu cau", "giao cho", "keu goi", "den", "ode", " ", "\n", "\u00a0", "\u2028", "\u0085", "So", "a", "đ", ",", "1", "cac");
  const askText = fc.array(askPiece, { maxLength: 14 }).map((p) => p.join(""));

  it("innerAskMatches is the global scan of INNER_ASK (tasks.ts)", () => {
    const re = /(?<![a-z])(?:de nghi|yeu cau|giao cho|keu goi|de)\s+(?=\p{L})/gu;
    fc.assert(fc.property(askText, (s) => {
      expect(shapes(innerAskMatches(s))).toEqual(globalScan(re, s));
    }));
  });

  it("trimSeparators is the edge regexes of cleanItem (closing.ts) and trim", () => {
    const edge = fc.array(fc.oneof(space, word, fc.constantFrom(",", ";", ".", ", .", "\ud83d\ude00")), { maxLength: 14 }).map((p) => p.join(""));
    fc.assert(fc.property(edge, (s) => {
      expect(trimSeparators(s)).toBe(s.replace(/[\s,;.]+$/u, "").replace(/^[\s,;.]+/u, "").trim());
    }));
  });

  it("endsWithWordDash is /\\S-$/ (header.ts)", () => {
    const dashed = fc.array(fc.oneof(space, word, fc.constantFrom("-", " -", "--", "\ud83d\ude00-")), { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(fc.property(dashed, (s) => {
      expect(endsWithWordDash(s)).toBe(/\S-$/.test(s));
    }));
  });

  // Pieces of deadlines (deadlines.ts), with letters and spaces around them.
  const deadlinePiece = fc.constantFrom("truoc", "xong truoc", "hoan thanh truoc", "cham nhat la", "thoi han", "han chot", "khong qua", "ngay", " ", "\n", "1", "15", "gio", "h", "quy", "iii", "iv", "2021", "/", "-", "nam", "trong", "a", "x", "đ", ",");
  const deadlineText = fc.array(deadlinePiece, { maxLength: 14 }).map((p) => p.join(""));
  const before = String.raw`(?:truoc|cham nhat(?: la)?|han chot|han cuoi|thoi han|khong qua|xong truoc|hoan thanh truoc)\s*(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2})?\s*,?\s*)?(?=\d|ngay)`;
  const quarter = String.raw`(?:trong\s*)?quy\s*(iv|iii|ii|i|[1-4])\s*(?:[-/]|nam)?\s*(\d{4})`;

  for (const [name, body] of [["BEFORE", before], ["QUARTER", quarter]] as const) {
    it(`matchesAfterNonLetter is the global scan of ${name} with its look-behind`, () => {
      const bodyRe = new RegExp(body, "g");
      const whole = new RegExp(`(?<![a-z])${body}`, "g");
      fc.assert(fc.property(deadlineText, (s) => {
        expect(shapes(matchesAfterNonLetter(bodyRe, s))).toEqual(globalScan(whole, s));
      }));
    });
  }

  it("firstSentenceEnd is /[.!?](?:\\s|$)|\\n/u on the slice (tasks.ts)", () => {
    const prose = fc.array(fc.oneof(space, word, fc.constantFrom(".", "!", "?", ". ", "\n", "\ud83d\ude00")), { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(fc.property(prose, fc.nat(), fc.nat(), (s, a, b) => {
      const start = Math.min(a, b) % (s.length + 2);
      const end = Math.max(a, b) % (s.length + 2);
      const m = /[.!?](?:\s|$)|\n/u.exec(s.slice(start, end));
      expect(firstSentenceEnd(s, start, end)).toBe(m ? start + m.index : end);
    }));
  });

  it("addDays remembers its results without changing them", () => {
    const reference = (iso: string, n: number): string => {
      const d = new Date(iso + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    const iso = fc.constantFrom("2021-08-15", "2020-02-28", "2021-12-31", "2024-02-29");
    fc.assert(fc.property(fc.array(fc.tuple(iso, fc.integer({ min: 0, max: 400 })), { maxLength: 8 }), (asks) => {
      for (const [d, n] of asks) expect(addDays(d, n)).toBe(reference(d, n));
    }));
  });
});
