/**
 * @module commands/open-registry
 * The database a command works on, opened and migrated, with errors (locked folder, unreachable
 * server, failed migration) printed as one bilingual line instead of thrown.
 */
import { isChidaoError } from "@chidao/core";
import { openDatabase } from "@chidao/db";
import { Registry, type RegistryOptions } from "@chidao/registry";
import { withWork } from "@chidao/work";
import type { CliIo } from "../io.js";
import type { DatabaseChoice } from "../registry-args.js";

export async function openRegistry(choice: DatabaseChoice, io: CliIo, options: RegistryOptions = {}): Promise<Registry | null> {
  try {
    const registry = new Registry(await openDatabase({ url: choice.url, dataDir: choice.dataDir }), withWork(options));
    await loadHierarchy(registry, io);
    return registry;
  } catch (e) {
    if (!isChidaoError(e)) throw e;
    io.stderr.write(`chidao: ${e.vi} (${e.en}) [${e.code}]\n`);
    return null;
  }
}

export function databaseLabel(registry: Registry): string {
  const { backend, location } = registry.database;
  return backend === "server" ? `PostgreSQL ${location}` : `PGlite ${location}`;
}

/** The first use of a database imports the administrative hierarchy the resolver needs. */
async function loadHierarchy(registry: Registry, io: CliIo): Promise<void> {
  const started = performance.now();
  const report = await registry.ensureHierarchy();
  if (!report) return;
  const { units, agencies } = report.inserted;
  io.stderr.write(`Đã nạp danh mục hành chính: ${units} đơn vị, ${agencies} cơ quan (${((performance.now() - started) / 1000).toFixed(1)} s) (imported the administrative hierarchy)\n`);
}
