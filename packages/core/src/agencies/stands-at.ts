/**
 * @module agencies/stands-at
 * Whether a gazetteer entry stands at an offset as whole words: asked of every candidate entry
 * under every word the recognizer reads, so the cheapest necessary test goes first.
 */
import { isLetterOrDigitUnit } from "../text/fold.js";

/** [\p{L}\p{N}&] on one code unit. */
export function isNameUnit(c: number): boolean {
  return c === 38 || isLetterOrDigitUnit(c);
}

export function isBoundary(s: string, at: number): boolean {
  return at <= 0 || at >= s.length || !isNameUnit(s.charCodeAt(at)) || !isNameUnit(s.charCodeAt(at - 1));
}

/**
 * s.startsWith(w, at) && isBoundary(s, at + w.length). The last unit of `w` is compared first
 * (a necessary condition; past the end of `s` charCodeAt is NaN, never equal): the candidates
 * under a word share that word, so most fail there without a startsWith call.
 */
export function standsAt(s: string, at: number, w: string): boolean {
  const end = at + w.length;
  if (w.length > 0 && s.charCodeAt(end - 1) !== w.charCodeAt(w.length - 1)) return false;
  return s.startsWith(w, at) && isBoundary(s, end);
}
