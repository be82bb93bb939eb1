/**
 * @module dashboard/dashboard
 * What a leader reads of a unit in ten seconds: its tasks by status (and how many are late), who
 * is late (overdueByAgency, ranked), how much work was finished week by week, the directives
 * received this week, and the agencies that owe a report. Always within the reader's
 * jurisdiction: the unit asked for must lie in it (FORBIDDEN otherwise, like the overdue
 * roll-up), and an agency's account counts only its own work.
 *
 * Weeks run Monday to Sunday in Vietnam's time (UTC+7, no daylight saving). A task counts as
 * finished in the week of the report that took it to 100 %, or, finished without one (an agency
 * setting its share done), of its last change.
 */
import { and, sql, type SQL } from "drizzle-orm";
import { requireRole, TASK_STATUSES, type Actor, type TaskStatus } from "@chidao/core";
import { schema } from "@chidao/db";
import { documentVisible } from "@chidao/registry";
import { scopeOf, taskVisible } from "../access/scope.js";
import { taskReadable, unitWithinActor, type UnitInScope } from "../tasks/access.js";
import { nowOf, type TaskContext } from "../tasks/context.js";
import { overdueByAgency, type AgencyOverdue, type UnitRef } from "../tasks/overdue.js";
import type { AgencyRef } from "../tasks/present.js";

const { tasks, assignments, agencies, documents, reports } = schema;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Vietnam: UTC+7 all year. */
const OFFSET_MS = 7 * 3_600_000;
export const DASHBOARD_WEEKS = 12;
/** How many ranked rows and listed documents the dashboard shows (the totals count them all). */
const TOP = 10;

export interface DashboardOptions {
  /** Default: the actor's scope unit (the whole country for a national actor). */
  unitId?: number;
}

export interface WeekCount {
  /** Monday of the week, YYYY-MM-DD (Vietnam time). */
  weekStart: string;
  done: number;
}

export interface ReceivedDirective {
  id: string;
  code: string | null;
  subject: string | null;
  issuer: string | null;
  date: string | null;
  ingestedAt: Date;
}

export interface DashboardSilentAgency {
  agency: AgencyRef & { unitId: number | null };
  /** Live shares (open, in progress) with no report since the period began. */
  silent: number;
  /** Of those, how many it leads (chủ trì): it answers for the task. */
  lead: number;
  lastReportAt: Date | null;
}

export interface Dashboard {
  unit: UnitRef | null;
  /** The moment the numbers were read. */
  at: Date;
  /** Tasks the reader may read in the unit, by status; overdue: open or in progress and past due. */
  status: Record<TaskStatus, number> & { overdue: number; total: number };
  /** Overdue shares by agency, most first; total: every overdue share in the unit. */
  overdue: { total: number; agencies: AgencyOverdue[] };
  /** Tasks finished per week, oldest week first, the current week last. */
  completion: WeekCount[];
  /** Stored documents of the jurisdiction ingested since Monday, newest first. */
  directives: { since: Date; total: number; items: ReceivedDirective[] };
  /** Agencies with live shares and no report on them in the past week, the most silent first. */
  silent: { since: Date; total: number; agencies: DashboardSilentAgency[] };
}

/**
 * @example
 * await dashboard({ db, actor }, { unitId: khanhHoa });
 */
export async function dashboard(ctx: TaskContext, options: DashboardOptions = {}): Promise<Dashboard> {
  requireRole(ctx.actor, "read");
  const now = nowOf(ctx);
  const unit = await unitWithinActor(ctx.db, ctx.actor, options.unitId);
  const weekStart = mondayOf(now);
  const silentSince = new Date(now.getTime() - WEEK_MS);
  const ranked = await overdueByAgency(ctx, { ...(options.unitId !== undefined ? { unitId: options.unitId } : {}), limit: TOP });
  return {
    unit: ranked.unit,
    at: now,
    status: await statusCounts(ctx, unit, now),
    overdue: { total: await overdueShares(ctx, unit, now), agencies: ranked.agencies },
    completion: await completion(ctx, unit, weekStart),
    directives: { since: weekStart, ...(await received(ctx, unit, weekStart)) },
    silent: { since: silentSince, ...(await silentAgencies(ctx, unit, silentSince)) },
  };
}

/** Tasks the actor may read, narrowed to the unit asked for (when not the actor's own). */
async function tasksWhere(ctx: TaskContext, unit: UnitInScope | null): Promise<SQL | undefined> {
  const inUnit = unit ? taskVisible(await scopeOf(ctx.db, { unitId: unit.id, agencyId: null })) : undefined;
  return and(taskReadable(ctx.actor), inUnit);
}

async function statusCounts(ctx: TaskContext, unit: UnitInScope | null, now: Date): Promise<Dashboard["status"]> {
  const where = await tasksWhere(ctx, unit);
  const rows = await ctx.db
    .select({ status: tasks.status, n: sql<number>`count(*)`.mapWith(Number), late: sql<number>`count(*) filter (where ${tasks.dueAt} < ${now} and ${tasks.status} in ('open', 'in_progress'))`.mapWith(Number) })
    .from(tasks)
    .where(where)
    .groupBy(tasks.status);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  let overdue = 0;
  let total = 0;
  for (const r of rows) {
    counts[r.status] = r.n;
    overdue += r.late;
    total += r.n;
  }
  return { ...counts, overdue, total };
}

