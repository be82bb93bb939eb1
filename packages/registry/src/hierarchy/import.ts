/**
 * @module hierarchy/import
 * Loads data/units into the registry in one transaction: the 2021 and 2025 unit lists with their
 * periods and parent links, the 2025 successor links, the central bodies, and every unit's
 * standing agencies with their aliases. Idempotent: rows that exist are left alone, and aliases
 * are seeded only for agencies this run created, so a second run changes nothing and a user's
 * edits (a rename, a removed alias) survive a re-import.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { centralAgencies, ChidaoError, localRoles, nameKey, standingAgencies, type StandingAgency } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { insertRows, type ColumnSpec } from "./chunks.js";
import { readCommuneSuccessors, readProvinceSuccessors, readUnitList, UNIT_LISTS, type SuccessorSourceRow, type UnitLevel, type UnitListSource, type UnitSourceRow } from "./sources.js";

const { units } = schema;

export interface HierarchyImportResult {
  /** Rows this run inserted (all zero on a second run). */
  inserted: { units: number; successors: number; agencies: number; aliases: number };
  /** Mapping links whose old unit is not in the 2021 list (communes created 2022–2025). */
  skippedLinks: number;
}

interface LoadedList {
  source: UnitListSource;
  rows: UnitSourceRow[];
}

/** A unit as the import knows it: its row in the file and its id in the database. */
interface ImportedUnit {
  id: number;
  source: UnitListSource;
  row: UnitSourceRow;
}

/** A fingerprint of the built-in standing agencies: every local role and every central body. */
export function standingCatalogVersion(): string {
  const data = JSON.stringify([localRoles("province"), localRoles("district"), localRoles("commune"), centralAgencies()]);
  return createHash("sha256").update(data).digest("hex").slice(0, 16);
}

export async function importHierarchy(db: Db, dataDir: string): Promise<HierarchyImportResult> {
  const lists: LoadedList[] = UNIT_LISTS.map((source) => ({ source, rows: readUnitList(dataDir, source) }));
  const links = [...readProvinceSuccessors(dataDir), ...readCommuneSuccessors(dataDir)];
  return db.transaction(async (tx) => {
    const imported: ImportedUnit[] = [];
    let insertedUnits = 0;
    for (const list of lists) {
      const result = await importList(tx, list);
      insertedUnits += result.inserted;
      imported.push(...result.units);
    }
    const successors = await importSuccessors(tx, imported, links);
    const agencyRows = await importAgencies(tx, imported);
    return {
      inserted: { units: insertedUnits, successors: successors.inserted, agencies: agencyRows.agencies, aliases: agencyRows.aliases },
      skippedLinks: successors.skipped,
    };
  });
}

const unitKey = (list: string, level: UnitLevel, code: string): string => `${list}|${level}|${code}`;

/** The list's units, level by level so that each level's parents have ids. */
async function importList(tx: Db, { source, rows }: LoadedList): Promise<{ inserted: number; units: ImportedUnit[] }> {
  const levels = Object.values(source.levels);
  const ids = new Map<string, number>();
  const out: ImportedUnit[] = [];
  let inserted = 0;
  for (const [depth, level] of levels.entries()) {
    const parentLevel = levels[depth - 1];
    const atLevel = rows.filter((r) => r.level === level);
    const parentId = (r: UnitSourceRow): number | null => (parentLevel && r.parentCode ? requireId(ids, unitKey(source.list, parentLevel, r.parentCode)) : null);
    const columns: ColumnSpec<UnitSourceRow>[] = [
      { name: "code", type: "text", value: (r) => r.code },
      { name: "level", type: "text", value: () => level },
      { name: "name", type: "text", value: (r) => r.name },
      { name: "full_name", type: "text", value: (r) => r.fullName },
      { name: "unit_type", type: "text", value: (r) => r.unitType },
      { name: "name_en", type: "text", value: (r) => r.nameEn },
      { name: "parent_id", type: "int", value: parentId },
      { name: "province_code", type: "text", value: (r) => r.provinceCode },
      { name: "list", type: "text", value: () => source.list },
      { name: "valid_from", type: "date", value: () => source.validFrom },
      { name: "valid_to", type: "date", value: () => source.validTo },
      { name: "name_key", type: "text", value: (r) => nameKey(r.name) },
    ];
    const written = await insertRows(tx, "units", columns, atLevel, "id");
    inserted += written.length;
    const stored = await tx.select({ id: units.id, code: units.code }).from(units).where(and(eq(units.list, source.list), eq(units.level, level)));
    for (const s of stored) ids.set(unitKey(source.list, level, s.code), s.id);
    for (const row of atLevel) out.push({ id: requireId(ids, unitKey(source.list, level, row.code)), source, row });
  }
  return { inserted, units: out };
}

