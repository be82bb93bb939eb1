/**
 * @module tasks/merge-tasks
 * Several proposed tasks of one document into one: the parser split one job over several items.
 * The task that comes first in the document keeps its row; it takes the texts joined in document
 * order, every agency of the others (lead over support), the earliest deadline and every
 * report-to. The others are cancelled, not deleted: their places in the document stay taken, so
 * proposing the document again does not bring them back.
 */
import { eq } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { recordAudit, schema } from "@chidao/db";
import { nowOf, type TaskContext } from "./context.js";
import { invalidInput } from "./errors.js";
import { getTaskIn, type TaskDetail } from "./get-task.js";
import { checkText, MAX_TITLE, ownedTask, requireStatus, requireVersion, reviseTask, type TaskRow } from "./rows.js";
import { replaceShares, shareRefs, unitedShares } from "./shares.js";
import { lockTrees } from "./tree.js";
import { taskAudit } from "./views.js";

const { assignments } = schema;

export interface MergeTasksOptions {
  /** Two or more proposed tasks of one document, each with the version it was read at. */
  tasks: { id: number; expectedVersion: number }[];
  /** Default: the first task's title. */
  title?: string;
}

export async function mergeTasks(ctx: TaskContext, options: MergeTasksOptions): Promise<TaskDetail> {
  requireRole(ctx.actor, "task.manage");
  const ids = [...new Set((options.tasks ?? []).map((t) => t.id))];
  if (ids.length < 2) throw invalidInput("tasks", "Cần ít nhất hai nhiệm vụ để gộp.", "Merging needs at least two tasks.");
  const title = checkText(options.title, "title", MAX_TITLE);
  return ctx.db.transaction(async (tx) => {
    await lockTrees(tx, ids);
    const rows: TaskRow[] = [];
    for (const t of options.tasks) {
      const row = await ownedTask(tx, ctx.actor.scope, t.id);
      requireVersion(row, t.expectedVersion);
      requireStatus(row, ["proposed"]);
      rows.push(row);
    }
    if (rows[0]!.documentId === null || rows.some((r) => r.documentId !== rows[0]!.documentId)) throw invalidInput("tasks", "Chỉ gộp được các nhiệm vụ đề xuất của cùng một văn bản.", "Only proposed tasks of one document can be merged.");
    const [keep, ...absorbed] = [...new Map(rows.map((r) => [r.id, r])).values()].sort(byPlace);
    const shares = new Map(await Promise.all(rows.map(async (r) => [r.id, await shareRefs(tx, r.id)] as const)));
    const merged = await reviseTask(tx, keep!.id, versionOf(options, keep!.id), mergedValues([keep!, ...absorbed], title));
    await replaceShares(tx, { id: keep!.id, confirmed: false, dueAt: merged.dueAt }, unitedShares([keep!, ...absorbed].flatMap((r) => shares.get(r.id)!)));
    await tx.update(assignments).set({ dueAt: merged.dueAt }).where(eq(assignments.taskId, keep!.id));
    for (const r of absorbed) {
      const gone = await reviseTask(tx, r.id, versionOf(options, r.id), { status: "cancelled" });
      await tx.update(assignments).set({ status: "cancelled", updatedAt: new Date() }).where(eq(assignments.taskId, r.id));
      await recordAudit(tx, ctx.actor, { action: "task.merge", objectType: "task", objectId: r.id, before: taskAudit(r, shares.get(r.id)), after: { ...taskAudit(gone), mergedInto: keep!.id } });
    }
    await recordAudit(tx, ctx.actor, { action: "task.merge", objectType: "task", objectId: keep!.id, before: taskAudit(keep!, shares.get(keep!.id)), after: { ...taskAudit(merged, await shareRefs(tx, keep!.id)), mergedFrom: absorbed.map((r) => r.id) } });
    return getTaskIn(tx, keep!.id, ctx.actor, nowOf(ctx));
  });
}

/** Document order: by where the task's text starts, then by id. */
function byPlace(a: TaskRow, b: TaskRow): number {
  return (a.spanStart ?? Number.MAX_SAFE_INTEGER) - (b.spanStart ?? Number.MAX_SAFE_INTEGER) || a.id - b.id;
}

function versionOf(options: MergeTasksOptions, id: number): number {
  return options.tasks.find((t) => t.id === id)!.expectedVersion;
}

function mergedValues(rows: readonly TaskRow[], title: string | undefined) {
  const first = rows[0]!;
  const earliest = [...rows].filter((r) => r.dueAt !== null).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())[0] ?? first;
  const starts = rows.map((r) => r.spanStart).filter((n): n is number => n !== null);
  const ends = rows.map((r) => r.spanEnd).filter((n): n is number => n !== null);
  const reportTo = [...new Set(rows.flatMap((r) => (r.reportTo ? r.reportTo.split("; ") : [])))];
  return {
    title: title ?? first.title,
    text: rows.map((r) => r.text).join("\n"),
    spanStart: starts.length ? Math.min(...starts) : null,
    spanEnd: ends.length ? Math.max(...ends) : null,
    deadline: earliest.deadline,
    deadlineText: earliest.deadlineText,
    dueAt: earliest.dueAt,
    reportTo: reportTo.length ? reportTo.join("; ") : null,
    ref: first.ref,
  };
}
