import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { actorIn, agencyOf, buildAssignment, buildTask, childUnit } from "../__tests__/factories.js";
import { codeOf, errorOf, openWorld, type World } from "../__tests__/world.js";
import { fileReport } from "./file-report.js";
import { proposeUpward, proposalTitle } from "./propose-upward.js";

const { tasks, assignments, auditLog } = schema;
const NOW = new Date("2025-03-13T03:00:00Z");
const PROPOSAL = "Đề nghị UBND tỉnh bổ sung 2 tỷ đồng kinh phí phòng, chống dịch cho các cơ sở y tế tuyến huyện. Đồng thời chỉ đạo Sở Tài chính hướng dẫn thủ tục thanh toán.";

describe("a proposal's title", () => {
  it("is its first sentence, not cut at an abbreviation, and shortened at a word when long", () => {
    expect(proposalTitle(PROPOSAL)).toBe("Đề nghị UBND tỉnh bổ sung 2 tỷ đồng kinh phí phòng, chống dịch cho các cơ sở y tế tuyến huyện.");
    expect(proposalTitle("Đề nghị UBND TP. Nha Trang sớm bố trí mặt bằng cho điểm tiêm chủng lưu động. Xin cảm ơn.")).toBe("Đề nghị UBND TP. Nha Trang sớm bố trí mặt bằng cho điểm tiêm chủng lưu động.");
    expect(proposalTitle("  Kiến nghị bổ sung biên chế\nchi tiết kèm theo")).toBe("Kiến nghị bổ sung biên chế");
    const text = `Đề nghị ${"hỗ trợ kinh phí ".repeat(20)}`;
    const long = proposalTitle(text);
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith("…")).toBe(true);
    const kept = long.slice(0, -1);
    expect(text.startsWith(kept) && text[kept.length]).toBe(" ");
  });
});

const SUBSET = unitsSubset(["56", "62"]);
afterAll(() => rmSync(SUBSET, { recursive: true, force: true }));

