/**
 * @module tasks/create-task
 * An office records a task by hand: one given at a meeting, or one the parser missed in a
 * document. It starts open (the office that writes it confirms it), owned by the office's unit
 * or a unit below it, with at least one agency.
 */
import { requireRole, scopeUnit, type TaskDeadline } from "@chidao/core";
import { recordAudit, schema } from "@chidao/db";
import { requireDocumentVisible } from "@chidao/registry";
import { requireUnitWithin, unitChain } from "../access/scope.js";
import { nowOf, type TaskContext } from "./context.js";
import { checkDeadline, dueOf } from "./deadlines.js";
import { invalidInput } from "./errors.js";
import { getTaskIn, type TaskDetail } from "./get-task.js";
import { checkText, MAX_TEXT, MAX_TITLE } from "./rows.js";
import { checkAgencyLists, insertShares, shareRefs } from "./shares.js";
import { titleOf } from "./title.js";
import { taskAudit } from "./views.js";

const { tasks } = schema;

export interface CreateTaskOptions {
  text: string;
  /** Default: the first clause of the text. */
  title?: string;
  /** The directive it comes from, if any. */
  documentId?: string | null;
  /** The owning unit; default: the actor's own (null for a national actor: a central task). */
  unitId?: number | null;
  deadline?: TaskDeadline | null;
  reportTo?: string | null;
  lead: number[];
  support?: number[];
}

export async function createTask(ctx: TaskContext, options: CreateTaskOptions): Promise<TaskDetail> {
  requireRole(ctx.actor, "task.manage");
  const text = checkText(options.text, "text", MAX_TEXT);
  if (text === undefined) throw invalidInput("text", "Thiếu nội dung nhiệm vụ.", "The task's text is required.");
  const title = checkText(options.title, "title", MAX_TITLE) ?? titleOf(text);
  const deadline = checkDeadline(options.deadline);
  const now = nowOf(ctx);
  const unitId = options.unitId !== undefined ? options.unitId : (scopeUnit(ctx.actor.scope)?.id ?? null);
  return ctx.db.transaction(async (tx) => {
    await requireUnitWithin(tx, ctx.actor.scope, unitId);
    if (options.documentId) await requireDocumentVisible(tx, options.documentId, ctx.actor.scope);
    const shares = await checkAgencyLists(tx, options.lead ?? [], options.support ?? [], unitId);
    if (shares.length === 0) throw invalidInput("lead", "Nhiệm vụ cần ít nhất một cơ quan chủ trì hoặc phối hợp.", "A task needs at least one lead or support agency.");
    const { level: _level, ...chain } = await unitChain(tx, unitId);
    const [row] = await tx
      .insert(tasks)
      .values({ documentId: options.documentId ?? null, title, text, status: "open", deadline, dueAt: dueOf(deadline, now), reportTo: options.reportTo?.trim() || null, unitId, ...chain, createdBy: ctx.actor.userId, confirmedBy: ctx.actor.userId, confirmedAt: now })
      .returning();
    await insertShares(tx, shares.map((s) => ({ ...s, taskId: row!.id, status: "open" as const, dueAt: row!.dueAt })));
    await recordAudit(tx, ctx.actor, { action: "task.create", objectType: "task", objectId: row!.id, after: taskAudit(row!, await shareRefs(tx, row!.id)) });
    return getTaskIn(tx, row!.id, ctx.actor, now);
  });
}
