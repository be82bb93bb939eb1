import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { schema, type Database } from "@chidao/db";
import { testBackends } from "../../../../test/support/databases.js";
import { ingestBuffer } from "./ingest.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const samples = readdirSync(join(ROOT, "samples")).sort().map((f) => ({ fileName: f, bytes: readFileSync(join(ROOT, "samples", f)) }));

const CT16 = `THỦ TƯỚNG CHÍNH PHỦ
Số: 16/CT-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 31 tháng 3 năm 2020

CHỈ THỊ
Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19

1. Thực hiện cách ly toàn xã hội trong vòng 15 ngày kể từ 0 giờ ngày 01 tháng 4 năm 2020.
2. Bộ Y tế chủ trì, phối hợp với các bộ, ngành hướng dẫn thực hiện.

THỦ TƯỚNG
Nguyễn Xuân Phúc
`;

describe.each(testBackends())("ingestion on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database.close());

  const count = async (table: "documents" | "files" | "document_files" | "citations"): Promise<number> => {
    const { rows } = await database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
    return rows[0]!.n;
  };

  it("stores each sample once, with its original, record, text and parser version", async () => {
    const results = [];
    for (const s of samples) results.push(await ingestBuffer(database.db, s));
    expect(results.map((r) => r.status)).toEqual(samples.map(() => "created"));
    const row = (await database.db.select().from(schema.documents).where(eq(schema.documents.id, results[2]!.id)))[0]!;
    expect(row).toMatchObject({ status: "stored", issuer: "Tỉnh ủy Khánh Hòa", code: "122-TB/TU", date: "2021-07-24", parserVersion: expect.any(String) });
    expect(row.text).toContain("Khánh Hòa");
    const file = (await database.db.select().from(schema.files).where(eq(schema.files.sha256, results[2]!.sha256)))[0]!;
    expect(Buffer.from(file.content).equals(samples[2]!.bytes)).toBe(true);
  });

  it("treats the same bytes again as a no-op answering the same id", async () => {
    const before = await count("documents");
    const again = await ingestBuffer(database.db, samples[0]!);
    expect(again.status).toBe("existing");
    const first = (await database.db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.code, "820-CV/TU")))[0]!;
    expect(again.id).toBe(first.id);
    expect(await count("documents")).toBe(before);
  });

  it("links citations to placeholders, one per cited document, completed by later citations", async () => {
    const placeholders = await database.db.select().from(schema.documents).where(eq(schema.documents.status, "placeholder"));
    const codes = placeholders.map((p) => p.code).sort();
    for (const code of ["07-KL/TW", "16/CT-TTg", "28/CĐ-TTg", "1102/CĐ-TTg"]) expect(codes).toContain(code);
    expect(codes.filter((c) => c === "16/CT-TTg")).toHaveLength(1);
    expect(placeholders.find((p) => p.code === "16/CT-TTg")?.date).toBe("2020-03-31");
  });

  it("fills a placeholder in when the cited document arrives, keeping its id and links", async () => {
    const placeholder = (await database.db.select().from(schema.documents).where(eq(schema.documents.code, "16/CT-TTg")))[0]!;
    const citing = await count("citations");
    const result = await ingestBuffer(database.db, { fileName: "16-CT-TTg.txt", bytes: Buffer.from(CT16) });
    expect(result).toMatchObject({ status: "created", id: placeholder.id });
    const row = (await database.db.select().from(schema.documents).where(eq(schema.documents.id, placeholder.id)))[0]!;
    expect(row).toMatchObject({ status: "stored", issuer: "Thủ tướng Chính phủ", date: "2020-03-31" });
    expect(await count("citations")).toBe(citing);
  });

  it("merges another file of the same issuer, number/symbol and date into one document", async () => {
    const variant = Buffer.from(CT16.replace("1. Thực hiện", "1.  Thực hiện").replace(/\n/g, "\r\n"));
    const result = await ingestBuffer(database.db, { fileName: "16-CT-TTg (bản 2).txt", bytes: variant });
    expect(result.status).toBe("merged");
    const links = await database.db.select().from(schema.documentFiles).where(eq(schema.documentFiles.documentId, result.id));
    expect(links).toHaveLength(2);
  });

  it("rejects a bad file with a typed error and stores nothing of it", async () => {
    const before = [await count("documents"), await count("files")];
    const error = await ingestBuffer(database.db, { fileName: "broken.pdf", bytes: Buffer.from("%PDF-1.7 garbage") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: expect.stringMatching(/FORMAT_CORRUPT|FORMAT_UNSUPPORTED|TOOL_MISSING/) });
    expect([await count("documents"), await count("files")]).toEqual(before);
  });

  it("rolls back the whole document when a step inside the transaction fails", async () => {
    const before = [await count("documents"), await count("files"), await count("document_files")];
    const text = CT16.replace("16/CT-TTg", "99/CT-TTg");
    const failing = ingestBuffer(database.db, { fileName: "99.txt", bytes: Buffer.from(text) }, { afterWrite: async () => Promise.reject(new Error("crash mid-ingest")) });
    await expect(failing).rejects.toThrow("crash mid-ingest");
    expect([await count("documents"), await count("files"), await count("document_files")]).toEqual(before);
    const retried = await ingestBuffer(database.db, { fileName: "99.txt", bytes: Buffer.from(text) });
    expect(retried.status).toBe("created");
  });
});
