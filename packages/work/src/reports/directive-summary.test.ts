import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@chidao/core";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { actorIn, buildAssignment, buildDocument, buildTask } from "../__tests__/factories.js";
import { codeOf, openWorld, type World } from "../__tests__/world.js";
import { directiveSummary, type DirectiveSummary } from "./directive-summary.js";
import { fileReport } from "./file-report.js";

const SUBSET = unitsSubset(["56", "62"]);
afterAll(() => rmSync(SUBSET, { recursive: true, force: true }));

/** Friday 14 March 2025, 10:00 in Vietnam; the default period starts a week earlier, to the second. */
const NOW = new Date("2025-03-14T03:00:00Z");
const SINCE = new Date("2025-03-07T03:00:00Z");
const shift = (at: Date, ms: number) => new Date(at.getTime() + ms);
const HOUR = 3_600_000;

for (const backend of testBackends()) {
  describe(`directive summary on ${backend.name}`, () => {
    let w: World;
    let documentId: string;
    const ids: Record<string, number> = {};
    beforeAll(async () => {
      w = await openWorld(backend, SUBSET);
      documentId = await buildDocument(w.db, { unitId: w.khanhHoa, code: "05/CT-UBND" });
      const task = (ref: string, spanStart: number, status: "open" | "in_progress" | "proposed" | "cancelled" = "open") => buildTask(w.db, { unitId: w.khanhHoa, documentId, ref, title: `Nhiệm vụ ${ref}`, spanStart, status });
      const t1 = await task("1", 10);
      const t2 = await task("2", 20, "in_progress");
      const t3 = await task("3", 30);
      const proposed = await task("4", 40, "proposed");
      const cancelled = await task("5", 50, "cancelled");
      const elsewhere = await buildTask(w.db, { unitId: w.khanhHoa, documentId: await buildDocument(w.db, { unitId: w.khanhHoa }) });
      Object.assign(ids, { t1: t1.id, t2: t2.id, t3: t3.id });
      const share = (taskId: number, agencyId: number, role: "lead" | "support", dueAt: Date | null = null) => buildAssignment(w.db, { taskId, agencyId, role, dueAt });
      const file = async (assignmentId: number, agencyId: number, now: Date, percent?: number) =>
        fileReport({ db: w.db, actor: await actorIn(w.db, { role: "agency_member", agencyId }) }, { assignmentId, results: "Báo cáo.", percent: percent ?? null, now });

      // Task 1: the lead reports on the period's first second; the support a second too early, and again after `now`.
      const yTe1 = await share(t1.id, w.soYTe, "lead", shift(NOW, 30 * 24 * HOUR));
      const giaoDuc1 = await share(t1.id, w.soGiaoDuc, "support");
      await file(yTe1.id, w.soYTe, SINCE, 30);
      await file(giaoDuc1.id, w.soGiaoDuc, shift(SINCE, -1000));
      await file(giaoDuc1.id, w.soGiaoDuc, shift(NOW, 60_000));
      // Task 2: the lead finished before the period (done, owes nothing); the support reports in it.
      const taiChinh2 = await share(t2.id, w.soTaiChinh, "lead");
      const yTe2 = await share(t2.id, w.soYTe, "support");
      await file(taiChinh2.id, w.soTaiChinh, shift(SINCE, -24 * HOUR), 100);
      await file(yTe2.id, w.soYTe, shift(NOW, -HOUR));
      // Task 3: the district's People's Committee leads, never reported, past due.
      await share(t3.id, w.ubndDistrict, "lead", shift(NOW, -48 * HOUR));
      for (const t of [proposed, cancelled, elsewhere]) await share(t.id, w.soYTe, "lead");
    });
    afterAll(() => w?.database.close());

    const summarize = (actor: Actor, since?: Date) => directiveSummary({ db: w.db, actor }, { documentId, now: NOW, ...(since ? { since } : {}) });
    const rows = (s: DirectiveSummary) => s.tasks.map((t) => [t.ref, t.shares.map((x) => `${x.agency.name}/${x.role}/${x.reporting}${x.overdue ? "/overdue" : ""}`)]);

    it("lists every share of the confirmed tasks, reported or silent over the past week, the period's first second included", async () => {
      const s = await summarize(await actorIn(w.db, { role: "office", unitId: w.khanhHoa }));
      expect(s.document).toMatchObject({ id: documentId, code: "05/CT-UBND" });
      expect(s.period).toEqual({ since: SINCE.toISOString(), until: NOW.toISOString() });
      expect(rows(s)).toEqual([
        ["1", ["Sở Y tế/lead/reported", "Sở Giáo dục và Đào tạo/support/silent"]],
        ["2", ["Sở Tài chính/lead/closed", "Sở Y tế/support/reported"]],
        ["3", [expect.stringMatching(/^Ủy ban nhân dân .+\/lead\/silent\/overdue$/)]],
      ]);
      expect(s.tasks[0]!.shares[0]).toMatchObject({ status: "in_progress", percent: 30, reportsInPeriod: 1, lastReportAt: SINCE.toISOString() });
      expect(s.tasks[0]!.shares[1]).toMatchObject({ reportsInPeriod: 0, lastReportAt: shift(NOW, 60_000).toISOString() });
      expect(s.tasks[1]!.shares[0]).toMatchObject({ status: "done", percent: 100 });
      expect(s.tasks.map((t) => t.overdue)).toEqual([false, false, true]);
      expect(s.totals).toEqual({ tasks: 3, shares: 5, overdueShares: 1, agencies: 4, reported: 1, silent: 2 });
      expect(s.silent.map((a) => [a.agency.id, a.lead, a.taskIds])).toEqual([
        [w.ubndDistrict, true, [ids.t3]],
        [w.soGiaoDuc, false, [ids.t1]],
      ]);
    });

    it("moves a report out of the period when the period starts a second after it", async () => {
      const s = await summarize(await actorIn(w.db, { role: "office", unitId: w.khanhHoa }), shift(SINCE, 1000));
      expect(rows(s)[0]).toEqual(["1", ["Sở Y tế/lead/silent", "Sở Giáo dục và Đào tạo/support/silent"]]);
      expect(s.totals).toMatchObject({ reported: 0, silent: 3 });
      expect(s.silent.map((a) => [a.agency.id, a.lead])).toEqual([
        [w.soYTe, true],
        [w.ubndDistrict, true],
        [w.soGiaoDuc, false],
      ]);
      expect(await codeOf(summarize(await actorIn(w.db, { role: "office", unitId: w.khanhHoa }), shift(NOW, 1)))).toBe("INVALID_INPUT");
    });

    it("narrows to the reader: an agency its own shares, a district its own, another province nothing", async () => {
      const yTe = await summarize(await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe }));
      expect(rows(yTe)).toEqual([
        ["1", ["Sở Y tế/lead/reported"]],
        ["2", ["Sở Y tế/support/reported"]],
      ]);
      expect(yTe.totals).toMatchObject({ agencies: 1, reported: 1, silent: 0 });
      const district = await summarize(await actorIn(w.db, { role: "viewer", unitId: w.district }));
      expect(district.tasks.map((t) => [t.ref, t.shares.map((s) => s.agency.id)])).toEqual([["3", [w.ubndDistrict]]]);
      expect(await codeOf(summarize(await actorIn(w.db, { role: "office", unitId: w.konTum })))).toBe("NOT_FOUND");
      expect(await codeOf(directiveSummary({ db: w.db, actor: await actorIn(w.db, { role: "office", unitId: w.khanhHoa }) }, { documentId: "not-a-uuid", now: NOW }))).toBe("NOT_FOUND");
    });

    it("calls a recurring duty overdue when its latest occurrence went unreported", async () => {
      const weekly = await buildDocument(w.db, { unitId: w.khanhHoa });
      const task = await buildTask(w.db, { unitId: w.khanhHoa, documentId: weekly, deadline: { kind: "recurring", rule: { every: "week", weekday: 4, at: "16:00" }, text: "trước 16 giờ thứ Năm hằng tuần" }, confirmedAt: new Date("2025-03-01T01:00:00Z") });
      const reporting = await buildAssignment(w.db, { taskId: task.id, agencyId: w.soYTe, role: "lead" });
      await buildAssignment(w.db, { taskId: task.id, agencyId: w.soTaiChinh, role: "support" });
      // Thursday 13 March 16:00 has passed; a report since Thursday 6 March 16:00 answers it.
      await fileReport({ db: w.db, actor: await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe }) }, { assignmentId: reporting.id, results: "Tuần này.", now: new Date("2025-03-10T02:00:00Z") });
      const s = await directiveSummary({ db: w.db, actor: await actorIn(w.db, { role: "office", unitId: w.khanhHoa }) }, { documentId: weekly, now: NOW });
      expect(s.tasks[0]!.shares.map((x) => [x.agency.id, x.overdue])).toEqual([
        [w.soYTe, false],
        [w.soTaiChinh, true],
      ]);
    });
  });
}
