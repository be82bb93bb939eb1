/**
 * @module tasks/split-task
 * One proposed task into several: the parser read one numbered item where the directive gives
 * several jobs. The task keeps the first part (and its place in the document); each other part
 * becomes a proposed task of its own, "tasks[2]#2", "tasks[2]#3", with the same agencies,
 * deadline, unit and document. Every part then goes through review like any proposal.
 */
import { and, eq, like } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { nowOf, type TaskContext } from "./context.js";
import { invalidInput, taskNotFound } from "./errors.js";
import { getTaskIn, type TaskDetail } from "./get-task.js";
import { checkText, MAX_TEXT, MAX_TITLE, ownedTask, requireStatus, requireVersion, reviseTask, type TaskRow } from "./rows.js";
import { insertShares, shareRefs } from "./shares.js";
import { titleOf } from "./title.js";
import { lockTree } from "./tree.js";
import { taskAudit } from "./views.js";

const { tasks, assignments } = schema;

export interface SplitPart {
  text: string;
  /** Default: the first clause of the text. */
  title?: string;
}

export interface SplitTaskOptions {
  id: number;
  expectedVersion: number;
  /** Two or more parts, in order; the first stays with the task. */
  parts: SplitPart[];
}

/** Answers the parts, the task itself first. */
export async function splitTask(ctx: TaskContext, options: SplitTaskOptions): Promise<TaskDetail[]> {
  requireRole(ctx.actor, "task.manage");
  const parts = checkParts(options.parts);
  return ctx.db.transaction(async (tx) => {
    if ((await lockTree(tx, options.id)) === null) throw taskNotFound(options.id);
    const before = await ownedTask(tx, ctx.actor.scope, options.id);
    requireVersion(before, options.expectedVersion);
    requireStatus(before, ["proposed"]);
    const shares = await shareRefs(tx, before.id);
    const first = await reviseTask(tx, before.id, options.expectedVersion, parts[0]!);
    const paths = await freePaths(tx, before, parts.length - 1);
    const rest = await tx.insert(tasks).values(parts.slice(1).map((p, i) => ({ ...copyOf(before), ...p, sourcePath: paths[i] ?? null, createdBy: ctx.actor.userId }))).returning();
    const from = await tx.select().from(assignments).where(eq(assignments.taskId, before.id));
    await insertShares(tx, rest.flatMap((t) => from.map((s) => ({ taskId: t.id, agencyId: s.agencyId, role: s.role, mentionId: s.mentionId, status: "proposed" as const, dueAt: s.dueAt }))));
    await recordAudit(tx, ctx.actor, { action: "task.split", objectType: "task", objectId: before.id, before: taskAudit(before, shares), after: { ...taskAudit(first, shares), parts: [first.id, ...rest.map((t) => t.id)] } });
    for (const t of rest) await recordAudit(tx, ctx.actor, { action: "task.split", objectType: "task", objectId: t.id, after: { ...taskAudit(t, shares), splitFrom: before.id } });
    const now = nowOf(ctx);
    return Promise.all([first, ...rest].map((t) => getTaskIn(tx, t.id, ctx.actor, now)));
  });
}

function checkParts(parts: readonly SplitPart[]): { title: string; text: string }[] {
  if (!Array.isArray(parts) || parts.length < 2) throw invalidInput("parts", "Cần ít nhất hai phần để tách nhiệm vụ.", "Splitting needs at least two parts.");
  return parts.map((p, i) => {
    const text = checkText(p.text, `parts[${i}].text`, MAX_TEXT)!;
    return { text, title: checkText(p.title, `parts[${i}].title`, MAX_TITLE) ?? titleOf(text) };
  });
}

/** What a part takes from the task it is split from. */
function copyOf(t: TaskRow): typeof tasks.$inferInsert {
  return {
    documentId: t.documentId,
    ref: t.ref,
    title: t.title,
    text: t.text,
    spanStart: t.spanStart,
    spanEnd: t.spanEnd,
    status: "proposed",
    deadline: t.deadline,
    deadlineText: t.deadlineText,
    dueAt: t.dueAt,
    reportTo: t.reportTo,
    unitId: t.unitId,
    provinceId: t.provinceId,
    districtId: t.districtId,
    communeId: t.communeId,
  };
}

/** The next "#n" paths under the task's place in the document (none for a task without one). */
async function freePaths(tx: Db, task: TaskRow, count: number): Promise<(string | null)[]> {
  if (!task.sourcePath || !task.documentId) return Array.from({ length: count }, () => null);
  const base = task.sourcePath.split("#")[0]!;
  const taken = await tx.select({ path: tasks.sourcePath }).from(tasks).where(and(eq(tasks.documentId, task.documentId), like(tasks.sourcePath, `${base}#%`)));
  let n = Math.max(1, ...taken.map((t) => Number(t.path!.slice(base.length + 1)) || 0));
  return Array.from({ length: count }, () => `${base}#${++n}`);
}
