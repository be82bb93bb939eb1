/**
 * @module agencies/edit
 * Changing the agency catalog: add a user agency to a unit, rename one (the old names stay as
 * aliases, so documents that used them still resolve), retire one, add and remove aliases. Each
 * change is one transaction.
 */
import { and, eq } from "drizzle-orm";
import { ChidaoError, isAgencyKind, nameKey, SYSTEM_ACTOR } from "@chidao/core";
import { recordAudit, schema, type AuditActor, type Db } from "@chidao/db";
import { getUnit } from "../hierarchy/units.js";
import { agencyNotFound, getAgency, type Agency, type AgencyAlias, type AgencyWithAliases } from "./catalog.js";

const { agencies, agencyAliases } = schema;

export interface NewAgency {
  unitId: number;
  name: string;
  /** Default: the name followed by the unit ("Ban Quản lý Vịnh Nha Trang tỉnh Khánh Hòa"). */
  fullName?: string;
  kind: string;
  /** Default: made from the name ("user-ban-quan-ly-vinh-nha-trang"). */
  roleKey?: string;
  aliases?: readonly string[];
}

export async function addAgency(db: Db, input: NewAgency, actor: AuditActor = SYSTEM_ACTOR): Promise<AgencyWithAliases> {
  const name = required(input.name, "name");
  if (!isAgencyKind(input.kind)) throw invalid(`loại cơ quan không hợp lệ: ${input.kind}`, `unknown agency kind: ${input.kind}`);
  const id = await db.transaction(async (tx) => {
    const unit = await getUnit(tx, input.unitId);
    const fullName = input.fullName?.trim() || `${name} ${lowerFirst(unit.fullName)}`;
    const roleKey = input.roleKey ?? `user-${nameKey(name).replace(/[^a-z0-9]+/g, "-")}`;
    const [row] = await tx
      .insert(agencies)
      .values({ unitId: unit.id, level: unit.level, kind: input.kind, roleKey, name, fullName, origin: "user", validFrom: unit.validFrom, validTo: unit.validTo })
      .onConflictDoNothing()
      .returning({ id: agencies.id });
    if (!row) throw invalid(`${unit.fullName} đã có cơ quan "${roleKey}"`, `${unit.fullName} already has an agency "${roleKey}"`);
    await insertAliases(tx, row.id, [name, ...(input.aliases ?? [])], unit.id, "user");
    await insertAliases(tx, row.id, [fullName], null, "user");
    await recordAudit(tx, actor, { action: "agency.create", objectType: "agency", objectId: row.id, after: { unitId: unit.id, kind: input.kind, roleKey, name, fullName } });
    return row.id;
  });
  return getAgency(db, id);
}

/** Renames an agency; its previous name and full name remain as aliases. */
export async function renameAgency(db: Db, id: number, rename: { name: string; fullName?: string }, actor: AuditActor = SYSTEM_ACTOR): Promise<AgencyWithAliases> {
  const name = required(rename.name, "name");
  await db.transaction(async (tx) => {
    const agency = await lockedAgency(tx, id);
    const fullName = rename.fullName?.trim() || agency.fullName.replace(agency.name, name);
    await insertAliases(tx, id, [agency.name, name], agency.unitId, "user");
    await insertAliases(tx, id, [agency.fullName, fullName], null, "user");
    await tx.update(agencies).set({ name, fullName }).where(eq(agencies.id, id));
    await recordAudit(tx, actor, { action: "agency.rename", objectType: "agency", objectId: id, before: { name: agency.name, fullName: agency.fullName }, after: { name, fullName } });
  });
  return getAgency(db, id);
}

/** Retires an agency at `at` (default now): documents dated after that day no longer resolve to it. */
export async function retireAgency(db: Db, id: number, at: Date = new Date(), actor: AuditActor = SYSTEM_ACTOR): Promise<Agency> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(agencies).set({ retiredAt: at }).where(eq(agencies.id, id)).returning();
    if (!row) throw agencyNotFound(id);
    await recordAudit(tx, actor, { action: "agency.retire", objectType: "agency", objectId: id, after: { retiredAt: at.toISOString() } });
    return row;
  });
}

