/**
 * @module registry/catalog
 * The agencies a document can name, as the resolver asks for them: synchronous lookups over
 * data loaded beforehand for one date (units in force, agencies, aliases). `memoryCatalog`
 * builds it from rows, so the registry loads rows and the resolver stays pure.
 */
import type { AdminLevel } from "../document/record.js";
import { nameKey } from "./keys.js";
import type { UnitLevel } from "./place-words.js";

export interface CatalogUnit {
  id: number;
  level: UnitLevel;
  name: string;
  /** "Tỉnh", "Thành phố", "Huyện", "Thị xã", "Xã", "Phường", "Thị trấn". */
  unitType: string;
  parentId: number | null;
}

export interface CatalogAgency {
  id: number;
  /** Null for a central body. */
  unitId: number | null;
  level: AdminLevel;
  kind: string;
  roleKey: string;
  name: string;
}

/** A standing role of a level ("so-y-te" of a province) under one of its names. */
export interface RoleTemplate {
  roleKey: string;
  level: AdminLevel;
}

export interface AgencyCatalog {
  unit(id: number): CatalogUnit | undefined;
  /** Units of a level with this name key, inside `withinUnitId` at any depth (null: anywhere). */
  unitsNamed(nameKey: string, level: UnitLevel, withinUnitId: number | null): CatalogUnit[];
  /** Units of a level inside a unit at any depth (null: the whole country), by name. */
  childUnits(unitId: number | null, level: UnitLevel): CatalogUnit[];
  /** Roles known under this name key ("so y te" → so-y-te of a province). */
  rolesNamed(nameKey: string): RoleTemplate[];
  agencyByRole(unitId: number | null, roleKey: string): CatalogAgency | undefined;
  /** The agencies of a unit (null: the central ones). */
  agenciesOfUnit(unitId: number | null): CatalogAgency[];
  /** Agencies with an alias of this key usable in these units' documents (or anywhere). */
  agenciesByAlias(aliasKey: string, scopeUnitIds: readonly number[]): CatalogAgency[];
  /** Central agencies with an alias or a name of this key. */
  centralByAlias(aliasKey: string): CatalogAgency[];
}

export interface CatalogAliasRow {
  agencyId: number;
  aliasKey: string;
  scopeUnitId: number | null;
}

export interface CatalogRows {
  units: readonly CatalogUnit[];
  agencies: readonly CatalogAgency[];
  aliases: readonly CatalogAliasRow[];
  /** Names of standing roles beyond the agencies' own (e.g. "UBND" for "ubnd"). */
  roleNames?: readonly { roleKey: string; level: AdminLevel; name: string }[];
}

/** A catalogue over rows already cut to one date. */
export function memoryCatalog(rows: CatalogRows): AgencyCatalog {
  const units = new Map(rows.units.map((u) => [u.id, u]));
  const agencies = new Map(rows.agencies.map((a) => [a.id, a]));
  const unitsByKey = groupBy(rows.units, (u) => `${u.level}|${nameKey(u.name)}`);
  const agenciesByUnit = groupBy(rows.agencies, (a) => String(a.unitId));
  const byRole = new Map(rows.agencies.map((a) => [`${a.unitId}|${a.roleKey}`, a]));
  const aliases = groupBy(rows.aliases, (a) => a.aliasKey);
  const children = new Map<string, CatalogUnit[]>();
  const roles = roleIndex(rows);
  const inside = (u: CatalogUnit, ancestor: number | null): boolean => ancestor === null || ancestorsOf(u, units).includes(ancestor);
  const sortByName = (list: CatalogUnit[]): CatalogUnit[] => list.sort((a, b) => a.name.localeCompare(b.name, "vi") || a.id - b.id);
  return {
    unit: (id) => units.get(id),
    unitsNamed: (key, level, within) => sortByName((unitsByKey.get(`${level}|${key}`) ?? []).filter((u) => inside(u, within))),
    // Remembered: a cached catalogue answers the same fan-outs for document after document, and
    // each answer filters and sorts thousands of units.
    childUnits: (unitId, level) => {
      const key = `${unitId}|${level}`;
      let found = children.get(key);
      if (!found) children.set(key, (found = sortByName(rows.units.filter((u) => u.level === level && u.id !== unitId && inside(u, unitId)))));
      return found;
    },
    rolesNamed: (key) => roles.get(key) ?? [],
    agencyByRole: (unitId, roleKey) => byRole.get(`${unitId}|${roleKey}`),
    agenciesOfUnit: (unitId) => agenciesByUnit.get(String(unitId)) ?? [],
    agenciesByAlias: (key, scope) => {
      const ids = new Set((aliases.get(key) ?? []).filter((a) => a.scopeUnitId === null || scope.includes(a.scopeUnitId)).map((a) => a.agencyId));
      return [...ids].flatMap((id) => agencies.get(id) ?? []);
    },
    centralByAlias: (key) => {
      const viaAlias = (aliases.get(key) ?? []).flatMap((a) => agencies.get(a.agencyId) ?? []);
      const viaName = (agenciesByUnit.get("null") ?? []).filter((a) => nameKey(a.name) === key);
      return unique([...viaAlias, ...viaName].filter((a) => a.unitId === null));
    },
  };
}

/** Every unit above `u`, nearest first, and `u` itself first of all. */
export function ancestorsOf(u: CatalogUnit, units: ReadonlyMap<number, CatalogUnit> | ((id: number) => CatalogUnit | undefined)): number[] {
  const get = typeof units === "function" ? units : (id: number) => units.get(id);
  const out = [u.id];
  for (let p = u.parentId; p !== null && !out.includes(p); p = get(p)?.parentId ?? null) out.push(p);
  return out;
}

/** Role names from the agencies themselves ("Sở Y tế" of every province) and any extra names. */
function roleIndex(rows: CatalogRows): Map<string, RoleTemplate[]> {
  const out = new Map<string, RoleTemplate[]>();
  const add = (name: string, t: RoleTemplate): void => {
    const key = nameKey(name);
    const list = out.get(key) ?? [];
    if (!list.some((x) => x.roleKey === t.roleKey && x.level === t.level)) list.push(t);
    out.set(key, list);
  };
  for (const a of rows.agencies) add(a.name, { roleKey: a.roleKey, level: a.level });
  for (const r of rows.roleNames ?? []) add(r.name, { roleKey: r.roleKey, level: r.level });
  return out;
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = out.get(k);
    if (group) group.push(t);
    else out.set(k, [t]);
  }
  return out;
}

function unique<T extends { id: number }>(list: T[]): T[] {
  return [...new Map(list.map((t) => [t.id, t])).values()];
}