function requireId(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  // Every parent code exists in the files as shipped, so a miss means an edited data folder.
  if (id === undefined) throw new ChidaoError({ code: "FORMAT_CORRUPT", vi: `Đơn vị ${key} được tham chiếu nhưng không có trong danh sách`, en: `Unit ${key} is referenced but not in its list`, details: { unit: key } });
  return id;
}

async function importSuccessors(tx: Db, imported: readonly ImportedUnit[], links: readonly SuccessorSourceRow[]): Promise<{ inserted: number; skipped: number }> {
  const [oldList, newList] = UNIT_LISTS;
  const ids = new Map(imported.map((u) => [unitKey(u.source.list, u.row.level, u.row.code), u.id]));
  const pairs = new Map<string, SuccessorRow>();
  let skipped = 0;
  for (const link of links) {
    const fromId = ids.get(unitKey(oldList?.list ?? "", link.fromLevel, link.fromCode));
    const toId = ids.get(unitKey(newList?.list ?? "", link.toLevel, link.toCode));
    if (fromId === undefined || toId === undefined) {
      skipped++;
      continue;
    }
    if (!pairs.has(`${fromId}>${toId}`)) pairs.set(`${fromId}>${toId}`, { fromId, toId, link: link.link });
  }
  const columns: ColumnSpec<SuccessorRow>[] = [
    { name: "from_id", type: "int", value: (r) => r.fromId },
    { name: "to_id", type: "int", value: (r) => r.toId },
    { name: "link", type: "text", value: (r) => r.link },
  ];
  const written = await insertRows(tx, "unit_successors", columns, [...pairs.values()], "from_id");
  return { inserted: written.length, skipped };
}

interface SuccessorRow {
  fromId: number;
  toId: number;
  link: "full" | "partial";
}

interface AgencySeed {
  unitId: number | null;
  agency: StandingAgency;
}

async function importAgencies(tx: Db, imported: readonly ImportedUnit[]): Promise<{ agencies: number; aliases: number }> {
  const seeds: AgencySeed[] = centralAgencies().map((agency) => ({ unitId: null, agency }));
  for (const u of imported) {
    const facts = { code: u.row.code, level: u.row.level, name: u.row.name, unitType: u.row.unitType, validFrom: u.source.validFrom, validTo: u.source.validTo };
    for (const agency of standingAgencies(facts)) seeds.push({ unitId: u.id, agency });
  }
  const created = await insertRows<AgencySeed, { id: number; unit_id: number | null; role_key: string }>(tx, "agencies", AGENCY_COLUMNS, seeds, "id, unit_id, role_key");
  const createdIds = new Map(created.map((c) => [`${c.unit_id}|${c.role_key}`, c.id]));
  const aliasRows = seeds.flatMap((seed) => {
    const agencyId = createdIds.get(`${seed.unitId}|${seed.agency.roleKey}`);
    return agencyId === undefined ? [] : seedAliases(agencyId, seed);
  });
  const aliases = await insertRows(tx, "agency_aliases", ALIAS_COLUMNS, aliasRows, "id");
  return { agencies: created.length, aliases: aliases.length };
}

/**
 * The names an agency is matched by. Its name and aliases are scoped to its unit (a Hà Nội
 * document's "Sở Y tế" is Hà Nội's); its full name names the unit, so any document may use it.
 * A central body's names hold anywhere.
 */
function seedAliases(agencyId: number, { unitId, agency }: AgencySeed): AliasRow[] {
  // A unit's standing agency needs no rows: its role's names are the same in every unit and the
  // catalog holds them once (roleNames()); a name with the place is read as place + role.
  if (unitId !== null) return [];
  return [agency.name, ...agency.aliases].map((alias) => ({ agencyId, alias, aliasKey: nameKey(alias), scopeUnitId: null }));
}

const AGENCY_COLUMNS: readonly ColumnSpec<AgencySeed>[] = [
  { name: "unit_id", type: "int", value: (s) => s.unitId },
  { name: "level", type: "text", value: (s) => s.agency.level },
  { name: "kind", type: "text", value: (s) => s.agency.kind },
  { name: "role_key", type: "text", value: (s) => s.agency.roleKey },
  { name: "name", type: "text", value: (s) => s.agency.name },
  { name: "full_name", type: "text", value: (s) => s.agency.fullName },
  { name: "origin", type: "text", value: () => "standing" },
  { name: "valid_from", type: "date", value: (s) => s.agency.validFrom },
  { name: "valid_to", type: "date", value: (s) => s.agency.validTo },
];

interface AliasRow {
  agencyId: number;
  alias: string;
  aliasKey: string;
  scopeUnitId: number | null;
}

const ALIAS_COLUMNS: readonly ColumnSpec<AliasRow>[] = [
  { name: "agency_id", type: "int", value: (r) => r.agencyId },
  { name: "alias", type: "text", value: (r) => r.alias },
  { name: "alias_key", type: "text", value: (r) => r.aliasKey },
  { name: "scope_unit_id", type: "int", value: (r) => r.scopeUnitId },
  { name: "origin", type: "text", value: () => "seed" },
];
