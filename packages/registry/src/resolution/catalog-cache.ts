/**
 * @module resolution/catalog-cache
 * Loading the catalogue (every unit and agency of a period) takes a second or more, and a batch
 * of documents needs the same few: documents dated within the same periods (between the same
 * validity boundaries) see the same catalogue. Entries are kept per period until the catalogue
 * changes, which every write to units, agencies or aliases signals by bumping `catalog_revision`.
 */
import { sql } from "drizzle-orm";
import { roleNames, type AgencyCatalog } from "@chidao/core";
import type { Db } from "@chidao/db";
import { loadCatalog } from "./load-catalog.js";

const MAX_ENTRIES = 4;

export class CatalogCache {
  private revision = -1;
  private boundaries: string[] = [];
  private readonly entries = new Map<string, Promise<AgencyCatalog>>();

  async get(db: Db, date: string | null): Promise<AgencyCatalog> {
    await this.refresh(db);
    const key = date === null ? "now" : String(this.boundaries.filter((b) => b <= date).length);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = loadCatalog(db, { date });
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private async refresh(db: Db): Promise<void> {
    const { rows } = await db.execute<{ revision: string }>(sql`select revision::text from catalog_revision where id = 1`);
    const revision = Number(rows[0]?.revision ?? 0);
    if (revision === this.revision) return;
    const dates = await db.execute<{ d: string }>(sql`
      select distinct d::text from (
        select valid_from as d from units union select valid_to from units
        union select valid_from from agencies union select valid_to from agencies) b where d is not null`);
    const fromRoles = roleNames().flatMap((r) => [r.from, r.until]).filter((d): d is string => d !== null);
    this.boundaries = [...new Set([...dates.rows.map((r) => r.d), ...fromRoles])].sort();
    this.entries.clear();
    this.revision = revision;
  }
}
