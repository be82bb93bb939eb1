/**
 * @module reports/file-report
 * An agency reports on its share of a task in the form directives ask for: kết quả (results),
 * khó khăn, vướng mắc (difficulties), đề xuất, kiến nghị (proposals), how far along it is, and
 * attachments. The report, its files, the share's new progress and both audit entries are written
 * in one transaction, so a report never shows without the progress it announced, or the reverse.
 *
 * The percent a report gives is the agency's own word (reported_status, reported_percent), as
 * set-assignment keeps it; the share's shown progress, its task's and every task's above are then
 * rolled up from it (tasks/roll-up) under the task tree's lock (tasks/tree), as every progress
 * writer does. Callers may plug in their own lock and roll-up (the hooks below).
 */
import { and, eq, sql } from "drizzle-orm";
import { requireRole, type TaskDeadline, type TaskStatus } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { assignmentWithin } from "../access/scope.js";
import { dueOf } from "../tasks/deadlines.js";
import { rollUpFrom } from "../tasks/roll-up.js";
import { lockTree } from "../tasks/tree.js";
import { shareAudit } from "../tasks/views.js";
import { attachmentIssues, prepareAttachments, storeAttachments, type AttachmentInput, type AttachmentLimits, type PreparedAttachment } from "./attachments.js";
import { invalidInput, notFound, requireId, requireInstant, throwIfInvalid, type InputIssue } from "./errors.js";
import { loadReports, type ReportView } from "./report-view.js";

const { assignments, tasks, reports, SHARE_STATUSES } = schema;

type ShareRow = typeof assignments.$inferSelect;
/** What an agency may say of its share (set-assignment's ReportedStatus). */
type ReportedStatus = (typeof SHARE_STATUSES)[number];

export interface FileReportOptions {
  assignmentId: number;
  /** Kết quả. */
  results?: string;
  /** Khó khăn, vướng mắc. */
  difficulties?: string;
  /** Đề xuất, kiến nghị. */
  proposals?: string;
  /** 0–100. Absent or null: the report says nothing about progress and the share keeps its percent. */
  percent?: number | null;
  attachments?: readonly AttachmentInput[];
  limits?: AttachmentLimits;
  /** When the report is filed (the caller's clock). */
  now: Date;
  /**
   * Runs first in the transaction, before the share is locked. Default: the task tree's lock, so
   * reports and other progress writers take turns on a tree and lock it in the same order.
   */
  lockTask?: (tx: Db, taskId: number) => Promise<unknown>;
  /** Runs inside the transaction once the share has changed. Default: the roll-up of its task and the tasks above. */
  onShareChanged?: (tx: Db, assignmentId: number) => Promise<void>;
}

/** A share's progress as a report leaves it: the agency's word, and the rolled-up values lists show. */
export interface ShareState {
  id: number;
  taskId: number;
  status: ShareRow["status"];
  percent: number;
  reportedStatus: ReportedStatus;
  reportedPercent: number;
  dueAt: string | null;
  lastReportAt: string | null;
}

export interface FiledReport {
  report: ReportView;
  share: ShareState;
}

const TEXTS = ["results", "difficulties", "proposals"] as const;

/**
 * @example
 * await fileReport({ db, actor }, { assignmentId: 12, results: "Đã tổ chức 3 đợt kiểm tra.", percent: 60, now: new Date() });
 */
export async function fileReport(ctx: Ctx, options: FileReportOptions): Promise<FiledReport> {
  requireRole(ctx.actor, "assignment.report");
  const assignmentId = requireId("assignment", options.assignmentId);
  const now = requireInstant("now", options.now);
  throwIfInvalid(reportIssues(options));
  const input: ReportInput = { results: clean(options.results), difficulties: clean(options.difficulties), proposals: clean(options.proposals), percent: options.percent ?? null };
  const files = prepareAttachments(options.attachments ?? [], options.limits);
  return ctx.db.transaction(async (tx) => {
    const taskId = await shareTaskId(tx, ctx, assignmentId);
    await (options.lockTask ?? lockTree)(tx, taskId);
    const share = await lockShare(tx, ctx, assignmentId);
    const reportId = await writeReport(tx, ctx, share, input, files, now);
    await applyReport(tx, share, input.percent, now);
    await (options.onShareChanged ?? (() => rollUpFrom(tx, taskId)))(tx, assignmentId);
    const [after] = await tx.select().from(assignments).where(eq(assignments.id, assignmentId));
    await recordAudit(tx, ctx.actor, { action: "assignment.update", objectType: "assignment", objectId: assignmentId, before: shareAudit(share), after: { ...shareAudit(after!), lastReportAt: now.toISOString(), reportId } });
    const [report] = await loadReports(tx, eq(reports.id, reportId), 1);
    return { report: report!, share: stateOf(after!) };
  });
}

interface ReportInput {
  results: string;
  difficulties: string;
  proposals: string;
  percent: number | null;
}

