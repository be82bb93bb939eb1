/**
 * @module tasks/confirm-tasks
 * An office confirms proposed tasks, several at once (a whole document after review): each
 * becomes open, its shares open in their agencies' work lists, and who confirmed it and when is
 * kept. All or nothing: one stale version or one task without an agency confirms none.
 */
import { eq } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { recordAudit, schema } from "@chidao/db";
import { nowOf, type TaskContext } from "./context.js";
import { invalidInput } from "./errors.js";
import { presentItems, type TaskItem } from "./present.js";
import { ownedTask, requireStatus, requireVersion, reviseTask, type TaskRow } from "./rows.js";
import { shareRefs } from "./shares.js";
import { lockTrees } from "./tree.js";
import { taskAudit } from "./views.js";

const { assignments } = schema;

export interface ConfirmTasksOptions {
  tasks: { id: number; expectedVersion: number }[];
}

export async function confirmTasks(ctx: TaskContext, options: ConfirmTasksOptions): Promise<TaskItem[]> {
  requireRole(ctx.actor, "task.manage");
  const list = options.tasks ?? [];
  if (list.length === 0) throw invalidInput("tasks", "Chưa chọn nhiệm vụ nào để xác nhận.", "No task to confirm.");
  if (new Set(list.map((t) => t.id)).size !== list.length) throw invalidInput("tasks", "Một nhiệm vụ được chọn hai lần.", "A task is listed twice.");
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await lockTrees(tx, list.map((t) => t.id));
    const confirmed: TaskRow[] = [];
    for (const t of list) {
      const before = await ownedTask(tx, ctx.actor.scope, t.id);
      requireVersion(before, t.expectedVersion);
      requireStatus(before, ["proposed"]);
      const shares = await shareRefs(tx, before.id);
      if (shares.length === 0) throw invalidInput(`tasks[${list.indexOf(t)}]`, `Nhiệm vụ ${before.id} chưa có cơ quan chủ trì hay phối hợp; hãy giao cơ quan trước khi xác nhận.`, `Task ${before.id} has no lead or support agency; assign one before confirming.`);
      const row = await reviseTask(tx, before.id, t.expectedVersion, { status: "open", confirmedBy: ctx.actor.userId, confirmedAt: now });
      await tx.update(assignments).set({ status: "open", reportedStatus: "open", updatedAt: now }).where(eq(assignments.taskId, row.id));
      await recordAudit(tx, ctx.actor, { action: "task.confirm", objectType: "task", objectId: row.id, before: taskAudit(before, shares), after: taskAudit(row, await shareRefs(tx, row.id)) });
      confirmed.push(row);
    }
    return presentItems(tx, confirmed, now);
  });
}
