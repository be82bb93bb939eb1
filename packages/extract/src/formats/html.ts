/**
 * @module formats/html
 * .html (e.g. saved from vbpl.vn): decode bytes, flatten to lines, then repair legacy-font
 * mojibake (old pages typed in .VnTime fonts show TCVN3 bytes as Latin-1 letters).
 */
import { repairMojibake } from "@chidao/core";
import { decodeHtml } from "../html/decode.js";
import { htmlToText } from "../html/to-text.js";
import { looksBinary, withUtf16Bom } from "./text.js";
import { fileBinary } from "../errors.js";
import type { AdapterResult } from "../types.js";
import { encodingConverted } from "../warnings.js";

export function extractHtml(bytes: Uint8Array, file: string): AdapterResult {
  if (looksBinary(withUtf16Bom(bytes))) throw fileBinary(file);
  const decoded = decodeHtml(bytes);
  return fromHtmlString(htmlToText(decoded.html), decoded.encoding, decoded.converted);
}

/** Shared with the docx adapter: repair mojibake and report any conversion once. */
export function fromHtmlString(text: string, encoding: string, converted: boolean): AdapterResult {
  const repaired = repairMojibake(text);
  const finalEncoding = repaired.encoding ?? encoding;
  const changed = converted || repaired.encoding !== null;
  return {
    text: repaired.text,
    encoding: finalEncoding,
    warnings: changed ? [encodingConverted(finalEncoding)] : [],
  };
}
