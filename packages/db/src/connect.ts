/**
 * @module connect
 * One way to open the registry's database: a PostgreSQL server when a URL is given, otherwise
 * embedded PGlite in a data folder (locked) or in memory. Both get the same schema and
 * migrations and are used through the same drizzle API.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { ChidaoError } from "@chidao/core";
import { lockDataDir, type DataLock } from "./lock.js";
import { migrateEmbedded, migrateServer } from "./migrate.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
interface RowsOf<T> {
  rows: T[];
}
/** What raw `execute` answers on both backends (node-postgres QueryResult, PGlite Results): rows. */
export interface RowsResultHKT extends PgQueryResultHKT {
  readonly type: RowsOf<this["row"]>;
}
/** The query API, the same on both backends. */
export type Db = PgDatabase<RowsResultHKT, Schema>;

export interface Database {
  readonly backend: "pglite" | "server";
  readonly db: Db;
  /** Where the data lives, for messages: a folder, "memory", or the server URL without password. */
  readonly location: string;
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** PGlite only: the whole database as one tarball (a backup, or a test template). */
  exportImage?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL server; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite's data folder; "memory" for a throw-away database. */
  dataDir?: string | undefined;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Server pool size (default 10). */
  poolSize?: number;
  /** PGlite in memory only: start from an image made by exportImage. */
  image?: Blob;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const database = options.url ? await openServer(options.url, options.poolSize ?? 10) : await openEmbedded(options.dataDir ?? "memory", options.image);
  if (options.migrate !== false) {
    try {
      await database.migrate();
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return database;
}

async function openServer(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new ChidaoError({
      code: "DB_UNAVAILABLE",
      vi: `Không kết nối được máy chủ PostgreSQL (${redact(url)}): ${(e as Error).message}`,
      en: `Cannot connect to the PostgreSQL server (${redact(url)}): ${(e as Error).message}`,
    });
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { backend: "server", db, location: redact(url), migrate: () => migrateServer(pool), close: () => pool.end() };
}

async function openEmbedded(dataDir: string, image: Blob | undefined): Promise<Database> {
  const extensions = { unaccent, pg_trgm };
  if (dataDir === "memory") {
    const client = await PGlite.create(image ? { extensions, loadDataDir: image } : { extensions });
    return embedded(client, "memory", () => client.close());
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock: DataLock = lockDataDir(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(join(dir, "pgdata"), { extensions });
  } catch (e) {
    lock.release();
    throw new ChidaoError({ code: "DB_UNAVAILABLE", vi: `Không mở được cơ sở dữ liệu nhúng ở ${dir}: ${(e as Error).message}`, en: `Cannot open the embedded database in ${dir}: ${(e as Error).message}` });
  }
  const close = async (): Promise<void> => {
    try {
      await client.close();
    } finally {
      lock.release();
    }
  };
  return embedded(client, dir, close);
}

function embedded(client: PGlite, location: string, close: () => Promise<void>): Database {
  const db = drizzlePglite(client, { schema });
  return { backend: "pglite", db: db as unknown as Db, location, migrate: () => migrateEmbedded(db), exportImage: () => client.dumpDataDir("none"), close };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid DATABASE_URL)";
  }
}
