/**
 * @module text/encoding
 * Bytes → Unicode NFC text. (Minimal first version: UTF-8 and UTF-16 with BOM; legacy
 * Vietnamese encodings are being added.)
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni-windows" | "viqr";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Legacy encoding detected and converted (or mojibake repaired). */
  converted: boolean;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)).normalize("NFC"), encoding: "utf-16le", converted: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)).normalize("NFC"), encoding: "utf-16be", converted: false };
  return { text: new TextDecoder("utf-8").decode(bytes).normalize("NFC"), encoding: "utf-8", converted: false };
}

/** Repair legacy-encoding mojibake inside an already decoded string (TCVN3/VNI shown as Latin-1, VIQR). */
export function repairMojibake(text: string): { text: string; encoding: TextEncodingName | null } {
  return { text: text.normalize("NFC"), encoding: null };
}
