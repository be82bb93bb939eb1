/**
 * Every API route, asked by an account of another province about Khánh Hòa's objects, refuses
 * (404, or 403 where the object is not secret but the change is not allowed). The table is
 * checked against the routes the app registers: a new route without a row here fails the test.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { and, eq } from "drizzle-orm";
import { schema } from "@chidao/db";
import { importHierarchy, Registry } from "@chidao/registry";
import { testBackends } from "../../../test/support/databases.js";
import { unitsSubset } from "../../../test/support/units-subset.js";
import { accountToken, adminToken, injector } from "../../../test/support/auth.js";
import { withWork } from "@chidao/work";
import { buildApp } from "./app.js";

const SUBSET = unitsSubset(["56", "62"]);
const KHANH_HOA_122 = readFileSync(fileURLToPath(new URL("../../../samples/002_79799927f9410f28.txt", import.meta.url)));

/** Khánh Hòa's objects, made by its own administrator. */
interface Fixture {
  documentId: string;
  sha256: string;
  agencyId: number;
  aliasId: number;
  mentionId: number;
  userId: number;
  tokenId: number;
  /** A task proposed from 122-TB/TU, and one of its shares. */
  taskId: number;
  assignmentId: number;
  provinceId: number;
  reportId: number;
}

type Expectation =
  /** The outsider must not get the object: these statuses only. */
  | { refuse: number[] }
  /** A list: answers 200 without the object's id in it. */
  | { listWithout: (f: Fixture) => string | number }
  /** Not about a jurisdiction's object: any signed-in account may (say why). */
  | { open: string };

interface Row {
  request: (f: Fixture) => InjectOptions;
  expect: Expectation;
}

const json = (method: InjectOptions["method"], url: string, payload?: object): InjectOptions => ({ method, url, ...(payload ? { payload } : {}) });

