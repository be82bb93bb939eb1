import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { importHierarchy, Registry } from "@chidao/registry";
import { testBackends } from "../../../test/support/databases.js";
import { unitsSubset } from "../../../test/support/units-subset.js";
import { buildApp } from "./app.js";
import { adminToken, injector } from "../../../test/support/auth.js";

const SAMPLE = readFileSync(fileURLToPath(new URL("../../../samples/002_79799927f9410f28.txt", import.meta.url)));

describe.each(testBackends())("catalog and review API on $name", (backend) => {
  let app: FastifyInstance;
  let inject: ReturnType<typeof injector>;
  let registry: Registry;
  let documentId = "";
  beforeAll(async () => {
    registry = new Registry(await backend.open());
    await importHierarchy(registry.db, unitsSubset(["56", "66"]));
    app = await buildApp(registry);
    inject = injector(app, await adminToken(registry.db));
    documentId = (await registry.ingest({ bytes: SAMPLE, fileName: "122-TB-TU.txt" })).id;
  });
  afterAll(async () => {
    await app.close();
    await registry.close();
  });

  const get = async (url: string) => (await inject({ method: "GET", url })).json();

  it("finds a unit by any spelling and lists its agencies", async () => {
    const [kh] = await get("/api/units?q=khanh%20hoa&on=2021-07-24");
    expect(kh).toMatchObject({ name: "Khánh Hòa", level: "province" });
    const found = await get(`/api/agencies?unit=${kh.id}&q=so%20y%20te`);
    expect(found[0]).toMatchObject({ name: "Sở Y tế", fullName: "Sở Y tế tỉnh Khánh Hòa" });
  });

  it("resolves the document's mentions in Khánh Hòa at ingest", async () => {
    const mentions = await get(`/api/documents/${documentId}/mentions`);
    const soYTe = mentions.find((m: { path: string; text: string }) => m.path.includes(".lead[") && m.text === "Sở Y tế");
    expect(soYTe).toMatchObject({ status: "resolved" });
    expect(soYTe.agencies[0].fullName).toBe("Sở Y tế tỉnh Khánh Hòa");
  });

  it("lets a person add, rename and retire an agency, naming invalid fields", async () => {
    const [kh] = await get("/api/units?q=Kh%C3%A1nh%20H%C3%B2a&on=2021-07-24");
    const created = await inject({ method: "POST", url: "/api/agencies", payload: { unitId: kh.id, name: "Ban Quản lý Khu kinh tế Vân Phong", kind: "other", aliases: ["BQL KKT Vân Phong"] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const renamed = (await inject({ method: "PATCH", url: `/api/agencies/${id}`, payload: { name: "Ban Quản lý Khu kinh tế Vân Phong mở rộng" } })).json();
    expect(renamed.aliases.map((a: { alias: string }) => a.alias)).toContain("Ban Quản lý Khu kinh tế Vân Phong");
    const retired = (await inject({ method: "PATCH", url: `/api/agencies/${id}`, payload: { retired: true } })).json();
    expect(retired.retiredAt).not.toBeNull();
    const bad = await inject({ method: "POST", url: "/api/agencies", payload: { unitId: -1, name: "" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["body.unitId", "body.name", "body.kind"]));
  });

  it("queues an unresolved mention and remembers the person's choice", async () => {
    const queue = await get("/api/review?limit=200");
    const item = queue.find((q: { text: string; document: { id: string } }) => q.text === "Ban Chỉ đạo" && q.document.id === documentId);
    expect(item).toBeTruthy();
    const [kh] = await get("/api/units?q=Khanh%20Hoa&on=2021-07-24");
    const [bcd] = await get(`/api/agencies?unit=${kh.id}&q=ban%20chi%20dao`);
    expect((await inject({ method: "POST", url: `/api/review/${item.mentionId}`, payload: { agencyIds: [bcd.id] } })).statusCode).toBe(204);
    const after = await get("/api/review?limit=200");
    expect(after.some((q: { mentionId: number }) => q.mentionId === item.mentionId)).toBe(false);
  });
});
