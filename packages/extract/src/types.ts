/** @module types — the public shapes of @chidao/extract. */
import type { Issue } from "@chidao/core";

export type InputFormat = "txt" | "md" | "html" | "docx" | "pdf";

export interface ExtractOptions {
  /** Refuse larger inputs before reading them (default 50 MiB) → FILE_TOO_LARGE. */
  maxBytes?: number;
  /** "auto": OCR only PDF pages without a real text layer; "always": every page; "never": none. */
  ocr?: "auto" | "never" | "always";
  /** Tesseract language (default "vie"). */
  ocrLanguage?: string;
  /** OCR cache folder (default $XDG_CACHE_HOME/chidao or ~/.cache/chidao); null disables it. */
  cacheDir?: string | null;
  /** OCR pages in parallel (default os.availableParallelism()). */
  concurrency?: number;
}

export interface DigitalSignature {
  signedBy: string | null;
  organisation: string | null;
  /** ISO 8601 with offset, e.g. 2025-02-04T16:42:36+07:00. */
  time: string | null;
}

export interface OcrInfo {
  engine: "tesseract";
  /** How many pages were OCRed. */
  pages: number;
  dpi: number;
  seconds: number;
  cached: boolean;
}

export interface Extracted {
  text: string;
  format: InputFormat;
  encoding: string;
  sha256: string;
  bytes: number;
  pages?: number;
  ocr?: OcrInfo | null;
  digitalSignature?: DigitalSignature | null;
  warnings: Issue[];
}

/** What one adapter returns; extractBuffer adds the file facts (sha256, bytes, format). */
export type AdapterResult = Omit<Extracted, "format" | "sha256" | "bytes">;

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
