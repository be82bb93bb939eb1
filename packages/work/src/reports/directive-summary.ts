/**
 * @module reports/directive-summary
 * The periodic summary an office writes about one directive ("tình hình triển khai Chỉ thị số
 * …"): for every confirmed task and every share, where it stands and whether the agency reported
 * in the period or stayed silent, then who is silent, lead agencies first since they answer for
 * the task. Narrowed to the reader: an office sees every share of the tasks it owns, an agency or
 * a lower unit only its own shares.
 *
 * An agency counts as silent when any of its live shares (open, in progress) went without a report
 * in the period; as reported when it reported on some share and owes none. Done and cancelled
 * shares owe nothing, so an agency whose shares are all closed, and quiet, is neither.
 */
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { isClosed, isOverdue, requireRole, type ActorScope, type TaskDeadline, type TaskStatus } from "@chidao/core";
import { schema } from "@chidao/db";
import { requireDocumentVisible } from "@chidao/registry";
import type { Ctx } from "../accounts/users.js";
import { assignmentWithin, taskOwnedWithin, taskVisible } from "../access/scope.js";
import { invalidInput, notFound, requireInstant } from "./errors.js";
import type { AgencyNames } from "./report-view.js";

const { documents, tasks, assignments, agencies, reports } = schema;

type ShareRow = typeof assignments.$inferSelect;

const DAY_MS = 86_400_000;
/** Weekly summaries are the common rhythm ("báo cáo hằng tuần"). */
export const DEFAULT_PERIOD_DAYS = 7;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DirectiveSummaryOptions {
  documentId: string;
  /** The end of the period (the caller's clock). */
  now: Date;
  /** The start of the period, inclusive; default DEFAULT_PERIOD_DAYS before `now`. */
  since?: Date;
}

/** Whether the share was reported on in the period; "closed": done or cancelled, and quiet. */
export type Reporting = "reported" | "silent" | "closed";

export interface SummaryShare {
  assignmentId: number;
  agency: AgencyNames;
  role: ShareRow["role"];
  status: ShareRow["status"];
  percent: number;
  dueAt: string | null;
  lastReportAt: string | null;
  reportsInPeriod: number;
  reporting: Reporting;
  overdue: boolean;
}

export interface SummaryTask {
  id: number;
  ref: string | null;
  title: string;
  status: TaskStatus;
  percent: number;
  dueAt: string | null;
  /** Some share of it is overdue. */
  overdue: boolean;
  shares: SummaryShare[];
}

export interface SilentAgency {
  agency: AgencyNames;
  /** Silent on a share it leads (chủ trì). */
  lead: boolean;
  taskIds: number[];
}

export interface DirectiveSummary {
  document: { id: string; code: string | null; subject: string | null; date: string | null; issuer: string | null };
  period: { since: string; until: string };
  tasks: SummaryTask[];
  totals: { tasks: number; shares: number; overdueShares: number; agencies: number; reported: number; silent: number };
  /** Lead agencies first, then by name. */
  silent: SilentAgency[];
}

/**
 * @example
 * await directiveSummary({ db, actor }, { documentId, now: new Date() }); // the past week
 */
export async function directiveSummary(ctx: Ctx, options: DirectiveSummaryOptions): Promise<DirectiveSummary> {
  requireRole(ctx.actor, "read");
  const until = requireInstant("now", options.now);
  const since = options.since === undefined ? new Date(until.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS) : requireInstant("since", options.since);
  if (since > until) throw invalidInput([{ path: "since", vi: "Đầu kỳ báo cáo phải trước cuối kỳ.", en: "The period must start before it ends." }]);
  if (!UUID.test(options.documentId)) throw notFound("document", options.documentId);
  await requireDocumentVisible(ctx.db, options.documentId, ctx.actor.scope);
  const [document] = await ctx.db.select({ id: documents.id, code: documents.code, subject: documents.subject, date: documents.date, issuer: documents.issuer }).from(documents).where(eq(documents.id, options.documentId));
  const summaryTasks = groupTasks(await shareRows(ctx, options.documentId, since, until), until);
  return { document: document!, period: { since: since.toISOString(), until: until.toISOString() }, tasks: summaryTasks, ...agencyTotals(summaryTasks) };
}

type SummaryRow = Awaited<ReturnType<typeof shareRows>>[number];

