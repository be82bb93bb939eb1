import { describe, expect, it } from "vitest";
import { nameKey } from "./keys.js";
import { centralAgencies, localRoles, roleByKey, standingAgencies, type StandingAgency, type UnitFacts } from "./roles.js";

const KHANH_HOA_2021: UnitFacts = { code: "56", level: "province", name: "Khánh Hòa", unitType: "Tỉnh", validFrom: null, validTo: "2025-07-01" };
const KHANH_HOA_2025: UnitFacts = { ...KHANH_HOA_2021, validFrom: "2025-07-01", validTo: null };
const HA_NOI_2021: UnitFacts = { code: "01", level: "province", name: "Hà Nội", unitType: "Thành phố", validFrom: null, validTo: "2025-07-01" };
const CU_MGAR: UnitFacts = { code: "648", level: "district", name: "Cư M'gar", unitType: "Huyện", validFrom: null, validTo: "2025-07-01" };
const BUON_MA_THUOT: UnitFacts = { code: "643", level: "district", name: "Buôn Ma Thuột", unitType: "Thành phố", validFrom: null, validTo: "2025-07-01" };
const VINH_HAI: UnitFacts = { code: "22330", level: "commune", name: "Vĩnh Hải", unitType: "Phường", validFrom: null, validTo: "2025-07-01" };

function byRole(agencies: StandingAgency[], roleKey: string): StandingAgency {
  const found = agencies.find((a) => a.roleKey === roleKey);
  if (!found) throw new Error(`no ${roleKey} in ${agencies.map((a) => a.roleKey).join(", ")}`);
  return found;
}

describe("standingAgencies of a province (Khánh Hòa, 2021 list)", () => {
  const agencies = standingAgencies(KHANH_HOA_2021);

  it("names each agency within the province and in full", () => {
    expect(byRole(agencies, "tinh-uy")).toMatchObject({ name: "Tỉnh ủy", fullName: "Tỉnh ủy Khánh Hòa", kind: "party_committee", level: "province" });
    expect(byRole(agencies, "ubnd")).toMatchObject({ name: "Ủy ban nhân dân tỉnh", fullName: "Ủy ban nhân dân tỉnh Khánh Hòa", kind: "people_committee" });
    expect(byRole(agencies, "so-y-te")).toMatchObject({ name: "Sở Y tế", fullName: "Sở Y tế tỉnh Khánh Hòa", kind: "department" });
    expect(byRole(agencies, "ban-to-chuc")).toMatchObject({ name: "Ban Tổ chức Tỉnh ủy", fullName: "Ban Tổ chức Tỉnh ủy Khánh Hòa", kind: "party_board" });
    expect(byRole(agencies, "cong-an").fullName).toBe("Công an tỉnh Khánh Hòa");
    expect(byRole(agencies, "cdc").fullName).toBe("Trung tâm Kiểm soát bệnh tật tỉnh Khánh Hòa");
    expect(byRole(agencies, "bao").fullName).toBe("Báo Khánh Hòa");
  });

  it("gives the aliases documents use, each with its own name key", () => {
    const aliasKeys = (roleKey: string): string[] => byRole(agencies, roleKey).aliases.map(nameKey);
    expect(aliasKeys("so-y-te")).toEqual(expect.arrayContaining([nameKey("Sở YT"), nameKey("Sở Y tế tỉnh")]));
    expect(aliasKeys("so-lao-dong-thuong-binh-xa-hoi")).toContain(nameKey("Sở Lao động - Thương binh và Xã hội tỉnh"));
    expect(aliasKeys("quan-su")).toEqual(expect.arrayContaining([nameKey("Bộ CHQS tỉnh"), nameKey("BCHQS tỉnh")]));
    expect(aliasKeys("cdc")).toEqual(expect.arrayContaining([nameKey("CDC tỉnh"), nameKey("CDC Khánh Hòa")]));
    expect(aliasKeys("ubnd")).toContain(nameKey("UBND Khánh Hòa"));
    for (const agency of agencies) {
      const keys = [...new Set([agency.name, agency.fullName].map(nameKey)), ...agency.aliases.map(nameKey)];
      expect(new Set(keys).size, agency.roleKey).toBe(keys.length);
    }
  });

  it("has every role of the 2021 apparatus once, and none of 2025", () => {
    const keys = agencies.map((a) => a.roleKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(["hdnd", "van-phong-ubnd", "so-ke-hoach-dau-tu", "ban-dan-toc", "thanh-tra", "bien-phong", "mttq", "doan-thanh-nien", "bcd-covid", "ttch-covid", "dai-phat-thanh-truyen-hinh"]));
    expect(byRole(agencies, "so-ke-hoach-dau-tu").validTo).toBe("2025-03-01");
    expect(byRole(agencies, "so-nong-nghiep-moi-truong")).toMatchObject({ validFrom: "2025-03-01", validTo: "2025-07-01" });
    expect(byRole(agencies, "so-y-te")).toMatchObject({ validFrom: null, validTo: "2025-07-01" });
  });
});

