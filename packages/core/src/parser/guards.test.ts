import { unitInHead } from "../text/scan.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { noNearStart } from "./closing.js";
import { isHeading, isRule, markerOf } from "./outline.js";

/** Short lines built from the pieces the guarded patterns look for, so that matches are common. */
function lines(pieces: string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(""));
}

describe("first-unit guards never reject a line their regex matches", () => {
  it("unitInHead(s, 4, 'v') before /^\\W{0,3}v…/ (header VV)", () => {
    const vv = /^\W{0,3}v\s*(?:\/\s*v|\/|w)\s*[:.]?\s+/;
    fc.assert(fc.property(lines(["v", "V", "/", "w", " ", "-", "*", ":", "(", "a", "\t", "v/v "]), (s) => {
      expect(unitInHead(s, 4, 118) ? vv.test(s) : false).toBe(vv.test(s));
    }));
  });

  it("unitInHead(s, 4, 's', '$') before the code-line pattern (parse codeLines)", () => {
    const code = /^\W{0,3}(?:so|s6|\$6|\$o)\s*[:;.]?\s*[\d$#{l]/;
    fc.assert(fc.property(lines(["s", "so", "$", "$6", "6", "o", " ", ":", "-", "1", "l", "#", "("]), (s) => {
      expect(unitInHead(s, 4, 115, 36) ? code.test(s) : false).toBe(code.test(s));
    }));
  });

  it("noNearStart before /^[^\\p{L}\\d]{0,4}n[oơ0ô]i\\s*nh[aâậ]n…/iu (closing NOI_NHAN)", () => {
    const noi = /^[^\p{L}\d]{0,4}n[oơ0ô]i\s*nh[aâậ]n\s*[:;.]?/iu;
    fc.assert(fc.property(lines(["n", "N", "o", "O", "ơ", "Ơ", "ô", "Ô", "0", "i", "I", " ", "-", "*", "nh", "NH", "ận", "ẬN", "a", "Â", ":", "\u{1D400}"]), (s) => {
      expect(noNearStart(s) ? noi.test(s) : false).toBe(noi.test(s));
    }));
  });

  it("isHeading and isRule answer as HEADING and RULE on trimmed lines (outline)", () => {
    const heading = /^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[\dIVXLC]+\b/u;
    const rule = /^[-–—_=*~.\s]{3,}$|^[*]$/u;
    fc.assert(fc.property(lines(["Chương", "CHƯƠNG", "Mục", "MỤC", "Phần", "PHẦN", " ", "I", "V", "1", "-", "–", "—", "_", "=", "*", "~", ".", "\t", "a"]), (raw) => {
      const s = raw.trim();
      expect(isHeading(s)).toBe(heading.test(s));
      expect(isRule(s)).toBe(rule.test(s));
    }));
  });
});

/** markerOf as it was: every pattern tried in turn. */
function markerChain(line: string): { kind: string; label: string; length: number } | null {
  const chain: [string, RegExp][] = [
    ["dieu", /^Điều\s+(\d{1,3})\s*[.:]\s*/u],
    ["roman", /^([IVX]{1,5})\s*[.)/]\s+(?=\S)/u],
    ["arabic", /^(\d{1,2}(?:\.\d{1,2}){0,2})\s*(?:[.)]|\/(?!\d))\s*(?=\S)/u],
    ["arabic", /^(\d{1,2}(?:\.\d{1,2}){1,2})\s+(?=\p{Lu})/u],
    ["letter", /^([a-zđ])\s*\)\s*(?=\S)|^([a-zđ])\.\s+(?=\p{Lu})/u],
    ["paren", /^\(([ivx]{1,4}|\d{1,2}|[a-zđ])\)\s*(?=\S)/u],
    ["bullet", /^[-–—•·●▪]\s*(?=[^\s\-–—_=*.])/u],
    ["plus", /^[+]\s*(?=\S)/u],
  ];
  for (const [kind, re] of chain) {
    const m = re.exec(line);
    if (!m) continue;
    const label = kind === "arabic" ? m[1]!.split(".").pop()! : kind === "letter" ? (m[1] ?? m[2]!) : kind === "bullet" || kind === "plus" ? "" : m[1]!;
    return { kind, label, length: m[0].length };
  }
  return null;
}

describe("outline markerOf", () => {
  it("picks by the first unit the marker the full pattern chain finds", () => {
    const piece = fc.constantFrom("Điều", "Đ", "I", "V", "X", "1", "12", ".", "3", ")", "/", "a", "đ", "b", "(", "i", "+", "-", "–", "•", "●", "▪", "·", " ", "Nội", "x", ":", "=", "_");
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join("")), (s) => {
      expect(markerOf(s)).toEqual(markerChain(s));
    }), { numRuns: 3000 });
  });
});
