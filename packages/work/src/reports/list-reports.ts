/**
 * @module reports/list-reports
 * The reports on a task (every agency's) or on one share, newest first. Whoever may read the task
 * reads its reports: co-ordinating agencies see each other's, as they would in a meeting. A task
 * outside the reader's jurisdiction is "not found", not an empty list.
 */
import { and, eq } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { schema } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { taskVisible } from "../access/scope.js";
import { invalidInput, notFound, requireId } from "./errors.js";
import { loadReports, type ReportView } from "./report-view.js";

const { tasks, assignments, reports } = schema;

/** Exactly one of taskId and assignmentId. */
export interface ListReportsOptions {
  taskId?: number;
  assignmentId?: number;
  /** Default 50, at most 500. */
  limit?: number;
}

export const REPORTS_PAGE = { default: 50, max: 500 } as const;

export async function listReports(ctx: Ctx, options: ListReportsOptions): Promise<ReportView[]> {
  requireRole(ctx.actor, "read");
  const limit = pageSize(options.limit);
  if (options.assignmentId !== undefined && options.taskId === undefined) {
    const assignmentId = requireId("assignment", options.assignmentId);
    await requireShareVisible(ctx, assignmentId);
    return loadReports(ctx.db, eq(reports.assignmentId, assignmentId), limit);
  }
  if (options.taskId !== undefined && options.assignmentId === undefined) {
    const taskId = requireId("task", options.taskId);
    if (!(await taskIsVisible(ctx, taskId))) throw notFound("task", taskId);
    return loadReports(ctx.db, eq(reports.taskId, taskId), limit);
  }
  throw invalidInput(["taskId", "assignmentId"].map((path) => ({ path, vi: "Cần đúng một trong: nhiệm vụ, phần việc.", en: "Give exactly one of taskId and assignmentId." })));
}

async function requireShareVisible(ctx: Ctx, assignmentId: number): Promise<void> {
  const [share] = await ctx.db.select({ taskId: assignments.taskId }).from(assignments).where(eq(assignments.id, assignmentId));
  if (!share || !(await taskIsVisible(ctx, share.taskId))) throw notFound("assignment", assignmentId);
}

async function taskIsVisible(ctx: Ctx, taskId: number): Promise<boolean> {
  const rows = await ctx.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, taskId), taskVisible(ctx.actor.scope)));
  return rows.length > 0;
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return REPORTS_PAGE.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > REPORTS_PAGE.max) {
    throw invalidInput([{ path: "limit", vi: `Số báo cáo mỗi trang từ 1 đến ${REPORTS_PAGE.max}.`, en: `limit must be from 1 to ${REPORTS_PAGE.max}.` }]);
  }
  return limit;
}
