/**
 * @module registry
 * The registry's services bound to one database: what the HTTP server, the CLI and the inbox
 * watcher call, so that every client ingests, resolves and searches the same way. A document is
 * resolved in the transaction that stores it, against a catalogue cached across documents.
 */
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR, type Actor, type ActorScope, type DocumentRecord } from "@chidao/core";
import { recordAudit, type AuditActor, type Database, type Db } from "@chidao/db";
import { requireDocumentVisible, requireFileVisible, visibleDocuments } from "./access.js";
import type { ExtractOptions } from "@chidao/extract";
import { cascadeOf, type Cascade } from "./documents/cascade.js";
import { editDocument, type DocumentPatch } from "./documents/edit.js";
import { ingestBuffer, type IngestInput, type IngestResult } from "./documents/ingest.js";
import { getDocument, getFile, type DocumentDetail } from "./documents/queries.js";
import { reparseDocuments, type ReparseOptions, type ReparseReport } from "./documents/reparse.js";
import { searchDocuments, type SearchPage, type SearchQuery } from "./documents/search.js";
import { importHierarchy, standingCatalogVersion, type HierarchyImportResult } from "./hierarchy/import.js";
import { CatalogCache } from "./resolution/catalog-cache.js";
import { resolveDocument, type ResolveSummary } from "./resolution/resolve-document.js";

/** The unit lists shipped with chidao (data/units, see its PROVENANCE.md); src/ and dist/ are at the same depth. */
export const UNITS_DATA_DIR = fileURLToPath(new URL("../../../data/units", import.meta.url));

export interface RegistryOptions {
  extract?: ExtractOptions;
  /**
   * Runs inside the transaction that stores (or reparses) a document, after its mentions are
   * resolved: how the app adds what other packages make of a document (the work package's
   * proposed tasks) without the registry depending on them. A throw rolls the ingest back.
   */
  afterIngest?: AfterIngest;
}

export type AfterIngest = (tx: Db, documentId: string, record: DocumentRecord, actor: AuditActor) => Promise<void>;

export class Registry {
  readonly db: Db;
  readonly catalogs = new CatalogCache();

  constructor(
    readonly database: Database,
    private readonly options: RegistryOptions = {},
  ) {
    this.db = database.db;
  }

  /** Imports the administrative hierarchy from `dataDir` unless units are already stored. */
  /**
   * Imports the hierarchy into an empty database; on one seeded by an older product whose
   * standing agencies differ (a role added, a central body named), imports again, which adds
   * only the agencies missing. Null when nothing was to do.
   */
  async ensureHierarchy(dataDir: string = UNITS_DATA_DIR): Promise<HierarchyImportResult | null> {
    const { rows } = await this.db.execute<{ n: number; version: string | null }>(sql`select (select count(*)::int from units) as n, (select standing_version from catalog_revision where id = 1) as version`);
    const current = standingCatalogVersion();
    if ((rows[0]?.n ?? 0) > 0 && rows[0]?.version === current) return null;
    const result = await importHierarchy(this.db, dataDir);
    await this.db.execute(sql`update catalog_revision set standing_version = ${current} where id = 1`);
    return result;
  }

  /** `actor`: who uploaded it, for the audit log (default: the system, e.g. the inbox watcher). */
  ingest(input: IngestInput, actor: AuditActor = SYSTEM_ACTOR): Promise<IngestResult> {
    return ingestBuffer(this.db, input, {
      ...this.extractOption(),
      afterWrite: async (tx, id, record) => {
        await this.resolveIn(tx, id);
        await this.options.afterIngest?.(tx, id, record, actor);
        await recordAudit(tx, actor, { action: "document.create", objectType: "document", objectId: id, after: auditView(record, input.fileName) });
      },
    });
  }

  reparse(options: Omit<ReparseOptions, "extract" | "afterWrite"> = {}, actor: AuditActor = SYSTEM_ACTOR): Promise<ReparseReport> {
    return reparseDocuments(this.db, {
      ...options,
      ...this.extractOption(),
      afterWrite: async (tx, id, record) => {
        await this.resolveIn(tx, id);
        await this.options.afterIngest?.(tx, id, record, actor);
        await recordAudit(tx, actor, { action: "document.reparse", objectType: "document", objectId: id, after: auditView(record, record.source.file ?? null) });
      },
    });
  }

  resolve(documentId: string): Promise<ResolveSummary> {
    return resolveDocument(this.db, documentId, this.catalogs);
  }

  /** `scope`: the reader's jurisdiction (absent: everything, for the CLI and jobs). */
  search(query: SearchQuery, scope?: ActorScope): Promise<SearchPage> {
    return searchDocuments(this.db, query, scope);
  }

  async document(id: string, scope?: ActorScope): Promise<DocumentDetail> {
    const detail = await getDocument(this.db, id);
    if (!scope) return detail;
    await requireDocumentVisible(this.db, id, scope);
    const visible = await visibleDocuments(this.db, [...detail.cites, ...detail.citedBy].map((d) => d.id), scope);
    return { ...detail, cites: detail.cites.filter((d) => visible.has(d.id)), citedBy: detail.citedBy.filter((d) => visible.has(d.id)) };
  }

  /**
   * A reviewer's correction of the document's header fields, made on `expectedVersion`
   * (documents/edit.ts); answers the document as the actor sees it.
   */
  async editDocument(id: string, expectedVersion: number, patch: DocumentPatch, actor: Actor): Promise<DocumentDetail> {
    await editDocument(this.db, { id, expectedVersion, patch }, actor);
    return this.document(id, actor.scope);
  }

  async file(sha256: string, scope?: ActorScope): Promise<{ content: Uint8Array; mediaType: string }> {
    if (scope) await requireFileVisible(this.db, sha256, scope);
    return getFile(this.db, sha256);
  }

  /** The cascade as the scope sees it: documents outside it, and their edges, left out. */
  async cascade(id: string, direction: "up" | "down", depth?: number, scope?: ActorScope): Promise<Cascade> {
    if (scope) await requireDocumentVisible(this.db, id, scope);
    const whole = await cascadeOf(this.db, id, direction, depth);
    if (!scope) return whole;
    const visible = await visibleDocuments(this.db, whole.nodes.map((n) => n.id), scope);
    return { ...whole, nodes: whole.nodes.filter((n) => visible.has(n.id)), edges: whole.edges.filter((e) => visible.has(e.from) && visible.has(e.to)) };
  }

  /**
   * Planner statistics for the tables that grow. A server's autovacuum keeps them; embedded
   * PGlite has no autovacuum, and without statistics its plans for search and task lists go
   * wrong by orders of magnitude. Called after ingest batches and periodically by the server.
   */
  async maintain(): Promise<void> {
    if (this.database.backend !== "pglite") return;
    await this.db.execute(sql`analyze documents, document_files, citations, mentions, mention_agencies, tasks, assignments, reports`);
  }

  close(): Promise<void> {
    return this.database.close();
  }

  private async resolveIn(tx: Db, documentId: string): Promise<void> {
    await resolveDocument(tx, documentId, this.catalogs);
  }

  private extractOption(): { extract?: ExtractOptions } {
    return this.options.extract ? { extract: this.options.extract } : {};
  }
}

/** What the audit log keeps of a parsed record: its identity and shape, not its text. */
function auditView(record: DocumentRecord, fileName: string | null): Record<string, unknown> {
  return { fileName, parserVersion: record.parser.version, issuer: record.issuer?.name ?? null, code: record.code, date: record.date, type: record.type?.code ?? null, subject: record.subject, tasks: record.tasks.length };
}
