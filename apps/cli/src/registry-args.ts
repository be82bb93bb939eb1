/**
 * @module registry-args
 * Arguments of the commands that use the registry's database:
 * `chidao ingest [--data DIR] [--json] [--ocr MODE] [--max-bytes N] PATH...`,
 * `chidao reparse [--data DIR] [--all]`,
 * `chidao serve [--port N] [--host H] [--data DIR] [--ingest PATH]... [--inbox DIR]`,
 * `chidao db migrate [--data DIR]`,
 * `chidao token create --user NAME [--name LABEL] [--data DIR]`,
 * `chidao tasks [--status S,…] [--overdue] [--agency ID] [--unit ID] [--document ID] [--q TEXT] [--as USER] [--limit N] [--json] [--data DIR]`.
 * The database is PGlite in DIR (default $CHIDAO_DATA, else ./data) unless DATABASE_URL is set.
 */
import { parseArgs } from "node:util";
import type { OcrMode } from "./args.js";

export interface DatabaseChoice {
  /** PGlite's data folder. */
  dataDir: string;
  /** A PostgreSQL server (from DATABASE_URL); wins over dataDir. */
  url: string | undefined;
}

export interface IngestCommandOptions {
  database: DatabaseChoice;
  paths: string[];
  json: boolean;
  ocr: OcrMode;
  maxBytes: number | undefined;
}

export interface ServeCommandOptions {
  database: DatabaseChoice;
  port: number;
  host: string;
  /** Paths ingested at start (the README's first command loads the samples this way). */
  ingest: string[];
  inbox: string | undefined;
}

export type RegistryCommand =
  | { kind: "ingest"; options: IngestCommandOptions }
  | { kind: "reparse"; options: { database: DatabaseChoice; all: boolean } }
  | { kind: "serve"; options: ServeCommandOptions }
  | { kind: "db-migrate"; options: { database: DatabaseChoice } }
  | { kind: "token-create"; options: { database: DatabaseChoice; user: string; name: string } }
  | { kind: "tasks"; options: TasksCommandOptions };

export interface TasksCommandOptions {
  database: DatabaseChoice;
  status: string[];
  overdue: boolean;
  agencyId: number | undefined;
  unitId: number | undefined;
  documentId: string | undefined;
  q: string | undefined;
  /** See the list as this account would (its jurisdiction); default: everything. */
  as: string | undefined;
  limit: number;
  json: boolean;
}

export type RegistryTopic = "ingest" | "reparse" | "serve" | "db" | "token" | "tasks";

export type RegistryArgs = { ok: true; command: RegistryCommand | { kind: "help"; topic: RegistryTopic } } | { ok: false; vi: string; en: string; topic: RegistryTopic };

type Env = Readonly<Record<string, string | undefined>>;

const DATA = { data: { type: "string" }, help: { type: "boolean", short: "h", default: false } } as const;

export function parseRegistryCommand(name: RegistryTopic, rest: readonly string[], env: Env): RegistryArgs {
  try {
    switch (name) {
      case "ingest":
        return ingestArgs(rest, env);
      case "reparse":
        return reparseArgs(rest, env);
      case "serve":
        return serveArgs(rest, env);
      case "db":
        return dbArgs(rest, env);
      case "token":
        return tokenArgs(rest, env);
      case "tasks":
        return tasksArgs(rest, env);
    }
  } catch (e) {
    const en = e instanceof Error ? (e.message.split(". ")[0] ?? e.message) : String(e);
    return fail(`Tùy chọn không hợp lệ: ${/'([^']+)'/.exec(en)?.[1] ?? en}`, en, name);
  }
}

function databaseOf(values: { data?: string | undefined }, env: Env): DatabaseChoice {
  return { dataDir: values.data ?? env.CHIDAO_DATA ?? "data", url: env.DATABASE_URL || undefined };
}

function ingestArgs(rest: readonly string[], env: Env): RegistryArgs {
  const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: { ...DATA, json: { type: "boolean", default: false }, ocr: { type: "string", default: "auto" }, "max-bytes": { type: "string" } } });
  if (values.help) return { ok: true, command: { kind: "help", topic: "ingest" } };
  const ocr = (["auto", "never", "always"] as const).find((m) => m === values.ocr);
  if (!ocr) return fail(`--ocr phải là auto, never hoặc always (nhận: ${values.ocr})`, `--ocr must be auto, never or always (got: ${values.ocr})`, "ingest");
  const maxBytes = values["max-bytes"] === undefined ? undefined : positiveInt(values["max-bytes"]);
  if (maxBytes === null) return fail("--max-bytes phải là số nguyên dương", "--max-bytes must be a positive integer", "ingest");
  if (!positionals.length) return fail("Thiếu đường dẫn tệp hoặc thư mục", "Missing file or directory path", "ingest");
  return { ok: true, command: { kind: "ingest", options: { database: databaseOf(values, env), paths: positionals, json: values.json, ocr, maxBytes } } };
}

