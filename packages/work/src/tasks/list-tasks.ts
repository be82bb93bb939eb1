/**
 * @module tasks/list-tasks
 * The task list an office or an agency works from: always narrowed to what the reader may read
 * (taskReadable: its jurisdiction, confirmed tasks only for those who do not review), filtered by status, lateness, agency (and its role), unit, document or words,
 * sorted by due time (no deadline last), a page at a time with the total.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { requireRole, type TaskStatus } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { scopeOf, taskVisible } from "../access/scope.js";
import { taskReadable } from "./access.js";
import { nowOf, type TaskContext } from "./context.js";
import { invalidInput } from "./errors.js";
import { ITEM_COLUMNS, presentItems, type TaskItem } from "./present.js";

const { tasks, assignments } = schema;

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

export async function listTasks(ctx: TaskContext, options: ListTasksOptions = {}): Promise<TaskPage> {
  requireRole(ctx.actor, "read");
  const now = nowOf(ctx);
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), MAX_LIMIT);
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  const where = and(taskReadable(ctx.actor), ...(await filtersOf(ctx, options, now)));
  const rows = await ctx.db
    .select({ ...ITEM_COLUMNS, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(tasks)
    .where(where)
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(limit)
    .offset(offset);
  const total = rows[0]?.total ?? (offset > 0 ? await countOf(ctx.db, where) : 0);
  return { items: await presentItems(ctx.db, rows, now), total, limit, offset };
}

async function filtersOf(ctx: TaskContext, o: ListTasksOptions, now: Date): Promise<(SQL | undefined)[]> {
  if (o.documentId !== undefined && !UUID.test(o.documentId)) throw invalidInput("documentId", "Mã văn bản không hợp lệ.", "Invalid document id.");
  const statuses = o.status === undefined ? [] : Array.isArray(o.status) ? o.status : [o.status];
  const agencyId = o.agencyId ?? (o.role ? ctx.actor.scope.agencyId : null);
  if (o.role && agencyId === null) throw invalidInput("role", "Lọc theo vai trò cần một cơ quan (agencyId).", "Filtering by role needs an agency (agencyId).");
  return [
    statuses.length ? inArray(tasks.status, statuses) : undefined,
    o.overdue ? sql`${tasks.dueAt} < ${now} and ${tasks.status} in ('open', 'in_progress')` : undefined,
    agencyId !== null && agencyId !== undefined ? sql`exists (select 1 from ${assignments} f where f.task_id = ${tasks.id} and f.agency_id = ${agencyId} and f.status <> 'cancelled'${o.role ? sql` and f.role = ${o.role}` : sql``})` : undefined,
    o.unitId !== undefined ? taskVisible(await scopeOf(ctx.db, { unitId: o.unitId, agencyId: null })) : undefined,
    o.documentId ? eq(tasks.documentId, o.documentId) : undefined,
    o.q?.trim() ? sql`chidao_fold(${tasks.title} || ' ' || ${tasks.text}) like '%' || chidao_fold(${escapeLike(o.q.trim())}) || '%' escape '\\'` : undefined,
  ];
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function countOf(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tasks).where(where);
  return row?.n ?? 0;
}
