import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lowerChars } from "../text/fold.js";
import { findAgencies, hasPluralWord, levelOf, readAgencyList, toSource } from "./recognize.js";

const list = (text: string) => readAgencyList(toSource(text), 0, text.length).mentions;
const names = (text: string) => list(text).map((m) => m.text);

describe("agency lists split where the genre splits them", () => {
  it("keeps a sector name with 'và' whole", () => {
    expect(names("Sở Nông nghiệp và Phát triển nông thôn, Sở Giao thông vận tải chủ trì")).toEqual(["Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải"]);
  });

  it("keeps a collective enumeration as one mention", () => {
    const m = list("các sở, ban, ngành liên quan và UBND các huyện, thị xã, thành phố triển khai");
    expect(m.map((x) => x.text)).toEqual(["các sở, ban, ngành liên quan", "UBND các huyện, thị xã, thành phố"]);
    expect(m.every((x) => x.collective)).toBe(true);
    expect(m[1]!.level).toBe("district");
    expect(m[1]!.expanded).toBe("Ủy ban nhân dân các huyện, thị xã, thành phố");
  });

  it("distributes a plural head over capitalised names", () => {
    expect(names("Các đảng ủy Công an tỉnh, Quân sự tỉnh, Bộ đội Biên phòng tỉnh chỉ đạo")).toEqual(["Các đảng ủy Công an tỉnh", "đảng ủy Quân sự tỉnh", "đảng ủy Bộ đội Biên phòng tỉnh"]);
  });

  it("reads roles that stand for their agency", () => {
    const m = list("Chủ tịch Ủy ban nhân dân các huyện, thành phố trong tỉnh có trách nhiệm");
    expect(m[0]!.text).toBe("Chủ tịch Ủy ban nhân dân các huyện, thành phố trong tỉnh");
    expect(m[0]!.role).toBe("chủ tịch");
  });

  it("stops at the verb that follows the name", () => {
    expect(names("Ban Tuyên giáo Tỉnh ủy phối hợp với các cơ quan")).toEqual(["Ban Tuyên giáo Tỉnh ủy"]);
    expect(names("Ban hành kèm theo Quyết định này")).toEqual([]);
  });

  it("types levels from the words", () => {
    expect(levelOf("Bộ Y tế")).toBe("central");
    expect(levelOf("Sở Y tế")).toBe("province");
    expect(levelOf("các đoàn thể chính trị - xã hội của tỉnh")).toBe("province");
    expect(levelOf("UBND các xã, phường, thị trấn")).toBe("commune");
  });

  it("finds every mention in a paragraph", () => {
    const text = "Sở Y tế chủ trì, phối hợp với Sở Thông tin và Truyền thông và các địa phương.";
    expect(findAgencies(toSource(text)).map((m) => m.text)).toEqual(["Sở Y tế", "Sở Thông tin và Truyền thông", "các địa phương"]);
  });
});


describe("a name's plural word is read on the name as on its lower case", () => {
  const piece = fc.constantFrom("các", "Các", "CÁC", "cÁc", "những", "Những", "NHỮNG", "nhữnG", "ca", "c", "á", " ", "x", "_", "1", "\u212A", "\u017F", "İ", "Σ", "đ", "-", "\u{1F600}");
  const name = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));

  it("matches /\\bcác\\b|\\bnhững\\b/u on lowerChars(name)", () => {
    fc.assert(fc.property(name, (s) => {
      expect(hasPluralWord(s)).toBe(/\bcác\b|\bnhững\b/u.test(lowerChars(s)));
    }));
  });
});
