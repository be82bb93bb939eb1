import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { SYSTEM_ACTOR, workCalendar, type Actor } from "@chidao/core";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { actorIn, buildAssignment, type AssignmentRow } from "../__tests__/factories.js";
import { codeOf, openWorld, type World } from "../__tests__/world.js";
import { listReminders } from "./list-reminders.js";
import { markRemindersRead } from "./mark-reminders-read.js";
import { dueSoonHorizon, sweepReminders } from "./sweep-reminders.js";

const { reminders, assignments } = schema;

describe("the due-soon horizon", () => {
  it("is Vietnam midnight of the (N+1)-th working day after today, holidays skipped", () => {
    // Thursday 13 March 2025: Friday and Monday are the two working days; Tuesday is too far.
    expect(dueSoonHorizon(new Date("2025-03-13T03:00:00Z"), 2).toISOString()).toBe("2025-03-17T17:00:00.000Z");
    // Monday 28 April 2025: Tuesday, then 30/4–4/5 off (Reunification, Labour Day, a swapped Friday), then Monday 5 May.
    expect(dueSoonHorizon(new Date("2025-04-28T03:00:00Z"), 2).toISOString()).toBe("2025-05-05T17:00:00.000Z");
    // 23:30 on Friday in Vietnam is already Friday there, whatever UTC says; the weekend is zero working days away.
    expect(dueSoonHorizon(new Date("2025-03-14T16:30:00Z"), 0).toISOString()).toBe("2025-03-16T17:00:00.000Z");
    // A province's own day off pushes the horizon.
    expect(dueSoonHorizon(new Date("2025-03-13T03:00:00Z"), 2, workCalendar({ extraDaysOff: ["2025-03-14"] })).toISOString()).toBe("2025-03-18T17:00:00.000Z");
  });
});

const SUBSET = unitsSubset(["56", "62"]);
afterAll(() => rmSync(SUBSET, { recursive: true, force: true }));

/** Monday 28 April 2025, 10:00 in Vietnam. */
const NOW = new Date("2025-04-28T03:00:00Z");
/** Tuesday 29 April 2025, 17:00 in Vietnam. */
const LATER = new Date("2025-04-29T10:00:00Z");

