/**
 * @module documents/store
 * Writes a parsed record as a document, inside the caller's transaction: fills in a placeholder
 * left by an earlier citation, or updates the document on reparse, or inserts a new one.
 */
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { DocumentRecord } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { identityOf, type Identity } from "./identity.js";

const { documents } = schema;

export interface StoredFile {
  sha256: string;
  fileName: string;
}

/** The columns a record sets. */
export function columnsOf(record: DocumentRecord, file: StoredFile, identity: Identity = identityOf(record)) {
  return {
    status: "stored" as const,
    issuer: record.issuer?.name ?? null,
    issuerKey: identity.issuerKey,
    code: record.code,
    codeKey: identity.codeKey,
    typeCode: record.type?.code ?? null,
    typeName: record.type?.name ?? null,
    date: record.date,
    subject: record.subject,
    record: recordForStorage(record),
    text: record.text,
    parserVersion: record.parser.version,
    fileName: file.fileName,
    sha256: file.sha256,
    updatedAt: new Date(),
  };
}

/** The record without its text (stored once, in its own column). */
function recordForStorage(record: DocumentRecord): Omit<DocumentRecord, "text"> {
  const { text: _text, ...rest } = record;
  return rest;
}

/** A stored document with the same issuer, number/symbol and date. */
export async function findSameDocument(tx: Db, identity: Identity): Promise<string | null> {
  if (!identity.issuerKey || !identity.codeKey || !identity.date) return null;
  const rows = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.status, "stored"), eq(documents.issuerKey, identity.issuerKey), eq(documents.codeKey, identity.codeKey), eq(documents.date, identity.date)))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** A placeholder this document fills: same number/symbol, and a date that agrees (or none). */
export async function findPlaceholder(tx: Db, identity: Identity): Promise<string | null> {
  if (!identity.codeKey) return null;
  const dateAgrees = identity.date ? or(isNull(documents.date), eq(documents.date, identity.date)) : isNull(documents.date);
  const rows = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.status, "placeholder"), eq(documents.codeKey, identity.codeKey), dateAgrees))
    .orderBy(sql`${documents.date} is null`)
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Inserts or fills in the document; returns its id and whether it was new to the registry. */
export async function writeDocument(tx: Db, record: DocumentRecord, file: StoredFile): Promise<{ id: string; filledPlaceholder: boolean }> {
  const identity = identityOf(record);
  const values = columnsOf(record, file, identity);
  const placeholder = await findPlaceholder(tx, identity);
  if (placeholder) {
    await tx.update(documents).set({ ...values, ingestedAt: new Date() }).where(eq(documents.id, placeholder));
    return { id: placeholder, filledPlaceholder: true };
  }
  const [row] = await tx.insert(documents).values(values).returning({ id: documents.id });
  return { id: row!.id, filledPlaceholder: false };
}
