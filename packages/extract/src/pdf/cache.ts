/**
 * @module pdf/cache
 * OCR is the only slow step (seconds per page), and the same PDF is often parsed again
 * (re-runs, evaluation): keep the OCR text per file, keyed by what determines the output.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

export interface CacheKey {
  sha256: string;
  tesseractVersion: string;
  dpi: number;
  language: string;
}

/** Cached page texts by page number. */
export type PageTexts = Record<string, string>;

export function defaultCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg ? join(xdg, "chidao") : join(homedir(), ".cache", "chidao");
}

function cachePath(dir: string, key: CacheKey): string {
  const id = createHash("sha256")
    .update(`ocr-v1|${key.sha256}|${key.tesseractVersion}|${key.dpi}|${key.language}|psm3`)
    .digest("hex");
  return join(dir, "ocr", `${id}.json`);
}

/** A missing or unreadable entry is simply a miss. */
export async function readCache(dir: string, key: CacheKey): Promise<PageTexts> {
  try {
    const data = JSON.parse(await readFile(cachePath(dir, key), "utf8")) as { pages?: PageTexts };
    return data.pages && typeof data.pages === "object" ? data.pages : {};
  } catch {
    return {};
  }
}

/** Write to a temp name then rename, so a concurrent reader never sees half a file. Returns false on failure. */
export async function writeCache(dir: string, key: CacheKey, pages: PageTexts): Promise<boolean> {
  const path = cachePath(dir, key);
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(join(dir, "ocr"), { recursive: true });
    await writeFile(tmp, JSON.stringify({ key, pages }));
    await rename(tmp, path);
    return true;
  } catch {
    return false;
  }
}
