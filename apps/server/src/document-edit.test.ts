/**
 * A reviewer corrects a document's header over HTTP: the office of Khánh Hòa edits the subject
 * and signer of 122-TB/TU; the detail, the search and the audit log follow; an edit on a stale
 * version answers 409, one without If-Match 428, a bad value 400 naming the field; a viewer is
 * refused (403) and Kon Tum's administrator does not find the document (404).
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
import { accountToken, injector } from "../../../test/support/auth.js";
import { buildApp } from "./app.js";

const SUBSET = unitsSubset(["56", "62"]);
const KHANH_HOA_122 = readFileSync(fileURLToPath(new URL("../../../samples/002_79799927f9410f28.txt", import.meta.url)));

function upload(name: string, content: Buffer): InjectOptions {
  const boundary = "----chidao-edit";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
  return { method: "POST", url: "/api/documents", payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const SUBJECT = "Kết luận về tiêm chủng vắc-xin ngừa cúm gia cầm cho học sinh";

describe.each(testBackends())("editing a document's record over HTTP on $name", (backend) => {
  let app: FastifyInstance;
  let registry: Registry;
  let asOffice: ReturnType<typeof injector>;
  let asViewer: ReturnType<typeof injector>;
  let asKonTum: ReturnType<typeof injector>;
  let id = "";

  beforeAll(async () => {
    registry = new Registry(await backend.open(), withWork());
    await importHierarchy(registry.db, SUBSET);
    app = await buildApp(registry);
    const province = async (code: string) => (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, code), eq(schema.units.list, "2021-11-01"))))[0]!.id;
    const khanhHoa = await province("56");
    asOffice = injector(app, await accountToken(registry.db, { username: "vp.khanhhoa", role: "office", unitId: khanhHoa }));
    asViewer = injector(app, await accountToken(registry.db, { username: "xem.khanhhoa", role: "viewer", unitId: khanhHoa }));
    asKonTum = injector(app, await accountToken(registry.db, { username: "admin.kontum", role: "admin", unitId: await province("62") }));
    id = (await asOffice(upload("122-TB-TU.txt", KHANH_HOA_122))).json().id;
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  it("edits subject and signer on the current version; detail, search and audit follow; a stale version answers 409", async () => {
    const before = await asOffice({ method: "GET", url: `/api/documents/${id}` });
    expect(before.statusCode).toBe(200);
    expect(before.json().version).toBe(1);
    expect(before.headers.etag).toBe('"v1"');
    expect(before.json().code).toMatch(/122/);

    const edited = await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: { subject: SUBJECT, signer: "Nguyễn Văn Thử" }, headers: { "if-match": '"v1"' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"v2"');
    const detail = edited.json();
    expect(detail.version).toBe(2);
    expect(detail.subject).toBe(SUBJECT);
    expect(detail.record.subject).toBe(SUBJECT);
    expect(detail.record.signer.name).toBe("Nguyễn Văn Thử");
    expect(detail.code).toBe(before.json().code);

    const found = (await asOffice({ method: "GET", url: `/api/documents?q=${encodeURIComponent("ngua cum gia cam")}` })).json();
    expect(found.items.map((d: { id: string }) => d.id)).toContain(id);

    const trail = await asOffice({ method: "GET", url: `/api/audit/document/${id}` });
    expect(trail.statusCode, trail.body).toBe(200);
    const entry = trail.json().find((e: { action: string }) => e.action === "document.edit");
    expect(entry).toBeTruthy();
    expect(entry.after).toMatchObject({ version: 2, subject: SUBJECT, signer: "Nguyễn Văn Thử" });
    expect(entry.before).toMatchObject({ version: 1 });
    expect(entry.before.subject).not.toBe(SUBJECT);

    const stale = await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: { subject: "Sửa trên bản cũ" }, headers: { "if-match": '"v1"' } });
    expect(stale.statusCode, stale.body).toBe(409);
    expect((await asOffice({ method: "GET", url: `/api/documents/${id}` })).json().subject).toBe(SUBJECT);
  });

  it("edits type, date, code and issuer into the row and the record", async () => {
    const current = (await asOffice({ method: "GET", url: `/api/documents/${id}` })).json();
    const res = await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: { typeCode: "KL", date: "2021-07-25", code: "122-KL/TU", place: "Nha Trang" }, headers: { "if-match": `"v${current.version}"` } });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.type).toEqual({ code: "KL", name: "Kết luận" });
    expect(d.date).toBe("2021-07-25");
    expect(d.code).toBe("122-KL/TU");
    expect(d.record).toMatchObject({ code: "122-KL/TU", date: "2021-07-25", place: "Nha Trang", type: { code: "KL" } });
    const [row] = await registry.db.select({ codeKey: schema.documents.codeKey, typeName: schema.documents.typeName }).from(schema.documents).where(eq(schema.documents.id, id));
    expect(row).toEqual({ codeKey: "122-KL/TU", typeName: "Kết luận" });
  });

  it("refuses an edit without If-Match (428), bad values naming the field (400), a viewer (403) and another province (404)", async () => {
    const { version } = (await asOffice({ method: "GET", url: `/api/documents/${id}` })).json();
    const ifMatch = { "if-match": `"v${version}"` };
    expect((await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: { subject: "Không có phiên bản" } })).statusCode).toBe(428);
    const badDate = await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: { date: "2021-02-30" }, headers: ifMatch });
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json())).toMatch(/Ngày ban hành/);
    expect(JSON.stringify(badDate.json())).toMatch(/Date/);
    const badType = await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: { typeCode: "XYZ" }, headers: ifMatch });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.message.vi).toMatch(/Loại văn bản/);
    expect((await asOffice({ method: "PATCH", url: `/api/documents/${id}`, payload: {}, headers: ifMatch })).statusCode).toBe(400);
    expect((await asViewer({ method: "PATCH", url: `/api/documents/${id}`, payload: { subject: "Người xem sửa" }, headers: ifMatch })).statusCode).toBe(403);
    expect((await asKonTum({ method: "PATCH", url: `/api/documents/${id}`, payload: { subject: "Tỉnh khác sửa" }, headers: ifMatch })).statusCode).toBe(404);
    const after = (await asOffice({ method: "GET", url: `/api/documents/${id}` })).json();
    expect(after.version).toBe(version);
  });
});
