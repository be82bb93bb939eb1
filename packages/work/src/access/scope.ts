/**
 * @module access/scope
 * An actor's jurisdiction as SQL, over the unit chain (province, district, commune) that tasks
 * and assignments carry. A unit-scoped account sees what its subtree owns and what is assigned
 * into its subtree; an agency-scoped account sees what is assigned to its agency and what that
 * agency delegated; a national account sees everything. Reads outside the jurisdiction answer
 * "not found", so another district's task is not even confirmed to exist.
 */
import { and, eq, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { ChidaoError, NATIONAL_SCOPE, scopeUnit, type ActorScope } from "@chidao/core";
import { schema, type Db } from "@chidao/db";

const { units, agencies, tasks, assignments, taskUnits } = schema;

type ChainColumns = { provinceId: typeof tasks.provinceId; districtId: typeof tasks.districtId; communeId: typeof tasks.communeId } | { provinceId: typeof assignments.provinceId; districtId: typeof assignments.districtId; communeId: typeof assignments.communeId };

/** The chain columns of a unit (or null): what tasks and assignments store. */
export interface UnitChain {
  provinceId: number | null;
  districtId: number | null;
  communeId: number | null;
}

export const NO_CHAIN: UnitChain = { provinceId: null, districtId: null, communeId: null };

/** A unit as its chain is read: its level, its parent and its parent's parent. */
export interface UnitRow {
  id: number;
  level: "province" | "district" | "commune";
  parentId: number | null;
  grandId: number | null;
}

/** The province, district and commune a unit lies in (itself included). */
export async function unitChain(db: Db, unitId: number | null): Promise<UnitChain & { level: ActorScope["level"] }> {
  if (unitId === null) return chainOf(null);
  const { rows } = await db.execute<{ id: number; level: "province" | "district" | "commune"; parent_id: number | null; grand_id: number | null }>(sql`
    select u.id, u.level, u.parent_id, p.parent_id as grand_id
    from ${units} u left join ${units} p on p.id = u.parent_id where u.id = ${unitId}`);
  const u = rows[0];
  if (!u) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có đơn vị hành chính ${unitId}.`, en: `No administrative unit ${unitId}.` });
  return chainOf({ id: u.id, level: u.level, parentId: u.parent_id, grandId: u.grand_id });
}

/** The chain of a unit read with its parent (null: central). */
export function chainOf(u: UnitRow | null): UnitChain & { level: ActorScope["level"] } {
  if (u === null) return { ...NO_CHAIN, level: "central" };
  if (u.level === "province") return { provinceId: u.id, districtId: null, communeId: null, level: "province" };
  if (u.level === "district") return { provinceId: u.parentId, districtId: u.id, communeId: null, level: "district" };
  // A 2025 commune hangs from its province directly (no districts).
  return u.grandId === null ? { provinceId: u.parentId, districtId: null, communeId: u.id, level: "commune" } : { provinceId: u.grandId, districtId: u.parentId, communeId: u.id, level: "commune" };
}

/** The chain of an agency's unit (all null for a central body). */
export async function agencyChain(db: Db, agencyId: number): Promise<UnitChain & { unitId: number | null; level: ActorScope["level"] }> {
  const [a] = await db.select({ unitId: agencies.unitId }).from(agencies).where(eq(agencies.id, agencyId));
  if (!a) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có cơ quan ${agencyId}.`, en: `No agency ${agencyId}.` });
  return { ...(await unitChain(db, a.unitId)), unitId: a.unitId };
}

/** The scope of an account: its agency's (agency member) or its unit's. */
export async function scopeOf(db: Db, account: { unitId: number | null; agencyId: number | null }): Promise<ActorScope> {
  if (account.agencyId !== null) {
    const c = await agencyChain(db, account.agencyId);
    return { level: c.level, unitId: c.unitId, provinceId: c.provinceId, districtId: c.districtId, communeId: c.communeId, agencyId: account.agencyId };
  }
  if (account.unitId === null) return NATIONAL_SCOPE;
  const c = await unitChain(db, account.unitId);
  return { level: c.level, unitId: account.unitId, provinceId: c.provinceId, districtId: c.districtId, communeId: c.communeId, agencyId: null };
}

/**
 * A column for a query over users (as "users"): the account's scope unit — its agency's, for an
 * agency member — with its parents, as scopeFrom takes it; null for a national account or a
 * central agency. Sign-in checks read it with the account instead of asking scopeOf after.
 */
