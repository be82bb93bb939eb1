/**
 * @module text/foldunits
 * `foldChars` (text/fold) by a native copy of the text's code units instead of a `charCodeAt`
 * loop (half the time on a document); toDoc folds every normalized text.
 */
import { foldChars } from "./fold.js";
import { mapCodeUnits } from "./codeunits.js";

/** foldChars maps the units below U+2000 by table and keeps the others. */
const FOLDED_BELOW = 0x2000;

/** foldChars' table, read back from foldChars itself (one unit in, one out) so the two agree. */
const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const units = new Uint16Array(FOLDED_BELOW).map((_, c) => c);
  const folded = foldChars(new TextDecoder("utf-16le").decode(units));
  const table = new Uint16Array(FOLDED_BELOW);
  for (let c = 0; c < FOLDED_BELOW; c++) table[c] = folded.charCodeAt(c);
  return table;
}

/** Exactly foldChars(text). */
export function foldUnits(text: string): string {
  return mapCodeUnits(text, FOLD);
}
