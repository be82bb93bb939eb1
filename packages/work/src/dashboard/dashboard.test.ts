import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { errorOf, openWorld, type World } from "../tasks/__tests__/world.js";
import { confirmTasks } from "../tasks/confirm-tasks.js";
import { createTask } from "../tasks/create-task.js";
import { reportProgress } from "../reports/report-progress.js";
import { dashboard, DASHBOARD_WEEKS, mondayOf } from "./dashboard.js";

const { tasks, assignments } = schema;

describe("mondayOf", () => {
  it("starts the week on Monday 00:00 in Vietnam (UTC+7)", () => {
    expect(mondayOf(new Date("2024-01-03T12:00:00Z")).toISOString()).toBe("2023-12-31T17:00:00.000Z");
    // Sunday 18:00 UTC is already Monday 01:00 in Hà Nội.
    expect(mondayOf(new Date("2024-01-07T18:00:00Z")).toISOString()).toBe("2024-01-07T17:00:00.000Z");
    expect(mondayOf(new Date("2024-01-07T16:59:59Z")).toISOString()).toBe("2023-12-31T17:00:00.000Z");
  });
});

for (const backend of testBackends()) {
  describe(`the dashboard on ${backend.name}`, () => {
    let w: World;
    let doc122: string;
    let doc283: string;
    let khanhHoa: number;
    let konTum: number;
    let soYTe: number;
    let soYTeKonTum: number;
    let office: Actor;
    let officeKonTum: Actor;
    let soYTeMember: Actor;
    let admin: Actor;
    let finished: number;

    async function confirmAll(actor: Actor, documentId: string): Promise<void> {
      const rows = await w.db.select().from(tasks).where(and(eq(tasks.documentId, documentId), eq(tasks.status, "proposed")));
      const withShares = [];
      for (const r of rows) if ((await w.db.select().from(assignments).where(eq(assignments.taskId, r.id))).length) withShares.push({ id: r.id, expectedVersion: r.version });
      await confirmTasks({ db: w.db, actor }, { tasks: withShares });
    }

    beforeAll(async () => {
      w = await openWorld(backend);
      doc122 = await w.doc("122-TB/TU");
      doc283 = await w.doc("283-TB/TU");
      khanhHoa = await w.unit("56");
      konTum = await w.unit("62");
      soYTe = await w.agency(khanhHoa, "so-y-te");
      soYTeKonTum = await w.agency(konTum, "so-y-te");
      office = await w.actor("office", { unitId: khanhHoa });
      officeKonTum = await w.actor("office", { unitId: konTum });
      soYTeMember = await w.actor("agency_member", { agencyId: soYTe });
      admin = await w.actor("admin", {});
      await confirmAll(office, doc122);
      await confirmAll(officeKonTum, doc283);
      for (const due of ["2021-07-20", "2021-08-05"]) await createTask({ db: w.db, actor: office }, { text: `Báo cáo tình hình điều trị trước ngày ${due}.`, lead: [soYTe], deadline: { kind: "fixed", due } });
      const done = await createTask({ db: w.db, actor: office }, { text: "Rà soát danh sách cơ sở cách ly tập trung.", lead: [soYTe] });
      finished = done.id;
      const [share] = await w.db.select({ id: assignments.id }).from(assignments).where(eq(assignments.taskId, done.id));
      await reportProgress({ db: w.db, actor: soYTeMember }, { assignmentId: share!.id, results: "Đã rà soát xong.", percent: 100, now: new Date() });
    });
    afterAll(() => w?.close());

    it("counts a province's tasks by status and ranks who is late", async () => {
      const d = await dashboard({ db: w.db, actor: office });
      expect(d.unit).toMatchObject({ id: khanhHoa, level: "province" });
      expect(d.status.open + d.status.in_progress).toBeGreaterThan(0);
      expect(d.status.done).toBeGreaterThanOrEqual(1);
      expect(d.status.overdue).toBeGreaterThanOrEqual(2);
      expect(d.status.total).toBe(d.status.proposed + d.status.open + d.status.in_progress + d.status.done + d.status.cancelled);
      expect(d.overdue.agencies[0]).toMatchObject({ agency: { id: soYTe }, overdue: 2 });
      expect(d.overdue.total).toBeGreaterThanOrEqual(2);
      expect(d.overdue.agencies.length).toBeLessThanOrEqual(10);
    });

    it("counts the finished task in the current week, twelve weeks in all", async () => {
      const d = await dashboard({ db: w.db, actor: office });
      expect(d.completion).toHaveLength(DASHBOARD_WEEKS);
      expect(d.completion.at(-1)!.weekStart).toBe(new Date(mondayOf(new Date()).getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
      expect(d.completion.at(-1)!.done).toBeGreaterThanOrEqual(1);
      const [row] = await w.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, finished));
      expect(row!.status).toBe("done");
    });

    it("lists the directives Khánh Hòa received this week, none of Kon Tum's", async () => {
      const d = await dashboard({ db: w.db, actor: office });
      const ids = d.directives.items.map((i) => i.id);
      expect(ids).toContain(doc122);
      expect(ids).not.toContain(doc283);
      expect(d.directives.total).toBeGreaterThanOrEqual(ids.length);
      expect(d.directives.since.getTime()).toBe(mondayOf(new Date()).getTime());
      const theirs = await dashboard({ db: w.db, actor: officeKonTum });
      expect(theirs.directives.items.map((i) => i.id)).toContain(doc283);
      expect(theirs.directives.items.map((i) => i.id)).not.toContain(doc122);
    });

    it("names the agencies owing a report, within the jurisdiction", async () => {
      const d = await dashboard({ db: w.db, actor: office });
      expect(d.silent.total).toBeGreaterThan(0);
      expect(d.silent.agencies.map((a) => a.agency.id)).toContain(soYTe);
      expect(d.silent.agencies.map((a) => a.agency.id)).not.toContain(soYTeKonTum);
      expect(d.silent.agencies.every((a) => a.silent >= 1 && a.lead <= a.silent)).toBe(true);
    });

    it("refuses another province's unit and keeps an agency to its own work", async () => {
      expect(await errorOf(dashboard({ db: w.db, actor: officeKonTum }, { unitId: khanhHoa }))).toBe("FORBIDDEN");
      const theirs = await dashboard({ db: w.db, actor: officeKonTum });
      expect(theirs.overdue.agencies.map((a) => a.agency.id)).not.toContain(soYTe);
      expect(theirs.silent.agencies.map((a) => a.agency.id)).not.toContain(soYTe);
      const own = await dashboard({ db: w.db, actor: soYTeMember });
      expect(own.overdue.agencies.map((a) => a.agency.id)).toEqual([soYTe]);
      expect(own.silent.agencies.map((a) => a.agency.id)).toEqual([soYTe]);
      const national = await dashboard({ db: w.db, actor: admin }, { unitId: khanhHoa });
      expect(national.status.total).toBe((await dashboard({ db: w.db, actor: office })).status.total);
    });
  });
}
