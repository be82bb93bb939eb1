/**
 * @module args
 * argv → a command, or a usage error. Built on node:util parseArgs (no argument library):
 * `chidao parse [--json] [--ocr auto|never|always] [--no-cache] [--max-bytes N] PATH...`,
 * `chidao --help`, `chidao --version`, `chidao help [parse]`.
 */
import { parseArgs } from "node:util";
import { parseRegistryCommand, type RegistryCommand, type RegistryTopic } from "./registry-args.js";

export type OcrMode = "auto" | "never" | "always";
export type HelpTopic = "main" | "parse" | RegistryTopic;

export interface ParseCommandOptions {
  json: boolean;
  ocr: OcrMode;
  /** false for --no-cache: OCR results are neither read from nor written to the cache. */
  cache: boolean;
  maxBytes: number | undefined;
  paths: string[];
}

export type Command =
  | { kind: "help"; topic: HelpTopic }
  | { kind: "version" }
  | { kind: "parse"; options: ParseCommandOptions }
  | RegistryCommand;

export interface UsageError {
  vi: string;
  en: string;
  topic: HelpTopic;
}

export type ArgsResult = { ok: true; command: Command } | { ok: false; error: UsageError };

const OCR_MODES: readonly OcrMode[] = ["auto", "never", "always"];

const REGISTRY_TOPICS: readonly RegistryTopic[] = ["ingest", "reparse", "serve", "db", "token", "tasks"];

export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ArgsResult {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      return usage("Thiếu lệnh", "Missing command", "main");
    case "-h":
    case "--help":
      return command({ kind: "help", topic: "main" });
    case "-v":
    case "-V":
    case "--version":
      return command({ kind: "version" });
    case "help":
      return helpCommand(rest);
    case "parse":
      return parseCommand(rest);
    case "ingest":
    case "reparse":
    case "serve":
    case "db":
    case "token":
    case "tasks": {
      const r = parseRegistryCommand(first, rest, env);
      return r.ok ? command(r.command) : usage(r.vi, r.en, r.topic);
    }
    default:
      return usage(`Lệnh không hợp lệ: ${first}`, `Unknown command: ${first}`, "main");
  }
}

function helpCommand(rest: readonly string[]): ArgsResult {
  const topic = rest[0];
  if (topic === undefined) return command({ kind: "help", topic: "main" });
  if (topic === "parse") return command({ kind: "help", topic: "parse" });
  const registryTopic = REGISTRY_TOPICS.find((t) => t === topic);
  if (registryTopic) return command({ kind: "help", topic: registryTopic });
  return usage(`Không có trợ giúp cho: ${topic}`, `No help for: ${topic}`, "main");
}

function parseCommand(rest: readonly string[]): ArgsResult {
  let parsed: ReturnType<typeof readParseArgs>;
  try {
    parsed = readParseArgs(rest);
  } catch (e) {
    return badOption(e);
  }
  if (parsed.values.help) return command({ kind: "help", topic: "parse" });
  return buildParseOptions(parsed.values, parsed.positionals);
}

function readParseArgs(rest: readonly string[]) {
  return parseArgs({
    args: [...rest],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      ocr: { type: "string", default: "auto" },
      "no-cache": { type: "boolean", default: false },
      "max-bytes": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

interface RawParseValues {
  json: boolean;
  ocr: string;
  "no-cache": boolean;
  "max-bytes"?: string | undefined;
}

function buildParseOptions(values: RawParseValues, paths: string[]): ArgsResult {
  const ocr = OCR_MODES.find((m) => m === values.ocr);
  if (!ocr) return usage(`--ocr phải là auto, never hoặc always (nhận: ${values.ocr})`, `--ocr must be auto, never or always (got: ${values.ocr})`, "parse");
  const maxBytes = parseMaxBytes(values["max-bytes"]);
  if (maxBytes === null) return usage(`--max-bytes phải là số nguyên dương (nhận: ${values["max-bytes"]})`, `--max-bytes must be a positive integer (got: ${values["max-bytes"]})`, "parse");
  if (paths.length === 0) return usage("Thiếu đường dẫn tệp hoặc thư mục", "Missing file or directory path", "parse");
  return command({ kind: "parse", options: { json: values.json, ocr, cache: !values["no-cache"], maxBytes, paths } });
}

/** undefined when absent, null when invalid. Plain digits only: "10MB" is ambiguous (10^6 or 2^20?). */
function parseMaxBytes(raw: string | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** parseArgs throws TypeError with a code; keep its English, give the Vietnamese ourselves. */
function badOption(e: unknown): ArgsResult {
  const en = e instanceof Error ? e.message.split(". ")[0] ?? e.message : String(e);
  const name = /'([^']+)'/.exec(en)?.[1] ?? "";
  const code = e instanceof Error && "code" in e ? String(e.code) : "";
  const vi = code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
    ? `Giá trị tùy chọn không hợp lệ: ${name}`
    : `Tùy chọn không hợp lệ: ${name}`;
  return usage(vi, en, "parse");
}

function command(c: Command): ArgsResult {
  return { ok: true, command: c };
}

function usage(vi: string, en: string, topic: HelpTopic): ArgsResult {
  return { ok: false, error: { vi, en, topic } };
}
