/**
 * @module serve
 * Opens the database (PGlite in a data folder, or the server of DATABASE_URL), migrates it, and
 * listens. Shuts down cleanly on SIGINT/SIGTERM so the data folder's lock is released.
 */
import type { FastifyInstance } from "fastify";
import { openDatabase } from "@chidao/db";
import { Registry, type RegistryOptions } from "@chidao/registry";
import { SYSTEM_ACTOR } from "@chidao/core";
import { ensureFirstAdmin, sweepReminders, withWork } from "@chidao/work";
import { buildApp } from "./app.js";

const MAINTENANCE_EVERY_MS = 10 * 60 * 1000;

async function housekeeping(registry: Registry): Promise<void> {
  await sweepReminders({ db: registry.db, actor: SYSTEM_ACTOR }, { now: new Date() });
  await registry.maintain();
}

export interface ServeOptions extends RegistryOptions {
  port?: number;
  host?: string;
  /** PGlite's data folder (ignored when `databaseUrl` is set). */
  dataDir?: string;
  databaseUrl?: string | undefined;
  logger?: boolean;
  /** The first administrator's password when the database has no account yet (default: generated). */
  adminPassword?: string | undefined;
}

export interface Running {
  app: FastifyInstance;
  registry: Registry;
  url: string;
  /** Set when this start created the first administrator: print it once. */
  firstAdmin: { username: string; password: string } | null;
  stop(): Promise<void>;
}

export async function serve(options: ServeOptions = {}): Promise<Running> {
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir ?? "data" });
  const registry = new Registry(database, withWork(options));
  let firstAdmin: Running["firstAdmin"];
  try {
    await registry.ensureHierarchy();
    firstAdmin = await ensureFirstAdmin(registry.db, options.adminPassword || undefined);
  } catch (e) {
    await registry.close();
    throw e;
  }
  const app = await buildApp(registry, { logger: options.logger ?? false });
  try {
    await app.listen({ port: options.port ?? 3000, host: options.host ?? "127.0.0.1" });
  } catch (e) {
    await registry.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port ?? 3000;
  // Embedded PGlite has no autovacuum: refresh planner statistics now and then (a no-op on a server).
  // …and send deadline reminders (due soon, overdue): the sweep is idempotent, so running it often is safe.
  const maintenance = setInterval(() => void housekeeping(registry).catch((e: unknown) => app.log.error(e)), MAINTENANCE_EVERY_MS);
  maintenance.unref();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    clearInterval(maintenance);
    await app.close();
    await registry.close();
  };
  return { app, registry, url: `http://${options.host ?? "127.0.0.1"}:${port}`, firstAdmin, stop };
}