export const ACCOUNT_SCOPE_UNIT = sql<[number, UnitRow["level"], number | null, number | null] | null>`(
  select json_build_array(u.id, u.level, u.parent_id, p.parent_id) from ${units} u left join ${units} p on p.id = u.parent_id
  where u.id = case when "users".agency_id is not null then (select a.unit_id from ${agencies} a where a.id = "users".agency_id) else "users".unit_id end)`;

/** The scope of an account from its ACCOUNT_SCOPE_UNIT: what scopeOf answers. */
export function scopeFrom(account: { unitId: number | null; agencyId: number | null }, read: [number, UnitRow["level"], number | null, number | null] | null): ActorScope {
  if (account.agencyId === null && account.unitId === null) return NATIONAL_SCOPE;
  // The foreign key keeps an account's unit; were it gone, no scope rather than the whole country.
  if (account.agencyId === null && read === null) throw new ChidaoError({ code: "NOT_FOUND", vi: `Không có đơn vị hành chính ${account.unitId}.`, en: `No administrative unit ${account.unitId}.` });
  const unit = read === null ? null : { id: Number(read[0]), level: read[1], parentId: read[2] === null ? null : Number(read[2]), grandId: read[3] === null ? null : Number(read[3]) };
  const c = chainOf(unit);
  return { level: c.level, unitId: unit?.id ?? null, provinceId: c.provinceId, districtId: c.districtId, communeId: c.communeId, agencyId: account.agencyId };
}

/** Rows whose chain lies in the scope's unit subtree; undefined: no restriction. */
export function chainWithin(scope: ActorScope, columns: ChainColumns): SQL | undefined {
  const unit = scopeUnit(scope);
  if (!unit) return undefined;
  const column = unit.level === "province" ? columns.provinceId : unit.level === "district" ? columns.districtId : columns.communeId;
  return eq(column, unit.id);
}

/**
 * Tasks the scope may read. A unit's: the tasks task_units files under it — owned within its
 * subtree or assigned into it, kept by triggers (migration 0011) — one indexed equality, where
 * the union of owned and assigned tasks read every row of both for a province. An agency's: its
 * shares' tasks and the sub-tasks delegated from them. `id`: the task id to test (default
 * tasks.id; a query over an alias of tasks passes its own).
 */
export function taskVisible(scope: ActorScope, id: SQL | AnyColumn = tasks.id): SQL | undefined {
  if (scope.agencyId !== null) {
    return sql`${id} in (
      select a.task_id from ${assignments} a where a.agency_id = ${scope.agencyId}
      union
      select d.id from ${tasks} d join ${assignments} pa on pa.id = d.parent_assignment_id where pa.agency_id = ${scope.agencyId})`;
  }
  const unit = scopeUnit(scope);
  if (!unit) return undefined;
  return sql`${id} in (select tu.task_id from ${taskUnits} tu where tu.unit_id = ${unit.id})`;
}

/** Tasks whose owning office is within the scope: the ones an office account may manage. */
export function taskOwnedWithin(scope: ActorScope): SQL | undefined {
  if (scope.agencyId !== null) return sql`exists (select 1 from ${assignments} pa where pa.id = ${tasks.parentAssignmentId} and pa.agency_id = ${scope.agencyId})`;
  return chainWithin(scope, tasks);
}

/** Assignments (shares) the scope may report on: its agency's, or those inside its subtree. */
export function assignmentWithin(scope: ActorScope): SQL | undefined {
  if (scope.agencyId !== null) return eq(assignments.agencyId, scope.agencyId);
  return chainWithin(scope, assignments);
}

/** `base` narrowed to the scope (and() drops undefined parts). */
export function scoped(base: SQL | undefined, restriction: SQL | undefined): SQL | undefined {
  return and(base, restriction);
}

/** Whether a unit lies in the scope's subtree (a national scope holds every unit; an agency scope none). */
export async function unitWithin(db: Db, scope: ActorScope, unitId: number | null): Promise<boolean> {
  const mine = scopeUnit(scope);
  if (!mine) return scope.agencyId === null;
  if (scope.agencyId !== null || unitId === null) return false;
  const chain = await unitChain(db, unitId);
  return (mine.level === "province" ? chain.provinceId : mine.level === "district" ? chain.districtId : chain.communeId) === mine.id;
}

/** Throws FORBIDDEN unless the unit lies in the scope's subtree. */
export async function requireUnitWithin(db: Db, scope: ActorScope, unitId: number | null): Promise<void> {
  if (!(await unitWithin(db, scope, unitId))) {
    throw new ChidaoError({ code: "FORBIDDEN", vi: "Đơn vị này nằm ngoài phạm vi quản lý của tài khoản.", en: "This unit is outside the account's jurisdiction.", details: { unitId } });
  }
}
