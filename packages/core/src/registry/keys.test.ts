import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codeKey, nameKey } from "./keys.js";

describe("nameKey", () => {
  it("forgets case, diacritics, tone placement, abbreviations and punctuation", () => {
    expect(nameKey("Sở Y tế")).toBe("so y te");
    expect(nameKey("SỞ Y TẾ")).toBe("so y te");
    expect(nameKey("UBND tỉnh Khánh Hoà")).toBe(nameKey("Ủy ban nhân dân tỉnh Khánh Hòa"));
    expect(nameKey("Sở Lao động - Thương binh và Xã hội")).toBe("so lao dong thuong binh va xa hoi");
    expect(nameKey("Sở LĐTBXH")).toBe(nameKey("Sở Lao động – Thương binh và Xã hội"));
    expect(nameKey("Đắk Lắk")).toBe("dak lak");
  });
  it("is idempotent on its own output", () => {
    fc.assert(fc.property(fc.string(), (s) => nameKey(nameKey(s)) === nameKey(s)));
  });
});

describe("codeKey", () => {
  it("forgets case, spacing and diacritics of a number/symbol", () => {
    expect(codeKey("16/CT-TTg")).toBe("16/CT-TTG");
    expect(codeKey(" 16 / ct-TTg ")).toBe("16/CT-TTG");
    expect(codeKey("2686/QĐ-UBND")).toBe("2686/QD-UBND");
  });
});
