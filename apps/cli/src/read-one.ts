/**
 * @module read-one
 * One file → a DocumentRecord or a Failure, never a throw: extraction (format adapters) then
 * the pure parser, with the extraction facts recorded in `record.source`.
 */
import { parseDocument, type DocumentRecord, type SourceInfo } from "@chidao/core";
import { extractFile, type Extracted, type ExtractOptions } from "@chidao/extract";
import { toFailure, type Failure } from "./failure.js";
import type { InputItem } from "./walk.js";

export type Outcome =
  | { ok: true; file: string; record: DocumentRecord }
  | { ok: false; file: string; failure: Failure };

export async function readOne(item: InputItem, options: ExtractOptions): Promise<Outcome> {
  if (item.failure) return { ok: false, file: item.file, failure: item.failure };
  try {
    const extracted = await extractFile(item.file, options);
    return { ok: true, file: item.file, record: toRecord(item.file, extracted) };
  } catch (e) {
    return { ok: false, file: item.file, failure: toFailure(e) };
  }
}

function toRecord(file: string, ex: Extracted): DocumentRecord {
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
