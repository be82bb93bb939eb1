/**
 * @module formats/pdf
 * PDF → text: the text layer where a page has one, OCR where a page is a scan. Provincial PDFs
 * are often scans whose only text is the digital-signature stamp, so the decision is made per
 * page after removing stamp text. Pages stay separated by form feeds ("\f"), as pdftotext does.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repairMojibake, type Issue } from "@chidao/core";
import { imageAreaByPage } from "../pdf/images.js";
import { ocrPages } from "../pdf/ocr-pages.js";
import { OCR_DPI } from "../pdf/ocr.js";
import { parseStamp, stripStamps } from "../pdf/stamp.js";
import { countLetters, readTextLayer } from "../pdf/text-layer.js";
import type { AdapterResult, ExtractOptions, OcrInfo } from "../types.js";
import { encodingConverted, ocrUsed, pdfPagesWithoutText } from "../warnings.js";

/** Fewer letters than this (after stamp removal) and the page is treated as an image. */
export const MIN_TEXT_LETTERS = 80;
/** Total image pixels that make a page a scan (an A4 page at 100 dpi is ~970,000). */
export const MIN_SCAN_PIXELS = 500_000;

export interface PdfInput {
  bytes: Uint8Array;
  file: string;
  sha256: string;
}

export async function extractPdf(input: PdfInput, opts: ExtractOptions): Promise<AdapterResult> {
  const tmpDir = await mkdtemp(join(tmpdir(), "chidao-pdf-"));
  try {
    const pdfPath = join(tmpDir, "input.pdf"); // a fixed name: the user's file name never reaches argv
    await writeFile(pdfPath, input.bytes);
    return await extractFromPath(pdfPath, tmpDir, input, opts);
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}

async function extractFromPath(pdfPath: string, tmpDir: string, input: PdfInput, opts: ExtractOptions): Promise<AdapterResult> {
  const layer = await readTextLayer(pdfPath, input.file);
  const digitalSignature = parseStamp(layer);
  const { pages, encoding, warnings } = cleanTextLayer(layer);
  const scans = await scannedPages(pdfPath, pages, opts.ocr ?? "auto");
  let ocr: OcrInfo | null = null;
  if (scans.length > 0 && opts.ocr === "never") warnings.push(pdfPagesWithoutText(scans));
  else if (scans.length > 0) {
    const run = await ocrPages({ pdfPath, tmpDir, file: input.file, sha256: input.sha256, pages: scans }, opts);
    for (const [page, text] of run.texts) pages[page - 1] = text;
    warnings.push(ocrUsed(scans, OCR_DPI), ...run.warnings);
    ocr = run.info;
  }
  const text = pages.map((p) => p.replace(/\s+$/u, "")).join("\n\f");
  return { text, encoding, pages: layer.length, ocr, digitalSignature, warnings };
}

/** Stamps out; legacy-font mojibake (.VnTime PDFs) repaired page by page. */
function cleanTextLayer(layer: string[]): { pages: string[]; encoding: string; warnings: Issue[] } {
  let encoding = "utf-8";
  const pages = layer.map((page) => {
    const repaired = repairMojibake(stripStamps(page));
    if (repaired.encoding) encoding = repaired.encoding;
    return repaired.text;
  });
  return { pages, encoding, warnings: encoding === "utf-8" ? [] : [encodingConverted(encoding)] };
}

/** 1-based pages to OCR ("never" still reports them, for the warning). */
async function scannedPages(pdfPath: string, pages: string[], mode: "auto" | "never" | "always"): Promise<number[]> {
  const all = pages.map((_, i) => i + 1);
  if (mode === "always") return all;
  const textless = all.filter((n) => countLetters(pages[n - 1] ?? "") < MIN_TEXT_LETTERS);
  if (textless.length === 0) return [];
  const areas = await imageAreaByPage(pdfPath);
  return areas ? textless.filter((n) => (areas.get(n) ?? 0) >= MIN_SCAN_PIXELS) : textless;
}
