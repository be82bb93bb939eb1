/**
 * @module tasks/get-task
 * One task as its reader may see it: its text and deadline, every share with the sub-tasks
 * delegated from it, and the document it comes from (number, issuer, where in the text). A task
 * outside the reader's jurisdiction is NOT_FOUND; so are sub-tasks outside it, left out.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { requireRole, type Actor } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { taskReadable } from "./access.js";
import { nowOf, type TaskContext } from "./context.js";
import { taskNotFound } from "./errors.js";
import { isOverdue, ITEM_COLUMNS, presentItems, type AgencyRef, type TaskItem } from "./present.js";

const { tasks, assignments, agencies, documents } = schema;

export interface ShareDetail {
  id: number;
  agency: AgencyRef;
  role: "lead" | "support";
  /** Rolled up from what the agency set and its sub-tasks. */
  status: (typeof assignments.$inferSelect)["status"];
  percent: number;
  /** What the agency itself set. */
  reportedStatus: (typeof assignments.$inferSelect)["reportedStatus"];
  reportedPercent: number;
  dueAt: Date | null;
  overdue: boolean;
  lastReportAt: Date | null;
  version: number;
  /** Sub-tasks the agency delegated from this share (those the reader may see). */
  subtasks: TaskItem[];
}

export interface SourceDocument {
  id: string;
  code: string | null;
  issuer: string | null;
  date: string | null;
  subject: string | null;
}

export interface TaskDetail extends TaskItem {
  text: string;
  deadlineText: string | null;
  reportTo: string | null;
  sourcePath: string | null;
  /** Where the task sits in its document's text. */
  span: { start: number; end: number } | null;
  parentAssignmentId: number | null;
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  document: SourceDocument | null;
  shares: ShareDetail[];
}

export interface GetTaskOptions {
  id: number;
}

export async function getTask(ctx: TaskContext, options: GetTaskOptions): Promise<TaskDetail> {
  requireRole(ctx.actor, "read");
  const [visible] = await ctx.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, options.id), taskReadable(ctx.actor)));
  if (!visible) throw taskNotFound(options.id);
  return getTaskIn(ctx.db, options.id, ctx.actor, nowOf(ctx));
}

/** The detail of a task the caller has already checked the actor may see. */
export async function getTaskIn(db: Db, id: number, actor: Actor, now: Date): Promise<TaskDetail> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw taskNotFound(id);
  const [item] = await presentItems(db, [row], now);
  const shares = await sharesOf(db, id, actor, now);
  return {
    ...item!,
    text: row.text,
    deadlineText: row.deadlineText,
    reportTo: row.reportTo,
    sourcePath: row.sourcePath,
    span: row.spanStart !== null && row.spanEnd !== null ? { start: row.spanStart, end: row.spanEnd } : null,
    parentAssignmentId: row.parentAssignmentId,
    confirmedAt: row.confirmedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    document: row.documentId ? await sourceDocument(db, row.documentId) : null,
    shares,
  };
}

async function sharesOf(db: Db, taskId: number, actor: Actor, now: Date): Promise<ShareDetail[]> {
  const rows = await db
    .select({ share: assignments, agencyName: agencies.fullName })
    .from(assignments)
    .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
    .where(eq(assignments.taskId, taskId))
    .orderBy(sql`${assignments.role} = 'support'`, asc(assignments.id));
  const subRows = await db.select({ ...ITEM_COLUMNS, shareId: tasks.parentAssignmentId }).from(tasks).where(and(eq(tasks.parentId, taskId), taskReadable(actor))).orderBy(asc(tasks.id));
  const subtasks = await presentItems(db, subRows, now);
  return rows.map(({ share: s, agencyName }) => ({
    id: s.id,
    agency: { id: s.agencyId, name: agencyName },
    role: s.role,
    status: s.status,
    percent: s.percent,
    reportedStatus: s.reportedStatus,
    reportedPercent: s.reportedPercent,
    dueAt: s.dueAt,
    overdue: isOverdue(s.status, s.dueAt, now),
    lastReportAt: s.lastReportAt,
    version: s.version,
    subtasks: subtasks.filter((_, i) => subRows[i]!.shareId === s.id),
  }));
}

async function sourceDocument(db: Db, id: string): Promise<SourceDocument | null> {
  const [doc] = await db.select({ id: documents.id, code: documents.code, issuer: documents.issuer, date: documents.date, subject: documents.subject }).from(documents).where(eq(documents.id, id));
  return doc ?? null;
}
