/** @module commands/db — `chidao db migrate`: apply pending migrations and say where. */
import { Exit, type CliIo, type ExitCode } from "../io.js";
import type { DatabaseChoice } from "../registry-args.js";
import { databaseLabel, openRegistry } from "./open-registry.js";

export async function runMigrate(options: { database: DatabaseChoice }, io: CliIo): Promise<ExitCode> {
  // Opening migrates; a failure has been printed by openRegistry.
  const registry = await openRegistry(options.database, io);
  if (!registry) return Exit.NOTHING_PARSED;
  io.stdout.write(`Cơ sở dữ liệu đã cập nhật lược đồ (schema up to date): ${databaseLabel(registry)}\n`);
  await registry.close();
  return Exit.OK;
}
