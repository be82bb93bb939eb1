/**
 * @module access
 * Which documents an actor's jurisdiction may read: central (or unplaced) documents; documents
 * of the units above it and of its own unit (the directives it receives); documents of the
 * units below it (unit-scoped accounts: a province sees its districts' documents); and any
 * document with a task assigned into the jurisdiction. Another district's or province's documents
 * are "not found".
 */
import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { scopeUnit, type ActorScope } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { notFound } from "./documents/queries.js";

const { documents, units, tasks, assignments } = schema;

/** The columns a row names its document by: documents' own, or another table's (the search index). */
export interface DocumentColumns {
  id: SQLWrapper;
  unitId: SQLWrapper;
}

export function documentVisible(scope: ActorScope | undefined, of: DocumentColumns = { id: documents.id, unitId: documents.unitId }): SQL | undefined {
  if (!scope) return undefined;
  const unit = scopeUnit(scope);
  if (!unit) return undefined;
  const chain = [scope.provinceId, scope.districtId, scope.communeId].filter((id): id is number => id !== null);
  const above = sql`(${of.unitId} is null or ${of.unitId} in (${sql.join(chain.map((id) => sql`${id}`), sql`, `)}))`;
  if (scope.agencyId !== null) {
    return sql`(${above} or exists (select 1 from ${tasks} t join ${assignments} a on a.task_id = t.id where t.document_id = ${of.id} and a.agency_id = ${scope.agencyId}))`;
  }
  const column = sql.raw(`a.${unit.level}_id`);
  return sql`(${above}
    or exists (select 1 from ${units} u left join ${units} p on p.id = u.parent_id where u.id = ${of.unitId} and (u.parent_id = ${unit.id} or p.parent_id = ${unit.id}))
    or exists (select 1 from ${tasks} t join ${assignments} a on a.task_id = t.id where t.document_id = ${of.id} and ${column} = ${unit.id}))`;
}

/** Throws NOT_FOUND unless the document exists and the scope may read it. */
export async function requireDocumentVisible(db: Db, id: string, scope: ActorScope | undefined): Promise<void> {
  const rows = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.id, id), documentVisible(scope)));
  if (rows.length === 0) throw notFound("document", id);
}

/** Of these documents, the ones the scope may read. */
export async function visibleDocuments(db: Db, ids: string[], scope: ActorScope | undefined): Promise<Set<string>> {
  if (!scope || ids.length === 0 || !scopeUnit(scope)) return new Set(ids);
  const rows = await db.select({ id: documents.id }).from(documents).where(and(sql`${documents.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`, documentVisible(scope)));
  return new Set(rows.map((r) => r.id));
}

/** Throws NOT_FOUND unless a document the scope may read was made from the file. */
export async function requireFileVisible(db: Db, sha256: string, scope: ActorScope | undefined): Promise<void> {
  const rows = await db
    .select({ id: documents.id })
    .from(schema.documentFiles)
    .innerJoin(documents, eq(documents.id, schema.documentFiles.documentId))
    .where(and(eq(schema.documentFiles.sha256, sha256), documentVisible(scope)))
    .limit(1);
  if (rows.length === 0) throw notFound("file", sha256);
}
