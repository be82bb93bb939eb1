/**
 * @module documents/citations
 * The cascade's edges: each citation of a record points at a stored document or at a placeholder
 * (created here) that the cited document fills in when it is ingested.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { codeKey, typeByCode, typeByName, type Citation, type DocumentRecord } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { citedYear } from "./identity.js";

const { documents, citations } = schema;

/** Replaces the document's citation rows with those of its record. */
export async function linkCitations(tx: Db, documentId: string, record: DocumentRecord): Promise<void> {
  await tx.delete(citations).where(eq(citations.documentId, documentId));
  const seen = new Set<string>();
  let ordinal = 0;
  for (const citation of record.citations) {
    const citedId = await citedDocument(tx, citation, record.date);
    if (citedId === documentId || seen.has(citedId)) continue;
    seen.add(citedId);
    const span = citation.spans[0];
    await tx.insert(citations).values({
      documentId,
      ordinal: ordinal++,
      citedId,
      code: citation.code,
      typeName: citation.type,
      issuer: citation.issuer,
      date: citation.date,
      spanStart: span?.start ?? null,
      spanEnd: span?.end ?? null,
    });
  }
}

/**
 * The document a citation names: by number/symbol, then the date or year it gives; without
 * either, the latest one dated no later than the citing document. None: a new placeholder.
 */
async function citedDocument(tx: Db, citation: Citation, citingDate: string | null): Promise<string> {
  const key = codeKey(citation.code);
  const year = citedYear(citation.code, citation.date);
  const conditions = [eq(documents.codeKey, key)];
  if (citation.date) conditions.push(sql`(${documents.date} = ${citation.date} or ${documents.date} is null)`);
  else if (year) conditions.push(sql`(extract(year from ${documents.date}) = ${year} or ${documents.date} is null)`);
  else if (citingDate) conditions.push(sql`(${documents.date} <= ${citingDate} or ${documents.date} is null)`);
  const rows = await tx
    .select({ id: documents.id, status: documents.status, date: documents.date })
    .from(documents)
    .where(and(...conditions))
    .orderBy(sql`${documents.status} = 'placeholder'`, desc(documents.date), asc(documents.ingestedAt))
    .limit(1);
  const found = rows[0];
  if (found) {
    // A later citation may know what an earlier one did not (its date, type or issuer).
    if (found.status === "placeholder") await completePlaceholder(tx, found.id, citation);
    return found.id;
  }
  const [row] = await tx
    .insert(documents)
    .values({ status: "placeholder", code: citation.code, codeKey: key, ...typeOfCitation(citation.type), issuer: citation.issuer, date: citation.date })
    .returning({ id: documents.id });
  return row!.id;
}

async function completePlaceholder(tx: Db, id: string, citation: Citation): Promise<void> {
  await tx
    .update(documents)
    .set({
      date: sql`coalesce(${documents.date}, ${citation.date}::date)`,
      typeCode: sql`coalesce(${documents.typeCode}, ${typeOfCitation(citation.type).typeCode})`,
      typeName: sql`coalesce(${documents.typeName}, ${typeOfCitation(citation.type).typeName})`,
      issuer: sql`coalesce(${documents.issuer}, ${citation.issuer})`,
    })
    .where(eq(documents.id, id));
}

/** A citation's type ("CT", or a name such as "Chỉ thị") as the code and name documents store. */
export function typeOfCitation(type: string | null): { typeCode: string | null; typeName: string | null } {
  if (!type) return { typeCode: null, typeName: null };
  const info = typeByCode(type) ?? typeByName(type);
  return info ? { typeCode: info.code, typeName: info.name } : { typeCode: null, typeName: type };
}
