/**
 * @module read-one
 * One file → a DocumentRecord or a Failure, never a throw: extraction (format adapters) then
 * the pure parser, with the extraction facts recorded in `record.source`.
 */
import type { DocumentRecord } from "@chidao/core";
import { extractFile, recordOf, type ExtractOptions } from "@chidao/extract";
import { toFailure, type Failure } from "./failure.js";
import type { InputItem } from "./walk.js";

export type Outcome =
  | { ok: true; file: string; record: DocumentRecord }
  | { ok: false; file: string; failure: Failure };

export async function readOne(item: InputItem, options: ExtractOptions): Promise<Outcome> {
  if (item.failure) return { ok: false, file: item.file, failure: item.failure };
  try {
    const extracted = await extractFile(item.file, options);
    return { ok: true, file: item.file, record: recordOf(item.file, extracted) };
  } catch (e) {
    return { ok: false, file: item.file, failure: toFailure(e) };
  }
}
