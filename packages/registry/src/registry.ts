/**
 * @module registry
 * The registry's services bound to one database: what the HTTP server, the CLI and the inbox
 * watcher call, so that every client ingests, resolves and searches the same way.
 */
import type { Database, Db } from "@chidao/db";
import type { ExtractOptions } from "@chidao/extract";
import { cascadeOf, type Cascade } from "./documents/cascade.js";
import { ingestBuffer, type IngestInput, type IngestResult } from "./documents/ingest.js";
import { getDocument, getFile, type DocumentDetail } from "./documents/queries.js";
import { reparseDocuments, type ReparseOptions, type ReparseReport } from "./documents/reparse.js";
import { searchDocuments, type SearchPage, type SearchQuery } from "./documents/search.js";

export interface RegistryOptions {
  extract?: ExtractOptions;
}

export class Registry {
  readonly db: Db;

  constructor(
    readonly database: Database,
    private readonly options: RegistryOptions = {},
  ) {
    this.db = database.db;
  }

  ingest(input: IngestInput): Promise<IngestResult> {
    return ingestBuffer(this.db, input, { ...(this.options.extract ? { extract: this.options.extract } : {}) });
  }

  reparse(options: Omit<ReparseOptions, "extract" | "afterWrite"> = {}): Promise<ReparseReport> {
    return reparseDocuments(this.db, { ...options, ...(this.options.extract ? { extract: this.options.extract } : {}) });
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
}
