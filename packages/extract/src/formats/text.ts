/**
 * @module formats/text
 * .txt and .md: bytes → text through the core decoder (UTF-8/16 and legacy Vietnamese
 * encodings are handled there). Markdown is kept as is: the core parser strips markup itself.
 */
import { decodeBytes, sniffUtf16 } from "@chidao/core";
import { fileBinary } from "../errors.js";
import type { AdapterResult } from "../types.js";
import { encodingConverted } from "../warnings.js";

export function extractPlainText(bytes: Uint8Array, file: string): AdapterResult {
  const prepared = withUtf16Bom(bytes);
  if (looksBinary(prepared)) throw fileBinary(file);
  const decoded = decodeBytes(prepared);
  return {
    text: decoded.text,
    encoding: decoded.encoding,
    warnings: decoded.converted ? [encodingConverted(decoded.encoding)] : [],
  };
}

/** UTF-16 without a BOM (Windows "Unicode" exports) gets one, so decodeBytes recognises it. */
export function withUtf16Bom(bytes: Uint8Array): Uint8Array {
  const kind = hasUtf16Bom(bytes) ? null : sniffUtf16(bytes);
  if (kind === null) return bytes;
  const bom = kind === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff];
  const out = new Uint8Array(bytes.length + 2);
  out.set(bom);
  out.set(bytes, 2);
  return out;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * NUL bytes (outside UTF-16) or many C0 control bytes mean this is not text: an image or an
 * office file renamed .txt. Tab, LF, VT, FF, CR and ESC are allowed; TCVN3 uses none of the rest.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return utf16HasControls(bytes);
  const head = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  return controls > head.length * 0.02;
}

function utf16HasControls(bytes: Uint8Array): boolean {
  const le = bytes[0] === 0xff;
  const text = new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(0, 65536));
  const controls = text.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
  return controls > text.length * 0.02;
}
