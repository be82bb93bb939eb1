import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bulletEnd } from "./closing.js";
import { opensContinuation } from "../text/normalize.js";

const pieces = ["-", "–", "—", "+", "•", "·", "~", "*", " ", "\t", "\u00a0", "\u3000", "\u2028", "a", "Như", "_", "(", "“", "\"", "ư", "Ư", "\u{1D41A}", "\u{1D400}", ")"];
const line = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(""));

describe("hand scans answer as the regexes they replace", () => {
  it("bulletEnd is where /^\\s*[-–—+•·~*]\\s*/u ends (closing BULLET)", () => {
    const bullet = /^\s*[-–—+•·~*]\s*/u;
    fc.assert(fc.property(line, (s) => {
      const m = bullet.exec(s);
      expect(bulletEnd(s)).toBe(m ? m[0].length : -1);
      expect(bulletEnd(s) < 0 ? s : s.slice(bulletEnd(s))).toBe(s.replace(bullet, ""));
    }), { numRuns: 4000 });
  });

  it("opensContinuation is /^[\\p{Ll}(“\"]/u (normalize wrapGlue)", () => {
    fc.assert(fc.property(line, (s) => {
      expect(opensContinuation(s)).toBe(/^[\p{Ll}(“"]/u.test(s));
    }), { numRuns: 4000 });
    for (let c = 0; c < 0x10000; c++) expect(opensContinuation(String.fromCharCode(c))).toBe(/^[\p{Ll}(“"]/u.test(String.fromCharCode(c)));
  });
});
