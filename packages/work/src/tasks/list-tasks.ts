/**
 * @module tasks/list-tasks
 * The task list an office or an agency works from: always narrowed to what the reader may read
 * (its jurisdiction, confirmed tasks only for those who do not review: as taskReadable), filtered
 * by status, lateness, agency (and its role), unit, document or words, sorted by due time (no
 * deadline last), a page at a time with the total.
 *
 * Built for a province with tens of thousands of tasks. A unit's tasks are read from task_units
 * (one row per task and unit it lies in, with the task's status and due time), one ordered run
 * of its index per status, each cut at the page's end, and the runs merged: a page costs the
 * same whatever the unit holds. The total counts the same index alone. The page, its agencies
 * and the total come back in one query. Without a unit (a national or an agency account) the
 * runs read the tasks themselves, in due order per status.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can, requireRole, scopeUnit, TASK_STATUSES, type TaskStatus } from "@chidao/core";
import { schema } from "@chidao/db";
import { scopeOf, taskVisible, type UnitChain } from "../access/scope.js";
import { nowOf, type TaskContext } from "./context.js";
import { invalidInput } from "./errors.js";
import { itemOf, ITEM_COLUMNS, SHARE_AGENCIES, shareAgencyLists, type TaskItem } from "./present.js";

const { tasks, assignments, taskUnits } = schema;
/** The tasks of a run, and the unit rows a unit's runs read. */
const t = alias(tasks, "t");
const v = alias(taskUnits, "v");
const w = alias(taskUnits, "w");

export interface ListTasksOptions {
  status?: TaskStatus | TaskStatus[];
  /** Only tasks past due and still open or in progress. */
  overdue?: boolean;
  /** Tasks with a live share of this agency. */
  agencyId?: number;
  /** With an agency (or for an agency's account, its own): only where it leads, or supports. */
  role?: "lead" | "support";
  /** Tasks owned within this unit's subtree or assigned into it. */
  unitId?: number;
  documentId?: string;
  /** Words of the title or text, accents and case ignored. */
  q?: string;
  limit?: number;
  offset?: number;
}

export interface TaskPage {
  items: TaskItem[];
  total: number;
  limit: number;
  offset: number;
}

const MAX_LIMIT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIVE: readonly TaskStatus[] = ["open", "in_progress"];

/** What a list asks, resolved: which statuses, which units the tasks must lie in, and the rest. */
interface Query {
  statuses: TaskStatus[];
  /** Due before this (the overdue filter). */
  dueBefore: Date | null;
  confirmedOnly: boolean;
  /** Units each task must lie in (the reader's, the filter's); the first drives the runs. */
  units: number[];
  /** Conditions on the task's id alone (agency scope, agency filter). */
  byId: ((id: SQL) => SQL)[];
  /** Conditions on the task's columns (as t): document, words. */
  byTask: SQL[];
  /**
   * One run per status, each in index order; not for an agency's account, whose tasks (its
   * shares' and their sub-tasks) are a set computed once rather than once per status.
   */
  runPerStatus: boolean;
}

export async function listTasks(ctx: TaskContext, options: ListTasksOptions = {}): Promise<TaskPage> {
  requireRole(ctx.actor, "read");
  const now = nowOf(ctx);
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), MAX_LIMIT);
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  const query = await queryOf(ctx, options, now);
  if (query.statuses.length === 0) return { items: [], total: 0, limit, offset };
  const runs = query.runPerStatus ? query.statuses.map((status) => run(query, [status], limit + offset)) : [run(query, query.statuses, limit + offset)];
  const page = sql`select r.id from (${sql.join(runs, sql` union all `)}) r order by r.due_at asc nulls last, r.id limit ${limit} offset ${offset}`;
  // One round trip: the page, its agencies, and the total (computed once, as the page is read).
  const rows = await ctx.db
    .select({ ...ITEM_COLUMNS, shares: SHARE_AGENCIES, total: sql<number>`(${count(query)})`.mapWith(Number) })
    .from(tasks)
    .where(sql`${tasks.id} in (${page})`)
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id));
  // Past the end, the page has no row to carry the total.
  const total = rows[0]?.total ?? Number((await ctx.db.execute<{ n: string | number }>(count(query))).rows[0]?.n ?? 0);
  return { items: rows.map(({ shares, total: _, ...r }) => itemOf(r, shareAgencyLists(shares), now)), total, limit, offset };
}