describe("standingAgencies of the merged Khánh Hòa (2025 list)", () => {
  const keys = standingAgencies(KHANH_HOA_2025).map((a) => a.roleKey);
  it("keeps the lasting bodies and drops the merged departments and the COVID-19 bodies", () => {
    expect(keys).toEqual(expect.arrayContaining(["tinh-uy", "ubnd", "so-y-te", "so-nong-nghiep-moi-truong", "cong-an"]));
    expect(keys).not.toContain("so-ke-hoach-dau-tu");
    expect(keys).not.toContain("bcd-covid");
  });
});

describe("a centrally-governed city (Hà Nội)", () => {
  const agencies = standingAgencies(HA_NOI_2021);
  it("is a Thành ủy with a UBND thành phố and its own military command", () => {
    expect(byRole(agencies, "tinh-uy").name).toBe("Thành ủy");
    expect(byRole(agencies, "ban-tuyen-giao").fullName).toBe("Ban Tuyên giáo Thành ủy Hà Nội");
    expect(byRole(agencies, "ubnd").fullName).toBe("Ủy ban nhân dân thành phố Hà Nội");
    expect(byRole(agencies, "doan-thanh-nien").name).toBe("Thành đoàn");
    const military = byRole(agencies, "quan-su");
    expect(military.name).toBe("Bộ Tư lệnh Thủ đô Hà Nội");
    expect(military.aliases.map(nameKey)).toContain(nameKey("Bộ Chỉ huy Quân sự thành phố"));
  });
});

describe("standingAgencies of a district", () => {
  it("names a huyện of Đắk Lắk (Cư M'gar)", () => {
    const agencies = standingAgencies(CU_MGAR);
    expect(byRole(agencies, "huyen-uy")).toMatchObject({ name: "Huyện ủy", fullName: "Huyện ủy Cư M'gar", level: "district" });
    expect(byRole(agencies, "ubnd").fullName).toBe("Ủy ban nhân dân huyện Cư M'gar");
    expect(byRole(agencies, "phong-y-te").fullName).toBe("Phòng Y tế huyện Cư M'gar");
    expect(byRole(agencies, "trung-tam-y-te").fullName).toBe("Trung tâm Y tế huyện Cư M'gar");
    expect(byRole(agencies, "quan-su").aliases.map(nameKey)).toContain(nameKey("Ban CHQS huyện"));
    expect(byRole(agencies, "cong-an").validTo).toBe("2025-03-01");
    expect(agencies.map((a) => a.roleKey)).toContain("phong-nong-nghiep-phat-trien-nong-thon");
    expect(agencies.map((a) => a.roleKey)).not.toContain("phong-kinh-te");
  });

  it("calls a provincial city's committee Thành ủy and gives it a Phòng Kinh tế", () => {
    const agencies = standingAgencies(BUON_MA_THUOT);
    expect(byRole(agencies, "huyen-uy").fullName).toBe("Thành ủy Buôn Ma Thuột");
    expect(byRole(agencies, "ubnd").fullName).toBe("Ủy ban nhân dân thành phố Buôn Ma Thuột");
    expect(agencies.map((a) => a.roleKey)).toContain("phong-kinh-te");
    expect(agencies.map((a) => a.roleKey)).not.toContain("phong-nong-nghiep-phat-trien-nong-thon");
  });

  it("maps each district unit type to its Party committee", () => {
    const party = (unitType: string): string => byRole(standingAgencies({ ...CU_MGAR, unitType }), "huyen-uy").name;
    expect([party("Huyện"), party("Quận"), party("Thị xã"), party("Thành phố")]).toEqual(["Huyện ủy", "Quận ủy", "Thị ủy", "Thành ủy"]);
  });
});

