import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { actorIn, buildAssignment, buildTask, buildUser } from "../__tests__/factories.js";
import { codeOf, errorOf, openWorld, type World } from "../__tests__/world.js";
import { fileReport } from "./file-report.js";
import { listReports } from "./list-reports.js";

const SUBSET = unitsSubset(["56", "62"]);
afterAll(() => rmSync(SUBSET, { recursive: true, force: true }));
const at = (iso: string) => new Date(iso);

for (const backend of testBackends()) {
  describe(`listing reports on ${backend.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(backend, SUBSET);
    });
    afterAll(() => w?.database.close());

    it("lists a task's reports newest first, with author, agency and attachments; a share's alone", async () => {
      const task = await buildTask(w.db, { unitId: w.khanhHoa });
      const lead = await buildAssignment(w.db, { taskId: task.id, agencyId: w.soYTe, role: "lead" });
      const support = await buildAssignment(w.db, { taskId: task.id, agencyId: w.soGiaoDuc, role: "support" });
      const lan = await buildUser(w.db, { role: "agency_member", agencyId: w.soYTe, displayName: "Nguyễn Thị Lan" });
      const binh = await buildUser(w.db, { role: "agency_member", agencyId: w.soGiaoDuc, displayName: "Trần Văn Bình" });
      await fileReport({ db: w.db, actor: lan }, { assignmentId: lead.id, results: "Tuần 1.", percent: 20, now: at("2025-03-03T02:00:00Z") });
      await fileReport({ db: w.db, actor: binh }, { assignmentId: support.id, difficulties: "Chưa có kinh phí.", now: at("2025-03-05T02:00:00Z"), attachments: [{ bytes: new TextEncoder().encode("dự toán"), fileName: "du-toan.xlsx" }] });
      await fileReport({ db: w.db, actor: lan }, { assignmentId: lead.id, results: "Tuần 2.", percent: 50, now: at("2025-03-10T02:00:00Z") });

      const all = await listReports({ db: w.db, actor: lan }, { taskId: task.id });
      expect(all.map((r) => [r.results || r.difficulties, r.author?.name, r.agency.fullName])).toEqual([
        ["Tuần 2.", "Nguyễn Thị Lan", "Sở Y tế tỉnh Khánh Hòa"],
        ["Chưa có kinh phí.", "Trần Văn Bình", "Sở Giáo dục và Đào tạo tỉnh Khánh Hòa"],
        ["Tuần 1.", "Nguyễn Thị Lan", "Sở Y tế tỉnh Khánh Hòa"],
      ]);
      expect(all[1]!.attachments).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fileName: "du-toan.xlsx", size: new TextEncoder().encode("dự toán").length, mediaType: expect.any(String) }]);
      expect(all[0]!.createdAt).toBe("2025-03-10T02:00:00.000Z");

      const mine = await listReports({ db: w.db, actor: binh }, { assignmentId: lead.id, limit: 1 });
      expect(mine.map((r) => r.results)).toEqual(["Tuần 2."]);
      const office = await actorIn(w.db, { role: "viewer", unitId: w.khanhHoa });
      expect(await listReports({ db: w.db, actor: office }, { assignmentId: support.id })).toHaveLength(1);
    });

    it("answers NOT_FOUND outside the jurisdiction and INVALID_INPUT without exactly one of task and share", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const konTum = await actorIn(w.db, { role: "office", unitId: w.konTum });
      expect(await codeOf(listReports({ db: w.db, actor: konTum }, { taskId: share.taskId }))).toBe("NOT_FOUND");
      expect(await codeOf(listReports({ db: w.db, actor: konTum }, { assignmentId: share.id }))).toBe("NOT_FOUND");
      const otherAgency = await actorIn(w.db, { role: "agency_member", agencyId: w.soTaiChinh });
      expect(await codeOf(listReports({ db: w.db, actor: otherAgency }, { taskId: share.taskId }))).toBe("NOT_FOUND");
      expect(await listReports({ db: w.db, actor: await actorIn(w.db, { role: "viewer", agencyId: w.soYTe }) }, { taskId: share.taskId })).toEqual([]);
      expect((await errorOf(listReports({ db: w.db, actor: konTum }, {}))).details.fields).toEqual(["taskId", "assignmentId"]);
      expect(await codeOf(listReports({ db: w.db, actor: konTum }, { taskId: share.taskId, assignmentId: share.id }))).toBe("INVALID_INPUT");
      expect(await codeOf(listReports({ db: w.db, actor: konTum }, { taskId: share.taskId, limit: 0 }))).toBe("INVALID_INPUT");
    });
  });
}