for (const backend of testBackends()) {
  describe(`reminders on ${backend.name}`, () => {
    let w: World;
    let office: Actor;
    const s: Record<string, AssignmentRow> = {};
    beforeAll(async () => {
      w = await openWorld(backend, SUBSET);
      office = await actorIn(w.db, { role: "office", unitId: w.khanhHoa });
      const share = (agencyId: number, dueAt: string | null, extra: { status?: "open" | "in_progress" | "done"; taskStatus?: "open" | "in_progress" | "proposed" } = {}) =>
        buildAssignment(w.db, { agencyId, dueAt: dueAt === null ? null : new Date(dueAt), status: extra.status ?? "open", task: { unitId: w.khanhHoa, status: extra.taskStatus ?? "open" } });
      s.afterHolidays = await share(w.soYTe, "2025-05-05T09:00:00Z"); // Monday 5 May 16:00: the 2nd working day
      s.tooFar = await share(w.soGiaoDuc, "2025-05-06T02:00:00Z"); // Tuesday 6 May 09:00: the 3rd
      s.today = await share(w.soGiaoDuc, "2025-04-28T09:00:00Z"); // today 16:00
      s.late = await share(w.soYTe, "2025-04-25T09:00:00Z");
      s.lateUnderWay = await share(w.soTaiChinh, "2025-04-27T09:00:00Z", { status: "in_progress", taskStatus: "in_progress" });
      s.done = await share(w.soTaiChinh, "2025-04-25T09:00:00Z", { status: "done" });
      s.unconfirmed = await share(w.ubndKhanhHoa, "2025-04-29T09:00:00Z", { taskStatus: "proposed" });
      s.noDeadline = await share(w.ubndKhanhHoa, null);
      s.konTum = await buildAssignment(w.db, { agencyId: w.soYTeKonTum, dueAt: new Date("2025-04-25T09:00:00Z"), task: { unitId: w.konTum } });
    });
    afterAll(() => w?.database.close());

    it("inserts due-soon and overdue reminders once; a second run inserts none; a moved due time owes new ones", async () => {
      expect(await sweepReminders({ db: w.db, actor: office }, { now: NOW })).toEqual({ dueSoon: 2, overdue: 2 });
      expect(await sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: NOW })).toEqual({ dueSoon: 0, overdue: 1 });
      expect(await sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: NOW })).toEqual({ dueSoon: 0, overdue: 0 });
      const rows = await w.db.select({ assignmentId: reminders.assignmentId, agencyId: reminders.agencyId, kind: reminders.kind, dueAt: reminders.dueAt, createdAt: reminders.createdAt }).from(reminders).orderBy(reminders.id);
      const byShare = Object.fromEntries(Object.entries(s).map(([name, row]) => [row.id, name]));
      expect(rows.map((r) => `${byShare[r.assignmentId]}:${r.kind}`).sort()).toEqual(["afterHolidays:due_soon", "konTum:overdue", "late:overdue", "lateUnderWay:overdue", "today:due_soon"]);
      expect(rows.find((r) => r.assignmentId === s.afterHolidays!.id)).toMatchObject({ agencyId: w.soYTe, dueAt: s.afterHolidays!.dueAt, createdAt: NOW });

      await w.db.update(assignments).set({ dueAt: new Date("2025-04-29T09:00:00Z") }).where(eq(assignments.id, s.afterHolidays!.id));
      expect(await sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: NOW })).toEqual({ dueSoon: 1, overdue: 0 });
      // A day later: the moved share and today's are overdue; Tuesday 6 May is now two working days off.
      expect(await sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: LATER })).toEqual({ dueSoon: 1, overdue: 2 });
      expect(await sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: LATER })).toEqual({ dueSoon: 0, overdue: 0 });
      expect(await w.db.select().from(reminders).where(inArray(reminders.assignmentId, [s.done!.id, s.unconfirmed!.id, s.noDeadline!.id]))).toEqual([]);
    });

    it("is for offices and the system, with a sane notice", async () => {
      expect(await codeOf(sweepReminders({ db: w.db, actor: await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe }) }, { now: NOW }))).toBe("FORBIDDEN");
      expect(await codeOf(sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: NOW, leadDays: -1 }))).toBe("INVALID_INPUT");
      expect(await codeOf(sweepReminders({ db: w.db, actor: SYSTEM_ACTOR }, { now: new Date(Number.NaN) }))).toBe("INVALID_INPUT");
    });

    it("lists an agency's unread reminders, or a jurisdiction's, leaving out closed shares and moved due times", async () => {
      const yTe = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const mine = await listReminders({ db: w.db, actor: yTe });
      // The first due-soon reminder of the moved share asks for a due time that no longer holds.
      expect(mine.map((r) => [r.share.id, r.kind, r.dueAt]).sort()).toEqual(
        [
          [s.afterHolidays!.id, "due_soon", "2025-04-29T09:00:00.000Z"],
          [s.afterHolidays!.id, "overdue", "2025-04-29T09:00:00.000Z"],
          [s.late!.id, "overdue", "2025-04-25T09:00:00.000Z"],
        ].sort(),
      );
      expect(mine[0]).toMatchObject({ agency: { id: w.soYTe, fullName: "Sở Y tế tỉnh Khánh Hòa" }, task: { id: expect.any(Number), title: expect.any(String) }, createdAt: LATER.toISOString() });

      const province = await listReminders({ db: w.db, actor: office });
      expect(new Set(province.map((r) => r.agency.id))).toEqual(new Set([w.soYTe, w.soGiaoDuc, w.soTaiChinh]));
      expect((await listReminders({ db: w.db, actor: office }, { agencyId: w.soGiaoDuc })).map((r) => r.share.id).sort()).toEqual([s.today!.id, s.today!.id, s.tooFar!.id].sort());
      expect(await listReminders({ db: w.db, actor: office }, { agencyId: w.soYTeKonTum })).toEqual([]);
      expect((await listReminders({ db: w.db, actor: await actorIn(w.db, { role: "viewer", agencyId: w.soYTeKonTum }) })).map((r) => r.share.id)).toEqual([s.konTum!.id]);

      await w.db.update(assignments).set({ status: "done" }).where(eq(assignments.id, s.late!.id));
      expect((await listReminders({ db: w.db, actor: yTe })).map((r) => r.share.id)).toEqual([s.afterHolidays!.id, s.afterHolidays!.id]);
    });

    it("marks reminders read for the agency, only within the jurisdiction, once", async () => {
      const yTe = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const own = (await listReminders({ db: w.db, actor: yTe })).map((r) => r.id);
      const [othersAgency] = await listReminders({ db: w.db, actor: office }, { agencyId: w.soGiaoDuc });
      const [konTum] = await listReminders({ db: w.db, actor: SYSTEM_ACTOR }, { agencyId: w.soYTeKonTum });
      const ids = [...own, othersAgency!.id, konTum!.id];
      expect(await markRemindersRead({ db: w.db, actor: yTe }, { ids, now: LATER })).toEqual({ marked: own.length });
      expect(await markRemindersRead({ db: w.db, actor: yTe }, { ids, now: LATER })).toEqual({ marked: 0 });
      expect(await listReminders({ db: w.db, actor: yTe })).toEqual([]);
      expect((await listReminders({ db: w.db, actor: office }, { agencyId: w.soGiaoDuc })).map((r) => r.id)).toContain(othersAgency!.id);
      const [read] = await w.db.select({ readAt: reminders.readAt }).from(reminders).where(eq(reminders.id, own[0]!));
      expect(read!.readAt).toEqual(LATER);
      expect(await codeOf(markRemindersRead({ db: w.db, actor: await actorIn(w.db, { role: "viewer", agencyId: w.soGiaoDuc }) }, { ids: [othersAgency!.id], now: LATER }))).toBe("FORBIDDEN");
      expect(await codeOf(markRemindersRead({ db: w.db, actor: yTe }, { ids: [1.5], now: LATER }))).toBe("INVALID_INPUT");
      expect(await markRemindersRead({ db: w.db, actor: yTe }, { ids: [], now: LATER })).toEqual({ marked: 0 });
    });
  });
}
