/**
 * The task list as a spreadsheet: the office of Khánh Hòa gets its tasks from 122-TB/TU with
 * Vietnamese headers, the same rows GET /api/tasks answers for the same filters; an account of
 * Kon Tum gets none of them, filtered or not; above the row limit the export is refused with
 * the count, not truncated.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { schema } from "@chidao/db";
import { importHierarchy, Registry } from "@chidao/registry";
import { withWork } from "@chidao/work";
import { testBackends } from "../../../test/support/databases.js";
import { unitsSubset } from "../../../test/support/units-subset.js";
import { accountToken, adminToken, injector } from "../../../test/support/auth.js";
import { buildApp } from "./app.js";

const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../../../samples/${name}`, import.meta.url)));
const SUBSET = unitsSubset(["56", "62"]);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function upload(name: string, content: Buffer): InjectOptions {
  const boundary = "----chidao-export";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
  return { method: "POST", url: "/api/documents", payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

interface Item {
  id: number;
  title: string;
  status: string;
  version: number;
  lead: { id: number; name: string }[];
}

/** The sheet's rows as arrays of cell values (row 1: the headers). */
async function rowsOf(body: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(testBackends())("the task spreadsheet on $name", (backend) => {
  let app: FastifyInstance;
  let registry: Registry;
  let asOffice: ReturnType<typeof injector>;
  let asKonTum: ReturnType<typeof injector>;
  let doc122 = "";

  beforeAll(async () => {
    registry = new Registry(await backend.open(), withWork());
    await importHierarchy(registry.db, SUBSET);
    app = await buildApp(registry);
    const province = async (code: string) => (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, code), eq(schema.units.list, "2021-11-01"))))[0]!.id;
    asOffice = injector(app, await accountToken(registry.db, { username: "vp.khanhhoa", role: "office", unitId: await province("56") }));
    asKonTum = injector(app, await accountToken(registry.db, { username: "vp.kontum", role: "office", unitId: await province("62") }));
    const asAdmin = injector(app, await adminToken(registry.db));
    doc122 = (await asOffice(upload("122-TB-TU.txt", sample("002_79799927f9410f28.txt")))).json().id;
    await asAdmin(upload("283-TB-TU.txt", sample("003_324ba8a9e1a2bd09.txt")));
    // Some of 122's proposals go live, so the export holds more than one status.
    const proposed = (await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&status=proposed&limit=100` })).json().items as Item[];
    const withLead = proposed.filter((t) => t.lead.length > 0).slice(0, 3);
    expect((await asOffice({ method: "POST", url: "/api/tasks/confirm", payload: { tasks: withLead.map((t) => ({ id: t.id, version: t.version })) } })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  it("gives the office its tasks with Vietnamese headers, the rows the list answers for the same filters", async () => {
    const res = await asOffice({ method: "GET", url: `/api/tasks/export.xlsx?document=${doc122}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toContain(XLSX);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="nhiem-vu-\d{2}-\d{2}-\d{4}\.xlsx"$/);
    const [headers, ...rows] = await rowsOf(res.rawPayload);
    expect(headers).toEqual(["STT", "Mã nhiệm vụ", "Số hiệu", "Nhiệm vụ", "Văn bản", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Trạng thái", "Tiến độ (%)", "Quá hạn"]);
    const list = (await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&limit=500` })).json() as { items: Item[]; total: number };
    expect(rows.length).toBe(list.total);
    expect(rows.map((r) => r[1])).toEqual(list.items.map((t) => t.id));
    expect(rows.map((r) => r[3])).toEqual(list.items.map((t) => t.title));
    expect(rows.map((r) => r[5])).toEqual(list.items.map((t) => t.lead.map((a) => a.name).join("; ")));
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(["Đề xuất (chờ xác nhận)", "Chưa thực hiện"]));
    expect(rows.every((r) => typeof r[4] === "string" && /122/.test(r[4] as string))).toBe(true);
    expect(rows.flatMap((r) => [r[5], r[6]]).join(" ")).toContain("Sở Y tế tỉnh Khánh Hòa");

    const confirmed = await asOffice({ method: "GET", url: `/api/tasks/export.xlsx?document=${doc122}&status=open` });
    expect((await rowsOf(confirmed.rawPayload)).length - 1).toBe(3);
  });

  it("gives an account of Kon Tum none of Khánh Hòa's tasks", async () => {
    const khanhHoa = new Set(((await asOffice({ method: "GET", url: `/api/tasks?document=${doc122}&limit=500` })).json().items as Item[]).map((t) => t.id));
    const filtered = await asKonTum({ method: "GET", url: `/api/tasks/export.xlsx?document=${doc122}` });
    expect(filtered.statusCode).toBe(200);
    expect(await rowsOf(filtered.rawPayload)).toHaveLength(1);
    const all = await asKonTum({ method: "GET", url: "/api/tasks/export.xlsx" });
    expect(all.statusCode).toBe(200);
    const [, ...rows] = await rowsOf(all.rawPayload);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => khanhHoa.has(r[1] as number))).toEqual([]);
    expect(rows.flatMap((r) => [r[5], r[6]]).join(" ")).not.toContain("Khánh Hòa");
  });

  it("refuses above the row limit, naming the count, and validates the filters", async () => {
    const small = await buildApp(registry, { maxExportRows: 2 });
    try {
      const asOfficeSmall = injector(small, await accountToken(registry.db, { username: "vp2.khanhhoa", role: "office", unitId: (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, "56"), eq(schema.units.list, "2021-11-01"))))[0]!.id }));
      const res = await asOfficeSmall({ method: "GET", url: `/api/tasks/export.xlsx?document=${doc122}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: "INVALID_INPUT", details: { max: 2, total: expect.any(Number) } });
      expect(res.json().error.message.vi).toContain("thu hẹp bộ lọc");
    } finally {
      await small.close();
    }
    expect((await asOffice({ method: "GET", url: "/api/tasks/export.xlsx?status=late" })).statusCode).toBe(400);
  });
});
