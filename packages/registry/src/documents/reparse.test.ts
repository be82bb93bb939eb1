import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { PARSER_VERSION } from "@chidao/core";
import { schema, type Database } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { ingestBuffer } from "./ingest.js";
import { reparseDocuments } from "./reparse.js";

const sample = (name: string) => ({ fileName: name, bytes: readFileSync(fileURLToPath(new URL(`../../../../samples/${name}`, import.meta.url))) });

describe.each(testBackends())("reparse on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database.close());

  it("re-reads originals parsed by another parser version, and only those", async () => {
    const a = await ingestBuffer(database.db, sample("002_79799927f9410f28.txt"));
    const b = await ingestBuffer(database.db, sample("004_a4ed397a93ddc916.txt"));
    await database.db.update(schema.documents).set({ parserVersion: "0.0.1", subject: "stale", record: {} }).where(eq(schema.documents.id, a.id));
    const progress: number[] = [];
    const report = await reparseDocuments(database.db, { onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ parserVersion: PARSER_VERSION, reparsed: 1, failed: [] });
    expect(progress).toEqual([1]);
    const [row] = await database.db.select().from(schema.documents).where(eq(schema.documents.id, a.id));
    expect(row).toMatchObject({ parserVersion: PARSER_VERSION, code: "122-TB/TU" });
    expect(row!.subject).not.toBe("stale");
    expect((await reparseDocuments(database.db)).reparsed).toBe(0);
    expect((await reparseDocuments(database.db, { all: true })).reparsed).toBe(2);
    expect(b.status).toBe("created");
  });

  it("reports a document whose original no longer parses and keeps its record", async () => {
    const c = await ingestBuffer(database.db, sample("000_39f0dbe0d00eadb6.txt"));
    await database.db.execute(sql`update files set content = '\\x00010203'::bytea where sha256 = ${c.sha256}`);
    await database.db.update(schema.documents).set({ parserVersion: "0.0.1" }).where(eq(schema.documents.id, c.id));
    const report = await reparseDocuments(database.db);
    expect(report.reparsed).toBe(0);
    expect(report.failed).toEqual([expect.objectContaining({ id: c.id, code: expect.any(String) })]);
    const [row] = await database.db.select().from(schema.documents).where(eq(schema.documents.id, c.id));
    expect(row).toMatchObject({ code: "820-CV/TU", parserVersion: "0.0.1" });
  });
});
