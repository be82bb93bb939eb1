/**
 * @module @chidao/extract
 * Format adapters: .txt .md .html .docx .pdf (text layer and OCR) → normalized text for the parser.
 * One entry point per input kind (bytes or path); every failure is a ChidaoError.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { isChidaoError, type ChidaoError } from "@chidao/core";
import { describeUnsupported, detectFormat } from "./detect.js";
import { fileEmpty, fileNotFound, fileTooLarge, fileUnreadable, formatCorrupt, formatUnsupported } from "./errors.js";
import { extractDocx } from "./formats/docx.js";
import { extractHtml } from "./formats/html.js";
import { extractPdf } from "./formats/pdf.js";
import { extractPlainText } from "./formats/text.js";
import { DEFAULT_MAX_BYTES, type AdapterResult, type ExtractOptions, type Extracted, type InputFormat } from "./types.js";

export type { DigitalSignature, ExtractOptions, Extracted, InputFormat, OcrInfo } from "./types.js";
export { DEFAULT_MAX_BYTES } from "./types.js";
export { detectFormat, SUPPORTED_EXTENSIONS } from "./detect.js";
export { INSTALL_HINT } from "./errors.js";
export { parseStamp, parseStampTime, stripStamps } from "./pdf/stamp.js";
export { htmlToText } from "./html/to-text.js";
export { recordOf, mediaTypeOf } from "./record.js";

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<Extracted> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  // stat first: refuse a 2 GB file before reading a byte of it.
  const info = await stat(path).catch((e: unknown) => Promise.reject(fsError(path, e)));
  if (!info.isFile()) throw fileUnreadable(path, { vi: "không phải là tệp thông thường", en: "not a regular file" });
  if (info.size > maxBytes) throw fileTooLarge(path, info.size, maxBytes);
  if (info.size === 0) throw fileEmpty(path);
  const bytes = await readFile(path).catch((e: unknown) => Promise.reject(fsError(path, e)));
  return extractBuffer(bytes, path, opts);
}

export async function extractBuffer(bytes: Uint8Array, fileName: string, opts: ExtractOptions = {}): Promise<Extracted> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw fileTooLarge(fileName, bytes.length, maxBytes);
  if (bytes.length === 0) throw fileEmpty(fileName);
  const format = detectFormat(bytes, fileName);
  if (!format) throw formatUnsupported(fileName, describeUnsupported(bytes, fileName));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let result: AdapterResult;
  try {
    result = await runAdapter(format, bytes, fileName, sha256, opts);
  } catch (e) {
    throw asChidaoError(e, fileName, format);
  }
  return { ...result, text: normalizeText(result.text), format, sha256, bytes: bytes.length };
}

function runAdapter(format: InputFormat, bytes: Uint8Array, file: string, sha256: string, opts: ExtractOptions): Promise<AdapterResult> | AdapterResult {
  switch (format) {
    case "txt":
    case "md":
      return extractPlainText(bytes, file);
    case "html":
      return extractHtml(bytes, file);
    case "docx":
      return extractDocx(bytes, file);
    case "pdf":
      return extractPdf({ bytes, file, sha256 }, opts);
  }
}

/** NFC (extractors pass NFD through), LF line ends, no BOM, no trailing spaces; form feeds stay between pages. */
function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/^\ufeff/u, "")
    .replace(/\r\n?/gu, "\n")
    .replace(/[ \t\u00a0]+$/gmu, "")
    .replace(/[^\S\f]+$/u, ""); // keep a final "\f": an empty last page is still a page
}

/** Anything unexpected from a library becomes a coded error; its message goes to details only. */
function asChidaoError(e: unknown, file: string, format: InputFormat): ChidaoError {
  if (isChidaoError(e)) return e;
  return formatCorrupt(file, format, e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200));
}

function fsError(path: string, e: unknown): ChidaoError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return fileNotFound(path);
  if (code === "EACCES" || code === "EPERM") return fileUnreadable(path, { vi: "không có quyền đọc", en: "permission denied" });
  if (code === "EISDIR") return fileUnreadable(path, { vi: "đây là thư mục", en: "it is a directory" });
  return fileUnreadable(path, { vi: "lỗi hệ thống tệp", en: "file system error" }, code);
}
