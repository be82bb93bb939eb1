/**
 * @module reminders/mark-reminders-read
 * Marks reminders read. A reminder belongs to an agency, not to one person: once someone there
 * has read it, it is read for the agency. Reminders outside the actor's jurisdiction, and ones
 * already read, are left as they are and not counted, so marking twice is harmless.
 */
import { and, inArray, isNull, sql } from "drizzle-orm";
import { requireRole } from "@chidao/core";
import { schema } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { assignmentWithin } from "../access/scope.js";
import { invalidInput, requireInstant } from "../reports/errors.js";

const { reminders, assignments } = schema;

const MAX_IDS = 1000;

export interface MarkRemindersReadOptions {
  ids: readonly number[];
  now: Date;
}

/** Returns how many reminders went from unread to read. */
export async function markRemindersRead(ctx: Ctx, options: MarkRemindersReadOptions): Promise<{ marked: number }> {
  // Reading a reminder clears it for the whole agency: that is acting on the share, not just reading.
  requireRole(ctx.actor, "assignment.report");
  const now = requireInstant("now", options.now);
  const ids = checkIds(options.ids);
  if (ids.length === 0) return { marked: 0 };
  const mine = ctx.db.select({ id: assignments.id }).from(assignments).where(and(sql`${assignments.id} = ${reminders.assignmentId}`, assignmentWithin(ctx.actor.scope)));
  const marked = await ctx.db
    .update(reminders)
    .set({ readAt: now })
    .where(and(inArray(reminders.id, ids), isNull(reminders.readAt), sql`exists (${mine})`))
    .returning({ id: reminders.id });
  return { marked: marked.length };
}

function checkIds(ids: readonly number[]): number[] {
  if (ids.length > MAX_IDS || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw invalidInput([{ path: "ids", vi: `Danh sách nhắc việc phải gồm tối đa ${MAX_IDS} số hiệu hợp lệ.`, en: `ids must be at most ${MAX_IDS} valid reminder ids.` }]);
  }
  return [...new Set(ids)];
}
