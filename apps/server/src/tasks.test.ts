/**
 * The work over HTTP, from the sample directives: proposed tasks confirmed by the office; the
 * Khánh Hòa health department sees its tasks from 122-TB/TU and nothing of Kon Tum; a district
 * hands its share down to its communes and the roll-up shows a commune's progress; two edits
 * made on the same version: one wins, the other gets 409.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { and, eq } from "drizzle-orm";
import { schema } from "@chidao/db";
import { importHierarchy, Registry } from "@chidao/registry";
import { withWork } from "@chidao/work";
import { testBackends } from "../../../test/support/databases.js";
import { unitsSubset } from "../../../test/support/units-subset.js";
import { accountToken, adminToken, injector } from "../../../test/support/auth.js";
import { buildApp } from "./app.js";

const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../../../samples/${name}`, import.meta.url)));
const SUBSET = unitsSubset(["56", "62"]);

function upload(name: string, content: Buffer): InjectOptions {
  const boundary = "----chidao-tasks";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
  return { method: "POST", url: "/api/documents", payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

interface Item {
  id: number;
  documentId: string | null;
  status: string;
  version: number;
  lead: { id: number; name: string }[];
  support: { id: number; name: string }[];
}

describe.each(testBackends())("the work over HTTP on $name", (backend) => {
  let app: FastifyInstance;
  let registry: Registry;
  let asAdmin: ReturnType<typeof injector>;
  let asOffice: ReturnType<typeof injector>;
  let khanhHoa: number;
  let doc122 = "";
  let doc283 = "";
  const agencyOf = async (unitId: number, roleKey: string) => (await registry.db.select({ id: schema.agencies.id }).from(schema.agencies).where(and(eq(schema.agencies.unitId, unitId), eq(schema.agencies.roleKey, roleKey))))[0]!.id;

  beforeAll(async () => {
    registry = new Registry(await backend.open(), withWork());
    await importHierarchy(registry.db, SUBSET);
    app = await buildApp(registry);
    asAdmin = injector(app, await adminToken(registry.db));
    khanhHoa = (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, "56"), eq(schema.units.list, "2021-11-01"))))[0]!.id;
    asOffice = injector(app, await accountToken(registry.db, { username: "vp.khanhhoa", role: "office", unitId: khanhHoa }));
    doc122 = (await asOffice(upload("122-TB-TU.txt", sample("002_79799927f9410f28.txt")))).json().id;
    doc283 = (await asAdmin(upload("283-TB-TU.txt", sample("003_324ba8a9e1a2bd09.txt")))).json().id;
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  it("proposes the tasks of each directive with their lead agencies, and the office confirms them", async () => {
    const proposed = (await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&status=proposed&limit=100` })).json();
    expect(proposed.total).toBeGreaterThan(3);
    const leads = proposed.items.flatMap((t: Item) => t.lead.map((a) => a.name));
    expect(leads).toContain("Sở Y tế tỉnh Khánh Hòa");
    // Review: a task the parser found no agency for gets one (the province's People's Committee).
    const ubnd = await agencyOf(khanhHoa, "ubnd");
    const reviewed: Item[] = [];
    for (const t of proposed.items as Item[]) {
      if (t.lead.length + t.support.length > 0) reviewed.push(t);
      else reviewed.push((await asOffice({ method: "PATCH", url: `/api/tasks/${t.id}`, payload: { lead: [ubnd] }, headers: { "if-match": `"v${t.version}"` } })).json());
    }
    const confirmed = await asOffice({ method: "POST", url: "/api/tasks/confirm", payload: { tasks: reviewed.map((t) => ({ id: t.id, version: t.version })) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().every((t: Item) => t.status === "open")).toBe(true);
    // The office of Khánh Hòa cannot confirm Kon Tum's proposals.
    const konTum = (await asAdmin({ method: "GET", url: `/api/tasks?document=${doc283}&status=proposed` })).json();
    expect(konTum.total).toBeGreaterThan(0);
    const refused = await asOffice({ method: "POST", url: "/api/tasks/confirm", payload: { tasks: [{ id: konTum.items[0].id, version: konTum.items[0].version }] } });
    expect(refused.statusCode).toBe(404);
  });

  it("shows the Khánh Hòa health department its tasks from 122-TB/TU and nothing of Kon Tum", async () => {
    const soYTe = await agencyOf(khanhHoa, "so-y-te");
    const asHealth = injector(app, await accountToken(registry.db, { username: "syt.khanhhoa", role: "agency_member", agencyId: soYTe }));
    const mine = (await asHealth({ method: "GET", url: "/api/tasks?limit=500" })).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((t: Item) => t.documentId === doc122)).toBe(true);
    expect(mine.items.every((t: Item) => [...t.lead, ...t.support].some((a) => a.id === soYTe))).toBe(true);
    const open = (await asHealth({ method: "GET", url: `/api/agencies/${soYTe}/tasks` })).json();
    expect(open.total).toBe(mine.items.filter((t: Item) => t.status !== "proposed").length);
    expect((await asHealth({ method: "GET", url: `/api/documents/${doc283}` })).statusCode).toBe(404);
    const any283 = (await asAdmin({ method: "GET", url: `/api/tasks?document=${doc283}` })).json().items[0];
    expect((await asHealth({ method: "GET", url: `/api/tasks/${any283.id}` })).statusCode).toBe(404);
  });

  it("lets a district hand its share down to its communes, and rolls a commune's progress up", async () => {
    const tasks = (await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&status=open&limit=100` })).json().items as Item[];
    const districtTask = tasks.find((t) => t.lead.some((a) => /^Ủy ban nhân dân (huyện|thị xã|thành phố)/u.test(a.name)))!;
    expect(districtTask, "a task led by the districts' People's Committees").toBeDefined();
    const detail = (await asOffice({ method: "GET", url: `/api/tasks/${districtTask.id}` })).json();
    const share = detail.shares.find((s: { agency: { name: string } }) => /Khánh Vĩnh/u.test(s.agency.name));
    const [district] = await registry.db.select({ unitId: schema.agencies.unitId }).from(schema.agencies).where(eq(schema.agencies.id, share.agency.id));
    const asDistrict = injector(app, await accountToken(registry.db, { username: "ubnd.khanhvinh", role: "agency_member", agencyId: share.agency.id }));
    const delegated = await asDistrict({ method: "POST", url: `/api/assignments/${share.id}/delegate`, payload: { targets: { role: "ubnd", level: "commune" } } });
    expect(delegated.statusCode).toBe(201);
    const created = delegated.json().created as Item[];
    const communes = await registry.db.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.parentId, district!.unitId!));
    expect(created.length).toBe(communes.length);
    const sub = (await asDistrict({ method: "GET", url: `/api/tasks/${created[0]!.id}` })).json();
    const communeShare = sub.shares[0];
    const asCommune = injector(app, await accountToken(registry.db, { username: "ubnd.xa1", role: "agency_member", agencyId: communeShare.agency.id }));
    const done = await asCommune({ method: "PATCH", url: `/api/assignments/${communeShare.id}`, payload: { status: "done", percent: 100 }, headers: { "if-match": `"v${communeShare.version}"` } });
    expect(done.statusCode).toBe(200);
    const after = (await asOffice({ method: "GET", url: `/api/tasks/${districtTask.id}` })).json();
    const rolled = after.shares.find((s: { id: number }) => s.id === share.id);
    expect(rolled.percent).toBeCloseTo(100 / created.length, 0);
    expect(after.percent).toBeGreaterThan(0);
    // Another commune's account cannot touch the first commune's share.
    const other = created[1]!;
    const otherShare = (await asDistrict({ method: "GET", url: `/api/tasks/${other.id}` })).json().shares[0];
    expect((await asCommune({ method: "PATCH", url: `/api/assignments/${otherShare.id}`, payload: { percent: 50 }, headers: { "if-match": `"v${otherShare.version}"` } })).statusCode).toBe(404);
  });

  it("lets one of two edits made on the same version win; the other gets 409", async () => {
    const task = (await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&status=open` })).json().items[0] as Item;
    const edit = (title: string) => asOffice({ method: "PATCH", url: `/api/tasks/${task.id}`, payload: { title }, headers: { "if-match": `"v${task.version}"` } });
    const [a, b] = await Promise.all([edit("Bản sửa A"), edit("Bản sửa B")]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: "CONFLICT", message: { vi: expect.any(String), en: expect.any(String) } });
    const now = (await asOffice({ method: "GET", url: `/api/tasks/${task.id}` })).json();
    expect(now.version).toBe(task.version + 1);
    expect(["Bản sửa A", "Bản sửa B"]).toContain(now.title);
    const history = (await asOffice({ method: "GET", url: `/api/audit/task/${task.id}` })).json() as { action: string; actor: { name: string }; after: { title?: string } }[];
    const updates = history.filter((h) => h.action === "task.update");
    expect(updates.at(-1)).toMatchObject({ actor: { name: "vp.khanhhoa" }, after: { title: now.title } });
    expect(["task.propose", "task.delegate", "task.create"]).toContain(history[0]!.action);
  });

  it("takes a report in the documents' form with an attachment, and the directive's summary names who reported", async () => {
    const soYTe = await agencyOf(khanhHoa, "so-y-te");
    const task = ((await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&agency=${soYTe}&role=lead&status=open` })).json().items as Item[])[0]!;
    const share = (await asOffice({ method: "GET", url: `/api/tasks/${task.id}` })).json().shares.find((s: { agency: { id: number } }) => s.agency.id === soYTe);
    const asHealth = injector(app, await accountToken(registry.db, { username: "syt2.khanhhoa", role: "agency_member", agencyId: soYTe }));
    const boundary = "----chidao-report";
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(field("results", "Đã xét nghiệm 12.000 mẫu") + field("difficulties", "Thiếu sinh phẩm") + field("proposals", "Đề nghị cấp bổ sung 5.000 test nhanh") + field("percent", "60")),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Báo cáo tuần.txt"\r\nContent-Type: text/plain\r\n\r\nSố liệu xét nghiệm\r\n--${boundary}--\r\n`),
    ]);
    const filed = await asHealth({ method: "POST", url: `/api/assignments/${share.id}/reports`, payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(filed.statusCode, filed.body).toBe(201);
    const { report } = filed.json();
    expect(report).toMatchObject({ results: "Đã xét nghiệm 12.000 mẫu", difficulties: "Thiếu sinh phẩm", percent: 60, attachments: [{ fileName: "Báo cáo tuần.txt" }] });
    const file = await asOffice({ method: "GET", url: `/api/reports/${report.id}/attachments/${report.attachments[0].sha256}` });
    expect(file.body).toBe("Số liệu xét nghiệm");
    const rolled = (await asOffice({ method: "GET", url: `/api/tasks/${task.id}` })).json();
    expect(rolled.percent, JSON.stringify(rolled.shares.map((s: { role: string; percent: number; status: string }) => [s.role, s.status, s.percent]))).toBeGreaterThan(0);
    const summary = (await asOffice({ method: "GET", url: `/api/documents/${doc122}/summary` })).json();
    expect(summary.totals.reported).toBeGreaterThanOrEqual(1);
    expect(summary.totals.silent).toBeGreaterThan(0);
    const upward = await asOffice({ method: "POST", url: `/api/reports/${report.id}/propose-upward`, payload: {} });
    expect(upward.statusCode, upward.body).toBe(201);
    expect(upward.json()).toMatchObject({ status: "proposed", originReportId: report.id });
  });

  it("ranks the province's overdue work", async () => {
    const res = await asOffice({ method: "GET", url: "/api/overdue?by=unit" });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toMatchObject({ id: khanhHoa, level: "province" });
  });

  it("answers the province's dashboard in one request, and refuses another province's", async () => {
    const res = await asOffice({ method: "GET", url: "/api/dashboard" });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.unit).toMatchObject({ id: khanhHoa, level: "province" });
    expect(d.status.total).toBeGreaterThan(0);
    expect(d.completion).toHaveLength(12);
    expect(d.directives.items.map((i: { id: string }) => i.id)).toContain(doc122);
    expect(d.directives.items.map((i: { id: string }) => i.id)).not.toContain(doc283);
    const konTum = (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, "62"), eq(schema.units.list, "2021-11-01"))))[0]!.id;
    expect((await asOffice({ method: "GET", url: `/api/dashboard?unitId=${konTum}` })).statusCode).toBe(403);
  });
});
