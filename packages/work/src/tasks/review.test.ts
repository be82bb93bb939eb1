import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { auditActions, errorOf, openWorld, type World } from "./__tests__/world.js";
import { confirmTasks } from "./confirm-tasks.js";
import { createTask } from "./create-task.js";
import { dropTask } from "./drop-task.js";
import { getTask } from "./get-task.js";
import { mergeTasks } from "./merge-tasks.js";
import { splitTask } from "./split-task.js";
import { updateTask } from "./update-task.js";

const { tasks, assignments } = schema;

for (const backend of testBackends()) {
  describe(`reviewing proposed tasks on ${backend.name}`, () => {
    let w: World;
    let doc122: string;
    let doc283: string;
    let khanhHoa: number;
    let office: Actor;
    let officeKonTum: Actor;
    let soYTe: number;
    let soTTTT: number;
    let ctx: () => { db: World["db"]; actor: Actor };

    beforeAll(async () => {
      w = await openWorld(backend);
      doc122 = await w.doc("122-TB/TU");
      doc283 = await w.doc("283-TB/TU");
      khanhHoa = await w.unit("56");
      office = await w.actor("office", { unitId: khanhHoa }, "office.khanhhoa");
      officeKonTum = await w.actor("office", { unitId: await w.unit("62") }, "office.kontum");
      soYTe = await w.agency(khanhHoa, "so-y-te");
      soTTTT = await w.agency(khanhHoa, "so-thong-tin-truyen-thong");
      ctx = () => ({ db: w.db, actor: office });
    });
    afterAll(() => w?.close());

    it("edits a proposal's text, deadline and agencies, bumping its version, and audits it", async () => {
      const t = await w.taskAt(doc122, "tasks[6]");
      const edited = await updateTask(ctx(), { id: t.id, expectedVersion: t.version, title: "Đề xuất xét đặc cách tốt nghiệp", deadline: { kind: "fixed", due: "2021-08-15", time: "17:00" }, lead: [soYTe], support: [soTTTT] });
      expect(edited).toMatchObject({ title: "Đề xuất xét đặc cách tốt nghiệp", version: 2, status: "proposed", deadline: { kind: "fixed", due: "2021-08-15", time: "17:00" } });
      expect(edited.dueAt?.toISOString()).toBe("2021-08-15T10:00:00.000Z");
      expect(edited.lead.map((a) => a.name)).toEqual(["Sở Y tế tỉnh Khánh Hòa"]);
      expect(edited.support.map((a) => a.id)).toEqual([soTTTT]);
      expect(edited.shares.every((s) => s.status === "proposed" && s.dueAt?.getTime() === edited.dueAt?.getTime())).toBe(true);
      expect(await auditActions(w.db, "task", t.id)).toEqual(["task.propose", "task.update"]);
      const [audit] = (await w.db.execute<{ before: { lead: number[] }; after: { lead: number[]; title: string } }>(sql`select before, after from audit_log where object_type = 'task' and object_id = ${String(t.id)} and action = 'task.update'`)).rows;
      expect(audit!.after).toMatchObject({ title: "Đề xuất xét đặc cách tốt nghiệp", lead: [soYTe] });
      expect(audit!.before.lead).not.toEqual([soYTe]);
    });

    it("lets one of two concurrent edits on the same version win; the other gets CONFLICT", async () => {
      const t = await w.taskAt(doc122, "tasks[2]");
      const results = await Promise.allSettled([updateTask(ctx(), { id: t.id, expectedVersion: t.version, title: "Bản A" }), updateTask(ctx(), { id: t.id, expectedVersion: t.version, title: "Bản B" })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(failed.reason).toMatchObject({ code: "CONFLICT", vi: expect.stringContaining("tải lại"), en: expect.stringContaining("reload") });
      const after = await w.taskAt(doc122, "tasks[2]");
      expect(after.version).toBe(t.version + 1);
      expect(await auditActions(w.db, "task", t.id)).toEqual(["task.propose", "task.update"]);
    });

    it("refuses bad input, other roles and other provinces with coded errors", async () => {
      const t = await w.taskAt(doc122, "tasks[6]");
      expect(await errorOf(updateTask(ctx(), { id: t.id, expectedVersion: t.version, title: "  " }))).toBe("INVALID_INPUT");
      expect(await errorOf(updateTask(ctx(), { id: t.id, expectedVersion: t.version, lead: [soYTe], support: [soYTe] }))).toBe("INVALID_INPUT");
      expect(await errorOf(updateTask(ctx(), { id: t.id, expectedVersion: t.version, deadline: { kind: "fixed", due: "2021-02-30" } }))).toBe("INVALID_INPUT");
      expect(await errorOf(updateTask(ctx(), { id: t.id, expectedVersion: t.version, lead: [99_999_999] }))).toBe("INVALID_INPUT");
      expect(await errorOf(updateTask(ctx(), { id: t.id, expectedVersion: t.version - 1, title: "x" }))).toBe("CONFLICT");
      const member = await w.actor("agency_member", { agencyId: soYTe });
      expect(await errorOf(updateTask({ db: w.db, actor: member }, { id: t.id, expectedVersion: t.version, title: "x" }))).toBe("FORBIDDEN");
      expect(await errorOf(updateTask({ db: w.db, actor: officeKonTum }, { id: t.id, expectedVersion: t.version, title: "x" }))).toBe("NOT_FOUND");
      expect(await errorOf(getTask({ db: w.db, actor: officeKonTum }, { id: t.id }))).toBe("NOT_FOUND");
      expect(await errorOf(updateTask(ctx(), { id: 99_999_999, expectedVersion: 1, title: "x" }))).toBe("NOT_FOUND");
    });

    it("splits a proposal into parts that keep its agencies and its place", async () => {
      const t = await w.taskAt(doc122, "tasks[4]");
      const shares = await w.db.select().from(assignments).where(eq(assignments.taskId, t.id));
      const parts = await splitTask(ctx(), { id: t.id, expectedVersion: t.version, parts: [{ text: "Sở Công thương chủ trì bảo đảm cung ứng hàng hóa thiết yếu." }, { text: "Tổ chức các điểm bán hàng lưu động.", title: "Điểm bán hàng lưu động" }] });
      expect(parts.map((p) => p.sourcePath)).toEqual(["tasks[4]", "tasks[4]#2"]);
      expect(parts[0]).toMatchObject({ id: t.id, version: t.version + 1, title: "Sở Công thương chủ trì bảo đảm cung ứng hàng hóa thiết yếu", status: "proposed" });
      expect(parts[1]).toMatchObject({ title: "Điểm bán hàng lưu động", text: "Tổ chức các điểm bán hàng lưu động.", status: "proposed", documentId: doc122, ref: t.ref, unitId: khanhHoa });
      expect(parts[1]!.shares.map((s) => [s.agency.id, s.role]).sort()).toEqual(shares.map((s) => [s.agencyId, s.role]).sort());
      expect(await auditActions(w.db, "task", t.id)).toEqual(["task.propose", "task.split"]);
      expect(await auditActions(w.db, "task", parts[1]!.id)).toEqual(["task.split"]);
      expect(await errorOf(splitTask(ctx(), { id: t.id, expectedVersion: t.version + 1, parts: [{ text: "một" }] }))).toBe("INVALID_INPUT");
    });

    it("merges proposals of one document into the first, uniting agencies; the others are cancelled", async () => {
      const a = await w.taskAt(doc122, "tasks[3]");
      const b = await w.taskAt(doc122, "tasks[5]");
      const merged = await mergeTasks(ctx(), { tasks: [{ id: b.id, expectedVersion: b.version }, { id: a.id, expectedVersion: a.version }] });
      expect(merged.id).toBe(a.id);
      expect(merged.text).toBe(`${a.text}\n${b.text}`);
      expect(merged.lead.map((x) => x.name)).toContain("Sở Y tế tỉnh Khánh Hòa");
      expect(merged.support.map((x) => x.id)).toContain(soTTTT);
      const gone = await w.taskAt(doc122, "tasks[5]");
      expect(gone).toMatchObject({ status: "cancelled", version: b.version + 1 });
      expect((await w.db.select().from(assignments).where(eq(assignments.taskId, b.id))).every((s) => s.status === "cancelled")).toBe(true);
      expect(await auditActions(w.db, "task", a.id)).toEqual(["task.propose", "task.merge"]);
      expect(await auditActions(w.db, "task", b.id)).toEqual(["task.propose", "task.merge"]);
      const other = await w.taskAt(doc283, "tasks[1]");
      const c = await w.taskAt(doc122, "tasks[7]");
      expect(await errorOf(mergeTasks({ db: w.db, actor: await w.actor("admin", {}) }, { tasks: [{ id: c.id, expectedVersion: c.version }, { id: other.id, expectedVersion: other.version }] }))).toBe("INVALID_INPUT");
    });

    it("drops a proposal: cancelled, with its shares, and no second time", async () => {
      const t = await w.taskAt(doc122, "tasks[0]");
      const dropped = await dropTask(ctx(), { id: t.id, expectedVersion: t.version });
      expect(dropped).toMatchObject({ status: "cancelled", version: t.version + 1 });
      expect(await errorOf(dropTask(ctx(), { id: t.id, expectedVersion: dropped.version }))).toBe("INVALID_INPUT");
      expect(await auditActions(w.db, "task", t.id)).toEqual(["task.propose", "task.drop"]);
    });

    it("confirms several proposals at once, all or nothing", async () => {
      const a = await w.taskAt(doc122, "tasks[1]");
      const b = await w.taskAt(doc122, "tasks[2]");
      const noAgency = await w.taskAt(doc122, "tasks[7]");
      await updateTask(ctx(), { id: noAgency.id, expectedVersion: noAgency.version, lead: [], support: [] });
      const stale = await w.taskAt(doc122, "tasks[7]");
      expect(await errorOf(confirmTasks(ctx(), { tasks: [{ id: a.id, expectedVersion: a.version }, { id: stale.id, expectedVersion: stale.version }] }))).toBe("INVALID_INPUT");
      expect((await w.taskAt(doc122, "tasks[1]")).status).toBe("proposed");
      const confirmed = await confirmTasks(ctx(), { tasks: [{ id: a.id, expectedVersion: a.version }, { id: b.id, expectedVersion: b.version }] });
      expect(confirmed.map((t) => [t.id, t.status])).toEqual([
        [a.id, "open"],
        [b.id, "open"],
      ]);
      const row = await w.taskAt(doc122, "tasks[1]");
      expect(row.confirmedAt).not.toBeNull();
      expect((await w.db.select().from(assignments).where(eq(assignments.taskId, a.id))).every((s) => s.status === "open" && s.reportedStatus === "open")).toBe(true);
      expect(await auditActions(w.db, "task", a.id)).toEqual(["task.propose", "task.confirm"]);
      expect(await errorOf(confirmTasks(ctx(), { tasks: [{ id: a.id, expectedVersion: row.version }] }))).toBe("INVALID_INPUT");
      const c = await w.taskAt(doc122, "tasks[6]");
      expect(await errorOf(confirmTasks(ctx(), { tasks: [{ id: c.id, expectedVersion: c.version }, { id: c.id, expectedVersion: c.version }] }))).toBe("INVALID_INPUT");
    });

    it("edits a confirmed task's agencies by cancelling a removed share, not deleting it", async () => {
      const t = await w.taskAt(doc122, "tasks[2]");
      const before = await getTask(ctx(), { id: t.id });
      const removed = before.support[0]!;
      const after = await updateTask(ctx(), { id: t.id, expectedVersion: t.version, support: [soTTTT] });
      expect(after.support.map((a) => a.id)).toEqual([soTTTT]);
      expect(after.shares.find((s) => s.agency.id === removed.id)).toMatchObject({ status: "cancelled", reportedStatus: "cancelled" });
      expect(after.shares.find((s) => s.agency.id === soTTTT)).toMatchObject({ status: "open" });
      expect(await errorOf(splitTask(ctx(), { id: t.id, expectedVersion: after.version, parts: [{ text: "a" }, { text: "b" }] }))).toBe("INVALID_INPUT");
      expect(await errorOf(updateTask(ctx(), { id: t.id, expectedVersion: after.version, lead: [], support: [] }))).toBe("INVALID_INPUT");
    });

    it("creates a task by hand, open, within the office's province only", async () => {
      const created = await createTask(ctx(), { text: "Tổ chức tiêm vắc xin cho người trên 65 tuổi; báo cáo hằng tuần.", lead: [soYTe], deadline: { kind: "recurring", rule: { every: "week", weekday: 5, at: "16:00" }, text: "thứ Sáu hằng tuần" }, documentId: doc122 });
      expect(created).toMatchObject({ status: "open", title: "Tổ chức tiêm vắc xin cho người trên 65 tuổi", unitId: khanhHoa, documentId: doc122, sourcePath: null, version: 1 });
      expect(created.dueAt!.getTime()).toBeGreaterThan(Date.now());
      expect(created.shares).toMatchObject([{ agency: { id: soYTe }, role: "lead", status: "open" }]);
      expect(await auditActions(w.db, "task", created.id)).toEqual(["task.create"]);
      expect(await errorOf(createTask(ctx(), { text: "x", lead: [soYTe], unitId: await w.unit("62") }))).toBe("FORBIDDEN");
      expect(await errorOf(createTask(ctx(), { text: "x", lead: [] }))).toBe("INVALID_INPUT");
      expect(await errorOf(createTask({ db: w.db, actor: await w.actor("viewer", { unitId: khanhHoa }) }, { text: "x", lead: [soYTe] }))).toBe("FORBIDDEN");
      const [row] = await w.db.select().from(tasks).where(eq(tasks.id, created.id));
      expect(row!.provinceId).toBe(khanhHoa);
    });
  });
}
