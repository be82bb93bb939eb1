/**
 * task_units is derived data (migration 0011): after every kind of change to tasks and shares —
 * through the use cases and by hand in SQL — it must hold exactly what its sources say: one row
 * per task and unit of the owner's chain or of a live or cancelled share's chain, with the
 * task's status, due time and confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@chidao/core";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { openWorld, type World } from "./__tests__/world.js";
import { confirmTasks } from "./confirm-tasks.js";
import { createTask } from "./create-task.js";
import { delegateAssignment } from "./delegate-assignment.js";
import { dropTask } from "./drop-task.js";
import { listTasks } from "./list-tasks.js";
import { setAssignment } from "./set-assignment.js";
import { updateTask } from "./update-task.js";

const { tasks, assignments } = schema;

for (const backend of testBackends()) {
  describe(`task_units on ${backend.name}`, () => {
    let w: World;
    let khanhHoa: number;
    let konTum: number;
    let nhaTrang: number;
    let office: Actor;

    /** The rows task_units should hold, computed from tasks and assignments, next to what it holds. */
    async function expectInSync(): Promise<void> {
      const expected = await w.db.execute<{ k: string }>(sql`
        select t.id || ':' || u.unit_id || ':' || t.status || ':' || coalesce(t.due_at::text, '-') || ':' || (t.confirmed_at is not null) as k
        from tasks t cross join lateral (
          select unnest(array[t.province_id, t.district_id, t.commune_id])
          union select unnest(array[a.province_id, a.district_id, a.commune_id]) from assignments a where a.task_id = t.id
        ) u(unit_id)
        where u.unit_id is not null order by 1`);
      const held = await w.db.execute<{ k: string }>(sql`
        select v.task_id || ':' || v.unit_id || ':' || v.status || ':' || coalesce(v.due_at::text, '-') || ':' || v.confirmed as k from task_units v order by 1`);
      expect(held.rows.map((r) => r.k)).toEqual(expected.rows.map((r) => r.k));
      expect(held.rows.length).toBeGreaterThan(0);
    }

    beforeAll(async () => {
      w = await openWorld(backend);
      khanhHoa = await w.unit("56");
      konTum = await w.unit("62");
      nhaTrang = await w.unit("568");
      office = await w.actor("office", { unitId: khanhHoa });
    });
    afterAll(() => w?.close());

    it("is filled for the proposals of the ingested directives", expectInSync);

    it("follows confirmation, edits of deadline and agencies, progress, delegation and dropping", async () => {
      const doc122 = await w.doc("122-TB/TU");
      const proposed = await w.taskAt(doc122, "tasks[1]");
      await confirmTasks({ db: w.db, actor: office }, { tasks: [{ id: proposed.id, expectedVersion: proposed.version }] });
      await expectInSync();

      const soYTe = await w.agency(khanhHoa, "so-y-te");
      const ubndNhaTrang = await w.agency(nhaTrang, "ubnd");
      const made = await createTask({ db: w.db, actor: office }, { text: "Báo cáo tình hình tiêm chủng.", lead: [soYTe], deadline: { kind: "fixed", due: "2021-09-30" } });
      await expectInSync();
      // A district's agency added, then removed (its share cancelled, still listed), and a new deadline.
      const added = await updateTask({ db: w.db, actor: office }, { id: made.id, expectedVersion: made.version, lead: [soYTe], support: [ubndNhaTrang], deadline: { kind: "fixed", due: "2021-10-15" } });
      await expectInSync();
      expect((await listTasks({ db: w.db, actor: await w.actor("office", { unitId: nhaTrang }) }, { limit: 200 })).items.map((t) => t.id)).toContain(made.id);
      await updateTask({ db: w.db, actor: office }, { id: made.id, expectedVersion: added.version, support: [] });
      await expectInSync();

      const [share] = await w.db.select().from(assignments).where(and(eq(assignments.taskId, proposed.id), eq(assignments.agencyId, ubndNhaTrang)));
      const member = await w.actor("agency_member", { agencyId: ubndNhaTrang });
      const { created } = await delegateAssignment({ db: w.db, actor: member }, { id: share!.id, targets: { role: "ubnd", level: "commune" } });
      expect(created.length).toBeGreaterThan(0);
      await expectInSync();
      const sub = (await w.db.select().from(assignments).where(eq(assignments.taskId, created[0]!.id)))[0]!;
      await setAssignment({ db: w.db, actor: office }, { id: sub.id, expectedVersion: sub.version, status: "done", percent: 100 });
      await expectInSync();
      expect((await w.db.select().from(tasks).where(eq(tasks.id, created[0]!.id)))[0]!.status).toBe("done");

      const other = await w.taskAt(doc122, "tasks[5]");
      await dropTask({ db: w.db, actor: office }, { id: other.id, expectedVersion: other.version });
      await expectInSync();
    });

    it("lists by unit: a unit within the reader's as that unit's own office does, one outside as what both see", async () => {
      const ids = async (actor: Actor, unitId?: number) => {
        const page = await listTasks({ db: w.db, actor }, { limit: 200, ...(unitId ? { unitId } : {}) });
        expect(page.total).toBe(page.items.length);
        return page.items.map((t) => t.id).sort((a, b) => a - b);
      };
      const nhaTrangOffice = await w.actor("office", { unitId: nhaTrang });
      expect(await ids(office, nhaTrang)).toEqual(await ids(nhaTrangOffice));
      expect((await ids(office, nhaTrang)).length).toBeGreaterThan(0);
      const konTumOffice = await w.actor("office", { unitId: konTum });
      const both = async () => {
        const theirs = new Set(await ids(konTumOffice));
        return (await ids(office)).filter((id) => theirs.has(id));
      };
      const before = await both();
      expect(await ids(office, konTum)).toEqual(before);
      // A Khánh Hòa task given a share in Kon Tum: both see it, until the share goes.
      const [shared] = await w.db.select().from(tasks).where(and(eq(tasks.provinceId, khanhHoa), eq(tasks.status, "open"), sql`${tasks.id} not in (${sql.join(before.length ? before : [0], sql`, `)})`)).limit(1);
      const [share] = await w.db.insert(assignments).values({ taskId: shared!.id, agencyId: await w.agency(konTum, "ubnd"), role: "support", status: "open", provinceId: konTum }).returning();
      expect(await both()).toContain(shared!.id);
      expect(await ids(office, konTum)).toEqual(await both());
      await w.db.delete(assignments).where(eq(assignments.id, share!.id));
      expect(await ids(office, konTum)).toEqual(before);
    });

    it("follows changes made by hand: a share's unit, a task's unit, a share or a task deleted", async () => {
      const [share] = await w.db.select().from(assignments).where(sql`${assignments.districtId} is not null and not exists (select 1 from tasks c where c.parent_id = ${assignments.taskId})`).limit(1);
      const ubndKonTum = await w.agency(konTum, "ubnd");
      await w.db.update(assignments).set({ provinceId: konTum, districtId: null, communeId: null, agencyId: ubndKonTum }).where(eq(assignments.id, share!.id));
      await expectInSync();
      await w.db.update(tasks).set({ provinceId: konTum, districtId: null, communeId: null }).where(eq(tasks.id, share!.taskId));
      await expectInSync();
      await w.db.delete(assignments).where(eq(assignments.id, share!.id));
      await expectInSync();
      await w.db.execute(sql`delete from tasks where id = ${share!.taskId}`);
      await expectInSync();
      // Many tasks and shares in one statement each, as a bulk import writes them.
      await w.db.execute(sql`update tasks set due_at = due_at + interval '1 day', status = case when status = 'open' then 'in_progress' else status end`);
      await expectInSync();
    });
  });
}
