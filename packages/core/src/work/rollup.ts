/**
 * @module work/rollup
 * Progress rolled up a task tree. A task is shared among agencies (one share each, lead or
 * support); an agency may hand parts of its share down as sub-tasks to lower units, whose
 * progress feeds its share. The rules:
 * - a cancelled share or sub-task counts for nothing (it is left out of every mean);
 * - a share's percent is the larger of what the agency reported and the mean of its sub-tasks':
 *   sub-units' work shows even before the agency reports, and an agency may know more than its
 *   sub-units; a done share is 100;
 * - a share is done only when the agency says so: sub-tasks all done bring it to 100 % but leave
 *   it in progress, since the agency still owes the issuer its own report;
 * - a task's percent is the mean of its lead shares' (support shares do not gate completion), and
 *   it is done when every lead share is done; a task with no lead share left is gated by its
 *   support shares; the issuer may still close or cancel a task outright (its own status);
 * - anything with progress (a percent above 0, a share in progress or done) is in progress;
 *   otherwise a task or share keeps its own status (proposed or open).
 * Percents are clamped to 0–100 and not rounded: presenters round.
 */
import type { TaskStatus } from "./status.js";

export type ShareRole = "lead" | "support";

export interface TaskNode {
  id: string;
  /** The issuer's view: "done" or "cancelled" here overrides the shares. */
  status: TaskStatus;
  /** Used only by a task with no shares. */
  percent?: number | null;
  shares: readonly ShareNode[];
}

export interface ShareNode {
  id: string;
  role: ShareRole;
  /** What the agency reported. */
  status: TaskStatus;
  percent?: number | null;
  /** Parts handed down to lower units (giao cho đơn vị cấp dưới). */
  subtasks?: readonly TaskNode[];
}

export interface Progress {
  status: TaskStatus;
  percent: number;
}

export interface RolledTask extends Progress {
  id: string;
  shares: RolledShare[];
}

export interface RolledShare extends Progress {
  id: string;
  role: ShareRole;
  subtasks: RolledTask[];
}

/**
 * The computed status and percent of every node of a task tree.
 * @example rollUp({ id: "t", status: "open", shares: [{ id: "s", role: "lead", status: "in_progress", percent: 40 }] })
 * // { id: "t", status: "in_progress", percent: 40, shares: [{ id: "s", …, percent: 40 }] }
 */
export function rollUp(task: TaskNode): RolledTask {
  const shares = task.shares.map(rollShare);
  const active = shares.filter((s) => s.status !== "cancelled");
  const leads = active.filter((s) => s.role === "lead");
  const gating = leads.length ? leads : active;
  const percent = task.status === "done" ? 100 : gating.length ? mean(gating.map((s) => s.percent)) : clamp(task.percent);
  return { id: task.id, status: taskStatus(task, shares, gating, percent), percent, shares };
}

function taskStatus(task: TaskNode, shares: readonly RolledShare[], gating: readonly RolledShare[], percent: number): TaskStatus {
  if (task.status === "done" || task.status === "cancelled") return task.status;
  if (shares.length && !gating.length) return "cancelled"; // every share cancelled
  if (gating.length && gating.every((s) => s.status === "done")) return "done";
  return started(gating.length ? shares.filter((s) => s.status !== "cancelled") : [], percent) ? "in_progress" : task.status;
}

function rollShare(share: ShareNode): RolledShare {
  const subtasks = (share.subtasks ?? []).map(rollUp);
  const active = subtasks.filter((t) => t.status !== "cancelled");
  const base = { id: share.id, role: share.role, subtasks };
  if (share.status === "cancelled") return { ...base, status: "cancelled", percent: clamp(share.percent) };
  if (share.status === "done") return { ...base, status: "done", percent: 100 };
  const percent = Math.max(clamp(share.percent), active.length ? mean(active.map((t) => t.percent)) : 0);
  return { ...base, status: started(active, percent) || share.status === "in_progress" ? "in_progress" : share.status, percent };
}

/** Progress shows: a percent above 0, or a part in progress or done. */
function started(parts: readonly Progress[], percent: number): boolean {
  return percent > 0 || parts.some((p) => p.status === "in_progress" || p.status === "done");
}

/** Every node's progress by id, for storage to write back. */
export function progressById(task: RolledTask, out = new Map<string, Progress>()): Map<string, Progress> {
  out.set(task.id, { status: task.status, percent: task.percent });
  for (const share of task.shares) {
    out.set(share.id, { status: share.status, percent: share.percent });
    for (const sub of share.subtasks) progressById(sub, out);
  }
  return out;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A reported percent inside 0–100; missing or not a number is 0. */
function clamp(percent: number | null | undefined): number {
  return typeof percent === "number" && Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}
