import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isPersonNameUncached, mayOpenName } from "./names.js";

describe("mayOpenName before the person-name memo", () => {
  it("never rejects a text isPersonNameUncached accepts (strict or loose)", () => {
    const piece = fc.constantFrom("Nguyễn", "Văn", "A", "an", " ", "\t", "\u00a0", "-", "–", ".", ",", ";", "(", "1", "đ", "Đ", "Ủy", "\u{1D400}", "Như trên", "NGUYỄN", "X");
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join("")), (s) => {
      if (mayOpenName(s)) return;
      expect(isPersonNameUncached(s, true)).toBe(false);
      expect(isPersonNameUncached(s, false)).toBe(false);
    }), { numRuns: 3000 });
  });
});
