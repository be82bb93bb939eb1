/**
 * @module html/decode
 * HTML bytes → string. Valid UTF-8 wins over a declared charset (pages copied between sites
 * often keep a stale <meta charset>); otherwise the declared charset is honoured, and the core
 * decoder handles BOMs and the legacy Vietnamese encodings no browser charset names.
 */
import { TextDecoder } from "node:util";
import { decodeBytes } from "@chidao/core";
import { withUtf16Bom } from "../formats/text.js";

export interface DecodedHtml {
  html: string;
  encoding: string;
  converted: boolean;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const prepared = withUtf16Bom(bytes);
  const declared = declaredCharset(prepared);
  if (declared && !isUtf8Label(declared) && !isValidUtf8(prepared)) {
    const decoder = tryDecoder(declared);
    if (decoder) return { html: decoder.decode(prepared).normalize("NFC"), encoding: decoder.encoding, converted: true };
  }
  const d = decodeBytes(prepared);
  return { html: d.text, encoding: d.encoding, converted: d.converted };
}

function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return null; // UTF-16 BOM: the meta tag is moot
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

function isUtf8Label(label: string): boolean {
  return label === "utf-8" || label === "utf8" || label === "unicode-1-1-utf-8";
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function tryDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label the platform does not know (e.g. "tcvn3"): let decodeBytes sniff
  }
}
