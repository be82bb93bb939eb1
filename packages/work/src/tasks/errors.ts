/**
 * @module tasks/errors
 * The coded errors task use cases throw, each with its Vietnamese and English message. A task or
 * share outside the actor's jurisdiction is "not found", never "forbidden": another province's
 * work is not even confirmed to exist.
 */
import { ChidaoError, type TaskStatus } from "@chidao/core";

export function taskNotFound(id: number): ChidaoError {
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không có nhiệm vụ ${id}.`, en: `No task ${id}.`, details: { taskId: id } });
}

export function shareNotFound(id: number): ChidaoError {
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không có phần việc được giao ${id}.`, en: `No assignment ${id}.`, details: { assignmentId: id } });
}

/** A field the caller got wrong, in the shape the HTTP layer lists field by field. */
export function invalidInput(path: string, vi: string, en: string): ChidaoError {
  return new ChidaoError({ code: "INVALID_INPUT", vi, en, details: { fields: [{ path, vi, en }] } });
}

/** The row changed since the caller read it: reload, then edit again. */
export function staleVersion(kind: "task" | "assignment", id: number, expectedVersion: number): ChidaoError {
  const [vi, en] = kind === "task" ? [`Nhiệm vụ ${id}`, `task ${id}`] : [`Phần việc được giao ${id}`, `assignment ${id}`];
  return new ChidaoError({
    code: "CONFLICT",
    vi: `${vi} đã được người khác sửa trước (phiên bản ${expectedVersion} không còn là bản mới nhất); hãy tải lại rồi sửa lại.`,
    en: `Someone else changed ${en} first (version ${expectedVersion} is no longer current); reload and edit again.`,
    details: { kind, id, expectedVersion },
  });
}

const STATUS_VI: Readonly<Record<TaskStatus, string>> = { proposed: "đề xuất", open: "đang giao", in_progress: "đang thực hiện", done: "đã hoàn thành", cancelled: "đã hủy" };

/** The task is not in a state the operation applies to (confirming a confirmed task, splitting an open one). */
export function wrongStatus(id: number, status: TaskStatus, allowed: readonly TaskStatus[]): ChidaoError {
  return new ChidaoError({
    code: "INVALID_INPUT",
    vi: `Nhiệm vụ ${id} đang ở trạng thái "${STATUS_VI[status]}"; thao tác này chỉ áp dụng cho nhiệm vụ ${allowed.map((s) => `"${STATUS_VI[s]}"`).join(", ")}.`,
    en: `Task ${id} is ${status}; this applies only to tasks that are ${allowed.join(", ")}.`,
    details: { taskId: id, status, allowed },
  });
}
