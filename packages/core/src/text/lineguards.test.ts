import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mayBeListMarker, mayBePageNumber, maySectionStart, opensLetterParen } from "./lineguards.js";

/** Short lines built from the pieces the guarded patterns look for, so that matches are common. */
function lines(pieces: string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(""));
}

const PAGE_NUMBER = /^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;
const LIST_MARKER = /^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[a-zđ]\s*\)|[IVXLC]{1,6}\s*[.)]|[-–—+•*·●▪○]\s|[-–—+•]\S|Điều\s+\d+|Điều\s+[IVX]+)/u;
const SECTION_START = /^(?:n[ơo]i\s*nh[aậ]n|k[íi]nh\s*g[ửu]i|căn\s*cứ|quyết\s*định\s*:|t[\/.]?\s*[mlM]\b|kt\b|tl\b|tm\b|\W{0,2}v\s*\/\s*v|s[ốoóôơ6]\s*[:;]|\$6|thông báo|quyết định|chỉ thị|công điện)/iu;

describe("normalize line guards never reject a line their regex matches", () => {
  it("mayBePageNumber before PAGE_NUMBER", () => {
    fc.assert(fc.property(lines(["-", "–", "—", " ", "\u3000", "\t", "1", "23", "trang", "TRANG", "Trang ", "/", "a", ".", "Sở"]), (s) => {
      if (!mayBePageNumber(s)) expect(PAGE_NUMBER.test(s)).toBe(false);
    }), { numRuns: 4000 });
  });

  it("mayOpenListMarker before LIST_MARKER", () => {
    fc.assert(fc.property(lines(["1", "2.", ".", ")", "/", "a", "đ", "Đ", "z", "I", "V", "X", "L", "C", "Ủ", "T", "-", "–", "—", "+", "•", "*", "·", "●", "▪", "○", " ", "Điều", "Điều 3", "\u{1D400}", "\u00a0", "\t", "ư"]), (s) => {
      if (!mayBeListMarker(s)) expect(LIST_MARKER.test(s)).toBe(false);
      expect(opensLetterParen(s)).toBe(/^[a-zđ]\s*\)/u.test(s));
    }), { numRuns: 4000 });
  });

  it("maySectionStart before SECTION_START", () => {
    const pieces = ["nơi", "NOI", "nhận", "kính", "KÍNH", "\u212Aính", "gửi", "căn cứ", "CĂN", "quyết định:", "QUYẾT ĐỊNH", "t/", "T.", "m", "M", "l", "kt", "KT", "tl", "tm", "v", "V", "/", " ", "-", "(", "s", "S", "\u017F", "ố", "6", ":", "$6", "thông báo", "chỉ thị", "công điện", "Ủy", "\u{1D400}", "x"];
    fc.assert(fc.property(lines(pieces), (s) => {
      if (!maySectionStart(s)) expect(SECTION_START.test(s)).toBe(false);
    }), { numRuns: 4000 });
  });

  it("the guards answer the regexes on every single code unit and unit pair", () => {
    for (let c = 0; c < 0x10000; c += 1) {
      const s = String.fromCharCode(c);
      for (const t of [s, s + " ", s + "1", s + ")", s + " )", s + "\u3000)"]) {
        if (!mayBeListMarker(t)) expect(LIST_MARKER.test(t)).toBe(false);
        expect(opensLetterParen(t)).toBe(/^[a-zđ]\s*\)/u.test(t));
      }
      for (const t of [s, s + "ơi nhận", s + "t", s + "6:", s + "ính gửi"]) if (!maySectionStart(t)) expect(SECTION_START.test(t)).toBe(false);
      if (!mayBePageNumber(s)) expect(PAGE_NUMBER.test(s)).toBe(false);
    }
  });
});
