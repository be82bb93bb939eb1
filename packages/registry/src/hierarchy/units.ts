/**
 * @module hierarchy/units
 * Reading the dated hierarchy: a unit by id, its children on a date, a unit by name ("tỉnh Khánh
 * Hòa", "Cư M'gar", "TP. Buôn Ma Thuột") within a parent or level on a date, and the unit in force
 * on a date for a GSO code. Names match on nameKey, so case, accents and tone placement do not matter.
 */
import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { ChidaoError, nameKey } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import type { UnitLevel } from "./sources.js";

const { units } = schema;

export type Unit = typeof units.$inferSelect;

/** An ISO date, "2021-08-15". */
export type IsoDate = string;

export async function getUnit(db: Db, id: number): Promise<Unit> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  if (!unit) throw notFound(id);
  return unit;
}

/** The provinces in force on `on`. */
export async function provinces(db: Db, on: IsoDate): Promise<Unit[]> {
  return db.select().from(units).where(and(eq(units.level, "province"), unitInForce(on))).orderBy(asc(units.code));
}

/** The units directly under a unit that were in force on `on` (all of them without a date). */
export async function unitChildren(db: Db, unitId: number, on?: IsoDate): Promise<Unit[]> {
  const conditions = [eq(units.parentId, unitId), ...(on ? [unitInForce(on)] : [])];
  return db.select().from(units).where(and(...conditions)).orderBy(asc(units.code));
}

export interface FindUnitQuery {
  /** "Khánh Hòa", "tỉnh Khánh Hòa", "thành phố Buôn Ma Thuột", "Quận 1". */
  name: string;
  level?: UnitLevel;
  /** Search below this unit only (its children and theirs). */
  withinUnitId?: number;
  on: IsoDate;
}

/**
 * Every unit in force on `query.on` with that name, best first: a unit of the type the name says
 * ("huyện Cư M'gar" is the huyện, not the xã of the same name), then the higher level.
 */
export async function findUnits(db: Db, query: FindUnitQuery): Promise<Unit[]> {
  const { key, stated } = splitUnitType(nameKey(query.name));
  const keys = stated ? [key, `${stated} ${key}`] : [key];
  const conditions: SQL[] = [inArray(units.nameKey, keys), unitInForce(query.on)];
  if (query.level) conditions.push(eq(units.level, query.level));
  if (query.withinUnitId !== undefined) conditions.push(below(db, query.withinUnitId));
  const found = await db.select().from(units).where(and(...conditions));
  return found.sort((a, b) => rank(a, key, stated) - rank(b, key, stated) || a.code.localeCompare(b.code));
}

/** The best unit for a name (see findUnits), or null. */
export async function findUnit(db: Db, query: FindUnitQuery): Promise<Unit | null> {
  return (await findUnits(db, query))[0] ?? null;
}

/** The unit with a GSO code in force on a date; the level follows from the code's length unless given. */
export async function unitByCode(db: Db, query: { code: string; level?: UnitLevel; on: IsoDate }): Promise<Unit | null> {
  const level = query.level ?? LEVEL_BY_CODE_LENGTH[query.code.length];
  if (!level) return null;
  const [unit] = await db.select().from(units).where(and(eq(units.code, query.code), eq(units.level, level), unitInForce(query.on)));
  return unit ?? null;
}

/** A unit is in force on `on` when validFrom ≤ on < validTo (open ends unbounded). */
export function unitInForce(on: IsoDate): SQL {
  return and(or(isNull(units.validFrom), lte(units.validFrom, on)), or(isNull(units.validTo), gt(units.validTo, on))) as SQL;
}

const LEVEL_BY_CODE_LENGTH: Readonly<Record<number, UnitLevel>> = { 2: "province", 3: "district", 5: "commune" };

/** Unit-type words as nameKey writes them, longest first so "thanh pho" wins over nothing shorter. */
const UNIT_TYPE_KEYS = ["thanh pho", "thi tran", "dac khu", "thi xa", "phuong", "huyen", "tinh", "quan", "xa"] as const;
const LEVEL_ORDER: Readonly<Record<string, number>> = { province: 0, district: 1, commune: 2 };

/** "tinh khanh hoa" → { key: "khanh hoa", stated: "tinh" }; a name without a type word is kept whole. */
function splitUnitType(key: string): { key: string; stated: string | null } {
  for (const type of UNIT_TYPE_KEYS) {
    if (key.startsWith(`${type} `) && key.length > type.length + 1) return { key: key.slice(type.length + 1), stated: type };
  }
  return { key, stated: null };
}

function rank(unit: Unit, key: string, stated: string | null): number {
  const typeMatches = stated !== null && nameKey(unit.unitType) === stated && unit.nameKey === key;
  return (typeMatches ? 0 : 10) + (LEVEL_ORDER[unit.level] ?? 3);
}

/** Units whose parent, or parent's parent, is `unitId` (the hierarchy is at most three levels deep). */
function below(db: Db, unitId: number): SQL {
  const children = db.select({ id: units.id }).from(units).where(eq(units.parentId, unitId));
  return or(eq(units.parentId, unitId), inArray(units.parentId, children)) as SQL;
}

function notFound(id: number): ChidaoError {
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không có đơn vị hành chính số ${id}`, en: `No administrative unit ${id}`, details: { unitId: id } });
}
