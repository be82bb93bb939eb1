import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { auditActions, errorOf, openWorld, type World } from "./__tests__/world.js";
import { confirmTasks } from "./confirm-tasks.js";
import { delegateAssignment } from "./delegate-assignment.js";
import { getTask } from "./get-task.js";
import { listTasks } from "./list-tasks.js";
import { setAssignment } from "./set-assignment.js";

const { tasks, assignments, agencies, units } = schema;

for (const backend of testBackends()) {
  describe(`delegation and roll-up on ${backend.name}`, () => {
    let w: World;
    let doc122: string;
    let khanhHoa: number;
    let nhaTrang: number;
    let ubndNhaTrang: number;
    let nhaTrangMember: Actor;
    let taskId: number;
    let shareId: number;

    const share = async (id: number) => (await w.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;
    const task = async (id: number) => (await w.db.select().from(tasks).where(eq(tasks.id, id)))[0]!;
    const memberOf = (agencyId: number) => w.actor("agency_member", { agencyId });

    beforeAll(async () => {
      w = await openWorld(backend);
      doc122 = await w.doc("122-TB/TU");
      khanhHoa = await w.unit("56");
      nhaTrang = await w.unit("568");
      ubndNhaTrang = await w.agency(nhaTrang, "ubnd");
      nhaTrangMember = await memberOf(ubndNhaTrang);
      // Task 3 of 122-TB/TU: "các địa phương trong tỉnh" lead it, the People's Committees of the nine districts.
      const t = await w.taskAt(doc122, "tasks[1]");
      await confirmTasks({ db: w.db, actor: await w.actor("office", { unitId: khanhHoa }) }, { tasks: [{ id: t.id, expectedVersion: t.version }] });
      taskId = t.id;
      shareId = (await w.db.select().from(assignments).where(and(eq(assignments.taskId, t.id), eq(assignments.agencyId, ubndNhaTrang))))[0]!.id;
    });
    afterAll(() => w?.close());

    it("refuses progress on a share outside the actor's scope, and on a task not yet confirmed", async () => {
      const s = await share(shareId);
      const other = await memberOf(await w.agency(await w.unit("569"), "ubnd"));
      expect(await errorOf(setAssignment({ db: w.db, actor: other }, { id: shareId, expectedVersion: s.version, percent: 10 }))).toBe("NOT_FOUND");
      const proposed = await w.taskAt(doc122, "tasks[5]");
      const [lead] = await w.db.select().from(assignments).where(and(eq(assignments.taskId, proposed.id), eq(assignments.role, "lead")));
      expect(await errorOf(setAssignment({ db: w.db, actor: await memberOf(lead!.agencyId) }, { id: lead!.id, expectedVersion: lead!.version, percent: 10 }))).toBe("INVALID_INPUT");
      expect(await errorOf(setAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, expectedVersion: s.version, percent: 101 }))).toBe("INVALID_INPUT");
      expect(await errorOf(setAssignment({ db: w.db, actor: await w.actor("viewer", { agencyId: ubndNhaTrang }) }, { id: shareId, expectedVersion: s.version, percent: 10 }))).toBe("FORBIDDEN");
    });

    it("fans a district's share out to the People's Committee of each of its communes", async () => {
      const { created, skipped } = await delegateAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, targets: { role: "ubnd", level: "commune" } });
      const communes = await w.db.select({ id: units.id }).from(units).where(eq(units.parentId, nhaTrang));
      expect(created).toHaveLength(communes.length);
      expect(created.length).toBe(27);
      expect(skipped).toEqual([]);
      const parent = await task(taskId);
      for (const sub of created) {
        expect(sub).toMatchObject({ parentId: taskId, unitId: nhaTrang, status: "open", documentId: doc122, deadline: parent.deadline });
        expect(sub.dueAt?.getTime()).toBe(parent.dueAt?.getTime());
        expect(sub.lead).toHaveLength(1);
        expect(sub.lead[0]!.name).toMatch(/^Ủy ban nhân dân (phường|xã|thị trấn) /);
      }
      const row = await task(created[0]!.id);
      expect(row).toMatchObject({ parentAssignmentId: shareId, provinceId: khanhHoa, districtId: nhaTrang, reportTo: "Ủy ban nhân dân thành phố Nha Trang" });
      const [subShare] = await w.db.select().from(assignments).where(eq(assignments.taskId, row.id));
      expect(subShare).toMatchObject({ role: "lead", status: "open", provinceId: khanhHoa, districtId: nhaTrang, communeId: expect.any(Number) });
      expect(await auditActions(w.db, "task", row.id)).toEqual(["task.delegate"]);
      expect(await auditActions(w.db, "assignment", shareId)).toEqual(["assignment.delegate"]);
    });

    it("does not delegate twice to the same agency, nor outside the district, nor to a level it has none of", async () => {
      const again = await delegateAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, targets: { role: "ubnd", level: "commune" } });
      expect(again.created).toEqual([]);
      expect(again.skipped).toHaveLength(27);
      const konTumCommune = (await w.db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.roleKey, "ubnd"), eq(agencies.level, "commune"))).innerJoin(units, eq(units.id, agencies.unitId)).where(eq(units.provinceCode, "62")).limit(1))[0]!.id;
      expect(await errorOf(delegateAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, targets: [konTumCommune] }))).toBe("INVALID_INPUT");
      expect(await errorOf(delegateAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, targets: { role: "ubnd", level: "district" } }))).toBe("INVALID_INPUT");
      expect(await errorOf(delegateAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, targets: [ubndNhaTrang] }))).toBe("INVALID_INPUT");
    });

    it("rolls communes' progress up into the district's share and the provincial task, with no report lost", async () => {
      const subs = await w.db.select().from(tasks).where(eq(tasks.parentAssignmentId, shareId)).orderBy(tasks.id);
      const subShares = await w.db.select().from(assignments).where(and(eq(assignments.role, "lead"))).then((rows) => rows.filter((r) => subs.some((s) => s.id === r.taskId)));
      const first = subShares[0]!;
      await setAssignment({ db: w.db, actor: await memberOf(first.agencyId) }, { id: first.id, expectedVersion: first.version, status: "in_progress", percent: 54 });
      expect(await task(first.taskId)).toMatchObject({ status: "in_progress", percent: 54 });
      expect(await share(shareId)).toMatchObject({ status: "in_progress", percent: 2, reportedStatus: "open", reportedPercent: 0 });
      expect(await task(taskId)).toMatchObject({ status: "in_progress", percent: 0 });

      // Every commune reports at once: the tree lock lets each roll-up see the others.
      const fresh = await w.db.select().from(assignments).then((rows) => rows.filter((r) => subShares.some((s) => s.id === r.id)));
      await Promise.all(fresh.map(async (s) => setAssignment({ db: w.db, actor: await memberOf(s.agencyId) }, { id: s.id, expectedVersion: s.version, status: "done" })));
      expect((await w.db.select().from(tasks).where(eq(tasks.parentAssignmentId, shareId))).every((t) => t.status === "done" && t.percent === 100)).toBe(true);
      // All sub-tasks done bring the share to 100 %, but it is the district's to call it done.
      expect(await share(shareId)).toMatchObject({ status: "in_progress", percent: 100 });
      expect(await task(taskId)).toMatchObject({ status: "in_progress", percent: 11 });

      const s = await share(shareId);
      const done = await setAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, expectedVersion: s.version, status: "done" });
      expect(done).toMatchObject({ status: "done", percent: 100, reportedStatus: "done", reportedPercent: 100, version: s.version + 1 });
      expect(done.lastReportAt).not.toBeNull();
      expect(await task(taskId)).toMatchObject({ status: "in_progress", percent: 11 });
      expect(await auditActions(w.db, "assignment", shareId)).toEqual(["assignment.delegate", "assignment.update"]);
    });

    it("closes the task when every lead share is done, and leaves cancelled shares out", async () => {
      const leads = await w.db.select().from(assignments).where(and(eq(assignments.taskId, taskId), eq(assignments.role, "lead")));
      const open = leads.filter((l) => l.agencyId !== ubndNhaTrang);
      const [cancelled, ...rest] = open;
      await setAssignment({ db: w.db, actor: await memberOf(cancelled!.agencyId) }, { id: cancelled!.id, expectedVersion: cancelled!.version, status: "cancelled" });
      expect(await task(taskId)).toMatchObject({ status: "in_progress", percent: 13 });
      for (const l of rest) await setAssignment({ db: w.db, actor: await memberOf(l.agencyId) }, { id: l.id, expectedVersion: l.version, status: "done" });
      expect(await task(taskId)).toMatchObject({ status: "done", percent: 100 });
      // A share reopened puts the task back in progress: its status is rolled, never frozen.
      const again = await share(rest[0]!.id);
      await setAssignment({ db: w.db, actor: await memberOf(again.agencyId) }, { id: again.id, expectedVersion: again.version, status: "in_progress", percent: 50 });
      expect(await task(taskId)).toMatchObject({ status: "in_progress" });
    });

    it("answers CONFLICT to the slower of two reports made on the same version", async () => {
      const s = await share(shareId);
      const results = await Promise.allSettled([setAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, expectedVersion: s.version, percent: 90, status: "in_progress" }), setAssignment({ db: w.db, actor: nhaTrangMember }, { id: shareId, expectedVersion: s.version, percent: 80, status: "in_progress" })]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
      expect((await share(shareId)).version).toBe(s.version + 1);
    });

    it("shows a commune its sub-task, the district both levels, and the commune not the provincial task", async () => {
      const sub = (await w.db.select().from(tasks).where(eq(tasks.parentAssignmentId, shareId)).limit(1))[0]!;
      const [subShare] = await w.db.select().from(assignments).where(eq(assignments.taskId, sub.id));
      const commune = await memberOf(subShare!.agencyId);
      const seen = await listTasks({ db: w.db, actor: commune });
      expect(seen.items.map((t) => t.id)).toEqual([sub.id]);
      expect(await errorOf(getTask({ db: w.db, actor: commune }, { id: taskId }))).toBe("NOT_FOUND");
      const district = await getTask({ db: w.db, actor: nhaTrangMember }, { id: taskId });
      expect(district.shares.find((s) => s.id === shareId)!.subtasks).toHaveLength(27);
      expect((await listTasks({ db: w.db, actor: nhaTrangMember }, { limit: 200 })).total).toBe(28);
    });
  });
}
