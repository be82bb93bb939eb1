/**
 * @module tasks/views
 * What the audit log keeps of a task and of a share: plain JSON (dates as ISO strings), enough
 * to tell what changed, never a whole document.
 */
import { schema } from "@chidao/db";
import type { TaskRow } from "./rows.js";

type ShareRow = typeof schema.assignments.$inferSelect;

export interface ShareRef {
  agencyId: number;
  role: "lead" | "support";
  status?: string;
}

export function taskAudit(row: TaskRow, shares?: readonly ShareRef[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    status: row.status,
    title: row.title,
    text: row.text,
    ref: row.ref,
    documentId: row.documentId,
    sourcePath: row.sourcePath,
    deadline: row.deadline,
    dueAt: row.dueAt?.toISOString() ?? null,
    reportTo: row.reportTo,
    unitId: row.unitId,
    parentId: row.parentId,
    parentAssignmentId: row.parentAssignmentId,
    percent: row.percent,
    version: row.version,
  };
  if (shares) {
    const live = shares.filter((s) => s.status !== "cancelled");
    view.lead = live.filter((s) => s.role === "lead").map((s) => s.agencyId);
    view.support = live.filter((s) => s.role === "support").map((s) => s.agencyId);
  }
  return view;
}

export function shareAudit(row: ShareRow): Record<string, unknown> {
  return {
    taskId: row.taskId,
    agencyId: row.agencyId,
    role: row.role,
    status: row.status,
    percent: row.percent,
    reportedStatus: row.reportedStatus,
    reportedPercent: row.reportedPercent,
    dueAt: row.dueAt?.toISOString() ?? null,
    version: row.version,
  };
}
