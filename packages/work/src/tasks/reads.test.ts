import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { errorOf, openWorld, type World } from "./__tests__/world.js";
import { agencyOpenTasks } from "./agency-open-tasks.js";
import { confirmTasks } from "./confirm-tasks.js";
import { createTask } from "./create-task.js";
import { getTask } from "./get-task.js";
import { listTasks } from "./list-tasks.js";
import { overdueByAgency, overdueByUnit } from "./overdue.js";

const { tasks, assignments } = schema;

for (const backend of testBackends()) {
  describe(`reading tasks on ${backend.name}`, () => {
    let w: World;
    let doc122: string;
    let doc283: string;
    let khanhHoa: number;
    let konTum: number;
    let soYTe: number;
    let office: Actor;
    let officeKonTum: Actor;
    let soYTeMember: Actor;
    let admin: Actor;

    /** Confirms every proposal of a document that has an agency. */
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
      office = await w.actor("office", { unitId: khanhHoa });
      officeKonTum = await w.actor("office", { unitId: konTum });
      soYTeMember = await w.actor("agency_member", { agencyId: soYTe });
      admin = await w.actor("admin", {});
      await confirmAll(office, doc122);
      await confirmAll(officeKonTum, doc283);
      // Two more overdue tasks for Sở Y tế, one older than the directive's.
      for (const due of ["2021-07-20", "2021-08-05"]) await createTask({ db: w.db, actor: office }, { text: `Báo cáo tình hình điều trị trước ngày ${due}.`, lead: [soYTe], deadline: { kind: "fixed", due } });
    });
    afterAll(() => w?.close());

    it("shows Sở Y tế tỉnh Khánh Hòa its tasks from 122-TB/TU and nothing of Kon Tum", async () => {
      const page = await listTasks({ db: w.db, actor: soYTeMember }, { limit: 200 });
      const fromDirective = page.items.filter((t) => t.documentId === doc122);
      expect(fromDirective.map((t) => t.ref)).toContain("5.2");
      expect(fromDirective.find((t) => t.ref === "5.2")!.lead.map((a) => a.name)).toEqual(["Sở Y tế tỉnh Khánh Hòa"]);
      expect(new Set(fromDirective.map((t) => t.documentCode))).toEqual(new Set(["122-TB/TU"]));
      expect(page.items.filter((t) => t.documentId === null).every((t) => t.documentCode === null)).toBe(true);
      expect(page.items.every((t) => t.lead.some((a) => a.id === soYTe) || t.support.some((a) => a.id === soYTe))).toBe(true);
      expect(page.items.some((t) => t.documentId === doc283)).toBe(false);
      const konTumTask = (await w.db.select().from(tasks).where(and(eq(tasks.documentId, doc283), isNotNull(tasks.confirmedAt))))[0]!;
      expect(await errorOf(getTask({ db: w.db, actor: soYTeMember }, { id: konTumTask.id }))).toBe("NOT_FOUND");
      expect(await errorOf(getTask({ db: w.db, actor: office }, { id: konTumTask.id }))).toBe("NOT_FOUND");
      expect((await getTask({ db: w.db, actor: officeKonTum }, { id: konTumTask.id })).id).toBe(konTumTask.id);
    });

    it("keeps each province's office to its own tasks; a national account sees both", async () => {
      const mine = await listTasks({ db: w.db, actor: office }, { limit: 200 });
      expect(mine.items.some((t) => t.documentId === doc122)).toBe(true);
      expect(mine.items.some((t) => t.documentId === doc283)).toBe(false);
      const theirs = await listTasks({ db: w.db, actor: officeKonTum }, { limit: 200 });
      expect(theirs.items.some((t) => t.documentId === doc283)).toBe(true);
      expect(theirs.items.some((t) => t.documentId === doc122)).toBe(false);
      // Central and unplaced directives fan out over both provinces: those tasks are in both lists.
      const all = await listTasks({ db: w.db, actor: admin }, { limit: 200 });
      const ids = new Set(all.items.map((t) => t.id));
      expect([...mine.items, ...theirs.items].every((t) => ids.has(t.id))).toBe(true);
    });

    it("sorts by due time, no deadline last, a page at a time with the total", async () => {
      const whole = await listTasks({ db: w.db, actor: office }, { limit: 200 });
      const due = whole.items.map((t) => t.dueAt?.getTime() ?? Infinity);
      expect(due).toEqual([...due].sort((a, b) => a - b));
      const page = await listTasks({ db: w.db, actor: office }, { limit: 2, offset: 2 });
      expect(page).toMatchObject({ total: whole.total, limit: 2, offset: 2 });
      expect(page.items.map((t) => t.id)).toEqual(whole.items.slice(2, 4).map((t) => t.id));
      expect((await listTasks({ db: w.db, actor: office }, { offset: 10_000 })).total).toBe(whole.total);
    });

    it("filters by status, lateness, agency and role, unit, document and words", async () => {
      const ctx = { db: w.db, actor: office };
      const overdue = await listTasks(ctx, { overdue: true });
      expect(overdue.items.length).toBeGreaterThanOrEqual(3);
      expect(overdue.items.every((t) => t.overdue && t.dueAt! < new Date())).toBe(true);
      expect((await listTasks(ctx, { status: "proposed" })).items.every((t) => t.status === "proposed")).toBe(true);
      const led = await listTasks(ctx, { agencyId: soYTe, role: "lead" });
      expect(led.total).toBe(3);
      expect((await listTasks({ db: w.db, actor: soYTeMember }, { role: "support" })).items.every((t) => t.support.some((a) => a.id === soYTe))).toBe(true);
      const nhaTrang = await listTasks(ctx, { unitId: await w.unit("568") });
      expect(nhaTrang.items.map((t) => t.ref)).toContain("3");
      expect(nhaTrang.items.some((t) => t.documentId === doc283)).toBe(false);
      expect(nhaTrang.total).toBeLessThan((await listTasks(ctx)).total);
      expect((await listTasks(ctx, { documentId: doc122 })).items.every((t) => t.documentId === doc122)).toBe(true);
      const words = await listTasks(ctx, { q: "TIEM VAC XIN" });
      expect(words.items.map((t) => t.ref)).toContain("5.2");
      expect((await listTasks(ctx, { q: "100%_" })).total).toBe(0);
      expect(await errorOf(listTasks(ctx, { role: "lead" }))).toBe("INVALID_INPUT");
      expect(await errorOf(listTasks(ctx, { documentId: "x" }))).toBe("INVALID_INPUT");
    });

    it("gives a task with its source document, shares and lateness", async () => {
      const t = await w.taskAt(doc122, "tasks[1]");
      const detail = await getTask({ db: w.db, actor: office }, { id: t.id });
      expect(detail.document).toMatchObject({ id: doc122, code: "122-TB/TU", issuer: "Tỉnh ủy Khánh Hòa", date: "2021-07-24" });
      expect(detail.span).toEqual({ start: t.spanStart, end: t.spanEnd });
      expect(detail).toMatchObject({ status: "open", overdue: true, version: 2 });
      expect(detail.shares).toHaveLength(9);
      expect(detail.shares.every((s) => s.overdue && s.role === "lead")).toBe(true);
    });

    it("lists an agency's open shares soonest due first, with counts, to whom may read them", async () => {
      const page = await agencyOpenTasks({ db: w.db, actor: soYTeMember });
      expect(page.agency).toEqual({ id: soYTe, name: "Sở Y tế tỉnh Khánh Hòa" });
      expect(page.items.map((s) => s.dueAt?.toISOString().slice(0, 10) ?? null).slice(0, 2)).toEqual(["2021-07-20", "2021-08-05"]);
      expect(page.items.every((s) => s.status === "open" || s.status === "in_progress")).toBe(true);
      expect(page.total).toBe(page.items.length);
      expect(page.overdue).toBe(2);
      const late = await agencyOpenTasks({ db: w.db, actor: office }, { agencyId: soYTe, overdue: true });
      expect(late.items.map((s) => s.task.title)).toEqual(["Báo cáo tình hình điều trị trước ngày 2021-07-20", "Báo cáo tình hình điều trị trước ngày 2021-08-05"]);
      expect(late.total).toBe(2);
      expect(late.items.map((s) => s.task.documentCode)).toEqual([null, null]);
      expect(page.items.filter((s) => s.task.documentId === doc122).every((s) => s.task.documentCode === "122-TB/TU")).toBe(true);
      expect(page.items.some((s) => s.task.documentId === doc122)).toBe(true);
      expect((await agencyOpenTasks({ db: w.db, actor: soYTeMember }, { limit: 1, offset: 1 })).items.map((s) => s.id)).toEqual([page.items[1]!.id]);
      expect(await errorOf(agencyOpenTasks({ db: w.db, actor: officeKonTum }, { agencyId: soYTe }))).toBe("NOT_FOUND");
      expect(await errorOf(agencyOpenTasks({ db: w.db, actor: soYTeMember }, { agencyId: await w.agency(khanhHoa, "ubnd") }))).toBe("NOT_FOUND");
    });

    it("ranks overdue work by agency and by district within a province", async () => {
      const byAgency = await overdueByAgency({ db: w.db, actor: office });
      expect(byAgency.unit).toMatchObject({ id: khanhHoa, level: "province" });
      expect(byAgency.agencies[0]).toMatchObject({ agency: { id: soYTe, name: "Sở Y tế tỉnh Khánh Hòa", unitId: khanhHoa }, overdue: 2 });
      expect(byAgency.agencies[0]!.oldestDueAt.toISOString()).toBe("2021-07-20T16:59:59.000Z");
      const districts = byAgency.agencies.filter((a) => a.agency.name.startsWith("Ủy ban nhân dân") && a.agency.unitId !== khanhHoa);
      expect(districts).toHaveLength(9);
      const counts = byAgency.agencies.map((a) => a.overdue);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));

      const byUnit = await overdueByUnit({ db: w.db, actor: office });
      const province = byUnit.units.find((u) => u.unit === null)!;
      expect(province.overdue).toBe(2);
      expect(byUnit.units.filter((u) => u.unit?.level === "district")).toHaveLength(9);
      expect(byUnit.units.find((u) => u.unit?.name === "Thành phố Nha Trang")).toMatchObject({ overdue: 1, agencies: 1 });

      expect((await overdueByAgency({ db: w.db, actor: soYTeMember })).agencies.map((a) => a.agency.id)).toEqual([soYTe]);
      expect(await errorOf(overdueByAgency({ db: w.db, actor: officeKonTum }, { unitId: khanhHoa }))).toBe("FORBIDDEN");
      expect((await overdueByAgency({ db: w.db, actor: officeKonTum })).agencies.every((a) => a.agency.unitId !== khanhHoa)).toBe(true);
      const national = await overdueByUnit({ db: w.db, actor: admin });
      expect(national.units.map((u) => u.unit?.id)).toContain(khanhHoa);
    });
  });
}
