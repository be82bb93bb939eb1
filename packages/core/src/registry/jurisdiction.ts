/**
 * @module registry/jurisdiction
 * Where a document's words apply: the issuer's level and the units its name (or its parent's,
 * or the place line "Khánh Hòa, ngày …") names. "Sở Y tế" in a Khánh Hòa document is Khánh
 * Hòa's. Names only: the registry looks the units up for the document's date.
 */
import type { AdminLevel } from "../document/record.js";
import { expandAbbreviations, levelOf } from "../agencies/recognize.js";
import { nearestProvince } from "../agencies/places.js";
import { PROVINCE_NAMES } from "../agencies/provinces.js";
import { nameKey } from "./keys.js";
import { placeWords, type PlaceWord, type UnitLevel } from "./place-words.js";

export interface JurisdictionPlaces {
  province?: string;
  district?: string;
  commune?: string;
}

export interface Jurisdiction {
  level: AdminLevel;
  places: JurisdictionPlaces;
}

export interface JurisdictionInput {
  /** The issuer's name ("UBND TỈNH KHÁNH HÒA", "Sở Y tế"). */
  issuer: string | null;
  /** The body above it in the header ("UBND TỈNH QUẢNG NAM" over "SỞ Y TẾ"). */
  parent?: string | null;
  /** The place of the date line ("Khánh Hòa" of "Khánh Hòa, ngày …"). */
  place?: string | null;
  recipients?: readonly string[];
  /** The document's date (ISO): Huế is a province-level city only from 2025-01-01. */
  date?: string | null;
}

/**
 * Province-level cities: "thành phố X" names a province for these and a district otherwise.
 * Source: ../shared/data/units-2021 (level 1, unit type "Thành phố"); Huế from NQ 1314/NQ-UBTVQH15.
 */
const CITY_PROVINCES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"].map(nameKey);
const HUE = nameKey("Huế");
/** Province names by key: a name read from a document is given back as the list spells it. */
const PROVINCES = new Map(PROVINCE_NAMES.map((n) => [nameKey(n), n] as const));

const RANK: Record<AdminLevel, number> = { central: 0, province: 1, district: 2, commune: 3 };

/** The issuing level and the places named, or null when nothing tells a level. */
export function jurisdictionOf(input: JurisdictionInput): Jurisdiction | null {
  const own = wordsOf(input.issuer);
  const parent = wordsOf(input.parent);
  const date = input.date ?? null;
  const level = levelOfIssuer(own, input.issuer, parent, input.parent ?? null, date);
  if (!level) return null;
  if (level === "central") return { level, places: {} };
  const places: JurisdictionPlaces = {};
  for (const w of [...own, ...parent]) addNamed(places, w, date);
  addPlaceLine(places, level, input.place ?? null);
  if (!places.province) addFromRecipients(places, input.recipients ?? []);
  return { level, places };
}

function wordsOf(name: string | null | undefined): PlaceWord[] {
  return name ? placeWords(expandAbbreviations(name)) : [];
}

/**
 * The issuer's own place words first ("UBND huyện Cư M'gar"), then a central word of its name,
 * then its parent's place words (a "Sở Y tế" under "UBND tỉnh Quảng Nam" works in the
 * province), then what the words of either name tell ("Bộ Y tế" is central).
 */
function levelOfIssuer(own: PlaceWord[], issuer: string | null, parent: PlaceWord[], parentName: string | null, date: string | null): AdminLevel | null {
  return (
    lowestLocal(own, date) ??
    (own.some((w) => w.kind === "central") ? "central" : null) ??
    lowestLocal(parent, date) ??
    levelOfName(issuer) ??
    levelOfName(parentName)
  );
}

function lowestLocal(words: PlaceWord[], date: string | null): AdminLevel | null {
  let best: AdminLevel | null = null;
  for (const w of words) {
    const l = localLevel(w, date);
    if (l && (!best || RANK[l] > RANK[best])) best = l;
  }
  return best;
}

/** "Tổng Liên đoàn Lao động Việt Nam", "Bảo hiểm xã hội Việt Nam": national bodies. */
function levelOfName(name: string | null): AdminLevel | null {
  if (!name) return null;
  const expanded = expandAbbreviations(name);
  return levelOf(expanded) ?? (/việt nam\s*$/iu.test(expanded) ? "central" : null);
}

function localLevel(w: PlaceWord, date: string | null): UnitLevel | null {
  if (w.level === "central") return null;
  if (w.level !== "city") return w.level;
  return w.name && isProvinceCity(w.name, date) ? "province" : w.name ? "district" : null;
}

function isProvinceCity(name: string, date: string | null): boolean {
  const key = nameKey(name);
  return CITY_PROVINCES.includes(key) || (key === HUE && date !== null && date >= "2025-01-01");
}

function addNamed(places: JurisdictionPlaces, w: PlaceWord, date: string | null): void {
  if (!w.name || w.level === "central") return;
  const level: UnitLevel = w.level === "city" ? (isProvinceCity(w.name, date) ? "province" : "district") : w.level;
  places[level] ??= w.level === "province" ? restoreProvince(w.name) : w.name;
}

function restoreProvince(name: string): string {
  return PROVINCES.get(nameKey(name)) ?? nearestProvince(name) ?? name;
}

/**
 * The date line names the province, or the seat of a district or commune body. Near misses are
 * restored only for a province body: "Vĩnh Lương" (a commune) is one letter from "Vĩnh Long".
 */
function addPlaceLine(places: JurisdictionPlaces, level: AdminLevel, place: string | null): void {
  if (!place) return;
  const name = place.replace(/^\s*(?:tỉnh|thành phố|tp\.?|huyện|thị xã|quận|xã|phường|thị trấn)\s+/iu, "").trim();
  if (!name) return;
  const province = PROVINCES.get(nameKey(name)) ?? (level === "province" ? nearestProvince(name) : null);
  if (province) {
    places.province ??= province;
    return;
  }
  if (level === "district" || level === "commune") places[level] ??= name;
}

function addFromRecipients(places: JurisdictionPlaces, recipients: readonly string[]): void {
  for (const r of recipients) {
    const w = placeWords(expandAbbreviations(r)).find((p) => p.level === "province" && p.name);
    if (w?.name) {
      places.province = restoreProvince(w.name);
      return;
    }
  }
}
