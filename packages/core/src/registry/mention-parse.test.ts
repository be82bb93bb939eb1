import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { AgencyKind } from "../document/record.js";
import { parseMention, type MentionParts } from "./mention-parse.js";

const parse = (text: string, kind: AgencyKind = "other", level: MentionParts["central"] extends boolean ? "central" | null : never = null): MentionParts =>
  parseMention({ text, kind, level });

describe("parseMention: one body", () => {
  it("splits a body from the place written after it", () => {
    expect(parse("Sở Y tế tỉnh Khánh Hòa")).toMatchObject({ bodies: ["Sở Y tế Tỉnh", "Sở Y tế"], place: { level: "province", name: "Khánh Hòa", tier: false }, scope: { kind: "one" } });
    expect(parse("UBND huyện Krông Pắc")).toMatchObject({ bodies: ["Ủy ban nhân dân Huyện", "Ủy ban nhân dân"], place: { level: "district", name: "Krông Pắc" } });
    expect(parse("Chủ tịch Ủy ban nhân dân thành phố Nha Trang")).toMatchObject({ head: "chủ tịch", place: { level: "city", name: "Nha Trang" } });
  });

  it("reads a bare level word as the document's own unit", () => {
    expect(parse("Công an tỉnh")).toMatchObject({ bodies: ["Công an Tỉnh", "Công an"], place: { level: "province", name: null, tier: false } });
    expect(parse("Ủy ban nhân dân tỉnh chậm nhất ngày 30/9/2021")).toMatchObject({ place: { level: "province", name: null } });
    expect(parse("Ủy ban nhân dân cấp huyện")).toMatchObject({ bodies: ["Ủy ban nhân dân"], place: { level: "district", name: null, tier: true } });
  });

  it("keeps a party committee's unit word in its name", () => {
    expect(parse("Ban Thường vụ Tỉnh ủy (b/c)")).toMatchObject({ bodies: ["Ban Thường vụ Tỉnh ủy"], place: { level: "province", name: null } });
    expect(parse("Tỉnh ủy Đắk Lắk")).toMatchObject({ bodies: ["Tỉnh ủy"], place: { level: "province", name: "Đắk Lắk" } });
    expect(parse("Ban Tuyên giáo Huyện uỷ")).toMatchObject({ bodies: ["Ban Tuyên giáo Huyện uỷ"], place: { level: "district" } });
  });

  it("marks central bodies and keeps the shorter names to try", () => {
    expect(parse("Ban Tuyên giáo Trung ương (b/c)")).toMatchObject({ central: true, bodies: ["Ban Tuyên giáo Trung ương", "Ban Tuyên giáo"] });
    expect(parse("Ban Chỉ đạo Quốc gia PCD COVID-19")).toMatchObject({ central: true, bodies: ["Ban Chỉ đạo Quốc gia PCD COVID-19", "Ban Chỉ đạo Quốc gia", "Ban Chỉ đạo"] });
    expect(parse("Bộ Y tế", "ministry", "central")).toMatchObject({ central: true, bodies: ["Bộ Y tế"], place: null });
  });

  it("drops notes, honorifics and the head's title", () => {
    expect(parse("Đồng chí Thủ tướng Chính phủ (để b/c)").whole).toBe("Thủ tướng Chính phủ");
    expect(parse("Giám đốc Sở Y tế")).toMatchObject({ whole: "Sở Y tế", head: "giám đốc" });
    expect(parse("Bộ trưởng Bộ Y tế")).toMatchObject({ whole: "Bộ Y tế", head: "bộ trưởng" });
    expect(parse("UBND tỉnh và các đoàn thể, đơn vị liên quan").whole).toBe("Ủy ban nhân dân tỉnh");
  });

  it("reads the community COVID team as one per commune", () => {
    expect(parse("Tổ COVID cộng đồng", "community_team")).toMatchObject({ bodies: ["Tổ COVID cộng đồng"], scope: { kind: "each", level: "commune", national: false } });
    expect(parse("Tổ công tác của Thủ tướng Chính phủ", "community_team").scope).toEqual({ kind: "one" });
  });
});

