/**
 * @module migrate
 * Applies the SQL migrations in ../migrations (drizzle's journal) on either backend. drizzle-kit's
 * own `migrate` command skips CREATE EXTENSION on PGlite, so the app applies them itself. On a
 * server an advisory lock, held on one connection, keeps two starting processes from migrating
 * at once.
 */
import { fileURLToPath } from "node:url";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import { ChidaoError } from "@chidao/core";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));
/** An arbitrary constant naming chidao's migration lock among a server's advisory locks. */
const MIGRATION_LOCK = 0x63686964;
const config = { migrationsFolder: MIGRATIONS_FOLDER };

export async function migrateEmbedded(db: PgliteDatabase<Record<string, unknown>>): Promise<void> {
  await guarded(() => migratePglite(db, config));
}

export async function migrateServer(pool: pg.Pool): Promise<void> {
  await guarded(async () => {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      try {
        await migratePg(drizzlePg(client), config);
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  });
}

async function guarded(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ChidaoError) throw e;
    const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    throw new ChidaoError({ code: "MIGRATION_FAILED", vi: `Không áp dụng được migration: ${cause}`, en: `Migration failed: ${cause}` });
  }
}
