/**
 * @module documents/reparse
 * Re-reads stored originals with the current parser: after a parser upgrade every document whose
 * record was made by another version is parsed again, each in its own transaction. A document
 * that fails keeps its old record and is reported; the others go on. A reviewer's corrections
 * (documents.corrections) are laid over the new parse, and the version moves on, so an editor
 * open on the old record gets a conflict instead of writing over the new one.
 */
import { and, eq, ne, or, isNull, sql } from "drizzle-orm";
import { PARSER_VERSION, isChidaoError, type DocumentRecord } from "@chidao/core";
import { extractBuffer, recordOf, type ExtractOptions } from "@chidao/extract";
import { schema, type Db } from "@chidao/db";
import { linkCitations } from "./citations.js";
import { applyPatch, correctionsOf } from "./edit.js";
import { columnsOf } from "./store.js";

const { documents, files } = schema;

export interface ReparseOptions {
  /** Reparse every stored document, not only those of other parser versions. */
  all?: boolean;
  extract?: ExtractOptions;
  afterWrite?: (tx: Db, documentId: string, record: DocumentRecord) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

export interface ReparseReport {
  parserVersion: string;
  reparsed: number;
  failed: { id: string; fileName: string | null; code: string; message: { vi: string; en: string } }[];
}

export async function reparseDocuments(db: Db, options: ReparseOptions = {}): Promise<ReparseReport> {
  const stale = options.all ? undefined : or(isNull(documents.parserVersion), ne(documents.parserVersion, PARSER_VERSION));
  const targets = await db.select({ id: documents.id, sha256: documents.sha256, fileName: documents.fileName }).from(documents).where(and(eq(documents.status, "stored"), stale)).orderBy(documents.ingestedAt);
  const report: ReparseReport = { parserVersion: PARSER_VERSION, reparsed: 0, failed: [] };
  for (const [i, target] of targets.entries()) {
    try {
      await reparseOne(db, target.id, target.sha256!, target.fileName ?? target.sha256!, options);
      report.reparsed++;
    } catch (e) {
      const error = isChidaoError(e) ? e.toJSON() : { code: "PARSE_FAILED", message: { vi: `Lỗi khi phân tích lại: ${String(e)}`, en: `Reparse failed: ${String(e)}` } };
      report.failed.push({ id: target.id, fileName: target.fileName, code: error.code, message: error.message });
    }
    options.onProgress?.(i + 1, targets.length);
  }
  return report;
}

async function reparseOne(db: Db, id: string, sha256: string, fileName: string, options: ReparseOptions): Promise<void> {
  const [file] = await db.select({ content: files.content }).from(files).where(eq(files.sha256, sha256));
  if (!file) throw new Error(`original ${sha256} missing`);
  const parsed = recordOf(fileName, await extractBuffer(file.content, fileName, options.extract));
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ corrections: documents.corrections }).from(documents).where(eq(documents.id, id)).for("update");
    const record = applyPatch(parsed, correctionsOf(row?.corrections));
    await tx
      .update(documents)
      .set({ ...columnsOf(record, { sha256, fileName }), version: sql`${documents.version} + 1` })
      .where(eq(documents.id, id));
    await linkCitations(tx, id, record);
    if (options.afterWrite) await options.afterWrite(tx, id, record);
  });
}
