/**
 * @module registry/snippet
 * The passage of a document that best shows why a search found it, with the query's words marked.
 * Matching is on folded text (case, diacritics, đ→d), so "phong chong dich" marks "phòng, chống
 * dịch"; folding keeps offsets, so the marks fall on the original text.
 */
import { foldChars } from "../text/fold.js";

export interface Snippet {
  text: string;
  /** Ranges of `text` that matched a query word. */
  marks: { start: number; end: number }[];
}

/** The query's words, folded (what the database's `simple` search configuration also sees). */
export function queryWords(query: string): string[] {
  const words = foldChars(query.normalize("NFC")).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && w !== "or");
  return [...new Set(words)];
}

interface Hit {
  start: number;
  end: number;
  word: number;
}

/** Every whole-word occurrence of the words in the folded text. */
function hitsIn(folded: string, words: string[]): Hit[] {
  const hits: Hit[] = [];
  words.forEach((w, word) => {
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
      if (isWordBoundary(folded, at - 1) && isWordBoundary(folded, at + w.length)) hits.push({ start: at, end: at + w.length, word });
    }
  });
  return hits.sort((a, b) => a.start - b.start);
}

function isWordBoundary(s: string, i: number): boolean {
  return i < 0 || i >= s.length || !/[\p{L}\p{N}]/u.test(s[i]!);
}

/** The window of about `width` characters holding the most distinct query words (then the most hits). */
export function snippetOf(text: string, query: string, width = 240): Snippet {
  const words = queryWords(query);
  const hits = words.length ? hitsIn(foldChars(text), words) : [];
  if (!hits.length) return { text: trimWindow(text, 0, Math.min(text.length, width)), marks: [] };
  let best = { from: 0, distinct: -1, count: 0 };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>();
    let j = i;
    for (; j < hits.length && hits[j]!.end - hits[i]!.start <= width; j++) seen.add(hits[j]!.word);
    if (seen.size > best.distinct || (seen.size === best.distinct && j - i > best.count)) best = { from: i, distinct: seen.size, count: j - i };
  }
  const first = hits[best.from]!;
  const start = Math.max(0, lineStartNear(text, first.start, 60));
  const end = Math.min(text.length, start + width);
  const marks = hits.filter((h) => h.start >= start && h.end <= end).map((h) => ({ start: h.start - start, end: h.end - start }));
  return { text: text.slice(start, end).replace(/\s/g, " "), marks };
}

/** Start a little before the first hit, at a line start or a space, so no word is cut. */
function lineStartNear(text: string, at: number, lead: number): number {
  const from = Math.max(0, at - lead);
  const newline = text.lastIndexOf("\n", at);
  if (newline >= from) return newline + 1;
  const space = text.indexOf(" ", from);
  return space >= 0 && space < at ? space + 1 : from;
}

function trimWindow(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s/g, " ");
}
