/**
 * @module registry/keys
 * Comparison keys the registry stores and matches on. A key forgets what writers vary without
 * changing the meaning: case, diacritics and tone placement, abbreviations ("UBND" = "Ủy ban
 * nhân dân"), punctuation and spacing. Display always uses the original text.
 */
import { expandAbbreviations } from "../agencies/recognize.js";
import { foldKey } from "../text/fold.js";

/** "Sở Y tế", "SỞ Y TẾ", "Sở Y Tế" → "so y te"; "UBND tỉnh Khánh Hoà" → "uy ban nhan dan tinh khanh hoa". */
export function nameKey(name: string): string {
  return foldKey(expandAbbreviations(name.normalize("NFC")).replace(/[^\p{L}\p{N}&]+/gu, " "));
}

/** "16/CT-TTg", "16/ct-ttg ", "16 / CT - TTg" → "16/CT-TTG"; "2686/QĐ-UBND" → "2686/QD-UBND". */
export function codeKey(code: string): string {
  return foldKey(code).replace(/\s+/g, "").toUpperCase();
}
