/**
 * @module reports/file-report
 * An agency reports on its share of a task in the form directives ask for: kết quả (results),
 * khó khăn, vướng mắc (difficulties), đề xuất, kiến nghị (proposals), how far along it is, and
 * attachments. The report, its files, the share's new progress and both audit entries are written
 * in one transaction, so a report never shows without the progress it announced, or the reverse.
 */
import { and, eq, sql } from "drizzle-orm";
import { requireRole, type TaskStatus } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { assignmentWithin } from "../access/scope.js";
import { attachmentIssues, prepareAttachments, storeAttachments, type AttachmentInput, type AttachmentLimits } from "./attachments.js";
import { invalidInput, notFound, requireId, requireInstant, throwIfInvalid, type InputIssue } from "./errors.js";
import { loadReports, type ReportView } from "./report-view.js";

const { assignments, tasks, reports } = schema;

type ShareStatus = (typeof assignments.$inferSelect)["status"];

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
   * Runs first in the transaction, before the share is locked: the task services' tree lock plugs
   * in here, so that reports and other progress writers lock a task tree in the same order.
   */
  lockTask?: (tx: Db, taskId: number) => Promise<unknown>;
  /** Runs inside the transaction once the share has changed: the task roll-up plugs in here. */
  onShareChanged?: (tx: Db, assignmentId: number) => Promise<void>;
}

/** A share's progress as a report leaves it. */
export interface ShareState {
  status: ShareStatus;
  percent: number;
  lastReportAt: string | null;
}

export interface FiledReport {
  report: ReportView;
  share: ShareState & { id: number; taskId: number };
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
  const texts = { results: clean(options.results), difficulties: clean(options.difficulties), proposals: clean(options.proposals) };
  const percent = options.percent ?? null;
  const files = prepareAttachments(options.attachments ?? [], options.limits);
  return ctx.db.transaction(async (tx) => {
    if (options.lockTask) await options.lockTask(tx, await shareTaskId(tx, ctx, assignmentId));
    const share = await lockShare(tx, ctx, assignmentId);
    const next = shareAfterReport(share, percent);
    const [row] = await tx.insert(reports).values({ taskId: share.taskId, assignmentId, agencyId: share.agencyId, authorId: ctx.actor.userId, ...texts, percent, createdAt: now }).returning({ id: reports.id });
    const reportId = row!.id;
    const attached = await storeAttachments(tx, reportId, files);
    await tx
      .update(assignments)
      .set({ ...next, lastReportAt: now, updatedAt: now, version: sql`${assignments.version} + 1` })
      .where(eq(assignments.id, assignmentId));
    const after: ShareState = { ...next, lastReportAt: now.toISOString() };
    await recordAudit(tx, ctx.actor, { action: "report.create", objectType: "report", objectId: reportId, after: { assignmentId, taskId: share.taskId, agencyId: share.agencyId, ...texts, percent, attachments: attached } });
    await recordAudit(tx, ctx.actor, { action: "assignment.update", objectType: "assignment", objectId: assignmentId, before: stateOf(share), after: { ...after, reportId } });
    if (options.onShareChanged) await options.onShareChanged(tx, assignmentId);
    const [report] = await loadReports(tx, eq(reports.id, reportId), 1);
    return { report: report!, share: { id: assignmentId, taskId: share.taskId, ...after } };
  });
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
export function shareAfterReport(share: { status: ShareStatus; percent: number }, percent: number | null): { status: ShareStatus; percent: number } {
  if (percent === null) return { status: share.status, percent: share.percent };
  if (percent === 100) return { status: "done", percent };
  if (share.status === "done" || (share.status === "open" && percent > 0)) return { status: "in_progress", percent };
  return { status: share.status, percent };
}

interface LockedShare {
  id: number;
  taskId: number;
  agencyId: number;
  status: ShareStatus;
  percent: number;
  lastReportAt: Date | null;
  taskStatus: TaskStatus;
}

/** The share's task, if the share lies within the actor's jurisdiction. */
async function shareTaskId(tx: Db, ctx: Ctx, assignmentId: number): Promise<number> {
  const [share] = await tx.select({ taskId: assignments.taskId }).from(assignments).where(and(eq(assignments.id, assignmentId), assignmentWithin(ctx.actor.scope)));
  if (!share) throw notFound("assignment", assignmentId);
  return share.taskId;
}

/** The share, locked until the transaction ends so two reports at once apply one after the other. */
async function lockShare(tx: Db, ctx: Ctx, assignmentId: number): Promise<LockedShare> {
  const [share] = await tx
    .select({ id: assignments.id, taskId: assignments.taskId, agencyId: assignments.agencyId, status: assignments.status, percent: assignments.percent, lastReportAt: assignments.lastReportAt, taskStatus: tasks.status })
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .where(and(eq(assignments.id, assignmentId), assignmentWithin(ctx.actor.scope)))
    .for("update", { of: assignments });
  if (!share) throw notFound("assignment", assignmentId);
  refuseClosedWork(share);
  return share;
}

/** A proposed task is not yet anyone's work, and cancelled work takes no more reports. */
function refuseClosedWork(share: LockedShare): void {
  if (share.taskStatus === "proposed") {
    throw invalidInput([{ path: "assignmentId", vi: "Nhiệm vụ chưa được xác nhận, chưa thể báo cáo.", en: "The task is not confirmed yet; it takes no reports." }]);
  }
  if (share.taskStatus === "cancelled" || share.status === "cancelled") {
    throw invalidInput([{ path: "assignmentId", vi: "Nhiệm vụ đã bị hủy, không nhận báo cáo.", en: "The work was cancelled; it takes no reports." }]);
  }
}

function stateOf(share: LockedShare): ShareState {
  return { status: share.status, percent: share.percent, lastReportAt: share.lastReportAt?.toISOString() ?? null };
}

function clean(text: string | undefined): string {
  return (text ?? "").trim();
}
