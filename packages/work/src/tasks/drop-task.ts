/**
 * @module tasks/drop-task
 * An office drops a proposed task the parser should not have made (a heading, a courtesy
 * sentence): it is cancelled with its shares, and stays, so that proposing its document again
 * does not bring it back. Confirmed work is not dropped here: its agencies cancel their shares.
 */
import { eq } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { recordAudit, schema } from "@chidao/db";
import { nowOf, type TaskContext } from "./context.js";
import { taskNotFound } from "./errors.js";
import { getTaskIn, type TaskDetail } from "./get-task.js";
import { ownedTask, requireStatus, requireVersion, reviseTask } from "./rows.js";
import { shareRefs } from "./shares.js";
import { lockTree } from "./tree.js";
import { taskAudit } from "./views.js";

const { assignments } = schema;

export interface DropTaskOptions {
  id: number;
  expectedVersion: number;
}

export async function dropTask(ctx: TaskContext, options: DropTaskOptions): Promise<TaskDetail> {
  requireRole(ctx.actor, "task.manage");
  return ctx.db.transaction(async (tx) => {
    if ((await lockTree(tx, options.id)) === null) throw taskNotFound(options.id);
    const before = await ownedTask(tx, ctx.actor.scope, options.id);
    requireVersion(before, options.expectedVersion);
    requireStatus(before, ["proposed"]);
    const shares = await shareRefs(tx, before.id);
    const row = await reviseTask(tx, before.id, options.expectedVersion, { status: "cancelled" });
    await tx.update(assignments).set({ status: "cancelled", updatedAt: new Date() }).where(eq(assignments.taskId, row.id));
    await recordAudit(tx, ctx.actor, { action: "task.drop", objectType: "task", objectId: row.id, before: taskAudit(before, shares), after: taskAudit(row) });
    return getTaskIn(tx, row.id, ctx.actor, nowOf(ctx));
  });
}
