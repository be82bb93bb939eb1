import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { PARSER_VERSION, SYSTEM_ACTOR } from "@chidao/core";
import { schema, type Database } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { ingestBuffer } from "./ingest.js";
import { editDocument } from "./edit.js";
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

  it("keeps a reviewer's corrections over the new parse and moves the version on", async () => {
    const d = await ingestBuffer(database.db, sample("001_b5c28e44a756aa58.txt"));
    const [before] = await database.db.select().from(schema.documents).where(eq(schema.documents.id, d.id));
    const subject = "Về tăng cường phòng, chống dịch COVID-19 (trích yếu do văn phòng sửa)";
    await editDocument(database.db, { id: d.id, expectedVersion: before!.version, patch: { subject, signer: null } }, SYSTEM_ACTOR);
    await editDocument(database.db, { id: d.id, expectedVersion: before!.version + 1, patch: { place: "Nha Trang" } }, SYSTEM_ACTOR);
    await database.db.update(schema.documents).set({ parserVersion: "0.0.1" }).where(eq(schema.documents.id, d.id));
    expect((await reparseDocuments(database.db)).reparsed).toBe(1);
    const [after] = await database.db.select().from(schema.documents).where(eq(schema.documents.id, d.id));
    expect(after).toMatchObject({ parserVersion: PARSER_VERSION, subject, code: before!.code, version: before!.version + 3 });
    expect(after!.corrections).toEqual({ subject, signer: null, place: "Nha Trang" });
    expect(after!.record).toMatchObject({ subject, place: "Nha Trang", signer: expect.objectContaining({ name: null }) });
    // A search finds the corrected subject: the index followed the reparse.
    const hits = await database.db.execute<{ id: string }>(sql`select document_id as id from document_search where search @@ to_tsquery('simple', 'van & phong & sua')`);
    expect(hits.rows.map((r) => r.id)).toContain(d.id);
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
