import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { and, eq } from "drizzle-orm";
import { schema } from "@chidao/db";
import { importHierarchy, Registry } from "@chidao/registry";
import { testBackends } from "../../../test/support/databases.js";
import { unitsSubset } from "../../../test/support/units-subset.js";
import { accountToken, ADMIN_PASSWORD, adminToken, injector } from "../../../test/support/auth.js";
import { buildApp } from "./app.js";

const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../../../samples/${name}`, import.meta.url)));
const KHANH_HOA_122 = sample("002_79799927f9410f28.txt");
const KON_TUM_283 = sample("003_324ba8a9e1a2bd09.txt");
const SUBSET = unitsSubset(["56", "62"]);

function multipart(fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----chidao-auth-test";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testBackends())("authentication and jurisdiction over HTTP on $name", (backend) => {
  let app: FastifyInstance;
  let registry: Registry;
  let asAdmin: ReturnType<typeof injector>;
  let asKonTum: ReturnType<typeof injector>;
  let asViewer: ReturnType<typeof injector>;
  let khanhHoaDoc = "";
  let konTumDoc = "";

  beforeAll(async () => {
    registry = new Registry(await backend.open());
    await importHierarchy(registry.db, SUBSET);
    app = await buildApp(registry);
    asAdmin = injector(app, await adminToken(registry.db));
    const province = async (code: string) => (await registry.db.select({ id: schema.units.id }).from(schema.units).where(and(eq(schema.units.code, code), eq(schema.units.list, "2021-11-01"))))[0]!.id;
    asKonTum = injector(app, await accountToken(registry.db, { username: "office.kontum", role: "office", unitId: await province("62") }));
    asViewer = injector(app, await accountToken(registry.db, { username: "viewer.khanhhoa", role: "viewer", unitId: await province("56") }));
    khanhHoaDoc = (await asAdmin({ method: "POST", url: "/api/documents", ...multipart("122.txt", KHANH_HOA_122) })).json().id;
    konTumDoc = (await asAdmin({ method: "POST", url: "/api/documents", ...multipart("283.txt", KON_TUM_283) })).json().id;
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  it("answers 401 without a session or token, except the public routes", async () => {
    for (const url of ["/api/documents", `/api/documents/${khanhHoaDoc}`, "/api/units", "/api/auth/me", "/api/users"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error).toMatchObject({ code: "UNAUTHENTICATED", message: { vi: expect.any(String), en: expect.any(String) } });
    }
    expect((await app.inject({ method: "GET", url: "/api/documents", headers: { authorization: "Bearer chd_wrong" } })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);
  });

  it("signs in with a password: an http-only same-site cookie, and a CSRF token for unsafe requests", async () => {
    expect((await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "admin", password: "wrong-password" } })).statusCode).toBe(401);
    const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "admin", password: ADMIN_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers["set-cookie"]);
    expect(setCookie).toMatch(/chidao_session=s_/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(";")[0]!;
    const { csrfToken, user } = login.json();
    expect(user).toMatchObject({ username: "admin", role: "admin" });
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).json().user.username).toBe("admin");
    const upload = multipart("again.txt", KHANH_HOA_122);
    const forged = await app.inject({ method: "POST", url: "/api/documents", payload: upload.payload, headers: { ...upload.headers, cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.details.reason).toBe("csrf");
    const sent = await app.inject({ method: "POST", url: "/api/documents", payload: upload.payload, headers: { ...upload.headers, cookie, "x-csrf-token": csrfToken } });
    expect(sent.json()).toMatchObject({ id: khanhHoaDoc, status: "existing" });
    expect((await app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie, "x-csrf-token": csrfToken } })).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("lets a role do only what it may: a viewer cannot upload", async () => {
    const res = await asViewer({ method: "POST", url: "/api/documents", ...multipart("x.txt", Buffer.from("Công văn thử")) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("keeps another province's documents out of sight: not listed, not found, its file not served", async () => {
    const listed = (await asKonTum({ method: "GET", url: "/api/documents" })).json();
    expect(listed.items.map((d: { id: string }) => d.id)).toContain(konTumDoc);
    expect(listed.items.map((d: { id: string }) => d.id)).not.toContain(khanhHoaDoc);
    expect((await asKonTum({ method: "GET", url: `/api/documents/${khanhHoaDoc}` })).statusCode).toBe(404);
    expect((await asKonTum({ method: "GET", url: `/api/documents/${khanhHoaDoc}/mentions` })).statusCode).toBe(404);
    expect((await asKonTum({ method: "GET", url: `/api/documents/${khanhHoaDoc}/cascade?direction=up` })).statusCode).toBe(404);
    const sha = (await asAdmin({ method: "GET", url: `/api/documents/${khanhHoaDoc}` })).json().files[0].sha256;
    expect((await asKonTum({ method: "GET", url: `/api/files/${sha}` })).statusCode).toBe(404);
    expect((await asViewer({ method: "GET", url: `/api/files/${sha}` })).statusCode).toBe(200);
    // The central directive both cite is visible to both.
    const up = (await asKonTum({ method: "GET", url: `/api/documents/${konTumDoc}/cascade?direction=up` })).json();
    expect(up.nodes.length).toBeGreaterThan(1);
  });

  it("edits accounts with If-Match: 428 without it, 409 when stale", async () => {
    const me = (await asAdmin({ method: "GET", url: "/api/users" })).json().items.find((u: { username: string }) => u.username === "viewer.khanhhoa");
    expect((await asAdmin({ method: "PATCH", url: `/api/users/${me.id}`, payload: { displayName: "Người xem" } })).statusCode).toBe(428);
    const ok = await asAdmin({ method: "PATCH", url: `/api/users/${me.id}`, payload: { displayName: "Người xem" }, headers: { "if-match": `"v${me.version}"` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"v${me.version + 1}"`);
    expect((await asAdmin({ method: "PATCH", url: `/api/users/${me.id}`, payload: { displayName: "Khác" }, headers: { "if-match": `"v${me.version}"` } })).statusCode).toBe(409);
  });
});
