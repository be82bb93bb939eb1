/**
 * @module registry
 * The registry's services bound to one database: what the HTTP server, the CLI and the inbox
 * watcher call, so that every client ingests, resolves and searches the same way. A document is
 * resolved in the transaction that stores it, against a catalogue cached across documents.
 */
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Database, Db } from "@chidao/db";
import type { ExtractOptions } from "@chidao/extract";
import { cascadeOf, type Cascade } from "./documents/cascade.js";
import { ingestBuffer, type IngestInput, type IngestResult } from "./documents/ingest.js";
import { getDocument, getFile, type DocumentDetail } from "./documents/queries.js";
import { reparseDocuments, type ReparseOptions, type ReparseReport } from "./documents/reparse.js";
import { searchDocuments, type SearchPage, type SearchQuery } from "./documents/search.js";
import { importHierarchy, type HierarchyImportResult } from "./hierarchy/import.js";
import { CatalogCache } from "./resolution/catalog-cache.js";
import { resolveDocument, type ResolveSummary } from "./resolution/resolve-document.js";

/** The unit lists shipped with chidao (data/units, see its PROVENANCE.md); src/ and dist/ are at the same depth. */
export const UNITS_DATA_DIR = fileURLToPath(new URL("../../../data/units", import.meta.url));

export interface RegistryOptions {
  extract?: ExtractOptions;
}

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
  async ensureHierarchy(dataDir: string = UNITS_DATA_DIR): Promise<HierarchyImportResult | null> {
    const { rows } = await this.db.execute<{ n: number }>(sql`select count(*)::int as n from units`);
    if ((rows[0]?.n ?? 0) > 0) return null;
    return importHierarchy(this.db, dataDir);
  }

  ingest(input: IngestInput): Promise<IngestResult> {
    return ingestBuffer(this.db, input, { ...this.extractOption(), afterWrite: (tx, id) => this.resolveIn(tx, id) });
  }

  reparse(options: Omit<ReparseOptions, "extract" | "afterWrite"> = {}): Promise<ReparseReport> {
    return reparseDocuments(this.db, { ...options, ...this.extractOption(), afterWrite: (tx, id) => this.resolveIn(tx, id) });
  }

  resolve(documentId: string): Promise<ResolveSummary> {
    return resolveDocument(this.db, documentId, this.catalogs);
  }

  search(query: SearchQuery): Promise<SearchPage> {
    return searchDocuments(this.db, query);
  }

  document(id: string): Promise<DocumentDetail> {
    return getDocument(this.db, id);
  }

  file(sha256: string): Promise<{ content: Uint8Array; mediaType: string }> {
    return getFile(this.db, sha256);
  }

  cascade(id: string, direction: "up" | "down", depth?: number): Promise<Cascade> {
    return cascadeOf(this.db, id, direction, depth);
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
