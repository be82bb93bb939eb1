/**
 * @module tasks/agency-open-tasks
 * An agency's work list: its open and in-progress shares, soonest due first (no due time last),
 * with their tasks. Built for the agencies with the most work: each status is read in due order
 * straight off the index assignments(agency_id, status, due_at) and the two ordered runs merged,
 * so a page costs the same whatever the agency holds; the counts read the index alone.
 */
import { sql } from "drizzle-orm";
import { requireRole, type TaskStatus } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { agencyWithin } from "./access.js";
import { nowOf, type TaskContext } from "./context.js";
import { isOverdue, type AgencyRef } from "./present.js";

const { tasks, assignments, documents } = schema;

export interface AgencyOpenTasksOptions {
  /** Default: the actor's own agency. */
  agencyId?: number;
  /** Only shares past due. */
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

export interface OpenShare {
  /** The share (assignment). */
  id: number;
  role: "lead" | "support";
  status: "open" | "in_progress";
  percent: number;
  dueAt: Date | null;
  overdue: boolean;
  version: number;
  task: { id: number; ref: string | null; title: string; status: TaskStatus; percent: number; documentId: string | null; documentCode: string | null; parentId: number | null };
}

export interface OpenSharePage {
  agency: AgencyRef;
  items: OpenShare[];
  /** Open and in-progress shares of the agency. */
  total: number;
  /** Of them, past due. */
  overdue: number;
  limit: number;
  offset: number;
}

const MAX_LIMIT = 200;

export async function agencyOpenTasks(ctx: TaskContext, options: AgencyOpenTasksOptions = {}): Promise<OpenSharePage> {
  requireRole(ctx.actor, "read");
  const agency = await agencyWithin(ctx.db, ctx.actor, options.agencyId);
  const now = nowOf(ctx);
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), MAX_LIMIT);
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  const items = await openShares(ctx.db, agency.id, now, options.overdue === true, limit, offset);
  const counts = await countsOf(ctx.db, agency.id, now);
  return { agency: { id: agency.id, name: agency.name }, items, total: options.overdue ? counts.overdue : counts.total, overdue: counts.overdue, limit, offset };
}

interface OpenRow extends Record<string, unknown> {
  id: string | number;
  role: "lead" | "support";
  status: "open" | "in_progress";
  percent: number;
  due_at: Date | string | null;
  version: number;
  task_id: string | number;
  ref: string | null;
  title: string;
  task_status: TaskStatus;
  task_percent: number;
  document_id: string | null;
  document_code: string | null;
  parent_id: string | number | null;
}

async function openShares(db: Db, agencyId: number, now: Date, overdueOnly: boolean, limit: number, offset: number): Promise<OpenShare[]> {
  const late = overdueOnly ? sql`and due_at < ${now}` : sql``;
  const run = (status: string) => sql`(select id, task_id, role, status, percent, due_at, version from ${assignments} where agency_id = ${agencyId} and status = ${status} ${late} order by due_at limit ${limit + offset})`;
  const { rows } = await db.execute<OpenRow>(sql`
    select s.id, s.role, s.status, s.percent, s.due_at, s.version, s.task_id, t.ref, t.title, t.status as task_status, t.percent as task_percent, t.document_id, d.code as document_code, t.parent_id
    from (${run("open")} union all ${run("in_progress")}) s
    join ${tasks} t on t.id = s.task_id
    left join ${documents} d on d.id = t.document_id
    order by s.due_at asc nulls last, s.id
    limit ${limit} offset ${offset}`);
  return rows.map((r) => {
    const dueAt = r.due_at === null ? null : new Date(r.due_at);
    return {
      id: Number(r.id),
      role: r.role,
      status: r.status,
      percent: r.percent,
      dueAt,
      overdue: isOverdue(r.status, dueAt, now),
      version: r.version,
      task: { id: Number(r.task_id), ref: r.ref, title: r.title, status: r.task_status, percent: r.task_percent, documentId: r.document_id, documentCode: r.document_code, parentId: r.parent_id === null ? null : Number(r.parent_id) },
    };
  });
}

async function countsOf(db: Db, agencyId: number, now: Date): Promise<{ total: number; overdue: number }> {
  const { rows } = await db.execute<{ total: string | number; overdue: string | number }>(sql`
    select count(*) as total, count(*) filter (where due_at < ${now}) as overdue
    from ${assignments} where agency_id = ${agencyId} and status in ('open', 'in_progress')`);
  return { total: Number(rows[0]?.total ?? 0), overdue: Number(rows[0]?.overdue ?? 0) };
}
