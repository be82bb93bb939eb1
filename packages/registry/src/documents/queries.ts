/**
 * @module documents/queries
 * Reading one document: its row, record, files and the documents it cites and is cited by.
 */
import { eq } from "drizzle-orm";
import { ChidaoError, type DocumentRecord } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { summaryColumns, toSummary, type DocumentSummary } from "./search.js";

const { documents, documentFiles, files, citations } = schema;

export interface DocumentDetail extends DocumentSummary {
  parserVersion: string | null;
  ingestedAt: string;
  /** Bumped by each reviewer's edit (documents/edit.ts); the ETag is "v<version>". */
  version: number;
  record: DocumentRecord | null;
  files: { sha256: string; fileName: string; mediaType: string; size: number }[];
  cites: (DocumentSummary & { span: { start: number; end: number } | null })[];
  citedBy: DocumentSummary[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const WHAT_VI = { document: "văn bản", file: "tệp", mention: "đề cập", agency: "cơ quan", unit: "đơn vị hành chính" } as const;

export function notFound(what: keyof typeof WHAT_VI, id: string | number): ChidaoError {
  const vi = WHAT_VI[what];
  return new ChidaoError({ code: "NOT_FOUND", vi: `Không tìm thấy ${vi} ${id}.`, en: `No ${what} ${id}.`, details: { id } });
}

export async function getDocument(db: Db, id: string): Promise<DocumentDetail> {
  if (!UUID.test(id)) throw notFound("document", id);
  const [row] = await db.select({ ...summaryColumns, parserVersion: documents.parserVersion, ingestedAt: documents.ingestedAt, version: documents.version, record: documents.record, text: documents.text }).from(documents).where(eq(documents.id, id));
  if (!row) throw notFound("document", id);
  const fileRows = await db.select({ sha256: files.sha256, fileName: documentFiles.fileName, mediaType: files.mediaType, size: files.size }).from(documentFiles).innerJoin(files, eq(files.sha256, documentFiles.sha256)).where(eq(documentFiles.documentId, id)).orderBy(documentFiles.addedAt);
  const cites = await db.select({ ...summaryColumns, spanStart: citations.spanStart, spanEnd: citations.spanEnd }).from(citations).innerJoin(documents, eq(documents.id, citations.citedId)).where(eq(citations.documentId, id)).orderBy(citations.ordinal);
  const citedBy = await db.select(summaryColumns).from(citations).innerJoin(documents, eq(documents.id, citations.documentId)).where(eq(citations.citedId, id)).orderBy(documents.date);
  const record = row.record ? ({ ...(row.record as Omit<DocumentRecord, "text">), text: row.text ?? "" } as DocumentRecord) : null;
  return {
    ...toSummary(row),
    parserVersion: row.parserVersion,
    ingestedAt: row.ingestedAt.toISOString(),
    version: row.version,
    record,
    files: fileRows,
    cites: cites.map((c) => ({ ...toSummary(c), span: c.spanStart !== null && c.spanEnd !== null ? { start: c.spanStart, end: c.spanEnd } : null })),
    citedBy: citedBy.map(toSummary),
  };
}

/** The original bytes of a stored file. */
export async function getFile(db: Db, sha256: string): Promise<{ content: Uint8Array; mediaType: string }> {
  const [row] = await db.select({ content: files.content, mediaType: files.mediaType }).from(files).where(eq(files.sha256, sha256));
  if (!row) throw notFound("file", sha256);
  return row;
}
