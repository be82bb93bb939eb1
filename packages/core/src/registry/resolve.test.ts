import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { AgencyKind } from "../document/record.js";
import { memoryCatalog, type CatalogAgency, type CatalogAliasRow, type CatalogUnit } from "./catalog.js";
import { jurisdictionOf } from "./jurisdiction.js";
import { nameKey } from "./keys.js";
import { locateJurisdiction, resolveMention, type DocumentScope, type Resolution } from "./resolve.js";
import type { UnitLevel } from "./place-words.js";

/**
 * Two provinces as the 2021-11-01 list has them (../shared/data/units-2021, GSO codes): Khánh
 * Hòa and Đắk Lắk with all their districts and a few communes; ids are the codes plus a level
 * offset, since GSO codes repeat across levels.
 */
const OFFSET: Record<UnitLevel, number> = { province: 0, district: 1000, commune: 100000 };
const RAW: readonly (readonly [UnitLevel, string, string | null, string, string])[] = [
  ["province", "56", null, "Khánh Hòa", "Tỉnh"],
  ["province", "66", null, "Đắk Lắk", "Tỉnh"],
  ["district", "568", "56", "Nha Trang", "Thành phố"],
  ["district", "569", "56", "Cam Ranh", "Thành phố"],
  ["district", "570", "56", "Cam Lâm", "Huyện"],
  ["district", "571", "56", "Vạn Ninh", "Huyện"],
  ["district", "572", "56", "Ninh Hòa", "Thị xã"],
  ["district", "573", "56", "Khánh Vĩnh", "Huyện"],
  ["district", "574", "56", "Diên Khánh", "Huyện"],
  ["district", "575", "56", "Khánh Sơn", "Huyện"],
  ["district", "576", "56", "Trường Sa", "Huyện"],
  ["district", "643", "66", "Buôn Ma Thuột", "Thành phố"],
  ["district", "644", "66", "Buôn Hồ", "Thị xã"],
  ["district", "645", "66", "Ea H'leo", "Huyện"],
  ["district", "646", "66", "Ea Súp", "Huyện"],
  ["district", "647", "66", "Buôn Đôn", "Huyện"],
  ["district", "648", "66", "Cư M'gar", "Huyện"],
  ["district", "649", "66", "Krông Búk", "Huyện"],
  ["district", "650", "66", "Krông Năng", "Huyện"],
  ["district", "651", "66", "Ea Kar", "Huyện"],
  ["district", "652", "66", "M'Đrắk", "Huyện"],
  ["district", "653", "66", "Krông Bông", "Huyện"],
  ["district", "654", "66", "Krông Pắc", "Huyện"],
  ["district", "655", "66", "Krông A Na", "Huyện"],
  ["district", "656", "66", "Lắk", "Huyện"],
  ["district", "657", "66", "Cư Kuin", "Huyện"],
  ["commune", "22327", "568", "Vĩnh Hòa", "Phường"],
  ["commune", "22369", "568", "Tân Lập", "Phường"],
  ["commune", "22384", "568", "Vĩnh Lương", "Xã"],
  ["commune", "22435", "570", "Cam Tân", "Xã"],
  ["commune", "22438", "570", "Cam Hòa", "Xã"],
  ["commune", "24118", "643", "Tân Lập", "Phường"],
  ["commune", "24121", "643", "Tân Hòa", "Phường"],
  ["commune", "24256", "648", "Ea Pốk", "Thị trấn"],
  ["commune", "24262", "648", "Quảng Tiến", "Xã"],
];
const PARENT_LEVEL: Record<UnitLevel, UnitLevel> = { province: "province", district: "province", commune: "district" };
const units: CatalogUnit[] = RAW.map(([level, code, parent, name, unitType]) => ({
  id: OFFSET[level] + Number(code),
  level,
  name,
  unitType,
  parentId: parent === null ? null : OFFSET[PARENT_LEVEL[level]] + Number(parent),
}));
const unitNamed = (name: string, level: UnitLevel): CatalogUnit => units.find((u) => u.name === name && u.level === level)!;