/** One row per visible share of the document's confirmed tasks (a task without one: one row, share columns null). */
async function shareRows(ctx: Ctx, documentId: string, since: Date, until: Date) {
  const inPeriod = sql<number>`(select count(*)::int from ${reports} r where r.assignment_id = ${assignments.id} and r.created_at >= ${since.toISOString()}::timestamptz and r.created_at <= ${until.toISOString()}::timestamptz)`;
  return ctx.db
    .select({
      taskId: tasks.id,
      ref: tasks.ref,
      title: tasks.title,
      taskStatus: tasks.status,
      taskPercent: tasks.percent,
      taskDueAt: tasks.dueAt,
      deadline: tasks.deadline,
      acceptedAt: sql<Date>`coalesce(${tasks.confirmedAt}, ${tasks.createdAt})`.mapWith(tasks.createdAt),
      assignmentId: assignments.id,
      role: assignments.role,
      status: assignments.status,
      percent: assignments.percent,
      dueAt: assignments.dueAt,
      lastReportAt: assignments.lastReportAt,
      agencyId: agencies.id,
      agencyName: agencies.name,
      agencyFullName: agencies.fullName,
      reportsInPeriod: inPeriod,
    })
    .from(tasks)
    .leftJoin(assignments, and(eq(assignments.taskId, tasks.id), shareVisible(ctx.actor.scope)))
    .leftJoin(agencies, eq(agencies.id, assignments.agencyId))
    .where(and(eq(tasks.documentId, documentId), inArray(tasks.status, ["open", "in_progress", "done"]), taskVisible(ctx.actor.scope)))
    .orderBy(sql`${tasks.spanStart} nulls last`, tasks.id, assignments.role, agencies.fullName);
}

/** The shares a reader is shown: its own, and every share of a task its office owns. */
function shareVisible(scope: ActorScope): SQL | undefined {
  const own = assignmentWithin(scope);
  const managed = taskOwnedWithin(scope);
  return own && managed ? or(own, managed) : undefined;
}

function groupTasks(rows: SummaryRow[], now: Date): SummaryTask[] {
  const byTask = new Map<number, SummaryTask>();
  for (const row of rows) {
    let task = byTask.get(row.taskId);
    if (!task) {
      task = { id: row.taskId, ref: row.ref, title: row.title, status: row.taskStatus, percent: row.taskPercent, dueAt: iso(row.taskDueAt), overdue: false, shares: [] };
      byTask.set(row.taskId, task);
    }
    const share = shareOf(row, now);
    if (!share) continue;
    task.shares.push(share);
    task.overdue ||= share.overdue;
  }
  return [...byTask.values()];
}

function shareOf(row: SummaryRow, now: Date): SummaryShare | null {
  if (row.assignmentId === null || row.role === null || row.status === null || row.percent === null || row.agencyId === null) return null;
  const reporting: Reporting = row.reportsInPeriod > 0 ? "reported" : isClosed(row.status) ? "closed" : "silent";
  return {
    assignmentId: row.assignmentId,
    agency: { id: row.agencyId, name: row.agencyName!, fullName: row.agencyFullName! },
    role: row.role,
    status: row.status,
    percent: row.percent,
    dueAt: iso(row.dueAt),
    lastReportAt: iso(row.lastReportAt),
    reportsInPeriod: row.reportsInPeriod,
    reporting,
    overdue: shareOverdue(row.status, row.dueAt, row.lastReportAt, row.deadline, row.acceptedAt, now),
  };
}

/**
 * A recurring duty is late when its latest occurrence went unreported (core's rule); other work
 * when the share's own due time has passed (it may have been moved from the task's).
 */
function shareOverdue(status: ShareRow["status"], dueAt: Date | null, lastReportAt: Date | null, deadline: TaskDeadline, acceptedAt: Date, now: Date): boolean {
  if (isClosed(status)) return false;
  if (deadline.kind === "recurring") return isOverdue(deadline, status, lastReportAt, now, { since: acceptedAt });
  return dueAt !== null && dueAt < now;
}

interface AgencyTally {
  agency: AgencyNames;
  reported: boolean;
  silentLead: boolean;
  silentTasks: number[];
}

function agencyTotals(list: SummaryTask[]): Pick<DirectiveSummary, "totals" | "silent"> {
  const tally = new Map<number, AgencyTally>();
  for (const task of list) {
    for (const share of task.shares) {
      const t = tally.get(share.agency.id) ?? { agency: share.agency, reported: false, silentLead: false, silentTasks: [] };
      tally.set(share.agency.id, t);
      if (share.reporting === "reported") t.reported = true;
      if (share.reporting !== "silent") continue;
      t.silentTasks.push(task.id);
      t.silentLead ||= share.role === "lead";
    }
  }
  const all = [...tally.values()];
  const silent = all
    .filter((t) => t.silentTasks.length > 0)
    .sort((a, b) => Number(b.silentLead) - Number(a.silentLead) || a.agency.fullName.localeCompare(b.agency.fullName, "vi"))
    .map((t) => ({ agency: t.agency, lead: t.silentLead, taskIds: [...new Set(t.silentTasks)] }));
  const shares = list.flatMap((t) => t.shares);
  return {
    totals: {
      tasks: list.length,
      shares: shares.length,
      overdueShares: shares.filter((s) => s.overdue).length,
      agencies: all.length,
      reported: all.filter((t) => t.reported && t.silentTasks.length === 0).length,
      silent: silent.length,
    },
    silent,
  };
}

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}
