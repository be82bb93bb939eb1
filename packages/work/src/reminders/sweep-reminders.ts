/**
 * @module reminders/sweep-reminders
 * The reminder sweep: every live share (open or in progress, of a confirmed live task) whose due
 * time is at most N working days ahead gets a "due_soon" reminder, and every one past its due
 * time an "overdue" reminder, each once per share, kind and due time. Moving a share's due time
 * makes it owe new reminders; running the sweep again adds nothing.
 *
 * It is one INSERT … SELECT over the shares' partial index on due time (migration 0006), not a
 * loop over rows: it runs nationwide, over a million tasks. The working-day arithmetic happens
 * once, in code, to turn "N working days" into one instant the SQL compares against.
 */
import { sql } from "drizzle-orm";
import { addWorkingDays, requireRole, VIETNAM_CALENDAR, type WorkCalendar } from "@chidao/core";
import { schema } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { assignmentWithin } from "../access/scope.js";
import { invalidInput, requireInstant } from "../reports/errors.js";

const { assignments, tasks, reminders } = schema;

/** Two working days' notice, as directives' "chậm nhất 02 ngày làm việc trước…" commonly give. */
export const DEFAULT_LEAD_DAYS = 2;
const MAX_LEAD_DAYS = 30;
const VN_OFFSET_MS = 7 * 3_600_000;

export interface SweepRemindersOptions {
  /** The sweep's clock: what is overdue and what is near is decided against it. */
  now: Date;
  /** Working days of notice: a share due on or before the N-th working day after today is due soon. Default 2. */
  leadDays?: number;
  /** The working-day calendar (a province's extra days off); default the national one. */
  calendar?: WorkCalendar;
}

export interface SweepResult {
  dueSoon: number;
  overdue: number;
}

/**
 * Inserts the reminders owed at `now` within the actor's jurisdiction (the system: the whole
 * country) and counts the new ones.
 * @example
 * await sweepReminders({ db, actor: SYSTEM_ACTOR }, { now: new Date() }); // { dueSoon: 12, overdue: 3 }
 */
export async function sweepReminders(ctx: Ctx, options: SweepRemindersOptions): Promise<SweepResult> {
  requireRole(ctx.actor, "task.manage");
  const now = requireInstant("now", options.now);
  const horizon = dueSoonHorizon(now, leadDaysOf(options.leadDays), options.calendar ?? VIETNAM_CALENDAR);
  const within = assignmentWithin(ctx.actor.scope);
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  // Reminders already held are skipped before the insert (a re-run then touches no index entry);
  // ON CONFLICT still settles two sweeps racing for the same share.
  const { rows } = await ctx.db.execute<{ kind: "due_soon" | "overdue"; n: number }>(sql`
    with added as (
      insert into ${reminders} (assignment_id, agency_id, kind, due_at, created_at)
      select ${assignments.id}, ${assignments.agencyId}, owed.kind, ${assignments.dueAt}, ${nowAt}
      from ${assignments}
      join ${tasks} on ${tasks.id} = ${assignments.taskId}
      cross join lateral (select case when ${assignments.dueAt} < ${nowAt} then 'overdue' else 'due_soon' end as kind) owed
      where ${assignments.status} in ('open', 'in_progress')
        and ${assignments.dueAt} < ${horizon.toISOString()}::timestamptz
        and ${tasks.status} in ('open', 'in_progress')
        and ${within ?? sql`true`}
        and not exists (select 1 from ${reminders} r where r.assignment_id = ${assignments.id} and r.kind = owed.kind and r.due_at = ${assignments.dueAt})
      on conflict (assignment_id, kind, due_at) do nothing
      returning kind
    )
    select kind, count(*)::int as n from added group by kind`);
  const count = (kind: "due_soon" | "overdue") => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { dueSoon: count("due_soon"), overdue: count("overdue") };
}

/**
 * The instant before which a share is due soon: Vietnam midnight starting the (N+1)-th working day
 * after today. Everything before it, today's remaining hours and weekends and holidays in between
 * included, is at most N working days away (core's reminderDue counts the same way).
 */
export function dueSoonHorizon(now: Date, leadDays: number, calendar: WorkCalendar = VIETNAM_CALENDAR): Date {
  const today = new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
  const firstTooFar = addWorkingDays(today, leadDays + 1, calendar);
  return new Date(Date.parse(`${firstTooFar}T00:00:00+07:00`));
}

function leadDaysOf(leadDays: number | undefined): number {
  if (leadDays === undefined) return DEFAULT_LEAD_DAYS;
  if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > MAX_LEAD_DAYS) {
    throw invalidInput([{ path: "leadDays", vi: `Số ngày làm việc báo trước từ 0 đến ${MAX_LEAD_DAYS}.`, en: `leadDays must be a whole number from 0 to ${MAX_LEAD_DAYS}.` }]);
  }
  return leadDays;
}
