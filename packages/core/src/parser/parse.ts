/**
 * @module parser/parse
 * parseDocument: normalized text in, DocumentRecord out. Pure: no I/O.
 */
import type { DocumentRecord, SourceInfo } from "../document/record.js";

export const PARSER_VERSION = "0.1.0";

export interface ParseOptions {
  source?: SourceInfo;
}

export function parseDocument(rawText: string, options: ParseOptions = {}): DocumentRecord {
  const text = rawText.normalize("NFC");
  return {
    system: null, issuer: null, code: null, type: null, place: null, date: null, subject: null,
    urgency: null, secrecy: null, recipients: [], signer: { name: null, title: null, authority: [] },
    distribution: [], citations: [], tasks: [], agencies: [], spans: {}, warnings: [],
    source: options.source ?? {}, parser: { name: "chidao", version: PARSER_VERSION }, text,
  };
}
