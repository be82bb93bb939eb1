/**
 * @module inbox
 * A watched folder: files dropped into it (at any depth) are ingested. The folder is scanned at
 * start, on every change event, and every few seconds (change events are not reliable on every
 * file system); a file is ingested once its size has stopped changing, and again only if its
 * bytes change. Ingestion is idempotent, so a restart simply re-scans.
 */
import { watch, type FSWatcher } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { isChidaoError } from "@chidao/core";
import { SUPPORTED_EXTENSIONS } from "@chidao/extract";
import type { Registry } from "./registry.js";

export interface InboxOptions {
  intervalMs?: number;
  /** One readable line per ingested or failed file. */
  onResult?: (line: string) => void;
}

export interface Inbox {
  /** Resolves when the current scan (if any) is done; for tests and shutdown. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function watchInbox(registry: Registry, dir: string, options: InboxOptions = {}): Inbox {
  const seen = new Map<string, string>(); // path → "size:mtime" last ingested (or failed)
  const pending = new Map<string, string>(); // path → "size:mtime" at the previous scan
  let scanning: Promise<void> = Promise.resolve();
  let again = false;
  let stopped = false;

  const scan = (): void => {
    if (stopped) return;
    again = true;
    scanning = scanning.then(async () => {
      while (again && !stopped) {
        again = false;
        await scanOnce();
      }
    });
  };

  const scanOnce = async (): Promise<void> => {
    for (const path of await filesUnder(dir)) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const version = `${info.size}:${info.mtimeMs}`;
      if (seen.get(path) === version) continue;
      // Ingest only a file that did not change since the previous scan (a copy may be in progress).
      if (pending.get(path) !== version) {
        pending.set(path, version);
        setTimeout(scan, 300).unref();
        continue;
      }
      seen.set(path, version);
      options.onResult?.(await ingestPath(registry, path, relative(dir, path)));
    }
  };

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { recursive: true }, scan);
  } catch {
    watcher = null; // polling alone still works
  }
  const timer = setInterval(scan, options.intervalMs ?? 3000);
  timer.unref();
  scan();
  return {
    settled: async () => {
      await scanning;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      watcher?.close();
      await scanning;
    },
  };
}

async function ingestPath(registry: Registry, path: string, name: string): Promise<string> {
  try {
    const result = await registry.ingest({ bytes: await readFile(path), fileName: name });
    return `inbox: ${result.status} ${result.id} ${name}`;
  } catch (e) {
    return isChidaoError(e) ? `inbox: ✗ ${name}: ${e.vi} (${e.en}) [${e.code}]` : `inbox: ✗ ${name}: ${String(e)}`;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith(".") && SUPPORTED_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath ?? dir, e.name))
    .filter((p) => !relative(dir, p).split(/[\\/]/).some((part) => part.startsWith(".")))
    .sort();
}