function reparseArgs(rest: readonly string[], env: Env): RegistryArgs {
  const { values } = parseArgs({ args: [...rest], strict: true, options: { ...DATA, all: { type: "boolean", default: false } } });
  if (values.help) return { ok: true, command: { kind: "help", topic: "reparse" } };
  return { ok: true, command: { kind: "reparse", options: { database: databaseOf(values, env), all: values.all } } };
}

function serveArgs(rest: readonly string[], env: Env): RegistryArgs {
  const { values } = parseArgs({ args: [...rest], strict: true, options: { ...DATA, port: { type: "string" }, host: { type: "string", default: "127.0.0.1" }, ingest: { type: "string", multiple: true }, inbox: { type: "string" } } });
  if (values.help) return { ok: true, command: { kind: "help", topic: "serve" } };
  const port = positiveInt(values.port ?? env.PORT ?? "3000");
  if (port === null || port > 65535) return fail(`--port phải là số cổng 1–65535 (nhận: ${values.port})`, `--port must be a port number 1–65535 (got: ${values.port})`, "serve");
  return { ok: true, command: { kind: "serve", options: { database: databaseOf(values, env), port, host: values.host, ingest: values.ingest ?? [], inbox: values.inbox } } };
}

function dbArgs(rest: readonly string[], env: Env): RegistryArgs {
  const [action, ...more] = rest;
  if (action === undefined || action === "-h" || action === "--help") return { ok: true, command: { kind: "help", topic: "db" } };
  if (action !== "migrate") return fail(`Lệnh db không hợp lệ: ${action}`, `Unknown db command: ${action}`, "db");
  const { values } = parseArgs({ args: more, strict: true, options: DATA });
  if (values.help) return { ok: true, command: { kind: "help", topic: "db" } };
  return { ok: true, command: { kind: "db-migrate", options: { database: databaseOf(values, env) } } };
}

function tokenArgs(rest: readonly string[], env: Env): RegistryArgs {
  const [action, ...more] = rest;
  if (action === undefined || action === "-h" || action === "--help") return { ok: true, command: { kind: "help", topic: "token" } };
  if (action !== "create") return fail(`Lệnh token không hợp lệ: ${action}`, `Unknown token command: ${action}`, "token");
  const { values } = parseArgs({ args: more, strict: true, options: { ...DATA, user: { type: "string" }, name: { type: "string", default: "cli" } } });
  if (values.help) return { ok: true, command: { kind: "help", topic: "token" } };
  if (!values.user) return fail("Thiếu --user TÊN", "Missing --user NAME", "token");
  return { ok: true, command: { kind: "token-create", options: { database: databaseOf(values, env), user: values.user, name: values.name } } };
}

const STATUSES = ["proposed", "open", "in_progress", "done", "cancelled"];

function tasksArgs(rest: readonly string[], env: Env): RegistryArgs {
  const { values } = parseArgs({
    args: [...rest],
    strict: true,
    options: { ...DATA, status: { type: "string" }, overdue: { type: "boolean", default: false }, agency: { type: "string" }, unit: { type: "string" }, document: { type: "string" }, q: { type: "string" }, as: { type: "string" }, limit: { type: "string", default: "50" }, json: { type: "boolean", default: false } },
  });
  if (values.help) return { ok: true, command: { kind: "help", topic: "tasks" } };
  const status = values.status ? values.status.split(",").map((s) => s.trim()) : [];
  const unknown = status.find((s) => !STATUSES.includes(s));
  if (unknown) return fail(`Trạng thái không hợp lệ: ${unknown} (proposed, open, in_progress, done, cancelled)`, `Unknown status: ${unknown} (proposed, open, in_progress, done, cancelled)`, "tasks");
  const ids = { agency: values.agency, unit: values.unit, limit: values.limit };
  for (const [name, raw] of Object.entries(ids)) if (raw !== undefined && positiveInt(raw) === null) return fail(`--${name} phải là số nguyên dương`, `--${name} must be a positive integer`, "tasks");
  const number = (raw: string | undefined): number | undefined => (raw === undefined ? undefined : positiveInt(raw)!);
  return {
    ok: true,
    command: { kind: "tasks", options: { database: databaseOf(values, env), status, overdue: values.overdue, agencyId: number(values.agency), unitId: number(values.unit), documentId: values.document, q: values.q, as: values.as, limit: Math.min(number(values.limit) ?? 50, 500), json: values.json } },
  };
}

function positiveInt(raw: string): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function fail(vi: string, en: string, topic: RegistryTopic): RegistryArgs {
  return { ok: false, vi, en, topic };
}
