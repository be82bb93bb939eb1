/**
 * @module work/status
 * A task's (and a share's) life: proposed by the parser, open once accepted, in progress, then
 * done or cancelled. The tracker's rules (deadline.ts, rollup.ts) read it; storage keeps it.
 */

export const TASK_STATUSES = ["proposed", "open", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Done and cancelled work owes nothing more: no reminder, never overdue. */
export function isClosed(status: TaskStatus): boolean {
  return status === "done" || status === "cancelled";
}
