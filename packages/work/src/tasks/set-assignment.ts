/**
 * @module tasks/set-assignment
 * An agency says where its share stands: open, in progress, done or cancelled, and how far
 * along (0–100 %). What it says is kept as said; the share's shown status and percent, and its
 * task's, and every task above, are then rolled up (roll-up.ts). Each report also moves a
 * recurring duty's share on to its next due time.
 */
import { and, eq, sql } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { assignmentWithin } from "../access/scope.js";
import { nowOf, type TaskContext } from "./context.js";
import { dueOf } from "./deadlines.js";
import { invalidInput, shareNotFound, staleVersion } from "./errors.js";
import { loadTask } from "./rows.js";
import { rollUpFrom } from "./roll-up.js";
import { lockTree } from "./tree.js";
import { shareAudit } from "./views.js";

const { assignments, SHARE_STATUSES } = schema;

export type ShareRow = typeof assignments.$inferSelect;
export type ReportedStatus = (typeof SHARE_STATUSES)[number];

export interface SetAssignmentOptions {
  /** The share (assignment) id. */
  id: number;
  expectedVersion: number;
  status?: ReportedStatus;
  /** 0–100; "done" without a percent is 100. */
  percent?: number;
}

/** Answers the share as rolled up after the change. */
export async function setAssignment(ctx: TaskContext, options: SetAssignmentOptions): Promise<ShareRow> {
  requireRole(ctx.actor, "assignment.report");
  checkOptions(options);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const taskId = await shareTask(tx, ctx, options.id);
    await lockTree(tx, taskId);
    const [before] = await tx.select().from(assignments).where(eq(assignments.id, options.id));
    if (!before) throw shareNotFound(options.id);
    if (before.version !== options.expectedVersion) throw staleVersion("assignment", before.id, options.expectedVersion);
    const task = await loadTask(tx, taskId);
    if (task.confirmedAt === null) throw invalidInput("id", `Nhiệm vụ ${task.id} chưa được xác nhận; chưa thể cập nhật tiến độ.`, `Task ${task.id} is not confirmed yet; progress cannot be reported.`);
    const reportedStatus = options.status ?? before.reportedStatus;
    const reportedPercent = options.percent ?? (reportedStatus === "done" ? 100 : before.reportedPercent);
    const dueAt = task.deadline.kind === "recurring" ? dueOf(task.deadline, now) : before.dueAt;
    const [updated] = await tx
      .update(assignments)
      .set({ reportedStatus, reportedPercent, dueAt, lastReportAt: now, updatedAt: now, version: sql`${assignments.version} + 1` })
      .where(and(eq(assignments.id, before.id), eq(assignments.version, options.expectedVersion)))
      .returning();
    if (!updated) throw staleVersion("assignment", before.id, options.expectedVersion);
    await rollUpFrom(tx, taskId);
    const [after] = await tx.select().from(assignments).where(eq(assignments.id, before.id));
    await recordAudit(tx, ctx.actor, { action: "assignment.update", objectType: "assignment", objectId: before.id, before: shareAudit(before), after: shareAudit(after!) });
    return after!;
  });
}

function checkOptions(options: SetAssignmentOptions): void {
  if (options.status !== undefined && !SHARE_STATUSES.includes(options.status)) throw invalidInput("status", `Trạng thái phải là một trong: ${SHARE_STATUSES.join(", ")}.`, `Status is one of: ${SHARE_STATUSES.join(", ")}.`);
  if (options.percent !== undefined && !(Number.isInteger(options.percent) && options.percent >= 0 && options.percent <= 100)) throw invalidInput("percent", "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.", "Percent is a whole number from 0 to 100.");
  if (options.status === undefined && options.percent === undefined) throw invalidInput("status", "Cần trạng thái hoặc tỷ lệ hoàn thành.", "A status or a percent is required.");
}

/** The share's task, if the share lies within the actor's scope (its agency's, or inside its subtree). */
async function shareTask(tx: Db, ctx: TaskContext, id: number): Promise<number> {
  const [row] = await tx.select({ taskId: assignments.taskId }).from(assignments).where(and(eq(assignments.id, id), assignmentWithin(ctx.actor.scope)));
  if (!row) throw shareNotFound(id);
  return row.taskId;
}
