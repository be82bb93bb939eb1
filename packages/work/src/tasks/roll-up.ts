/**
 * @module tasks/roll-up
 * Keeps rolled-up progress true after every change: a share's status and percent from what its
 * agency set and from its sub-tasks, a task's from its shares, then the same one level up, to
 * the root. The rule itself is core's (work/rollup, `RULE` below); this module feeds it one
 * level at a time, each sub-task by its stored (already rolled) progress, and writes back what
 * changed. It stops as soon as a task's own progress is unchanged: nothing above reads more.
 *
 * What a rolled value is, and why:
 * - a task with shares is rolled from them alone (the issuer's status is not a separate input:
 *   dropping a task before confirmation is the only status a person sets on a task with shares);
 *   a task without shares keeps the status and percent it has;
 * - tasks not yet confirmed (proposed, or dropped while proposed) are not tracked, so not rolled;
 * - rolled values are derived, so writing them does not bump `version`: an office editing a
 *   title is not refused because a commune reported meanwhile;
 * - a recurring duty's task is next due when its earliest live share is.
 * Callers hold the tree lock (tree.ts), so siblings' progress read here is committed.
 */
import { eq, inArray } from "drizzle-orm";
import { rollUp, type RolledTask, type TaskNode } from "@chidao/core";
import { schema, type Db } from "@chidao/db";

const { tasks, assignments } = schema;

/** The progress rule. Core's work/rollup; switching rules is this line. */
const RULE: (task: TaskNode) => RolledTask = rollUp;

/** Rolls progress up from a task (whose shares or sub-tasks just changed) to its root. */
export async function rollUpFrom(tx: Db, taskId: number): Promise<void> {
  for (let id: number | null = taskId, depth = 0; id !== null && depth < 32; depth++) {
    id = await rollUpLevel(tx, id);
  }
}

/** Rolls one task and its shares; answers the parent to continue with, or null to stop. */
async function rollUpLevel(tx: Db, taskId: number): Promise<number | null> {
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task || task.confirmedAt === null) return null;
  const shares = await tx.select().from(assignments).where(eq(assignments.taskId, taskId)).orderBy(assignments.id);
  const subtasks = shares.length ? await tx.select({ id: tasks.id, status: tasks.status, percent: tasks.percent, shareId: tasks.parentAssignmentId }).from(tasks).where(inArray(tasks.parentAssignmentId, shares.map((s) => s.id))) : [];
  const rolled = RULE({
    id: String(task.id),
    status: shares.length ? "open" : task.status,
    percent: task.percent,
    shares: shares.map((s) => ({
      id: String(s.id),
      role: s.role,
      status: s.reportedStatus,
      percent: s.reportedPercent,
      subtasks: subtasks.filter((t) => t.shareId === s.id).map((t) => ({ id: String(t.id), status: t.status, percent: t.percent, shares: [] })),
    })),
  });
  const now = new Date();
  for (const [i, share] of shares.entries()) {
    const r = rolled.shares[i]!;
    const percent = Math.round(r.percent);
    if (r.status === share.status && percent === share.percent) continue;
    await tx.update(assignments).set({ status: r.status, percent, updatedAt: now }).where(eq(assignments.id, share.id));
  }
  const percent = Math.round(rolled.percent);
  const dueAt = task.deadline.kind === "recurring" ? earliestLiveDue(shares) ?? task.dueAt : task.dueAt;
  if (rolled.status === task.status && percent === task.percent && dueAt?.getTime() === task.dueAt?.getTime()) return null;
  await tx.update(tasks).set({ status: rolled.status, percent, dueAt, updatedAt: now }).where(eq(tasks.id, task.id));
  return rolled.status === task.status && percent === task.percent ? null : task.parentId;
}

function earliestLiveDue(shares: readonly (typeof assignments.$inferSelect)[]): Date | null {
  const due = shares.filter((s) => (s.status === "open" || s.status === "in_progress") && s.dueAt !== null).map((s) => s.dueAt!.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}
