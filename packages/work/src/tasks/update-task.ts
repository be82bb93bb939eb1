/**
 * @module tasks/update-task
 * An office corrects a task: its title, text, deadline, to whom results go, and which agencies
 * lead and support it. Proposed tasks are corrected before confirmation; open ones too (a
 * deadline extended, an agency added), where a removed agency's share is cancelled rather than
 * deleted, since it may hold reports and sub-tasks. Done and cancelled tasks are history.
 */
import { eq } from "drizzle-orm";
import { requireRole, type TaskDeadline } from "@chidao/core";
import { recordAudit, schema } from "@chidao/db";
import { nowOf, type TaskContext } from "./context.js";
import { checkDeadline, dueOf } from "./deadlines.js";
import { getTaskIn, type TaskDetail } from "./get-task.js";
import { rollUpFrom } from "./roll-up.js";
import { checkText, loadTask, MAX_TEXT, MAX_TITLE, ownedTask, requireStatus, requireVersion, reviseTask, type TaskValues } from "./rows.js";
import { checkAgencyLists, replaceShares, shareRefs } from "./shares.js";
import { lockTree } from "./tree.js";
import { taskAudit } from "./views.js";
import { invalidInput, taskNotFound } from "./errors.js";

const { assignments } = schema;

export interface UpdateTaskOptions {
  id: number;
  /** The version the edit was made on. */
  expectedVersion: number;
  title?: string;
  text?: string;
  /** null: no deadline. */
  deadline?: TaskDeadline | null;
  /** null: none. */
  reportTo?: string | null;
  /** The lead agencies (replaces them all). */
  lead?: number[];
  /** The support agencies (replaces them all). */
  support?: number[];
}

export async function updateTask(ctx: TaskContext, options: UpdateTaskOptions): Promise<TaskDetail> {
  requireRole(ctx.actor, "task.manage");
  const values = valuesOf(options, nowOf(ctx));
  return ctx.db.transaction(async (tx) => {
    if ((await lockTree(tx, options.id)) === null) throw taskNotFound(options.id);
    const before = await ownedTask(tx, ctx.actor.scope, options.id);
    requireVersion(before, options.expectedVersion);
    requireStatus(before, ["proposed", "open", "in_progress"]);
    const sharesBefore = await shareRefs(tx, before.id);
    const row = await reviseTask(tx, before.id, options.expectedVersion, values);
    if ("dueAt" in values) await tx.update(assignments).set({ dueAt: row.dueAt }).where(eq(assignments.taskId, row.id));
    const confirmed = row.confirmedAt !== null;
    let sharesChanged = false;
    if (options.lead !== undefined || options.support !== undefined) {
      const wanted = await checkAgencyLists(tx, options.lead ?? live(sharesBefore, "lead"), options.support ?? live(sharesBefore, "support"), row.unitId, sharesBefore.map((s) => s.agencyId));
      if (confirmed && wanted.length === 0) throw invalidInput("lead", "Nhiệm vụ đã xác nhận phải còn ít nhất một cơ quan.", "A confirmed task keeps at least one agency.");
      sharesChanged = await replaceShares(tx, { id: row.id, confirmed, dueAt: row.dueAt }, wanted);
    }
    if (confirmed && sharesChanged) await rollUpFrom(tx, row.id);
    await recordAudit(tx, ctx.actor, { action: "task.update", objectType: "task", objectId: row.id, before: taskAudit(before, sharesBefore), after: taskAudit(await loadTask(tx, row.id), await shareRefs(tx, row.id)) });
    return getTaskIn(tx, row.id, ctx.actor, nowOf(ctx));
  });
}

function valuesOf(options: UpdateTaskOptions, now: Date): TaskValues {
  const values: TaskValues = {};
  const title = checkText(options.title, "title", MAX_TITLE);
  const text = checkText(options.text, "text", MAX_TEXT);
  if (title !== undefined) values.title = title;
  if (text !== undefined) values.text = text;
  if (options.reportTo !== undefined) values.reportTo = options.reportTo?.trim() || null;
  if (options.deadline !== undefined) {
    const deadline = checkDeadline(options.deadline);
    Object.assign(values, { deadline, dueAt: dueOf(deadline, now) });
  }
  return values;
}

function live(shares: readonly { agencyId: number; role: string; status: string }[], role: "lead" | "support"): number[] {
  return shares.filter((s) => s.role === role && s.status !== "cancelled").map((s) => s.agencyId);
}
