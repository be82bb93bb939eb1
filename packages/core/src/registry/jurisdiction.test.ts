import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jurisdictionOf } from "./jurisdiction.js";
import { placeWords, titleCase } from "./place-words.js";

describe("jurisdictionOf", () => {
  it("reads a province from a people's committee, a party committee and a steering committee", () => {
    expect(jurisdictionOf({ issuer: "UBND TỈNH KHÁNH HÒA" })).toEqual({ level: "province", places: { province: "Khánh Hòa" } });
    expect(jurisdictionOf({ issuer: "TỈNH ỦY ĐẮK LẮK" })).toEqual({ level: "province", places: { province: "Đắk Lắk" } });
    expect(jurisdictionOf({ issuer: "Tỉnh uỷ Khánh Hoà" })).toEqual({ level: "province", places: { province: "Khánh Hòa" } });
    expect(jurisdictionOf({ issuer: "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH KON TUM" })).toEqual({ level: "province", places: { province: "Kon Tum" } });
  });

  it("reads a district and takes its province from the parent or the place line", () => {
    expect(jurisdictionOf({ issuer: "UBND HUYỆN CƯ M'GAR", place: "Đắk Lắk" })).toEqual({ level: "district", places: { district: "Cư M'gar", province: "Đắk Lắk" } });
    expect(jurisdictionOf({ issuer: "UBND HUYỆN CƯ M'GAR", parent: "UBND TỈNH ĐẮK LẮK", place: "Cư M'gar" })).toEqual({
      level: "district",
      places: { district: "Cư M'gar", province: "Đắk Lắk" },
    });
    expect(jurisdictionOf({ issuer: "Huyện ủy Việt Yên", parent: "Đảng bộ tỉnh Bắc Giang", place: "Việt Yên" })).toEqual({
      level: "district",
      places: { district: "Việt Yên", province: "Bắc Giang" },
    });
    expect(jurisdictionOf({ issuer: "Ủy ban nhân dân huyện", place: "Cần Giuộc" })).toEqual({ level: "district", places: { district: "Cần Giuộc" } });
  });

  it("places a body under its parent's unit", () => {
    expect(jurisdictionOf({ issuer: "SỞ Y TẾ", parent: "UBND TỈNH QUẢNG NAM", place: "Quảng Nam" })).toEqual({ level: "province", places: { province: "Quảng Nam" } });
    expect(jurisdictionOf({ issuer: "Ban Tuyên giáo", parent: "Tỉnh ủy Long An" })).toEqual({ level: "province", places: { province: "Long An" } });
    expect(jurisdictionOf({ issuer: "Sở Y tế", place: "Khánh Hòa" })).toEqual({ level: "province", places: { province: "Khánh Hòa" } });
  });

  it("tells a province-level city from a district-level one", () => {
    expect(jurisdictionOf({ issuer: "UBND THÀNH PHỐ HÀ NỘI" })).toEqual({ level: "province", places: { province: "Hà Nội" } });
    expect(jurisdictionOf({ issuer: "UBND THÀNH PHỐ NHA TRANG", place: "Khánh Hòa" })).toEqual({ level: "district", places: { district: "Nha Trang", province: "Khánh Hòa" } });
    expect(jurisdictionOf({ issuer: "Cục Thuế TP Hà Nội", parent: "Tổng cục Thuế" })).toEqual({ level: "province", places: { province: "Hà Nội" } });
    expect(jurisdictionOf({ issuer: "UBND thành phố Huế", date: "2021-08-01" })?.level).toBe("district");
    expect(jurisdictionOf({ issuer: "UBND thành phố Huế", date: "2025-08-01" })?.level).toBe("province");
  });

  it("reads a commune", () => {
    expect(jurisdictionOf({ issuer: "UBND XÃ VĨNH LƯƠNG", parent: "UBND THÀNH PHỐ NHA TRANG", place: "Vĩnh Lương" })).toEqual({
      level: "commune",
      places: { commune: "Vĩnh Lương", district: "Nha Trang" },
    });
  });

  it("reads central bodies, whatever place line they carry", () => {
    for (const issuer of ["THỦ TƯỚNG CHÍNH PHỦ", "BỘ Y TẾ", "BỘ CHÍNH TRỊ", "BAN CHẤP HÀNH TRUNG ƯƠNG", "Chính phủ", "Tổng Liên đoàn Lao động Việt Nam"]) {
      expect(jurisdictionOf({ issuer, place: "Hà Nội" }), issuer).toEqual({ level: "central", places: {} });
    }
    expect(jurisdictionOf({ issuer: "Ban Dân vận Trung ương", parent: "Ban Chấp hành Trung ương" })?.level).toBe("central");
    expect(jurisdictionOf({ issuer: "Vụ Pháp chế", parent: "Bộ Lao động - Thương binh và Xã hội" })?.level).toBe("central");
  });

  it("finds the province in the recipients when nothing else names it", () => {
    expect(jurisdictionOf({ issuer: "Ủy ban nhân dân huyện Cần Giuộc", recipients: ["UBND tỉnh Long An (b/c)", "Các xã"] })?.places).toEqual({ district: "Cần Giuộc", province: "Long An" });
  });

  it("restores a province name OCR garbled", () => {
    expect(jurisdictionOf({ issuer: "UBND TỈNH ĐIỆN BIEN" })?.places.province).toBe("Điện Biên");
  });

  it("gives no jurisdiction without an issuer", () => {
    expect(jurisdictionOf({ issuer: null })).toBeNull();
  });
});

describe("placeWords", () => {
  it("does not read places in 'xã hội', 'tình hình', 'địa phương' or 'trực thuộc Trung ương'", () => {
    expect(placeWords("Sở Lao động - Thương binh và Xã hội")).toEqual([]);
    expect(placeWords("Ban Dân vận Trung ương tình hình").map((w) => w.word)).toEqual(["trung ương"]);
    expect(placeWords("các địa phương")).toEqual([]);
    expect(placeWords("Cục Thuế các tỉnh, thành phố trực thuộc Trung ương").map((w) => w.word)).toEqual(["tỉnh", "thành phố"]);
  });

  it("reads the name after a unit word up to a lower-case word or punctuation", () => {
    const [w] = placeWords("Ủy ban nhân dân tỉnh chậm nhất ngày 30/9/2021");
    expect(w).toMatchObject({ word: "tỉnh", name: null });
    expect(placeWords("UBND huyện Krông Pắc, thị xã Buôn Hồ").map((p) => p.name)).toEqual(["Krông Pắc", "Buôn Hồ"]);
    expect(placeWords("Bà Rịa: tỉnh Bà Rịa - Vũng Tàu")[0]?.name).toBe("Bà Rịa - Vũng Tàu");
    expect(placeWords("UBND Quận 1")[0]?.name).toBe("1");
  });

  it("keeps offsets and the name inside the text, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("tỉnh", "Tỉnh", "huyện", "Khánh", "Hòa", "xã", "hội", "các", ",", "ủy", "M'gar", " "), { maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        for (const w of placeWords(text)) {
          expect(text.slice(w.start, w.end).toLowerCase().replace("uỷ", "ủy")).toBe(w.word);
          expect(w.nameEnd).toBeGreaterThanOrEqual(w.end);
          if (w.name) expect(text.slice(w.end, w.nameEnd).trim().replace(/\s+/g, " ")).toBe(w.name);
        }
      }),
    );
  });

  it("title-cases a shouted name", () => {
    expect(titleCase("CƯ M'GAR")).toBe("Cư M'gar");
    expect(titleCase("KHÁNH HÒA")).toBe("Khánh Hòa");
  });
});
