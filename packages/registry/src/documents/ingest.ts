/**
 * @module documents/ingest
 * One file into the registry. Extraction and parsing run outside the transaction (they are slow
 * and touch nothing stored); then one transaction stores the original, the document, its file
 * link and its citations, so a crash or a bad file never leaves half a document. The same bytes
 * again, or another file of the same issuer + number/symbol + date, is the same document.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DocumentRecord } from "@chidao/core";
import { extractBuffer, mediaTypeOf, recordOf, type ExtractOptions } from "@chidao/extract";
import { schema, type Db } from "@chidao/db";
import { linkCitations } from "./citations.js";
import { identityOf } from "./identity.js";
import { findSameDocument, writeDocument } from "./store.js";

const { files, documentFiles } = schema;

export interface IngestInput {
  bytes: Uint8Array;
  fileName: string;
}

export type IngestStatus =
  /** A new document (or a placeholder filled in). */
  | "created"
  /** These bytes were ingested before. */
  | "existing"
  /** Another file of a stored document (same issuer, number/symbol and date). */
  | "merged";

export interface IngestResult {
  id: string;
  status: IngestStatus;
  sha256: string;
  /** Present when the file was parsed (not for "existing"). */
  record?: DocumentRecord;
}

export interface IngestOptions {
  extract?: ExtractOptions;
  /** Runs inside the ingest transaction after the document is written (resolution hooks in here). */
  afterWrite?: (tx: Db, documentId: string, record: DocumentRecord) => Promise<void>;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function ingestBuffer(db: Db, input: IngestInput, options: IngestOptions = {}): Promise<IngestResult> {
  const sha256 = sha256Of(input.bytes);
  const known = await documentOfFile(db, sha256);
  if (known) return { id: known, status: "existing", sha256 };
  const extracted = await extractBuffer(input.bytes, input.fileName, options.extract);
  const record = recordOf(input.fileName, extracted);
  try {
    return await db.transaction(async (tx) => {
      const raced = await documentOfFile(tx, sha256);
      if (raced) return { id: raced, status: "existing" as const, sha256 };
      await tx.insert(files).values({ sha256, size: input.bytes.length, mediaType: mediaTypeOf(extracted.format), content: input.bytes }).onConflictDoNothing();
      const same = await findSameDocument(tx, identityOf(record));
      if (same) {
        await tx.insert(documentFiles).values({ documentId: same, sha256, fileName: input.fileName });
        return { id: same, status: "merged" as const, sha256, record };
      }
      const { id } = await writeDocument(tx, record, { sha256, fileName: input.fileName });
      await tx.insert(documentFiles).values({ documentId: id, sha256, fileName: input.fileName });
      await linkCitations(tx, id, record);
      if (options.afterWrite) await options.afterWrite(tx, id, record);
      return { id, status: "created" as const, sha256, record };
    });
  } catch (e) {
    // Another process stored the same bytes between our check and our insert.
    const winner = isUniqueViolation(e) ? await documentOfFile(db, sha256) : null;
    if (winner) return { id: winner, status: "existing", sha256 };
    throw e;
  }
}

export async function documentOfFile(db: Db, sha256: string): Promise<string | null> {
  const rows = await db.select({ id: documentFiles.documentId }).from(documentFiles).where(eq(documentFiles.sha256, sha256)).limit(1);
  return rows[0]?.id ?? null;
}

function isUniqueViolation(e: unknown): boolean {
  for (let cause: unknown = e; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
