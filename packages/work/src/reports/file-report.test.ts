import { rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { schema } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { unitsSubset } from "../../../../test/support/units-subset.js";
import { actorIn, buildAssignment, buildUser } from "../__tests__/factories.js";
import { codeOf, errorOf, openWorld, type World } from "../__tests__/world.js";
import { prepareAttachments } from "./attachments.js";
import { fileReport, reportIssues, shareAfterReport } from "./file-report.js";

const { assignments, reports, reportAttachments, files, auditLog } = schema;
const NOW = new Date("2025-03-13T03:00:00Z");
const bytes = (text: string) => new TextEncoder().encode(text);
/** Why the database refused a statement (drizzle wraps the driver's error as the cause). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return `${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ""}`;
  }
  return "accepted";
}
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("a share after a report", () => {
  it("is done at 100 %, in progress when work is under way, as it was without a percent", () => {
    expect(shareAfterReport({ status: "open", percent: 0 }, 40)).toEqual({ status: "in_progress", percent: 40 });
    expect(shareAfterReport({ status: "in_progress", percent: 40 }, 100)).toEqual({ status: "done", percent: 100 });
    expect(shareAfterReport({ status: "open", percent: 0 }, 100)).toEqual({ status: "done", percent: 100 });
    expect(shareAfterReport({ status: "open", percent: 0 }, 0)).toEqual({ status: "open", percent: 0 });
    expect(shareAfterReport({ status: "in_progress", percent: 40 }, null)).toEqual({ status: "in_progress", percent: 40 });
    expect(shareAfterReport({ status: "done", percent: 100 }, null)).toEqual({ status: "done", percent: 100 });
    expect(shareAfterReport({ status: "done", percent: 100 }, 80)).toEqual({ status: "in_progress", percent: 80 });
  });
});

describe("report input", () => {
  it("names all three parts when none is written, and a bad percent", () => {
    const paths = (o: Parameters<typeof reportIssues>[0]) => reportIssues(o).map((i) => i.path);
    expect(paths({})).toEqual(["results", "difficulties", "proposals"]);
    expect(paths({ results: "  ", difficulties: "\n", percent: 101 })).toEqual(["results", "difficulties", "proposals", "percent"]);
    expect(paths({ proposals: "Đề nghị bổ sung kinh phí.", percent: 2.5 })).toEqual(["percent"]);
    expect(paths({ results: "Xong.", percent: -1 })).toEqual(["percent"]);
    expect(paths({ results: "Xong.", percent: 0 })).toEqual([]);
    expect(paths({ results: "Xong.", attachments: [{ bytes: bytes("x"), fileName: " / " }] })).toEqual(["attachments[0].fileName"]);
    expect(paths({ results: "Xong.", attachments: [{ bytes: bytes("x"), fileName: "a" }, { bytes: bytes("y"), fileName: "b" }], limits: { maxBytes: 10, maxFiles: 1 } })).toEqual(["attachments"]);
  });

  it("refuses empty and oversized files, keeps one copy of the same bytes and drops folders from names", () => {
    expect(() => prepareAttachments([{ bytes: new Uint8Array(), fileName: "trong.pdf" }])).toThrow(expect.objectContaining({ code: "FILE_EMPTY" }));
    expect(() => prepareAttachments([{ bytes: bytes("12345"), fileName: "lon.pdf" }], { maxBytes: 4, maxFiles: 5 })).toThrow(expect.objectContaining({ code: "FILE_TOO_LARGE" }));
    const kept = prepareAttachments([
      { bytes: bytes("biên bản"), fileName: "C:\\Users\\vt\\bien-ban.pdf" },
      { bytes: bytes("biên bản"), fileName: "ban-sao.pdf" },
    ]);
    expect(kept).toEqual([expect.objectContaining({ fileName: "bien-ban.pdf", sha256: sha("biên bản"), mediaType: "application/pdf", size: bytes("biên bản").length })]);
  });
});

const SUBSET = unitsSubset(["56", "62"]);
afterAll(() => rmSync(SUBSET, { recursive: true, force: true }));

for (const backend of testBackends()) {
  describe(`filing reports on ${backend.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(backend, SUBSET);
    });
    afterAll(() => w?.database.close());

    const auditOf = (objectType: "report" | "assignment", objectId: number) =>
      w.db.select().from(auditLog).where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, String(objectId)))).orderBy(auditLog.id);

    it("files a report: the share's percent, status and last report move, and both changes are audited", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const actor = await buildUser(w.db, { role: "agency_member", agencyId: w.soYTe, displayName: "Nguyễn Thị Lan" });
      const filed = await fileReport({ db: w.db, actor }, { assignmentId: share.id, results: " Đã kiểm tra 12 cơ sở. ", difficulties: "Thiếu nhân lực.", percent: 40, now: NOW });
      expect(filed.share).toEqual({ id: share.id, taskId: share.taskId, status: "in_progress", percent: 40, lastReportAt: NOW.toISOString() });
      expect(filed.report).toMatchObject({
        taskId: share.taskId,
        assignmentId: share.id,
        agency: { id: w.soYTe, name: "Sở Y tế", fullName: "Sở Y tế tỉnh Khánh Hòa" },
        author: { id: actor.userId, name: "Nguyễn Thị Lan" },
        results: "Đã kiểm tra 12 cơ sở.",
        difficulties: "Thiếu nhân lực.",
        proposals: "",
        percent: 40,
        createdAt: NOW.toISOString(),
        attachments: [],
      });
      const [row] = await w.db.select().from(assignments).where(eq(assignments.id, share.id));
      expect(row).toMatchObject({ status: "in_progress", percent: 40, lastReportAt: NOW, version: 2 });

      const [created] = await auditOf("report", filed.report.id);
      expect(created).toMatchObject({ action: "report.create", actorId: actor.userId, actorName: actor.name, after: expect.objectContaining({ assignmentId: share.id, percent: 40, results: "Đã kiểm tra 12 cơ sở." }) });
      const [changed] = await auditOf("assignment", share.id);
      expect(changed).toMatchObject({
        action: "assignment.update",
        before: { status: "open", percent: 0, lastReportAt: null },
        after: { status: "in_progress", percent: 40, lastReportAt: NOW.toISOString(), reportId: filed.report.id },
      });

      const later = new Date(NOW.getTime() + 86_400_000);
      expect((await fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Hoàn thành.", percent: 100, now: later })).share).toMatchObject({ status: "done", percent: 100 });
      expect((await fileReport({ db: w.db, actor }, { assignmentId: share.id, proposals: "Đề nghị khen thưởng.", now: later })).share).toMatchObject({ status: "done", percent: 100 });
      expect((await fileReport({ db: w.db, actor }, { assignmentId: share.id, difficulties: "Phát sinh 2 cơ sở mới.", percent: 80, now: later })).share).toMatchObject({ status: "in_progress", percent: 80 });
      expect(await auditOf("assignment", share.id)).toHaveLength(4);
    });

    it("takes the caller's task lock first and runs its hook inside the transaction; a failing hook undoes the whole report", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const actor = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const seen: { id: number; percent: number | undefined }[] = [];
      const locked: number[] = [];
      await fileReport(
        { db: w.db, actor },
        {
          assignmentId: share.id,
          results: "Đã triển khai.",
          percent: 30,
          now: NOW,
          lockTask: async (_tx, taskId) => {
            expect(seen).toEqual([]);
            locked.push(taskId);
          },
          onShareChanged: async (tx, id) => {
            const [s] = await tx.select({ percent: assignments.percent }).from(assignments).where(eq(assignments.id, id));
            seen.push({ id, percent: s?.percent });
          },
        },
      );
      expect(locked).toEqual([share.taskId]);
      expect(seen).toEqual([{ id: share.id, percent: 30 }]);
      const outsider = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTeKonTum });
      expect(await codeOf(fileReport({ db: w.db, actor: outsider }, { assignmentId: share.id, results: "x", now: NOW, lockTask: async (_tx, taskId) => void locked.push(taskId) }))).toBe("NOT_FOUND");
      expect(locked).toEqual([share.taskId]);

      const failing = fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Lần hai.", percent: 90, now: NOW, attachments: [{ bytes: bytes("hook rollback"), fileName: "x.txt" }], onShareChanged: () => Promise.reject(new Error("roll-up failed")) });
      await expect(failing).rejects.toThrow("roll-up failed");
      expect(await w.db.select({ id: reports.id }).from(reports).where(eq(reports.assignmentId, share.id))).toHaveLength(1);
      expect((await w.db.select().from(assignments).where(eq(assignments.id, share.id)))[0]).toMatchObject({ percent: 30, version: 2 });
      expect(await w.db.select().from(files).where(eq(files.sha256, sha("hook rollback")))).toHaveLength(0);
      expect(await auditOf("assignment", share.id)).toHaveLength(1);
    });

    it("answers NOT_FOUND for a share outside the account's jurisdiction, FORBIDDEN for a viewer", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const report = { assignmentId: share.id, results: "Đã làm.", now: NOW };
      const konTumAgency = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTeKonTum });
      const konTumOffice = await actorIn(w.db, { role: "office", unitId: w.konTum });
      const otherAgency = await actorIn(w.db, { role: "agency_member", agencyId: w.soGiaoDuc });
      const districtOffice = await actorIn(w.db, { role: "office", unitId: w.district });
      for (const actor of [konTumAgency, konTumOffice, otherAgency, districtOffice]) expect(await codeOf(fileReport({ db: w.db, actor }, report))).toBe("NOT_FOUND");
      const konTumAdmin = await actorIn(w.db, { role: "admin", unitId: w.konTum });
      expect(await codeOf(fileReport({ db: w.db, actor: konTumAdmin }, report))).toBe("NOT_FOUND");
      const viewer = await actorIn(w.db, { role: "viewer", agencyId: w.soYTe });
      expect(await codeOf(fileReport({ db: w.db, actor: viewer }, report))).toBe("FORBIDDEN");
      const provinceOffice = await actorIn(w.db, { role: "office", unitId: w.khanhHoa });
      expect(await codeOf(fileReport({ db: w.db, actor: provinceOffice }, { ...report, assignmentId: 987_654_321 }))).toBe("NOT_FOUND");
      expect((await fileReport({ db: w.db, actor: provinceOffice }, report)).share.lastReportAt).toBe(NOW.toISOString());
      expect(await w.db.select({ id: reports.id }).from(reports).where(eq(reports.assignmentId, share.id))).toHaveLength(1);
    });

    it("stores an attachment once by its content, whatever it is called and however often it is sent", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const actor = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const minutes = `Biên bản kiểm tra ${backend.name}`;
      const first = await fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Đợt 1.", now: NOW, attachments: [{ bytes: bytes(minutes), fileName: "bien-ban.pdf" }, { bytes: bytes("bảng số liệu"), fileName: "so-lieu.xlsx" }] });
      const second = await fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Đợt 2.", now: NOW, attachments: [{ bytes: bytes(minutes), fileName: "bien-ban-dot-2.pdf" }] });
      expect(first.report.attachments).toEqual([
        { sha256: sha(minutes), fileName: "bien-ban.pdf", size: bytes(minutes).length, mediaType: "application/pdf" },
        { sha256: sha("bảng số liệu"), fileName: "so-lieu.xlsx", size: bytes("bảng số liệu").length, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      ]);
      expect(second.report.attachments).toEqual([expect.objectContaining({ sha256: sha(minutes), fileName: "bien-ban-dot-2.pdf" })]);
      const stored = await w.db.select({ sha256: files.sha256, content: files.content }).from(files).where(inArray(files.sha256, [sha(minutes), sha("bảng số liệu")]));
      expect(stored).toHaveLength(2);
      expect(Buffer.from(stored.find((f) => f.sha256 === sha(minutes))!.content).toString()).toBe(minutes);
      const links = await w.db.select().from(reportAttachments).where(inArray(reportAttachments.reportId, [first.report.id, second.report.id]));
      expect(links).toHaveLength(3);
    });

    it("refuses an empty report with INVALID_INPUT naming the fields, and writes nothing", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const actor = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const empty = await errorOf(fileReport({ db: w.db, actor }, { assignmentId: share.id, results: " ", percent: 120, now: NOW }));
      expect(empty.code).toBe("INVALID_INPUT");
      expect(empty.details.fields).toEqual(["results", "difficulties", "proposals", "percent"]);
      expect(empty.vi).toContain("kết quả");
      const blankFile = await errorOf(fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Đã làm.", now: NOW, attachments: [{ bytes: new Uint8Array(), fileName: "trong.pdf" }] }));
      expect(blankFile).toMatchObject({ code: "FILE_EMPTY", details: { file: "trong.pdf" } });
      expect(await w.db.select({ id: reports.id }).from(reports).where(eq(reports.assignmentId, share.id))).toHaveLength(0);
      expect((await w.db.select().from(assignments).where(eq(assignments.id, share.id)))[0]).toMatchObject({ version: 1, lastReportAt: null });
    });

    it("takes no report on a task not yet confirmed or on cancelled work", async () => {
      const actor = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const proposed = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa, status: "proposed" } });
      const cancelled = await buildAssignment(w.db, { agencyId: w.soYTe, status: "cancelled", task: { unitId: w.khanhHoa } });
      for (const share of [proposed, cancelled]) {
        const e = await errorOf(fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Đã làm.", now: NOW }));
        expect(e).toMatchObject({ code: "INVALID_INPUT", details: { fields: ["assignmentId"] } });
      }
    });

    it("keeps the audit log append-only: UPDATE and DELETE of a report's entry are refused", async () => {
      const share = await buildAssignment(w.db, { agencyId: w.soYTe, task: { unitId: w.khanhHoa } });
      const actor = await actorIn(w.db, { role: "agency_member", agencyId: w.soYTe });
      const { report } = await fileReport({ db: w.db, actor }, { assignmentId: share.id, results: "Đã làm.", now: NOW });
      const [entry] = await auditOf("report", report.id);
      expect(await refusal(w.db.update(auditLog).set({ actorName: "someone else" }).where(eq(auditLog.id, entry!.id)))).toMatch(/append-only \(UPDATE refused\)/);
      expect(await refusal(w.db.execute(sql`delete from audit_log where id = ${entry!.id}`))).toMatch(/append-only \(DELETE refused\)/);
      expect((await auditOf("report", report.id))[0]).toMatchObject({ actorName: actor.name });
    });
  });
}