for (const backend of testBackends()) {
  describe(`proposals carried up on ${backend.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(backend, SUBSET);
    });
    afterAll(() => w?.database.close());

    async function reportWith(agencyId: number, unitId: number | null, proposals: string, others: { agencyId: number }[] = []) {
      const share = await buildAssignment(w.db, { agencyId, task: { unitId } });
      for (const other of others) await buildAssignment(w.db, { taskId: share.taskId, agencyId: other.agencyId, role: "support" });
      const reporter = await actorIn(w.db, { role: "agency_member", agencyId });
      const { report } = await fileReport({ db: w.db, actor: reporter }, { assignmentId: share.id, results: "Đã triển khai.", proposals, now: NOW });
      return { share, report, reporter };
    }

    it("makes the proposal a proposed task of the assigning unit, led by its People's Committee, once", async () => {
      const { report, share, reporter } = await reportWith(w.soYTe, w.khanhHoa, PROPOSAL);
      const proposed = await proposeUpward({ db: w.db, actor: reporter }, { reportId: report.id, now: NOW });
      expect(proposed).toMatchObject({ created: true, status: "proposed", unitId: w.khanhHoa, originReportId: report.id, text: PROPOSAL, lead: { id: w.ubndKhanhHoa, fullName: "Ủy ban nhân dân tỉnh Khánh Hòa" } });
      expect(proposed.title).toBe(proposalTitle(PROPOSAL));
      const [row] = await w.db.select().from(tasks).where(eq(tasks.id, proposed.id));
      expect(row).toMatchObject({ status: "proposed", provinceId: w.khanhHoa, districtId: null, originReportId: report.id, documentId: null, createdAt: NOW });
      expect(await w.db.select({ agencyId: assignments.agencyId, role: assignments.role, provinceId: assignments.provinceId }).from(assignments).where(eq(assignments.taskId, proposed.id))).toEqual([{ agencyId: w.ubndKhanhHoa, role: "lead", provinceId: w.khanhHoa }]);
      const audit = await w.db.select({ action: auditLog.action, objectType: auditLog.objectType }).from(auditLog).where(eq(auditLog.objectId, String(proposed.id)));
      expect(audit).toContainEqual({ action: "task.propose", objectType: "task" });

      const again = await proposeUpward({ db: w.db, actor: reporter }, { reportId: report.id, now: NOW });
      expect(again).toMatchObject({ id: proposed.id, created: false, lead: { id: w.ubndKhanhHoa } });
      expect(await w.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.originReportId, report.id))).toHaveLength(1);
      expect(share.taskId).not.toBe(proposed.id);
    });

    it("carries a commune's proposal one level up, to the district that assigned the work", async () => {
      const commune = await childUnit(w.db, w.district);
      const ubndCommune = await agencyOf(w.db, commune, "ubnd");
      const { report } = await reportWith(ubndCommune, w.district, "Kiến nghị huyện hỗ trợ thêm 2 cán bộ y tế cho trạm y tế xã.");
      const districtOffice = await actorIn(w.db, { role: "office", unitId: w.district });
      const proposed = await proposeUpward({ db: w.db, actor: districtOffice }, { reportId: report.id, now: NOW });
      expect(proposed).toMatchObject({ unitId: w.district, lead: { id: w.ubndDistrict } });
      const [row] = await w.db.select().from(tasks).where(eq(tasks.id, proposed.id));
      expect(row).toMatchObject({ provinceId: w.khanhHoa, districtId: w.district, communeId: null });
    });

    it("leads with the agency the caller names, and needs one when the assigning level has no People's Committee", async () => {
      const { report } = await reportWith(w.soYTe, w.khanhHoa, PROPOSAL);
      const office = await actorIn(w.db, { role: "office", unitId: w.khanhHoa });
      const proposed = await proposeUpward({ db: w.db, actor: office }, { reportId: report.id, leadAgencyId: w.soTaiChinh, title: "Bổ sung kinh phí", now: NOW });
      expect(proposed).toMatchObject({ title: "Bổ sung kinh phí", lead: { id: w.soTaiChinh } });
      expect(await codeOf(proposeUpward({ db: w.db, actor: office }, { reportId: (await reportWith(w.soYTe, w.khanhHoa, PROPOSAL)).report.id, leadAgencyId: 99_999_999, now: NOW }))).toBe("NOT_FOUND");

      const central = await reportWith(w.soYTe, null, "Kiến nghị Bộ Y tế ban hành hướng dẫn.");
      const e = await errorOf(proposeUpward({ db: w.db, actor: central.reporter }, { reportId: central.report.id, now: NOW }));
      expect(e).toMatchObject({ code: "INVALID_INPUT", details: { fields: ["leadAgencyId"] } });
      const boYTe = await agencyOf(w.db, null, "bo-y-te");
      expect(await proposeUpward({ db: w.db, actor: central.reporter }, { reportId: central.report.id, leadAgencyId: boYTe, now: NOW })).toMatchObject({ unitId: null, lead: { id: boYTe } });
    });

    it("lets the reporting agency or a task manager propose; others FORBIDDEN, outsiders NOT_FOUND; no proposal INVALID_INPUT", async () => {
      const { report } = await reportWith(w.soYTe, w.khanhHoa, PROPOSAL, [{ agencyId: w.soGiaoDuc }]);
      const coAgency = await actorIn(w.db, { role: "agency_member", agencyId: w.soGiaoDuc });
      expect(await codeOf(proposeUpward({ db: w.db, actor: coAgency }, { reportId: report.id, now: NOW }))).toBe("FORBIDDEN");
      const viewer = await actorIn(w.db, { role: "viewer", agencyId: w.soYTe });
      expect(await codeOf(proposeUpward({ db: w.db, actor: viewer }, { reportId: report.id, now: NOW }))).toBe("FORBIDDEN");
      const unrelated = await actorIn(w.db, { role: "agency_member", agencyId: w.soTaiChinh });
      expect(await codeOf(proposeUpward({ db: w.db, actor: unrelated }, { reportId: report.id, now: NOW }))).toBe("NOT_FOUND");
      const konTum = await actorIn(w.db, { role: "office", unitId: w.konTum });
      expect(await codeOf(proposeUpward({ db: w.db, actor: konTum }, { reportId: report.id, now: NOW }))).toBe("NOT_FOUND");
      expect(await codeOf(proposeUpward({ db: w.db, actor: konTum }, { reportId: 0, now: NOW }))).toBe("NOT_FOUND");

      const quiet = await reportWith(w.soYTe, w.khanhHoa, "   ");
      const e = await errorOf(proposeUpward({ db: w.db, actor: quiet.reporter }, { reportId: quiet.report.id, now: NOW }));
      expect(e).toMatchObject({ code: "INVALID_INPUT", details: { fields: ["proposals"] } });
      expect(await w.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.originReportId, report.id)))).toHaveLength(0);
    });
  });
}