describe("standingAgencies of a phường", () => {
  const agencies = standingAgencies(VINH_HAI);
  it("names the ward's bodies and marks the community teams collective", () => {
    expect(byRole(agencies, "dang-uy")).toMatchObject({ name: "Đảng ủy phường", fullName: "Đảng ủy phường Vĩnh Hải" });
    expect(byRole(agencies, "cong-an").fullName).toBe("Công an phường Vĩnh Hải");
    expect(byRole(agencies, "tram-y-te").fullName).toBe("Trạm Y tế phường Vĩnh Hải");
    expect(byRole(agencies, "to-covid-cong-dong")).toMatchObject({ kind: "community_team", collective: true });
    expect(agencies.filter((a) => a.collective).map((a) => a.roleKey)).toEqual(["to-covid-cong-dong"]);
  });
});

describe("central bodies and role lookup", () => {
  const central = centralAgencies();
  it("lists the Party organs, the Government and the 2021 ministries with unique keys", () => {
    const keys = central.map((a) => a.roleKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(["bo-chinh-tri", "ban-bi-thu", "chinh-phu", "thu-tuong-chinh-phu", "bo-y-te", "uy-ban-dan-toc", "thanh-tra-chinh-phu", "ngan-hang-nha-nuoc", "bcd-quoc-gia-covid", "mttq-trung-uong"]));
    expect(central.every((a) => a.level === "central" && a.name === a.fullName)).toBe(true);
  });

  it("never gives two central bodies the same name key", () => {
    const owners = new Map<string, string>();
    for (const agency of central) {
      for (const key of [agency.name, ...agency.aliases].map(nameKey)) {
        expect(owners.get(key), key).toBeUndefined();
        owners.set(key, agency.roleKey);
      }
    }
  });

  it("finds a role by level and key", () => {
    expect(roleByKey("province", "so-y-te")?.kind).toBe("department");
    expect(roleByKey("central", "bo-y-te")?.name).toBe("Bộ Y tế");
    expect(roleByKey("commune", "so-y-te")).toBeUndefined();
    for (const level of ["province", "district", "commune"] as const) {
      const keys = localRoles(level).map((r) => r.roleKey);
      expect(new Set(keys).size, level).toBe(keys.length);
      expect(keys.every((k) => /^[a-z0-9-]+$/.test(k))).toBe(true);
    }
  });
});

describe("roleNames", () => {
  it("holds every unit-free name of each role once, with the role's period", async () => {
    const { roleNames } = await import("./roles.js");
    const names = roleNames();
    const of = (roleKey: string) => names.filter((n) => n.roleKey === roleKey).map((n) => n.name);
    expect(of("so-y-te")).toEqual(expect.arrayContaining(["Sở Y tế", "Sở Y tế tỉnh", "Sở Y tế thành phố"]));
    expect(names.some((n) => n.name.includes("{"))).toBe(false);
    expect(names.filter((n) => n.name === "Ủy ban nhân dân").map((n) => n.level).sort()).toEqual(["commune", "district", "province"]);
    const keys = names.map((n) => `${n.level}:${n.roleKey}:${nameKey(n.name)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
