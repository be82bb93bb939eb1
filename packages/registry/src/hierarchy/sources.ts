/**
 * @module hierarchy/sources
 * The files of data/units and what each row means: the two unit lists with the period each was
 * in force, and the 2025 mappings from old units to new ones.
 */
import { join } from "node:path";
import { ChidaoError } from "@chidao/core";
import { readSimpleCsv } from "./csv.js";

export type UnitLevel = "province" | "district" | "commune";

export interface UnitListSource {
  /** The list's name as stored in units.list. */
  list: string;
  file: string;
  validFrom: string | null;
  validTo: string | null;
  /** The level each CSV `level` value stands for (the 2025 list has no districts). */
  levels: Readonly<Record<string, UnitLevel>>;
}

/** The reorganisation of 1 July 2025 ends the first list and starts the second. */
export const REFORM_2025 = "2025-07-01";

export const UNIT_LISTS: readonly UnitListSource[] = [
  { list: "2021-11-01", file: "units_2021-11-01_flat.csv", validFrom: null, validTo: REFORM_2025, levels: { "1": "province", "2": "district", "3": "commune" } },
  { list: "2025-07-01", file: "units_2025-07-01_flat.csv", validFrom: REFORM_2025, validTo: null, levels: { "1": "province", "2": "commune" } },
];

const UNIT_COLUMNS = ["level", "code", "parent_code", "province_code", "name", "full_name", "unit_type", "unit_type_full", "name_en", "full_name_en"] as const;

export interface UnitSourceRow {
  level: UnitLevel;
  code: string;
  parentCode: string | null;
  provinceCode: string;
  name: string;
  fullName: string;
  unitType: string;
  nameEn: string | null;
}

export function readUnitList(dataDir: string, source: UnitListSource): UnitSourceRow[] {
  return readSimpleCsv(join(dataDir, source.file), UNIT_COLUMNS).map((r) => ({
    level: levelOf(source, r.level ?? ""),
    code: r.code ?? "",
    parentCode: r.parent_code || null,
    provinceCode: r.province_code ?? "",
    name: r.name ?? "",
    fullName: r.full_name ?? "",
    unitType: r.unit_type ?? "",
    nameEn: r.name_en || null,
  }));
}

function levelOf(source: UnitListSource, value: string): UnitLevel {
  const level = source.levels[value];
  if (!level) throw unexpected(source.file, "level", value);
  return level;
}

export interface SuccessorSourceRow {
  /** Old unit (2021 list): a province, a commune, or a commune-less island district. */
  fromLevel: UnitLevel;
  fromCode: string;
  /** New unit (2025 list). */
  toLevel: UnitLevel;
  toCode: string;
  link: "full" | "partial";
}

/**
 * The mapping writes two communes with the codes of GSO letter 1027/CTK-CSCL where the 2025 list
 * uses those of the GSO web service (data/units/PROVENANCE.md).
 */
const NEW_CODE_VARIANTS: Readonly<Record<string, string>> = { "06970": "06978", "23737": "23938" };

/** Every old province went whole into one new province. */
export function readProvinceSuccessors(dataDir: string): SuccessorSourceRow[] {
  const columns = ["old_province_code", "old_province_name", "new_province_code", "new_province_name"];
  return readSimpleCsv(join(dataDir, "mapping/province_63_to_34.csv"), columns).map((r) => ({
    fromLevel: "province",
    fromCode: r.old_province_code ?? "",
    toLevel: "province",
    toCode: r.new_province_code ?? "",
    link: "full",
  }));
}

export function readCommuneSuccessors(dataDir: string): SuccessorSourceRow[] {
  const columns = ["old_province_code", "old_province_name", "old_district_code", "old_district_name", "old_code", "old_name", "new_province_code", "new_province_name", "new_code", "new_name", "link_type_full_or_partial", "n_targets"];
  return readSimpleCsv(join(dataDir, "mapping/commune_2025-03_to_2025-07.csv"), columns).map((r) => {
    const fromCode = r.old_code ?? "";
    const toCode = r.new_code ?? "";
    return {
      // A 3-digit old code is an island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo).
      fromLevel: fromCode.length === 3 ? "district" : "commune",
      fromCode,
      toLevel: "commune",
      toCode: NEW_CODE_VARIANTS[toCode] ?? toCode,
      link: linkOf(r.link_type_full_or_partial ?? ""),
    };
  });
}

function linkOf(value: string): "full" | "partial" {
  if (value === "full" || value === "partial") return value;
  throw unexpected("mapping/commune_2025-03_to_2025-07.csv", "link_type_full_or_partial", value);
}

function unexpected(file: string, column: string, value: string): ChidaoError {
  return new ChidaoError({ code: "FORMAT_CORRUPT", vi: `${file}: giá trị "${value}" không hợp lệ ở cột ${column}`, en: `${file}: unexpected ${column} "${value}"`, details: { file, column, value } });
}
