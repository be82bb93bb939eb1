/**
 * @module record
 * A file's bytes → its DocumentRecord: extraction, then the pure parser, with the extraction facts
 * (format, encoding, OCR, digital signature, sha256) kept in `record.source`. The CLI and the
 * registry both read documents this way.
 */
import { parseDocument, type DocumentRecord, type SourceInfo } from "@chidao/core";
import type { Extracted, InputFormat } from "./types.js";

export function recordOf(file: string, ex: Extracted): DocumentRecord {
  const record = parseDocument(ex.text, { source: sourceOf(file, ex) });
  // Extraction warnings (OCR used, encoding repaired, …) belong with the document's own warnings.
  if (ex.warnings.length) record.warnings = [...ex.warnings, ...record.warnings];
  return record;
}

function sourceOf(file: string, ex: Extracted): SourceInfo {
  const source: SourceInfo = {
    file,
    format: ex.format,
    encoding: ex.encoding,
    ocr: Boolean(ex.ocr),
    digitalSignature: ex.digitalSignature ?? null,
    sha256: ex.sha256,
    bytes: ex.bytes,
  };
  if (ex.pages !== undefined) source.pages = ex.pages;
  return source;
}

const MEDIA_TYPES: Record<InputFormat, string> = {
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export function mediaTypeOf(format: InputFormat): string {
  return MEDIA_TYPES[format];
}