function upload(name: string, content: Buffer): InjectOptions {
  const boundary = "----chidao-authz";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
  return { method: "POST", url: "/api/documents", payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** "METHOD /path/:param" as Fastify registers it → how the outsider asks, and what it must get. */
const TABLE: Record<string, Row> = {
  "POST /api/documents": { request: () => upload("x.txt", KHANH_HOA_122), expect: { open: "uploading is not about an existing object; the same bytes answer the existing id only to readers who can see it (checked below)" } },
  "GET /api/documents": { request: () => json("GET", "/api/documents?q=Khanh%20Hoa"), expect: { listWithout: (f) => f.documentId } },
  "GET /api/documents/:id": { request: (f) => json("GET", `/api/documents/${f.documentId}`), expect: { refuse: [404] } },
  "PATCH /api/documents/:id": { request: (f) => ({ ...json("PATCH", `/api/documents/${f.documentId}`, { subject: "Sửa trộm" }), headers: { "if-match": '"v1"' } }), expect: { refuse: [404] } },
  "GET /api/documents/:id/cascade": { request: (f) => json("GET", `/api/documents/${f.documentId}/cascade?direction=up`), expect: { refuse: [404] } },
  "GET /api/documents/:id/mentions": { request: (f) => json("GET", `/api/documents/${f.documentId}/mentions`), expect: { refuse: [404] } },
  "GET /api/files/:sha256": { request: (f) => json("GET", `/api/files/${f.sha256}`), expect: { refuse: [404] } },
  "GET /api/units": { request: () => json("GET", "/api/units?q=Kh%C3%A1nh%20H%C3%B2a"), expect: { open: "the administrative hierarchy is public reference data" } },
  "GET /api/units/:id": { request: () => json("GET", "/api/units/1"), expect: { open: "the administrative hierarchy is public reference data" } },
  "GET /api/agencies": { request: () => json("GET", "/api/agencies?q=S%E1%BB%9F%20Y%20t%E1%BA%BF"), expect: { open: "the directory of agencies is public reference data" } },
  "GET /api/agencies/:id": { request: (f) => json("GET", `/api/agencies/${f.agencyId}`), expect: { open: "the directory of agencies is public reference data" } },
  "POST /api/agencies": { request: () => json("POST", "/api/agencies", { unitId: 1, name: "Ban Quản lý thử", kind: "other" }), expect: { refuse: [403] } },
  "PATCH /api/agencies/:id": { request: (f) => json("PATCH", `/api/agencies/${f.agencyId}`, { name: "Sở Y tế mới" }), expect: { refuse: [403] } },
  "POST /api/agencies/:id/aliases": { request: (f) => json("POST", `/api/agencies/${f.agencyId}/aliases`, { alias: "SYT" }), expect: { refuse: [403] } },
  "DELETE /api/aliases/:id": { request: (f) => json("DELETE", `/api/aliases/${f.aliasId}`), expect: { refuse: [403] } },
  "GET /api/review": { request: () => json("GET", "/api/review?limit=200"), expect: { listWithout: (f) => f.documentId } },
  "POST /api/review/:mentionId": { request: (f) => json("POST", `/api/review/${f.mentionId}`, { agencyIds: [f.agencyId] }), expect: { refuse: [404] } },
  "POST /api/auth/login": { request: () => json("POST", "/api/auth/login", { username: "admin.khanhhoa", password: "wrong-password" }), expect: { refuse: [401] } },
  "POST /api/auth/logout": { request: () => json("POST", "/api/auth/logout"), expect: { open: "ends the caller's own session" } },
  "GET /api/auth/me": { request: () => json("GET", "/api/auth/me"), expect: { open: "the caller's own account" } },
  "GET /api/users": { request: () => json("GET", "/api/users"), expect: { listWithout: (f) => f.userId } },
  "POST /api/users": { request: (f) => json("POST", "/api/users", { username: "intruder", role: "admin", agencyId: f.agencyId }), expect: { refuse: [403] } },
  "GET /api/users/:id": { request: (f) => json("GET", `/api/users/${f.userId}`), expect: { refuse: [404] } },
  "PATCH /api/users/:id": { request: (f) => ({ ...json("PATCH", `/api/users/${f.userId}`, { role: "viewer" }), headers: { "if-match": '"v1"' } }), expect: { refuse: [404] } },
  "GET /api/users/:id/tokens": { request: (f) => json("GET", `/api/users/${f.userId}/tokens`), expect: { refuse: [404] } },
  "POST /api/users/:id/tokens": { request: (f) => json("POST", `/api/users/${f.userId}/tokens`, { name: "stolen" }), expect: { refuse: [404] } },
  "DELETE /api/tokens/:id": { request: (f) => json("DELETE", `/api/tokens/${f.tokenId}`), expect: { refuse: [404] } },
  "GET /api/tasks": { request: () => json("GET", "/api/tasks?limit=500"), expect: { listWithout: (f) => f.taskId } },
  "POST /api/tasks": { request: (f) => json("POST", "/api/tasks", { text: "Giao việc sang tỉnh khác", lead: [f.agencyId] }), expect: { refuse: [403, 404] } },
  "GET /api/tasks/export.xlsx": { request: (f) => json("GET", `/api/tasks/export.xlsx?document=${f.documentId}`), expect: { open: "a spreadsheet of the caller's own jurisdiction only (export.test.ts: Kon Tum gets none of Khánh Hòa's tasks)" } },
  "GET /api/tasks/:id": { request: (f) => json("GET", `/api/tasks/${f.taskId}`), expect: { refuse: [404] } },
  "PATCH /api/tasks/:id": { request: (f) => ({ ...json("PATCH", `/api/tasks/${f.taskId}`, { title: "Sửa trộm" }), headers: { "if-match": '"v1"' } }), expect: { refuse: [404] } },
  "POST /api/tasks/:id/split": { request: (f) => ({ ...json("POST", `/api/tasks/${f.taskId}/split`, { parts: [{ text: "một" }, { text: "hai" }] }), headers: { "if-match": '"v1"' } }), expect: { refuse: [404] } },
  "POST /api/tasks/merge": { request: (f) => json("POST", "/api/tasks/merge", { tasks: [{ id: f.taskId, version: 1 }, { id: f.taskId + 1, version: 1 }] }), expect: { refuse: [404] } },
  "POST /api/tasks/:id/drop": { request: (f) => ({ ...json("POST", `/api/tasks/${f.taskId}/drop`), headers: { "if-match": '"v1"' } }), expect: { refuse: [404] } },
  "POST /api/tasks/confirm": { request: (f) => json("POST", "/api/tasks/confirm", { tasks: [{ id: f.taskId, version: 1 }] }), expect: { refuse: [404] } },
  "GET /api/agencies/:id/tasks": { request: (f) => json("GET", `/api/agencies/${f.agencyId}/tasks`), expect: { refuse: [403, 404] } },
  "PATCH /api/assignments/:id": { request: (f) => ({ ...json("PATCH", `/api/assignments/${f.assignmentId}`, { percent: 100 }), headers: { "if-match": '"v1"' } }), expect: { refuse: [404] } },
  "POST /api/assignments/:id/delegate": { request: (f) => json("POST", `/api/assignments/${f.assignmentId}/delegate`, { targets: { role: "ubnd", level: "district" } }), expect: { refuse: [404] } },
  "GET /api/audit/:objectType/:objectId": { request: (f) => json("GET", `/api/audit/task/${f.taskId}`), expect: { refuse: [404] } },
  "POST /api/assignments/:id/reports": { request: (f) => json("POST", `/api/assignments/${f.assignmentId}/reports`, { results: "Báo cáo giả" }), expect: { refuse: [404] } },
  "GET /api/tasks/:id/reports": { request: (f) => json("GET", `/api/tasks/${f.taskId}/reports`), expect: { refuse: [404] } },
  "GET /api/assignments/:id/reports": { request: (f) => json("GET", `/api/assignments/${f.assignmentId}/reports`), expect: { refuse: [404] } },
  "GET /api/reports/:id/attachments/:sha256": { request: (f) => json("GET", `/api/reports/${f.reportId}/attachments/${f.sha256}`), expect: { refuse: [404] } },
  "POST /api/reports/:id/propose-upward": { request: (f) => json("POST", `/api/reports/${f.reportId}/propose-upward`, {}), expect: { refuse: [404] } },
  "GET /api/documents/:id/summary": { request: (f) => json("GET", `/api/documents/${f.documentId}/summary`), expect: { refuse: [404] } },
  "GET /api/reminders": { request: () => json("GET", "/api/reminders"), expect: { open: "lists only the caller's jurisdiction (reminders tests)" } },
  "POST /api/reminders/read": { request: () => json("POST", "/api/reminders/read", { ids: [1] }), expect: { open: "marks only reminders of the caller's jurisdiction (reminders tests)" } },
  "GET /api/overdue": { request: (f) => json("GET", `/api/overdue?unit=${f.provinceId}`), expect: { refuse: [403, 404] } },
  "GET /api/dashboard": { request: (f) => json("GET", `/api/dashboard?unitId=${f.provinceId}`), expect: { refuse: [403, 404] } },
};

/** Routes anyone may call, signed in or not. */
const PUBLIC = new Set(["GET /api/health", "GET /api/openapi.json"]);

describe.each(testBackends())("authorization of every route on $name", (backend) => {
  let app: FastifyInstance;
  let registry: Registry;
  const routes: string[] = [];
  let fixture: Fixture;
  let outsider: ReturnType<typeof injector>;

  beforeAll(async () => {
    registry = new Registry(await backend.open(), withWork());
    await importHierarchy(registry.db, SUBSET);
    app = await buildApp(registry, { onRoute: (method, url) => routes.push(`${method} ${url}`) });
    const province = async (code: string) => (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, code), eq(schema.units.list, "2021-11-01"))))[0]!.id;
    const khanhHoa = await province("56");
    const asKhanhHoa = injector(app, await accountToken(registry.db, { username: "admin.khanhhoa", role: "admin", unitId: khanhHoa }));
    const asRoot = injector(app, await adminToken(registry.db));
    const documentId = (await asKhanhHoa(upload("122.txt", KHANH_HOA_122))).json().id as string;
    const detail = (await asKhanhHoa(json("GET", `/api/documents/${documentId}`))).json();
    const [agency] = await registry.db.select({ id: schema.agencies.id }).from(schema.agencies).where(and(eq(schema.agencies.unitId, khanhHoa), eq(schema.agencies.roleKey, "so-y-te")));
    const alias = (await asKhanhHoa(json("POST", `/api/agencies/${agency!.id}/aliases`, { alias: "SYT Khánh Hòa" }))).json();
    const [mention] = await registry.db.select({ id: schema.mentions.id }).from(schema.mentions).where(eq(schema.mentions.documentId, documentId)).limit(1);
    const user = (await asKhanhHoa(json("POST", "/api/users", { username: "syt.kh", role: "agency_member", agencyId: agency!.id, password: "syt-kh-password" }))).json();
    const token = (await asKhanhHoa(json("POST", `/api/users/${user.id}/tokens`, { name: "kh" }))).json();
    const proposed = (await asKhanhHoa(json("GET", `/api/tasks?document=${documentId}&status=proposed`))).json();
    const task = proposed.items.find((t: { lead: unknown[] }) => t.lead.length > 0);
    const [share] = await registry.db.select({ id: schema.assignments.id }).from(schema.assignments).where(eq(schema.assignments.taskId, task.id));
    expect((await asKhanhHoa(json("POST", "/api/tasks/confirm", { tasks: [{ id: task.id, version: task.version }] }))).statusCode).toBe(200);
    const filed = await asKhanhHoa(json("POST", `/api/assignments/${share!.id}/reports`, { results: "Đã triển khai", proposals: "Đề nghị bổ sung kinh phí", percent: 40 }));
    expect(filed.statusCode, filed.body).toBe(201);
    fixture = { documentId, sha256: detail.files[0].sha256, agencyId: agency!.id, aliasId: alias.id, mentionId: mention!.id, userId: user.id, tokenId: token.info.id, taskId: task.id, assignmentId: share!.id, provinceId: khanhHoa, reportId: filed.json().report.id };
    outsider = injector(app, await accountToken(registry.db, { username: "admin.kontum", role: "admin", unitId: await province("62") }));
    expect((await asRoot(json("GET", `/api/documents/${documentId}`))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  it("has a row for every route the app registers", () => {
    const api = [...new Set(routes.filter((r) => r.includes(" /api/") && !r.startsWith("HEAD ") && !r.includes("/api/docs")))];
    const missing = api.filter((r) => !TABLE[r] && !PUBLIC.has(r));
    expect(missing, "routes without an authorization row").toEqual([]);
    expect(Object.keys(TABLE).filter((r) => !api.includes(r)), "rows of routes that no longer exist").toEqual([]);
  });

  it("answers 401 on every non-public route without credentials", async () => {
    for (const [route, row] of Object.entries(TABLE)) {
      if (route === "POST /api/auth/login") continue;
      const res = await app.inject(row.request(fixture));
      expect(res.statusCode, route).toBe(401);
    }
  });

  it("refuses another province's account on every route about Khánh Hòa's objects", async () => {
    for (const [route, row] of Object.entries(TABLE)) {
      const res = await outsider(row.request(fixture));
      const e = row.expect;
      if ("refuse" in e) expect(e.refuse, `${route} answered ${res.statusCode}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      else if ("listWithout" in e) {
        expect(res.statusCode, route).toBe(200);
        expect(res.body, route).not.toContain(`"${e.listWithout(fixture)}"`);
        const body = res.json() as { items?: { id: unknown }[] } | { document: { id: string } }[];
        const ids = Array.isArray(body) ? body.map((i) => i.document.id) : (body.items ?? []).map((i) => i.id);
        expect(ids, route).not.toContain(e.listWithout(fixture));
      } else expect(res.statusCode, `${route} (${e.open})`).toBeLessThan(500);
    }
  });
});