/** The report row, its attachments and its audit entry; answers its id. */
async function writeReport(tx: Db, ctx: Ctx, share: LockedShare, input: ReportInput, files: readonly PreparedAttachment[], now: Date): Promise<number> {
  const [row] = await tx.insert(reports).values({ taskId: share.taskId, assignmentId: share.id, agencyId: share.agencyId, authorId: ctx.actor.userId, ...input, createdAt: now }).returning({ id: reports.id });
  const attachments = await storeAttachments(tx, row!.id, files);
  await recordAudit(tx, ctx.actor, { action: "report.create", objectType: "report", objectId: row!.id, after: { assignmentId: share.id, taskId: share.taskId, agencyId: share.agencyId, ...input, attachments } });
  return row!.id;
}

/**
 * Records the agency's word on the share. The shown status and percent take the same values for
 * now (what the roll-up gives a share without sub-tasks); the roll-up then corrects them. A
 * recurring duty's share moves on to its next due time, as set-assignment does: this one is answered.
 */
async function applyReport(tx: Db, share: LockedShare, percent: number | null, now: Date): Promise<void> {
  const reported = shareAfterReport({ status: share.reportedStatus, percent: share.reportedPercent }, percent);
  const dueAt = share.deadline.kind === "recurring" ? dueOf(share.deadline, now) : share.dueAt;
  await tx
    .update(assignments)
    .set({ reportedStatus: reported.status, reportedPercent: reported.percent, status: reported.status, percent: reported.percent, dueAt, lastReportAt: now, updatedAt: now, version: sql`${assignments.version} + 1` })
    .where(eq(assignments.id, share.id));
}

/** What is wrong with the report's fields, all at once. */
export function reportIssues(options: Pick<FileReportOptions, "results" | "difficulties" | "proposals" | "percent" | "attachments" | "limits">): InputIssue[] {
  const issues: InputIssue[] = [];
  if (TEXTS.every((field) => clean(options[field]) === "")) {
    for (const path of TEXTS) {
      issues.push({ path, vi: "Báo cáo cần ít nhất một trong: kết quả, khó khăn vướng mắc, đề xuất kiến nghị.", en: "A report needs at least one of: results, difficulties, proposals." });
    }
  }
  const percent = options.percent;
  if (percent !== undefined && percent !== null && !(Number.isInteger(percent) && percent >= 0 && percent <= 100)) {
    issues.push({ path: "percent", vi: "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.", en: "Percent done must be a whole number from 0 to 100." });
  }
  return [...issues, ...attachmentIssues(options.attachments ?? [], options.limits)];
}

/**
 * The share after a report: 100 % is done (the agency says it has finished, which is what makes a
 * share done); any other percent means work under way, so an open share, or a done one the agency
 * now reports unfinished, is in progress. No percent: the share is as it was.
 */
export function shareAfterReport(share: { status: ReportedStatus; percent: number }, percent: number | null): { status: ReportedStatus; percent: number } {
  if (percent === null) return { status: share.status, percent: share.percent };
  if (percent === 100) return { status: "done", percent };
  if (share.status === "done" || (share.status === "open" && percent > 0)) return { status: "in_progress", percent };
  return { status: share.status, percent };
}

interface LockedShare extends ShareRow {
  taskStatus: TaskStatus;
  deadline: TaskDeadline;
}

/** The share's task, if the share lies within the actor's jurisdiction. */
async function shareTaskId(tx: Db, ctx: Ctx, assignmentId: number): Promise<number> {
  const [share] = await tx.select({ taskId: assignments.taskId }).from(assignments).where(and(eq(assignments.id, assignmentId), assignmentWithin(ctx.actor.scope)));
  if (!share) throw notFound("assignment", assignmentId);
  return share.taskId;
}

/** The share, locked until the transaction ends (under the tree's lock already: this one guards a caller's own lock). */
async function lockShare(tx: Db, ctx: Ctx, assignmentId: number): Promise<LockedShare> {
  const [row] = await tx
    .select({ share: assignments, taskStatus: tasks.status, deadline: tasks.deadline })
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .where(and(eq(assignments.id, assignmentId), assignmentWithin(ctx.actor.scope)))
    .for("update", { of: assignments });
  if (!row) throw notFound("assignment", assignmentId);
  const share = { ...row.share, taskStatus: row.taskStatus, deadline: row.deadline };
  refuseClosedWork(share);
  return share;
}

/** A proposed task is not yet anyone's work, and cancelled work takes no more reports. */
function refuseClosedWork(share: LockedShare): void {
  if (share.taskStatus === "proposed") {
    throw invalidInput([{ path: "assignmentId", vi: "Nhiệm vụ chưa được xác nhận, chưa thể báo cáo.", en: "The task is not confirmed yet; it takes no reports." }]);
  }
  if (share.taskStatus === "cancelled" || share.reportedStatus === "cancelled" || share.status === "cancelled") {
    throw invalidInput([{ path: "assignmentId", vi: "Nhiệm vụ đã bị hủy, không nhận báo cáo.", en: "The work was cancelled; it takes no reports." }]);
  }
}

function stateOf(share: ShareRow): ShareState {
  const { id, taskId, status, percent, reportedStatus, reportedPercent } = share;
  return { id, taskId, status, percent, reportedStatus, reportedPercent, dueAt: share.dueAt?.toISOString() ?? null, lastReportAt: share.lastReportAt?.toISOString() ?? null };
}

function clean(text: string | undefined): string {
  return (text ?? "").trim();
}
