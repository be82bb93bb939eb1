/**
 * @module resolution/load-catalog
 * The catalogue a document is resolved against: units, agencies and aliases in force on its
 * date, read once and handed to the pure resolver. The whole hierarchy is read, not only the
 * jurisdiction's: a written place ("UBND huyện Krông Pắc" in a Khánh Hòa document) or a
 * national fan-out ("Sở Y tế các tỉnh, thành phố") reaches outside it.
 */
import { and, gt, isNull, lte, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { memoryCatalog, roleNames, type AgencyCatalog, type AdminLevel, type UnitLevel } from "@chidao/core";
import { schema, type Db } from "@chidao/db";

const { units, agencies, agencyAliases } = schema;

/** The names of the standing roles, as data (the same for every unit of a level). */
const ROLE_NAMES = roleNames();

export interface CatalogOptions {
  /** ISO date the catalogue is cut to; null: what is in force now. */
  date: string | null;
}

/** Rows in force on `date`: from null or on/before it, to null or after it. */
function inForce(from: AnyPgColumn, to: AnyPgColumn, date: string | null): SQL | undefined {
  if (date === null) return isNull(to);
  return and(or(isNull(from), lte(from, date)), or(isNull(to), gt(to, date)));
}

export async function loadCatalog(db: Db, options: CatalogOptions): Promise<AgencyCatalog> {
  // One after another: inside a transaction (resolution at ingest) the queries share one connection.
  const unitRows = await db
    .select({ id: units.id, level: units.level, name: units.name, unitType: units.unitType, parentId: units.parentId })
    .from(units)
    .where(inForce(units.validFrom, units.validTo, options.date));
  const agencyRows = await db
    .select({ id: agencies.id, unitId: agencies.unitId, level: agencies.level, kind: agencies.kind, roleKey: agencies.roleKey, name: agencies.name })
    .from(agencies)
    .where(and(inForce(agencies.validFrom, agencies.validTo, options.date), isNull(agencies.retiredAt)));
  const aliasRows = await db.select({ agencyId: agencyAliases.agencyId, aliasKey: agencyAliases.aliasKey, scopeUnitId: agencyAliases.scopeUnitId }).from(agencyAliases);
  const known = new Set(unitRows.map((u) => u.id));
  return memoryCatalog({
    units: unitRows.map((u) => ({ ...u, level: u.level as UnitLevel })),
    agencies: agencyRows.filter((a) => a.unitId === null || known.has(a.unitId)).map((a) => ({ ...a, level: a.level as AdminLevel })),
    aliases: aliasRows,
    roleNames: ROLE_NAMES.filter((r) => options.date === null ? r.until === null : (r.from === null || r.from <= options.date) && (r.until === null || r.until > options.date)),
  });
}
