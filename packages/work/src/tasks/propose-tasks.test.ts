import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { schema } from "@chidao/db";
import { Registry } from "@chidao/registry";
import { testBackends } from "../../../../test/support/databases.js";
import { auditActions, openWorld, type World } from "./__tests__/world.js";
import { confirmTasks } from "./confirm-tasks.js";
import { dropTask } from "./drop-task.js";
import { proposeTasks } from "./propose-tasks.js";
import { TITLE_MAX } from "./title.js";
import { updateTask } from "./update-task.js";

const { tasks, assignments, agencies, documents } = schema;

for (const backend of testBackends()) {
  describe(`proposed tasks on ${backend.name}`, () => {
    let w: World;
    let doc122: string;
    let khanhHoa: number;

    beforeAll(async () => {
      w = await openWorld(backend);
      doc122 = await w.doc("122-TB/TU");
      khanhHoa = await w.unit("56");
    });
    afterAll(() => w?.close());

    const proposals = (documentId: string) => w.db.select().from(tasks).where(eq(tasks.documentId, documentId)).orderBy(tasks.id);
    const sharesOf = (taskId: number) =>
      w.db.select({ name: agencies.fullName, share: assignments }).from(assignments).innerJoin(agencies, eq(agencies.id, assignments.agencyId)).where(eq(assignments.taskId, taskId)).orderBy(assignments.id);

    it("proposes every task of an ingested directive, owned by its unit, with titles", async () => {
      const rows = await proposals(doc122);
      expect(rows.map((r) => r.sourcePath)).toEqual(Array.from({ length: 8 }, (_, i) => `tasks[${i}]`));
      for (const r of rows) {
        expect(r).toMatchObject({ status: "proposed", unitId: khanhHoa, provinceId: khanhHoa, districtId: null, version: 1, confirmedAt: null });
        expect(r.title.length).toBeGreaterThan(0);
        expect(r.title.length).toBeLessThanOrEqual(TITLE_MAX);
        expect(r.spanEnd! > r.spanStart!).toBe(true);
      }
      expect(rows.map((r) => r.ref)).toEqual(["2", "3", "4", "5", "5.1", "5.2", "6", "7"]);
      expect(rows[3]).toMatchObject({ title: "Ủy ban nhân dân tỉnh chỉ đạo" });
    });

    it("gives a task one share per agency its mentions resolved to: Sở Y tế tỉnh Khánh Hòa leads 5.2", async () => {
      const task = await w.taskAt(doc122, "tasks[5]");
      expect(task.ref).toBe("5.2");
      const shares = await sharesOf(task.id);
      expect(shares.filter((s) => s.share.role === "lead").map((s) => s.name)).toEqual(["Sở Y tế tỉnh Khánh Hòa"]);
      expect(shares.filter((s) => s.share.role === "support").map((s) => s.name).sort()).toEqual(["Ban Tuyên giáo Tỉnh ủy Khánh Hòa", "Sở Thông tin và Truyền thông tỉnh Khánh Hòa"]);
      for (const s of shares) expect(s.share).toMatchObject({ status: "proposed", provinceId: khanhHoa, mentionId: expect.any(Number) });
    });

    it("fans a collective mention out, each share with its agency's unit chain, and reads the deadline", async () => {
      const task = await w.taskAt(doc122, "tasks[1]");
      expect(task.deadline).toEqual({ kind: "fixed", due: "2021-07-31" });
      expect(task.dueAt?.toISOString()).toBe("2021-07-31T16:59:59.000Z");
      const shares = await sharesOf(task.id);
      expect(shares).toHaveLength(9);
      expect(shares.every((s) => s.share.role === "lead" && s.share.districtId !== null && s.share.provinceId === khanhHoa)).toBe(true);
      expect(shares.map((s) => s.name)).toContain("Ủy ban nhân dân thành phố Nha Trang");
      expect(shares.every((s) => s.share.dueAt?.getTime() === task.dueAt?.getTime())).toBe(true);
    });

    it("leaves an agency named as lead and as support leading, once", async () => {
      const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from (select task_id, agency_id from assignments group by 1, 2 having count(*) > 1) d`);
      expect(rows[0]!.n).toBe(0);
    });

    it("audits each proposal as made by the uploader", async () => {
      const task = await w.taskAt(doc122, "tasks[5]");
      expect(await auditActions(w.db, "task", task.id)).toEqual(["task.propose"]);
    });

    it("proposes nothing new when asked again", async () => {
      const before = await proposals(doc122);
      const again = await proposeTasks({ db: w.db, actor: { userId: null, name: "system" } }, { documentId: doc122 });
      expect(again).toMatchObject({ proposed: [], unchanged: 8, withdrawn: 0, kept: 0 });
      expect((await proposals(doc122)).map((r) => [r.id, r.version])).toEqual(before.map((r) => [r.id, r.version]));
    });

    it("on reparse keeps what people reviewed, replaces changed proposals and withdraws vanished ones", async () => {
      const office = await w.actor("office", { unitId: khanhHoa });
      const ctx = { db: w.db, actor: office };
      const confirmed = await w.taskAt(doc122, "tasks[5]");
      await confirmTasks(ctx, { tasks: [{ id: confirmed.id, expectedVersion: confirmed.version }] });
      const dropped = await w.taskAt(doc122, "tasks[0]");
      await dropTask(ctx, { id: dropped.id, expectedVersion: dropped.version });
      const edited = await w.taskAt(doc122, "tasks[3]");
      await updateTask(ctx, { id: edited.id, expectedVersion: edited.version, title: "Thành lập Trung tâm cứu trợ" });
      const untouched = await w.taskAt(doc122, "tasks[6]");
      const changing = await w.taskAt(doc122, "tasks[2]");

      // The parser now reads task 2 differently and no longer sees task 7.
      await w.db.execute(sql`update ${documents} set record = jsonb_set(record, '{tasks}', (record->'tasks') - 7) where id = ${doc122}`);
      await w.db.execute(sql`update ${documents} set record = jsonb_set(record, '{tasks,2,text}', to_jsonb('Mặt trận Tổ quốc Việt Nam tỉnh chủ trì thành lập Trung tâm cứu trợ'::text)) where id = ${doc122}`);
      const result = await proposeTasks({ db: w.db, actor: { userId: null, name: "system" } }, { documentId: doc122 });
      expect(result).toMatchObject({ unchanged: 3, withdrawn: 1, kept: 3 });
      expect(result.proposed).toHaveLength(1);

      const after = await proposals(doc122);
      expect(after.find((r) => r.id === confirmed.id)).toMatchObject({ status: "open" });
      expect(after.find((r) => r.id === dropped.id)).toMatchObject({ status: "cancelled" });
      expect(after.find((r) => r.id === edited.id)).toMatchObject({ title: "Thành lập Trung tâm cứu trợ", version: 2 });
      expect(after.find((r) => r.id === untouched.id)).toMatchObject({ version: 1 });
      expect(after.some((r) => r.id === changing.id)).toBe(false);
      expect(after.find((r) => r.id === result.proposed[0])).toMatchObject({ sourcePath: "tasks[2]", title: "Mặt trận Tổ quốc Việt Nam tỉnh chủ trì thành lập Trung tâm cứu trợ" });
      expect(after.some((r) => r.sourcePath === "tasks[7]")).toBe(false);
      expect(await auditActions(w.db, "task", changing.id)).toEqual(["task.propose", "task.repropose"]);
    });

    it("runs inside the reparse transaction: mentions are replaced, proposals point at the new ones", async () => {
      const report = await w.registry.reparse({ all: true });
      expect(report.failed).toEqual([]);
      const untouched = await w.taskAt(doc122, "tasks[6]");
      const shares = await sharesOf(untouched.id);
      expect(shares.length).toBeGreaterThan(0);
      const { rows } = await w.db.execute<{ n: number }>(sql`select count(*)::int as n from assignments a join mentions m on m.id = a.mention_id where a.task_id = ${untouched.id}`);
      expect(rows[0]!.n).toBe(shares.length);
      // The reparse read the original again: task 7 is back as a proposal.
      expect((await w.taskAt(doc122, "tasks[7]")).status).toBe("proposed");
    });

    it("rolls the ingest back when proposing fails", async () => {
      const failing = new Registry(w.database, {
        afterIngest: async () => {
          throw new Error("hook failed");
        },
      });
      const count = async () => (await w.db.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(documents.status, "stored")))[0]!.n;
      const before = await count();
      const text = "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 999/UBND-VX\nKhánh Hòa, ngày 02 tháng 8 năm 2021\n\nCÔNG VĂN\nV/v thử\n\n1. Sở Y tế chủ trì thực hiện.\n";
      await expect(failing.ingest({ fileName: "hook.txt", bytes: Buffer.from(text) })).rejects.toThrow("hook failed");
      expect(await count()).toBe(before);
      expect((await w.db.select().from(documents).where(and(eq(documents.code, "999/UBND-VX")))).length).toBe(0);
    });
  });
}
