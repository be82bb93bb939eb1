/**
 * @module commands/open-registry
 * The database a command works on, opened and migrated, with errors (locked folder, unreachable
 * server, failed migration) printed as one bilingual line instead of thrown.
 */
import { isChidaoError } from "@chidao/core";
import { openDatabase } from "@chidao/db";
import { Registry, type RegistryOptions } from "@chidao/registry";
import type { CliIo } from "../io.js";
import type { DatabaseChoice } from "../registry-args.js";

export async function openRegistry(choice: DatabaseChoice, io: CliIo, options: RegistryOptions = {}): Promise<Registry | null> {
  try {
    return new Registry(await openDatabase({ url: choice.url, dataDir: choice.dataDir }), options);
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
