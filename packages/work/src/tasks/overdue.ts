/**
 * @module tasks/overdue
 * Who is late, ranked: overdue shares (open or in progress, past due) counted per agency and per
 * unit within a unit (a province's roll-up groups its shares by agency, or by district), most
 * overdue first, then the longest overdue. Each count reads one range of the index
 * assignments(<level>_id, status, due_at) — every share carries its agency's unit chain for
 * this — and only the rows ranked are then named.
 */
import { inArray, sql, type SQL } from "drizzle-orm";
import { requireRole, type Actor } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { unitWithinActor, type UnitInScope } from "./access.js";
import { nowOf, type TaskContext } from "./context.js";
import type { AgencyRef } from "./present.js";

const { assignments, agencies, units } = schema;

export interface OverdueOptions {
  /** Default: the actor's scope unit (the whole country for a national actor). */
  unitId?: number;
  /** How many to rank (default 50, at most 500). */
  limit?: number;
}

export interface UnitRef {
  id: number;
  name: string;
  level: "province" | "district" | "commune";
}

export interface AgencyOverdue {
  agency: AgencyRef & { unitId: number | null };
  overdue: number;
  oldestDueAt: Date;
}

export interface UnitOverdue {
  /** Null: the agencies of the unit itself (a province's departments, in a by-district count). */
  unit: UnitRef | null;
  overdue: number;
  /** How many agencies hold them. */
  agencies: number;
  oldestDueAt: Date;
}

export async function overdueByAgency(ctx: TaskContext, options: OverdueOptions = {}): Promise<{ unit: UnitRef | null; agencies: AgencyOverdue[] }> {
  requireRole(ctx.actor, "read");
  const unit = await unitWithinActor(ctx.db, ctx.actor, options.unitId);
  const { rows } = await ctx.db.execute<{ agency_id: number; n: string | number; oldest: Date | string }>(sql`
    select agency_id, count(*) as n, min(due_at) as oldest from ${assignments}
    where ${overdueWhere(ctx.actor, unit, nowOf(ctx))}
    group by agency_id order by n desc, oldest asc, agency_id limit ${limitOf(options)}`);
  const names = await agencyNames(ctx.db, rows.map((r) => Number(r.agency_id)));
  return {
    unit: await unitRef(ctx.db, unit?.id ?? null),
    agencies: rows.map((r) => ({ agency: names.get(Number(r.agency_id))!, overdue: Number(r.n), oldestDueAt: new Date(r.oldest) })),
  };
}

export async function overdueByUnit(ctx: TaskContext, options: OverdueOptions = {}): Promise<{ unit: UnitRef | null; units: UnitOverdue[] }> {
  requireRole(ctx.actor, "read");
  const unit = await unitWithinActor(ctx.db, ctx.actor, options.unitId);
  const column = sql.raw(await childColumn(ctx.db, unit));
  const { rows } = await ctx.db.execute<{ unit_id: number | null; n: string | number; agencies: string | number; oldest: Date | string }>(sql`
    select ${column} as unit_id, count(*) as n, count(distinct agency_id) as agencies, min(due_at) as oldest from ${assignments}
    where ${overdueWhere(ctx.actor, unit, nowOf(ctx))}
    group by ${column} order by n desc, oldest asc limit ${limitOf(options)}`);
  const refs = await unitRefs(ctx.db, rows.map((r) => r.unit_id).filter((id): id is number => id !== null).map(Number));
  return {
    unit: await unitRef(ctx.db, unit?.id ?? null),
    units: rows.map((r) => ({ unit: r.unit_id === null ? null : refs.get(Number(r.unit_id))!, overdue: Number(r.n), agencies: Number(r.agencies), oldestDueAt: new Date(r.oldest) })),
  };
}

/** Overdue shares in the unit (and of the actor's agency, for an agency's account). */
function overdueWhere(actor: Actor, unit: UnitInScope | null, now: Date): SQL {
  const within = unit ? sql`and ${sql.raw(`${unit.level}_id`)} = ${unit.id}` : sql``;
  const own = actor.scope.agencyId !== null ? sql`and agency_id = ${actor.scope.agencyId}` : sql``;
  return sql`status in ('open', 'in_progress') and due_at < ${now} ${within} ${own}`;
}

/** The column that names a share's unit one level down: districts of a province (or communes, where it has none). */
async function childColumn(db: Db, unit: UnitInScope | null): Promise<string> {
  if (!unit) return "province_id";
  if (unit.level !== "province") return "commune_id";
  const { rows } = await db.execute<{ has: boolean }>(sql`select exists (select 1 from ${units} where parent_id = ${unit.id} and level = 'district') as has`);
  return rows[0]?.has ? "district_id" : "commune_id";
}

function limitOf(options: OverdueOptions): number {
  return Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), 500);
}

async function agencyNames(db: Db, ids: number[]): Promise<Map<number, AgencyRef & { unitId: number | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: agencies.id, name: agencies.fullName, unitId: agencies.unitId }).from(agencies).where(inArray(agencies.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

async function unitRefs(db: Db, ids: number[]): Promise<Map<number, UnitRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.fullName, level: units.level }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

async function unitRef(db: Db, id: number | null): Promise<UnitRef | null> {
  return id === null ? null : ((await unitRefs(db, [id])).get(id) ?? null);
}
