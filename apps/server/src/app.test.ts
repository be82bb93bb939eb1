import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { Registry } from "@chidao/registry";
import { testBackends } from "../../../test/support/databases.js";
import { buildApp } from "./app.js";
import { adminToken, injector } from "../../../test/support/auth.js";

const SAMPLE = "002_79799927f9410f28.txt";
const bytes = readFileSync(fileURLToPath(new URL(`../../../samples/${SAMPLE}`, import.meta.url)));

/** A multipart/form-data body with one file field, as a browser or curl sends it. */
function multipart(field: string, fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----chidao-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testBackends())("HTTP API on $name", (backend) => {
  let app: FastifyInstance;
  let inject: ReturnType<typeof injector>;
  let registry: Registry;
  beforeAll(async () => {
    registry = new Registry(await backend.open());
    app = await buildApp(registry);
    inject = injector(app, await adminToken(registry.db));
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  it("answers health once ready", async () => {
    const res = await inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: backend.name, documents: 0 });
  });

  let id = "";
  it("ingests an upload (Vietnamese file name) and answers the same id for the same file", async () => {
    const first = await inject({ method: "POST", url: "/api/documents", ...multipart("file", "Thông báo 122-TB-TU Khánh Hòa.txt", bytes) });
    expect(first.statusCode).toBe(201);
    id = first.json().id;
    const again = await inject({ method: "POST", url: "/api/documents", ...multipart("file", "copy.txt", bytes) });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, status: "existing" });
  });

  it("searches without diacritics and reads the document, its original and its cascade", async () => {
    const page = (await inject({ method: "GET", url: "/api/documents?q=khanh%20hoa%20phong%20chong%20dich" })).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id, code: "122-TB/TU" });
    const detail = (await inject({ method: "GET", url: `/api/documents/${id}` })).json();
    expect(detail.record.issuer.name).toBe("Tỉnh ủy Khánh Hòa");
    expect(detail.files[0].fileName).toBe("Thông báo 122-TB-TU Khánh Hòa.txt");
    const original = await inject({ method: "GET", url: `/api/files/${detail.files[0].sha256}` });
    expect(original.rawPayload.equals(bytes)).toBe(true);
    const up = (await inject({ method: "GET", url: `/api/documents/${id}/cascade?direction=up` })).json();
    expect(up.nodes.map((n: { code: string }) => n.code)).toContain("16/CT-TTg");
  });

  it("names the invalid field, in Vietnamese and English", async () => {
    const res = await inject({ method: "GET", url: "/api/documents?limit=0&from=yesterday" });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("INVALID_INPUT");
    const paths = error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["querystring.limit", "querystring.from"]));
    expect(error.message.vi).toContain("không hợp lệ");
  });

  it("answers 404 for an unknown document, 415 for an unsupported file, 400 without a file", async () => {
    expect((await inject({ method: "GET", url: "/api/documents/00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
    const exe = await inject({ method: "POST", url: "/api/documents", ...multipart("file", "virus.exe", Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff])) });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message.en).toBeTruthy();
    const none = await inject({ method: "POST", url: "/api/documents", ...multipart("other", "x.txt", bytes) });
    expect(none.statusCode).toBe(400);
  });

  it("publishes an OpenAPI document and a browsable reference", async () => {
    const spec = (await inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/documents", "/api/documents/{id}", "/api/health"]));
    const docs = await inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });
});