describe("parseMention: collectives", () => {
  it("fans a body out over the units listed after 'các'", () => {
    expect(parse("UBND các huyện, thị xã, thành phố")).toMatchObject({ bodies: ["Ủy ban nhân dân"], scope: { kind: "each", level: "district", national: false } });
    expect(parse("Chủ tịch Ủy ban nhân dân các xã, thị trấn")).toMatchObject({ bodies: ["Ủy ban nhân dân"], scope: { kind: "each", level: "commune" } });
    expect(parse("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương")).toMatchObject({ bodies: ["Sở Y tế"], scope: { kind: "each", level: "province", national: true } });
    expect(parse("Trung tâm Y tế các huyện, thị xã, thành phố")).toMatchObject({ bodies: ["Trung tâm Y tế"], scope: { level: "district" } });
  });

  it("fans out a list of units written without 'các'", () => {
    expect(parse("Ủy ban nhân dân huyện, thị xã, thành phố")).toMatchObject({ scope: { kind: "each", level: "district", national: false } });
    expect(parse("Ban Chỉ đạo phòng, chống dịch của huyện, thành phố")).toMatchObject({ bodies: ["Ban Chỉ đạo phòng, chống dịch Huyện", "Ban Chỉ đạo phòng, chống dịch"], scope: { kind: "each", level: "district" } });
    expect(parse("Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương")).toMatchObject({ scope: { kind: "each", level: "province", national: true } });
  });

  it("names a party body of every committee", () => {
    expect(parse("Ban Dân vận các tỉnh ủy, thành ủy")).toMatchObject({ bodies: ["Ban Dân vận Tỉnh ủy"], scope: { kind: "each", level: "province", national: true } });
    expect(parse("Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy")).toMatchObject({ bodies: ["Ban Tuyên giáo Huyện ủy"], scope: { level: "district" } });
    expect(parse("các huyện ủy, thị ủy, thành ủy")).toMatchObject({ bodies: ["Huyện ủy"], scope: { level: "district", national: false } });
    expect(parse("Đảng ủy các xã, thị trấn")).toMatchObject({ bodies: ["Đảng ủy"], scope: { level: "commune" } });
  });

  it("reads bare units as their People's Committees", () => {
    expect(parse("các huyện, thị xã, thành phố")).toMatchObject({ bodies: ["Ủy ban nhân dân"], implied: true, scope: { level: "district" } });
    expect(parse("các tỉnh, thành phố")).toMatchObject({ implied: true, scope: { level: "province", national: true } });
    expect(parse("các địa phương trong tỉnh")).toMatchObject({ bodies: ["Ủy ban nhân dân"], implied: true, scope: { kind: "each", level: "below" } });
  });

  it("names families of agencies", () => {
    expect(parse("các sở, ban, ngành").group).toEqual({ family: "departments", level: "province" });
    expect(parse("Thủ trưởng các sở, ban, ngành").group).toEqual({ family: "departments", level: "province" });
    expect(parse("Giám đốc các sở").group).toEqual({ family: "departments", level: "province" });
    expect(parse("các ban, ngành").group).toEqual({ family: "departments", level: null });
    expect(parse("Các Bộ, ngành").group).toEqual({ family: "ministries" });
    expect(parse("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ").group).toEqual({ family: "ministries" });
    expect(parse("các đoàn thể chính trị - xã hội tỉnh").group).toEqual({ family: "mass-organisations", level: "province" });
  });

  it("marks generic mentions", () => {
    for (const text of ["các cơ quan, đơn vị liên quan", "doanh nghiệp", "Các doanh nghiệp", "các tổ chức, cá nhân", "Người sử dụng lao động", "Báo cáo"]) {
      expect(parse(text).generic, text).toBe(true);
    }
    expect(parse("Sở Y tế").generic).toBe(false);
  });
});

describe("parseMention: properties", () => {
  const word = fc.constantFrom("Sở", "Y", "tế", "tỉnh", "Khánh", "Hòa", "các", "huyện", ",", "UBND", "(b/c)", "Chủ", "tịch", "và", "Trung", "ương", "xã", "hội");
  it("never throws, and every body is a name without notes", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.constantFrom<AgencyKind>("other", "department", "community_team"), (words, kind) => {
        const parts = parseMention({ text: words.join(" "), kind });
        for (const b of parts.bodies) expect(b).not.toMatch(/[()]/u);
        if (!parts.generic && !parts.group) expect(parts.bodies.length).toBeGreaterThan(0);
      }),
    );
  });
  it("does not depend on letter case", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(" ");
        const a = parseMention({ text, kind: "other" });
        const b = parseMention({ text: text.toUpperCase(), kind: "other" });
        expect(b.scope).toEqual(a.scope);
        expect(b.group).toEqual(a.group);
        expect(b.central).toBe(a.central);
        expect(b.place?.level).toBe(a.place?.level);
      }),
    );
  });
});