async function queryOf(ctx: TaskContext, o: ListTasksOptions, now: Date): Promise<Query> {
  if (o.documentId !== undefined && !UUID.test(o.documentId)) throw invalidInput("documentId", "Mã văn bản không hợp lệ.", "Invalid document id.");
  const { scope } = ctx.actor;
  const agencyId = o.agencyId ?? (o.role ? scope.agencyId : null);
  if (o.role && agencyId === null) throw invalidInput("role", "Lọc theo vai trò cần một cơ quan (agencyId).", "Filtering by role needs an agency (agencyId).");
  const asked = o.status === undefined ? [...TASK_STATUSES] : Array.isArray(o.status) ? o.status : [o.status];
  const statuses = TASK_STATUSES.filter((s) => asked.includes(s) && (!o.overdue || LIVE.includes(s)));
  const units: number[] = [];
  const byId: Query["byId"] = [];
  // The filter's unit first: it drives the runs. The reader's unit is not checked again when the
  // filter's lies within it: a task in a district's jurisdiction is in its province's (every row
  // that names the district names its province).
  const filter = o.unitId === undefined ? null : await scopeOf(ctx.db, { unitId: o.unitId, agencyId: null });
  if (filter) units.push(scopeUnit(filter)!.id);
  if (scope.agencyId !== null) byId.push((id) => taskVisible(scope, id)!);
  else {
    const own = scopeUnit(scope);
    if (own && !(filter && chainColumn(filter, own.level) === own.id)) units.push(own.id);
  }
  if (agencyId !== null && agencyId !== undefined) {
    byId.push((id) => sql`exists (select 1 from ${assignments} f where f.task_id = ${id} and f.agency_id = ${agencyId} and f.status <> 'cancelled'${o.role ? sql` and f.role = ${o.role}` : sql``})`);
  }
  const byTask: SQL[] = [];
  if (o.documentId) byTask.push(eq(t.documentId, o.documentId));
  if (o.q?.trim()) byTask.push(sql`chidao_fold(${t.title} || ' ' || ${t.text}) like '%' || chidao_fold(${escapeLike(o.q.trim())}) || '%' escape '\\'`);
  return { statuses, dueBefore: o.overdue ? now : null, confirmedOnly: !can(ctx.actor, "task.manage"), units, byId, byTask, runPerStatus: scope.agencyId === null };
}

/**
 * The rows of a status (or of several) as (id, due_at), soonest due first, at most `n`: from the
 * driving unit's index range when there is a unit, otherwise from the tasks' (status, due_at) index.
 */
function run(q: Query, statuses: readonly TaskStatus[], n: number): SQL {
  const where = whereOf(q, statuses);
  if (q.units.length > 0) return sql`(select ${v.taskId} as id, ${v.dueAt} as due_at from ${sourceOf(q)} where ${where} order by ${v.dueAt} asc nulls last, ${v.taskId} limit ${n})`;
  return sql`(select ${t.id} as id, ${t.dueAt} as due_at from ${tasks} ${t} where ${where} order by ${t.dueAt} asc nulls last, ${t.id} limit ${n})`;
}

/** The count of every row the runs read, from the same index. */
function count(q: Query): SQL {
  return sql`select count(*) as n from ${q.units.length > 0 ? sourceOf(q) : sql`${tasks} ${t}`} where ${whereOf(q, q.statuses)}`;
}

/** task_units of the driving unit, joined to the task only when a condition reads its columns. */
function sourceOf(q: Query): SQL {
  return q.byTask.length > 0 ? sql`${taskUnits} ${v} join ${tasks} ${t} on ${t.id} = ${v.taskId}` : sql`${taskUnits} ${v}`;
}

/** The conditions of a run (one status) or of the count (all of them). */
function whereOf(q: Query, statuses: readonly TaskStatus[]): SQL {
  const unit = q.units.length > 0;
  const id = unit ? sql`${v.taskId}` : sql`${t.id}`;
  const status = unit ? v.status : t.status;
  return and(
    unit ? sql`${v.unitId} = ${q.units[0]}` : undefined,
    statuses.length === 1 ? eq(status, statuses[0]!) : inArray(status, [...statuses]),
    q.dueBefore ? (unit ? sql`${v.dueAt} < ${q.dueBefore}` : sql`${t.dueAt} < ${q.dueBefore}`) : undefined,
    q.confirmedOnly ? (unit ? sql`${v.confirmed}` : sql`${t.confirmedAt} is not null`) : undefined,
    ...q.units.slice(1).map((other) => sql`exists (select 1 from ${taskUnits} ${w} where ${w.taskId} = ${id} and ${w.unitId} = ${other})`),
    ...q.byId.map((condition) => condition(id)),
    ...q.byTask,
  )!;
}

function chainColumn(chain: UnitChain, level: "province" | "district" | "commune"): number | null {
  return level === "province" ? chain.provinceId : level === "district" ? chain.districtId : chain.communeId;
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