export interface NewAlias {
  alias: string;
  origin: "user" | "review";
  /** The unit whose documents may use it; default the agency's unit (null: anywhere). */
  scopeUnitId?: number | null;
}

/** Adds an alias; adding one that exists returns the existing row. */
export async function addAlias(db: Db, agencyId: number, input: NewAlias, actor: AuditActor = SYSTEM_ACTOR): Promise<AgencyAlias> {
  const alias = required(input.alias, "alias");
  return db.transaction(async (tx) => {
    const agency = await lockedAgency(tx, agencyId);
    const scopeUnitId = input.scopeUnitId === undefined ? agency.unitId : input.scopeUnitId;
    await insertAliases(tx, agencyId, [alias], scopeUnitId, input.origin);
    const aliasKey = nameKey(alias);
    const scope = scopeUnitId === null ? undefined : eq(agencyAliases.scopeUnitId, scopeUnitId);
    const rows = await tx.select().from(agencyAliases).where(and(eq(agencyAliases.agencyId, agencyId), eq(agencyAliases.aliasKey, aliasKey), scope));
    const row = rows.find((r) => r.scopeUnitId === scopeUnitId);
    if (!row) throw new Error(`alias ${aliasKey} of agency ${agencyId} vanished inside its transaction`);
    await recordAudit(tx, actor, { action: "agency.alias-add", objectType: "agency", objectId: agencyId, after: { alias: row.alias, scopeUnitId: row.scopeUnitId } });
    return row;
  });
}

/** Removes an alias, except the one that is the agency's current name (its name must keep resolving). */
/** `allowed`: throws when the actor may not edit the alias's agency (checked before anything changes). */
export async function removeAlias(db: Db, aliasId: number, actor: AuditActor = SYSTEM_ACTOR, allowed?: (agencyId: number) => Promise<void>): Promise<void> {
  const notFound = () => new ChidaoError({ code: "NOT_FOUND", vi: `Không có tên gọi khác số ${aliasId}`, en: `No alias ${aliasId}`, details: { aliasId } });
  const [owner] = await db.select({ agencyId: agencyAliases.agencyId }).from(agencyAliases).where(eq(agencyAliases.id, aliasId));
  if (!owner) throw notFound();
  if (allowed) await allowed(owner.agencyId);
  await db.transaction(async (tx) => {
    const [alias] = await tx.select().from(agencyAliases).where(eq(agencyAliases.id, aliasId));
    if (!alias) throw notFound();
    const agency = await lockedAgency(tx, alias.agencyId);
    if (alias.aliasKey === nameKey(agency.name) && alias.scopeUnitId === agency.unitId) {
      throw invalid(`"${alias.alias}" là tên hiện tại của cơ quan; hãy đổi tên trước`, `"${alias.alias}" is the agency's current name; rename it first`);
    }
    await tx.delete(agencyAliases).where(eq(agencyAliases.id, aliasId));
    await recordAudit(tx, actor, { action: "agency.alias-remove", objectType: "agency", objectId: alias.agencyId, before: { alias: alias.alias, scopeUnitId: alias.scopeUnitId } });
  });
}

async function lockedAgency(tx: Db, id: number): Promise<Agency> {
  const [agency] = await tx.select().from(agencies).where(eq(agencies.id, id)).for("update");
  if (!agency) throw agencyNotFound(id);
  return agency;
}

async function insertAliases(tx: Db, agencyId: number, names: readonly string[], scopeUnitId: number | null, origin: "user" | "review"): Promise<void> {
  const values = names.map((alias) => ({ agencyId, alias: alias.trim(), aliasKey: nameKey(alias), scopeUnitId, origin })).filter((v) => v.aliasKey !== "");
  if (values.length > 0) await tx.insert(agencyAliases).values(values).onConflictDoNothing();
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw invalid(`thiếu ${field}`, `${field} is required`);
  return trimmed;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

function invalid(vi: string, en: string): ChidaoError {
  return new ChidaoError({ code: "INVALID_INPUT", vi, en });
}