/** Live shares in the unit (an agency's account: its own), as overdueByAgency counts them. */
function sharesWhere(actor: Actor, unit: UnitInScope | null): SQL {
  const within = unit ? sql`and a.${sql.raw(`${unit.level}_id`)} = ${unit.id}` : sql``;
  const own = actor.scope.agencyId !== null ? sql`and a.agency_id = ${actor.scope.agencyId}` : sql``;
  return sql`a.status in ('open', 'in_progress') ${within} ${own}`;
}

async function overdueShares(ctx: TaskContext, unit: UnitInScope | null, now: Date): Promise<number> {
  const { rows } = await ctx.db.execute<{ n: string | number }>(sql`select count(*) as n from ${assignments} a where ${sharesWhere(ctx.actor, unit)} and a.due_at < ${now}`);
  return Number(rows[0]?.n ?? 0);
}

async function completion(ctx: TaskContext, unit: UnitInScope | null, weekStart: Date): Promise<WeekCount[]> {
  const first = new Date(weekStart.getTime() - (DASHBOARD_WEEKS - 1) * WEEK_MS);
  const finishedAt = sql`coalesce((select max(r.created_at) from ${reports} r where r.task_id = ${tasks.id} and r.percent = 100), ${tasks.updatedAt})`;
  const where = and(await tasksWhere(ctx, unit), sql`${tasks.status} = 'done'`);
  const { rows } = await ctx.db.execute<{ week: string | number; n: string | number }>(sql`
    select floor(extract(epoch from (f.at - ${first}::timestamptz)) / ${sql.raw(String(WEEK_MS / 1000))})::int as week, count(*) as n
    from (select ${finishedAt} as at from ${tasks} where ${where}) f
    where f.at >= ${first}::timestamptz
    group by 1`);
  const byWeek = new Map(rows.map((r) => [Number(r.week), Number(r.n)]));
  return Array.from({ length: DASHBOARD_WEEKS }, (_, i) => ({ weekStart: dayOf(new Date(first.getTime() + i * WEEK_MS)), done: byWeek.get(i) ?? 0 }));
}

/** Stored documents the unit receives (documentVisible of the unit's scope) ingested since `since`. */
async function received(ctx: TaskContext, unit: UnitInScope | null, since: Date): Promise<{ total: number; items: ReceivedDirective[] }> {
  const scope = unit ? await scopeOf(ctx.db, { unitId: unit.id, agencyId: null }) : ctx.actor.scope;
  const where = and(sql`${documents.status} = 'stored' and ${documents.ingestedAt} >= ${since}`, documentVisible(scope), ctx.actor.scope.agencyId !== null ? documentVisible(ctx.actor.scope) : undefined);
  const rows = await ctx.db
    .select({ id: documents.id, code: documents.code, subject: documents.subject, issuer: documents.issuer, date: documents.date, ingestedAt: documents.ingestedAt, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(documents)
    .where(where)
    .orderBy(sql`${documents.ingestedAt} desc`, documents.id)
    .limit(TOP);
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _, ...r }) => r) };
}

/** Agencies owing a report: some live share of theirs in the unit has none since `since`. */
async function silentAgencies(ctx: TaskContext, unit: UnitInScope | null, since: Date): Promise<{ total: number; agencies: DashboardSilentAgency[] }> {
  const { rows } = await ctx.db.execute<{ agency_id: number; silent: string | number; lead: string | number; last: Date | string | null; total: string | number }>(sql`
    select a.agency_id, count(*) as silent, count(*) filter (where a.role = 'lead') as lead, max(a.last_report_at) as last, count(*) over () as total
    from ${assignments} a join ${tasks} t on t.id = a.task_id
    where ${sharesWhere(ctx.actor, unit)} and t.confirmed_at is not null and (a.last_report_at is null or a.last_report_at < ${since})
    group by a.agency_id order by silent desc, lead desc, a.agency_id limit ${TOP}`);
  const ids = rows.map((r) => Number(r.agency_id));
  const names = ids.length
    ? new Map((await ctx.db.select({ id: agencies.id, name: agencies.fullName, unitId: agencies.unitId }).from(agencies).where(sql`${agencies.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)).map((a) => [a.id, a]))
    : new Map<number, AgencyRef & { unitId: number | null }>();
  return {
    total: Number(rows[0]?.total ?? 0),
    agencies: rows.map((r) => ({ agency: names.get(Number(r.agency_id))!, silent: Number(r.silent), lead: Number(r.lead), lastReportAt: r.last === null ? null : new Date(r.last) })),
  };
}

/** Monday 00:00 in Vietnam, as an instant. */
export function mondayOf(at: Date): Date {
  const local = new Date(at.getTime() + OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - sinceMonday * DAY_MS;
  return new Date(midnight - OFFSET_MS);
}

/** The Vietnam calendar day of an instant. */
function dayOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
