/**
 * @module reminders/list-reminders
 * The reminders an agency (or everyone in a jurisdiction) has not read yet, newest first, with
 * the task and share they are about. A reminder whose share has since been closed, or whose due
 * time has since moved, no longer asks anything of anyone and is left out.
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { schema } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { assignmentWithin } from "../access/scope.js";
import { invalidInput, requireId } from "../reports/errors.js";
import type { AgencyNames } from "../reports/report-view.js";

const { reminders, assignments, tasks, agencies } = schema;

type ShareRow = typeof assignments.$inferSelect;

export const REMINDERS_PAGE = { default: 100, max: 1000 } as const;

export interface ListRemindersOptions {
  /** One agency's; default every agency within the actor's jurisdiction (an agency account: its own). */
  agencyId?: number;
  /** Default 100, at most 1000. */
  limit?: number;
}

export interface ReminderView {
  id: number;
  kind: "due_soon" | "overdue";
  dueAt: string;
  createdAt: string;
  agency: AgencyNames;
  task: { id: number; title: string; ref: string | null; documentId: string | null };
  share: { id: number; role: ShareRow["role"]; status: ShareRow["status"]; percent: number };
}

export async function listReminders(ctx: Ctx, options: ListRemindersOptions = {}): Promise<ReminderView[]> {
  requireRole(ctx.actor, "read");
  const agencyId = options.agencyId === undefined ? undefined : requireId("agency", options.agencyId);
  const rows = await ctx.db
    .select({
      id: reminders.id,
      kind: reminders.kind,
      dueAt: reminders.dueAt,
      createdAt: reminders.createdAt,
      agency: { id: agencies.id, name: agencies.name, fullName: agencies.fullName },
      task: { id: tasks.id, title: tasks.title, ref: tasks.ref, documentId: tasks.documentId },
      share: { id: assignments.id, role: assignments.role, status: assignments.status, percent: assignments.percent },
    })
    .from(reminders)
    .innerJoin(assignments, and(eq(assignments.id, reminders.assignmentId), eq(assignments.dueAt, reminders.dueAt)))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(agencies, eq(agencies.id, reminders.agencyId))
    .where(
      and(
        isNull(reminders.readAt),
        agencyId === undefined ? undefined : eq(reminders.agencyId, agencyId),
        inArray(assignments.status, ["open", "in_progress"]),
        assignmentWithin(ctx.actor.scope),
      ),
    )
    .orderBy(desc(reminders.createdAt), desc(reminders.id))
    .limit(pageSize(options.limit));
  return rows.map((r) => ({ ...r, dueAt: r.dueAt.toISOString(), createdAt: r.createdAt.toISOString() }));
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return REMINDERS_PAGE.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > REMINDERS_PAGE.max) {
    throw invalidInput([{ path: "limit", vi: `Số nhắc việc mỗi trang từ 1 đến ${REMINDERS_PAGE.max}.`, en: `limit must be from 1 to ${REMINDERS_PAGE.max}.` }]);
  }
  return limit;
}
