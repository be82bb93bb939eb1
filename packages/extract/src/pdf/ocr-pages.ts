/**
 * @module pdf/ocr-pages
 * OCR a set of pages of one PDF: cache first, then the missing pages in parallel.
 */
import { availableParallelism } from "node:os";
import type { Issue } from "@chidao/core";
import { mapPool } from "../pool.js";
import type { ExtractOptions, OcrInfo } from "../types.js";
import { ocrCacheUnavailable } from "../warnings.js";
import { defaultCacheDir, readCache, writeCache, type CacheKey } from "./cache.js";
import { OCR_DPI, ocrPage, probeTesseract } from "./ocr.js";

export interface OcrRun {
  pdfPath: string;
  tmpDir: string;
  file: string;
  sha256: string;
  pages: number[];
}

export interface OcrOutcome {
  texts: Map<number, string>;
  info: OcrInfo;
  warnings: Issue[];
}

export async function ocrPages(run: OcrRun, opts: ExtractOptions): Promise<OcrOutcome> {
  const started = performance.now();
  const language = opts.ocrLanguage ?? "vie";
  const version = await probeTesseract(language);
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir;
  const key: CacheKey = { sha256: run.sha256, tesseractVersion: version, dpi: OCR_DPI, language };
  const known = cacheDir ? await readCache(cacheDir, key) : {};
  const missing = run.pages.filter((p) => known[p] === undefined);
  const concurrency = positiveInt(opts.concurrency) ?? availableParallelism();
  const fresh = await mapPool(missing, concurrency, (page) => ocrPage({ ...run, page, language }));
  missing.forEach((page, i) => (known[page] = fresh[i] ?? ""));
  const warnings: Issue[] = [];
  if (cacheDir && missing.length > 0 && !(await writeCache(cacheDir, key, known))) warnings.push(ocrCacheUnavailable(cacheDir));
  const texts = new Map(run.pages.map((p) => [p, known[p] ?? ""] as const));
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  return { texts, warnings, info: { engine: "tesseract", pages: run.pages.length, dpi: OCR_DPI, seconds, cached: missing.length === 0 } };
}

function positiveInt(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}
