/**
 * @module main
 * The chidao command line. `main(argv, io)` returns the exit code instead of exiting, and writes
 * only through `io`, so tests run the real command in memory.
 */
import { PARSER_VERSION } from "@chidao/core";
import { readFileSync } from "node:fs";
import { parseCliArgs, type Command, type UsageError } from "./args.js";
import { runParse } from "./commands/parse.js";
import { runIngest } from "./commands/ingest.js";
import { runReparse } from "./commands/reparse.js";
import { runServe } from "./commands/serve.js";
import { runMigrate } from "./commands/db.js";
import { runTokenCreate } from "./commands/token.js";
import { runTasks } from "./commands/tasks.js";
import { INTERNAL } from "./failure.js";
import { helpText } from "./help.js";
import { Exit, processIo, type CliIo, type ExitCode } from "./io.js";

export type { CliIo, Writer } from "./io.js";
export { Exit } from "./io.js";

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const parsed = parseCliArgs(argv, io.env);
    if (!parsed.ok) return usageError(parsed.error, io);
    return await run(parsed.command, io);
  } catch (e) {
    return internalError(e, io);
  }
}

async function run(command: Command, io: CliIo): Promise<ExitCode> {
  switch (command.kind) {
    case "help":
      io.stdout.write(helpText(command.topic));
      return Exit.OK;
    case "version":
      io.stdout.write(`chidao ${cliVersion()} (parser ${PARSER_VERSION})\n`);
      return Exit.OK;
    case "parse":
      return runParse(command.options, io);
    case "ingest":
      return runIngest(command.options, io);
    case "reparse":
      return runReparse(command.options, io);
    case "serve":
      return runServe(command.options, io);
    case "db-migrate":
      return runMigrate(command.options, io);
    case "token-create":
      return runTokenCreate(command.options, io);
    case "tasks":
      return runTasks(command.options, io);
  }
}

function usageError(error: UsageError, io: CliIo): ExitCode {
  const hint = error.topic === "main" ? "chidao --help" : `chidao help ${error.topic}`;
  io.stderr.write(`chidao: ${error.vi} (${error.en})\nXem / see: ${hint}\n`);
  return Exit.USAGE;
}

/** A bug of ours, not a bad input: say so in both languages; the stack only when asked for. */
function internalError(e: unknown, io: CliIo): ExitCode {
  io.stderr.write(`chidao: ${INTERNAL.vi} (${INTERNAL.en}) [INTERNAL]\n`);
  if (io.env.CHIDAO_DEBUG === "1") io.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  else io.stderr.write("Đặt CHIDAO_DEBUG=1 để xem chi tiết (set CHIDAO_DEBUG=1 for details)\n");
  return Exit.NOTHING_PARSED;
}

/** src/ and dist/ both sit one level below package.json. */
function cliVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return typeof pkg === "object" && pkg !== null && "version" in pkg ? String(pkg.version) : "?";
}