const agencies: CatalogAgency[] = [];
const aliases: CatalogAliasRow[] = [];
let nextId = 1;
function agency(unit: CatalogUnit | null, kind: AgencyKind, roleKey: string, name: string, aliasNames: string[] = []): CatalogAgency {
  const a: CatalogAgency = { id: nextId++, unitId: unit?.id ?? null, level: unit?.level ?? "central", kind, roleKey, name };
  agencies.push(a);
  const full = unit ? `${name} ${unit.unitType.toLowerCase()} ${unit.name}` : name;
  aliases.push({ agencyId: a.id, aliasKey: nameKey(full), scopeUnitId: null });
  for (const alias of aliasNames) aliases.push({ agencyId: a.id, aliasKey: nameKey(alias), scopeUnitId: unit?.id ?? null });
  return a;
}
const central = {
  byt: agency(null, "ministry", "bo-y-te", "Bộ Y tế"),
  bca: agency(null, "ministry", "bo-cong-an", "Bộ Công an"),
  bgd: agency(null, "ministry", "bo-giao-duc-va-dao-tao", "Bộ Giáo dục và Đào tạo"),
  ttg: agency(null, "government", "thu-tuong", "Thủ tướng Chính phủ", ["Thủ tướng"]),
  cp: agency(null, "government", "chinh-phu", "Chính phủ"),
  bct: agency(null, "party_committee", "bo-chinh-tri", "Bộ Chính trị"),
  bdvtw: agency(null, "party_board", "ban-dan-van-tw", "Ban Dân vận Trung ương"),
  mttqtw: agency(null, "front", "mttq-tw", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Mặt trận Tổ quốc Việt Nam"]),
  bcdqg: agency(null, "steering_committee", "bcd-quoc-gia", "Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19"),
};
for (const p of units.filter((u) => u.level === "province")) {
  agency(p, "people_committee", "ubnd", "Ủy ban nhân dân");
  agency(p, "department", "so-y-te", "Sở Y tế");
  agency(p, "department", "so-gddt", "Sở Giáo dục và Đào tạo");
  agency(p, "police", "cong-an", "Công an tỉnh");
  agency(p, "military", "bchqs", "Bộ Chỉ huy Quân sự tỉnh");
  agency(p, "party_committee", "tinh-uy", "Tỉnh ủy");
  agency(p, "party_board", "ban-dan-van", "Ban Dân vận Tỉnh ủy");
  agency(p, "steering_committee", "bcd-covid", "Ban Chỉ đạo phòng, chống dịch COVID-19", ["Ban Chỉ đạo tỉnh"]);
  agency(p, "health_facility", "cdc", "Trung tâm Kiểm soát bệnh tật", ["CDC tỉnh"]);
  agency(p, "mass_organisation", "ldld", "Liên đoàn Lao động tỉnh");
  agency(p, "front", "mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", ["Mặt trận Tổ quốc Việt Nam tỉnh"]);
}
for (const d of units.filter((u) => u.level === "district")) {
  agency(d, "people_committee", "ubnd", "Ủy ban nhân dân");
  agency(d, "party_committee", "huyen-uy", d.unitType === "Huyện" ? "Huyện ủy" : d.unitType === "Thị xã" ? "Thị ủy" : "Thành ủy");
  if (d.name !== "Trường Sa") agency(d, "health_facility", "ttyt", "Trung tâm Y tế");
  agency(d, "department", "phong-y-te", "Phòng Y tế");
}
for (const c of units.filter((u) => u.level === "commune")) {
  agency(c, "people_committee", "ubnd", "Ủy ban nhân dân");
  agency(c, "community_team", "to-covid-cong-dong", "Tổ COVID cộng đồng");
}
const catalog = memoryCatalog({
  units,
  agencies,
  aliases,
  roleNames: [
    { roleKey: "huyen-uy", level: "district", name: "Huyện ủy" },
    { roleKey: "ubnd", level: "province", name: "UBND tỉnh" },
  ],
});

const scopeOf = (issuer: string, parent: string | null = null, place: string | null = null): DocumentScope =>
  locateJurisdiction(jurisdictionOf({ issuer, parent, place }), catalog);
const khanhHoa = scopeOf("UBND TỈNH KHÁNH HÒA");
const dakLak = scopeOf("TỈNH ỦY ĐẮK LẮK");
const cuMgar = scopeOf("UBND HUYỆN CƯ M'GAR", null, "Đắk Lắk");
const vinhLuong = scopeOf("UBND XÃ VĨNH LƯƠNG", "UBND THÀNH PHỐ NHA TRANG");
const boYTe = scopeOf("BỘ Y TẾ");

const resolve = (text: string, scope: DocumentScope, kind: AgencyKind = "other"): Resolution => resolveMention({ text, kind }, scope, catalog);
const agencyOf = (unit: CatalogUnit | null, roleKey: string): number => agencies.find((a) => a.unitId === (unit?.id ?? null) && a.roleKey === roleKey)!.id;
const nameOf = (id: number): string => {
  const a = agencies.find((x) => x.id === id)!;
  return `${a.roleKey}@${a.unitId === null ? "central" : units.find((u) => u.id === a.unitId)!.name}`;
};
const names = (r: Resolution): string[] => (r.status === "ambiguous" ? r.candidates : r.agencies).map(nameOf).sort();

describe("locateJurisdiction", () => {
  it("finds the issuer's unit and those above it", () => {
    expect(khanhHoa.chain.map((u) => u.name)).toEqual(["Khánh Hòa"]);
    expect(cuMgar.chain.map((u) => u.name)).toEqual(["Cư M'gar", "Đắk Lắk"]);
    expect(vinhLuong.chain.map((u) => u.name)).toEqual(["Vĩnh Lương", "Nha Trang", "Khánh Hòa"]);
    expect(boYTe).toEqual({ level: "central", chain: [] });
  });
});

describe("resolveMention in the issuer's jurisdiction", () => {
  it("resolves a department of the issuing province by its role", () => {
    const r = resolve("Sở Y tế", khanhHoa);
    expect(r).toMatchObject({ status: "resolved", agencies: [agencyOf(unitNamed("Khánh Hòa", "province"), "so-y-te")] });
    expect(r.reason).toBe("role so-y-te of province Khánh Hòa");
    expect(names(resolve("Sở Y tế", dakLak))).toEqual(["so-y-te@Đắk Lắk"]);
  });

  it("resolves a province body from a district document", () => {
    expect(names(resolve("Sở Y tế", cuMgar))).toEqual(["so-y-te@Đắk Lắk"]);
    expect(names(resolve("UBND tỉnh", cuMgar))).toEqual(["ubnd@Đắk Lắk"]);
    expect(names(resolve("UBND huyện", cuMgar))).toEqual(["ubnd@Cư M'gar"]);
    expect(names(resolve("Huyện ủy", cuMgar))).toEqual(["huyen-uy@Cư M'gar"]);
  });

  it("prefers an alias in scope to a role, and says so", () => {
    const r = resolve("Ban Chỉ đạo tỉnh", khanhHoa);
    expect(names(r)).toEqual(["bcd-covid@Khánh Hòa"]);
    expect(r.reason).toBe("alias 'ban chi dao tinh' in province Khánh Hòa");
    expect(r.confidence).toBeGreaterThan(resolve("Sở Y tế", khanhHoa).confidence);
  });

  it("reads bare level words as the document's units", () => {
    expect(names(resolve("Công an tỉnh", khanhHoa))).toEqual(["cong-an@Khánh Hòa"]);
    expect(names(resolve("Bộ Chỉ huy Quân sự tỉnh", dakLak))).toEqual(["bchqs@Đắk Lắk"]);
    expect(names(resolve("Chủ tịch Ủy ban nhân dân tỉnh (b/c)", khanhHoa))).toEqual(["ubnd@Khánh Hòa"]);
    expect(names(resolve("Ban Thường vụ Tỉnh ủy", dakLak))).toEqual([]);
  });

  it("recovers a name the parser ran into the following words, with less confidence", () => {
    const r = resolve("Sở Y tế chậm nhất ngày 20/9/2021", khanhHoa);
    expect(names(r)).toEqual(["so-y-te@Khánh Hòa"]);
    expect(r.confidence).toBeLessThan(resolve("Sở Y tế", khanhHoa).confidence);
    expect(names(resolve("Ủy ban nhân dân tỉnh chậm nhất ngày 30/9/2021", khanhHoa))).toEqual(["ubnd@Khánh Hòa"]);
  });
});

describe("resolveMention with a place written", () => {
  it("lets the place override the jurisdiction", () => {
    const r = resolve("Sở Y tế tỉnh Khánh Hòa", dakLak);
    expect(names(r)).toEqual(["so-y-te@Khánh Hòa"]);
    expect(names(resolve("UBND huyện Krông Pắc", dakLak))).toEqual(["ubnd@Krông Pắc"]);
    expect(names(resolve("UBND huyện Krông Pắc", khanhHoa))).toEqual(["ubnd@Krông Pắc"]);
    expect(names(resolve("Thành ủy Nha Trang", khanhHoa))).toEqual(["huyen-uy@Nha Trang"]);
    expect(names(resolve("Chủ tịch Ủy ban nhân dân thành phố Buôn Ma Thuột", dakLak))).toEqual(["ubnd@Buôn Ma Thuột"]);
  });

  it("finds a commune inside the jurisdiction before looking elsewhere", () => {
    expect(names(resolve("UBND phường Tân Lập", scopeOf("UBND THÀNH PHỐ NHA TRANG", null, "Khánh Hòa")))).toEqual(["ubnd@Tân Lập"]);
    const r = resolve("UBND phường Tân Lập", boYTe);
    expect(r.status).toBe("ambiguous");
    expect(r.candidates).toHaveLength(2);
  });

  it("does not resolve a place it cannot find", () => {
    expect(resolve("Sở Y tế tỉnh Gia Lai", khanhHoa)).toMatchObject({ status: "unresolved", reason: "place 'Gia Lai' not found" });
  });

  it("makes a district body named without its district ambiguous in a province document", () => {
    const r = resolve("UBND huyện", dakLak);
    expect(r.status).toBe("ambiguous");
    expect(r.candidates).toHaveLength(15);
    expect(r.confidence).toBeLessThan(0.5);
  });
});

describe("resolveMention for central bodies", () => {
  it("resolves central bodies centrally wherever they are named", () => {
    for (const scope of [khanhHoa, cuMgar, boYTe]) {
      expect(names(resolve("Bộ Y tế", scope, "ministry"))).toEqual(["bo-y-te@central"]);
      expect(names(resolve("Thủ tướng Chính phủ (để b/c)", scope, "government"))).toEqual(["thu-tuong@central"]);
    }
    expect(names(resolve("Bộ Chính trị", dakLak))).toEqual(["bo-chinh-tri@central"]);
    expect(names(resolve("Bộ trưởng Bộ Y tế", khanhHoa))).toEqual(["bo-y-te@central"]);
    expect(names(resolve("Ban Dân vận TW", dakLak))).toEqual(["ban-dan-van-tw@central"]);
    expect(names(resolve("Ban Dân vận Tỉnh ủy", dakLak))).toEqual(["ban-dan-van@Đắk Lắk"]);
  });

  it("never reads a body written with a local level word as the central one of the same name", () => {
    expect(names(resolve("Mặt trận Tổ quốc Việt Nam tỉnh", khanhHoa, "front"))).toEqual(["mttq@Khánh Hòa"]);
    expect(names(resolve("Mặt trận Tổ quốc Việt Nam", boYTe, "front"))).toEqual(["mttq-tw@central"]);
  });

  it("shortens a central name run into other words", () => {
    const r = resolveMention({ text: "Thủ tướng Chính phủ phê duyệt Đề án", kind: "government", level: "central" }, khanhHoa, catalog);
    expect(names(r)).toEqual(["thu-tuong@central"]);
    expect(r.reason).toBe("central 'thu tuong chinh phu' (shortened)");
  });

  it("does not invent a central body", () => {
    expect(resolve("Ban Kinh tế Trung ương", khanhHoa).status).toBe("unresolved");
  });
});

describe("resolveMention fan-out", () => {
  it("fans out over the jurisdiction's districts", () => {
    const r = resolve("UBND các huyện, thị xã, thành phố", khanhHoa);
    expect(r.status).toBe("resolved");
    expect(r.agencies).toHaveLength(9);
    expect(r.reason).toBe("fan-out: ubnd of 9 districts");
    expect(resolve("Trung tâm Y tế các huyện, thị xã, thành phố", khanhHoa).reason).toBe("fan-out: ttyt of 8 districts (1 without one)");
    expect(resolve("Ủy ban nhân dân huyện, thị xã, thành phố", dakLak).agencies).toHaveLength(15);
    expect(resolve("Phòng Y tế của huyện, thị xã, thành phố", dakLak).agencies).toHaveLength(15);
  });

  it("fans out over communes of a district or of a province", () => {
    expect(names(resolve("UBND các xã, thị trấn", cuMgar))).toEqual(["ubnd@Ea Pốk", "ubnd@Quảng Tiến"]);
    expect(resolve("Ủy ban nhân dân cấp xã", khanhHoa).agencies).toHaveLength(5);
    expect(names(resolve("Tổ COVID cộng đồng", cuMgar, "community_team"))).toEqual(["to-covid-cong-dong@Ea Pốk", "to-covid-cong-dong@Quảng Tiến"]);
  });

  it("fans out nationally over provinces", () => {
    expect(names(resolve("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", boYTe))).toEqual(["so-y-te@Khánh Hòa", "so-y-te@Đắk Lắk"]);
    expect(names(resolve("Ban Dân vận các tỉnh ủy, thành ủy", boYTe))).toEqual(["ban-dan-van@Khánh Hòa", "ban-dan-van@Đắk Lắk"]);
    expect(names(resolve("các tỉnh ủy, thành ủy", khanhHoa))).toEqual(["tinh-uy@Khánh Hòa", "tinh-uy@Đắk Lắk"]);
  });

  it("names bare units through their People's Committees, with less confidence", () => {
    const r = resolve("các huyện, thị xã, thành phố", khanhHoa);
    expect(r.agencies).toHaveLength(9);
    expect(r.confidence).toBeLessThan(resolve("UBND các huyện, thị xã, thành phố", khanhHoa).confidence);
    expect(names(resolve("các huyện ủy, thị ủy, thành ủy", dakLak))).toHaveLength(15);
    expect(resolve("các địa phương", khanhHoa).reason).toBe("fan-out: ubnd of 9 districts");
    expect(names(resolve("các địa phương", cuMgar))).toEqual(["ubnd@Ea Pốk", "ubnd@Quảng Tiến"]);
  });

  it("fans out over families of agencies", () => {
    expect(names(resolve("các sở, ban, ngành", khanhHoa))).toEqual(["so-gddt@Khánh Hòa", "so-y-te@Khánh Hòa"]);
    expect(names(resolve("Thủ trưởng các sở, ban, ngành", cuMgar))).toEqual(["so-gddt@Đắk Lắk", "so-y-te@Đắk Lắk"]);
    expect(names(resolve("các ban, ngành", cuMgar))).toEqual(["phong-y-te@Cư M'gar"]);
    expect(names(resolve("Các Bộ, ngành", khanhHoa))).toEqual(["bo-cong-an@central", "bo-giao-duc-va-dao-tao@central", "bo-y-te@central"]);
    expect(resolve("các Bộ, ngành", khanhHoa).reason).toBe("fan-out: 3 ministries");
  });
});

describe("resolveMention: lists and plurals", () => {
  it("resolves a list of departments written after a colon, one agency per item", () => {
    const r = resolve("Các Sở: Y tế, Giáo dục và Đào tạo", khanhHoa);
    expect(names(r)).toEqual(["so-gddt@Khánh Hòa", "so-y-te@Khánh Hòa"]);
    expect(r.reason).toBe("list: 2 sở named one by one");
    // One item the catalogue does not hold sends the whole list to a person.
    expect(resolve("Các Sở: Y tế, Du lịch", khanhHoa).status).toBe("unresolved");
  });

  it("reads a province written bare after the body as the place", () => {
    expect(names(resolve("Sở Y tế Đắk Lắk", khanhHoa))).toEqual(["so-y-te@Đắk Lắk"]);
    expect(resolve("Sở Y tế Đắk Lắk", khanhHoa).reason).toBe('role so-y-te in province Đắk Lắk (named without "tỉnh")');
    expect(names(resolve("Trung tâm Kiểm soát bệnh tật Khánh Hòa", khanhHoa))).toEqual(["cdc@Khánh Hòa"]);
    expect(resolve("Sở Du lịch Khánh Hòa", khanhHoa).status).toBe("unresolved");
  });

  it("reads a plural opening a body's name as the body, and commune teams as every commune's", () => {
    expect(names(resolve("Các Ban Dân vận Tỉnh ủy", khanhHoa))).toEqual(["ban-dan-van@Khánh Hòa"]);
    expect(names(resolve("các Tổ COVID cộng đồng", cuMgar))).toEqual(["to-covid-cong-dong@Ea Pốk", "to-covid-cong-dong@Quảng Tiến"]);
  });
});

describe("resolveMention: what it will not resolve", () => {
  it("leaves generic mentions and unknown bodies unresolved", () => {
    expect(resolve("các cơ quan, đơn vị liên quan", khanhHoa)).toMatchObject({ status: "unresolved", reason: "generic: names no standing agency", confidence: 0 });
    expect(resolve("Sở Du lịch", khanhHoa)).toMatchObject({ status: "unresolved", reason: "no 'so du lich' for province Khánh Hòa" });
    expect(resolve("Sở Y tế", boYTe).status).toBe("unresolved");
  });
});

describe("resolveMention: properties", () => {
  const words = fc.constantFrom("Sở", "Y", "tế", "tỉnh", "Khánh", "Hòa", "các", "huyện", ",", "UBND", "Ủy", "ban", "nhân", "dân", "xã", "thành", "phố", "Bộ", "Tỉnh", "ủy", "Công", "an");
  const scopes = fc.constantFrom(khanhHoa, dakLak, cuMgar, vinhLuong, boYTe);
  it("is consistent: status matches the lists, confidence in [0, 1], only catalogue ids", () => {
    const ids = new Set(agencies.map((a) => a.id));
    fc.assert(
      fc.property(fc.array(words, { maxLength: 9 }), scopes, (ws, scope) => {
        const r = resolveMention({ text: ws.join(" "), kind: "other" }, scope, catalog);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.reason.length).toBeGreaterThan(0);
        for (const id of [...r.agencies, ...r.candidates]) expect(ids.has(id)).toBe(true);
        if (r.status === "resolved") expect(r.agencies.length).toBeGreaterThan(0);
        if (r.status === "ambiguous") expect(r.candidates.length).toBeGreaterThan(1);
        if (r.status !== "resolved") expect(r.agencies).toEqual([]);
        expect(new Set(r.agencies).size).toBe(r.agencies.length);
      }),
    );
  });
  it("resolves a local body only inside the place it names or the jurisdiction", () => {
    fc.assert(
      fc.property(scopes, fc.constantFrom("Sở Y tế", "Công an tỉnh", "UBND tỉnh", "Tỉnh ủy"), (scope, text) => {
        const r = resolveMention({ text, kind: "other" }, scope, catalog);
        const province = scope.chain.find((u) => u.level === "province");
        for (const id of r.agencies) expect(agencies.find((a) => a.id === id)!.unitId).toBe(province?.id);
      }),
    );
  });
});
