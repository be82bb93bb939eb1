/**
 * @module text/tone
 * One tone placement for matching. Official texts mix the "old" and "new" placement
 * (`hòa`/`hoà`, `thủy`/`thuỷ`, `ủy`/`uỷ`) and NFC does not unify them (DOMAIN.md §7), so both
 * map to one key: in an open syllable ending in oa, oe or uy the tone goes on the first vowel.
 * Only these three clusters differ between the two styles; `quý` (qu + y), `hoàn` and `thuyết`
 * (closed) and `khuya` are already the same in both.
 */
import { letterInfo, toned, untoned } from "./letters.js";

/** A plain o/u followed by a toned a/e/y that ends the word. */
const OPEN_CLUSTER = /([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
const PAIRS = new Set(["oa", "oe", "uy"]);

/**
 * Canonical tone placement: "hoà" → "hòa", "thuỷ" → "thủy", "HOÀ" → "HÒA". Length-preserving
 * on NFC input (two letters in, two out), so spans found on the result hold in the original.
 */
export function canonicalTone(text: string): string {
  return text.replace(OPEN_CLUSTER, (m: string, first: string, second: string, offset: number) => {
    const tone = letterInfo(second)?.tone ?? 0;
    const plain = untoned(second);
    if (!PAIRS.has((first + plain).toLowerCase())) return m;
    if (first.toLowerCase() === "u" && isQ(text.charCodeAt(offset - 1))) return m;
    return toned(first, tone) + plain;
  });
}

function isQ(code: number): boolean {
  return code === 0x71 || code === 0x51;
}
