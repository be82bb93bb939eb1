/**
 * Integration tests run against every backend: embedded PGlite always, and a PostgreSQL server
 * when one is reachable (test/support/pg-cluster.ts starts a private cluster wherever Debian's
 * `postgresql` is installed; CHIDAO_TEST_DATABASE_URL points at it). Each call gives a fresh,
 * migrated, empty database.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@chidao/db";

export interface Backend {
  name: "pglite" | "server";
  open(): Promise<Database>;
}

export function testBackends(): Backend[] {
  const url = process.env.CHIDAO_TEST_DATABASE_URL;
  const list: Backend[] = [{ name: "pglite", open: openPglite }];
  if (url) list.push({ name: "server", open: () => openFreshServerDatabase(url) });
  return list;
}

/** Creating and migrating a PGlite takes seconds; loading a migrated image of it, about one. */
let template: Promise<Blob> | null = null;

async function openPglite(): Promise<Database> {
  template ??= (async () => {
    const first = await openDatabase({ dataDir: "memory" });
    try {
      return await first.exportImage!();
    } finally {
      await first.close();
    }
  })();
  return openDatabase({ dataDir: "memory", image: await template });
}

/** A new empty database on the test server, for a child process (DATABASE_URL). */
export async function createServerDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `chidao_test_${randomBytes(6).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A new database on the test server, dropped when the returned Database is closed. */
async function openFreshServerDatabase(adminUrl: string): Promise<Database> {
  const fresh = await createServerDatabase(adminUrl);
  const database = await openDatabase({ url: fresh.url, poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
