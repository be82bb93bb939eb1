/**
 * @module agencies/word-index
 * Gazetteer entries grouped by their first word and looked up at an offset of a text without
 * slicing it: recognition asks "which entries start with the word here?" for nearly every word it
 * reads, so the word's code units are hashed while it is scanned and only same-hash words compared.
 */

/** The first word of an entry: up to white space or a comma. */
export function firstWord(entry: string): string {
  return /^[^\s,]+/u.exec(entry)?.[0] ?? "";
}

interface Bucket<T> {
  word: string;
  hash: number;
  entries: T[];
}

/** 30-bit rolling hash (stays a small integer, a fast Map key). */
function step(h: number, c: number): number {
  return (Math.imul(h, 31) + c) & 0x3fffffff;
}

/** . , ; : ) */
function isClosingPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 41;
}

/**
 * The lookup key of the word at an offset: up to a space, comma, tab or line end, at most 24 code
 * units, and the same word without trailing ".,;:)". Computed once, it can be asked of several
 * indexes (a word being read is looked up as a compound and as a stop).
 */
export class WordKey {
  at = 0;
  end = 0;
  hash = 0;
  bareEnd = 0;
  bareHash = 0;

  constructor(public s = "") {}

  set(s: string, at: number): this {
    const max = Math.min(s.length, at + 24);
    let h = 0;
    let end = at;
    for (; end < max; end++) {
      const c = s.charCodeAt(end);
      // The first test spares the four below for letters (all above ","); the result is theirs.
      if (c <= 44 && (c === 32 || c === 44 || c === 10 || c === 9)) break;
      h = step(h, c);
    }
    // The bare word ends after its last unit that is no closing punctuation: found from the end
    // (trailing ".,;:)" is rare, and then the bare word is hashed again) instead of tested per unit.
    let bareEnd = end;
    while (bareEnd > at && isClosingPunct(s.charCodeAt(bareEnd - 1))) bareEnd--;
    this.s = s;
    this.at = at;
    this.end = end;
    this.hash = h;
    this.bareEnd = bareEnd;
    this.bareHash = bareEnd === end ? h : hashOf(s, at, bareEnd);
    return this;
  }
}

/** The hash of s[at, end) as WordKey computes it. */
function hashOf(s: string, at: number, end: number): number {
  let h = 0;
  for (let i = at; i < end; i++) h = step(h, s.charCodeAt(i));
  return h;
}

export class WordIndex<T> {
  /**
   * Buckets by the low bits of their word's hash: an array read where a Map of hashes cost a
   * hashed lookup per word read. A slot may hold several words; the word itself decides (each
   * word has one bucket), so a lookup finds what a Map keyed by the full hash found.
   */
  private readonly slots: (Bucket<T>[] | undefined)[];
  private readonly mask: number;

  /** `entries` in the order lookups should try them; `key` gives an entry's words. */
  constructor(entries: readonly T[], key: (e: T) => string) {
    const groups = new Map<string, T[]>();
    for (const e of entries) {
      const first = firstWord(key(e));
      groups.set(first, [...(groups.get(first) ?? []), e]);
    }
    let size = 16;
    while (size < groups.size * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Array<Bucket<T>[] | undefined>(size).fill(undefined);
    for (const [word, list] of groups) {
      const hash = hashOf(word, 0, word.length);
      (this.slots[hash & this.mask] ??= []).push({ word, hash, entries: list });
    }
  }

  /**
   * The entries whose first word is the key's word, else, unless `exact`, the word without its
   * trailing ".,;:)".
   */
  get(k: WordKey, exact = false): T[] | undefined {
    const hit = this.find(k.hash, k.s, k.at, k.end);
    if (hit || exact || k.bareEnd === k.end) return hit;
    return this.find(k.bareHash, k.s, k.at, k.bareEnd);
  }

  /** The entries whose first word is the key's word without its trailing ".,;:)" (none when it has none). */
  bare(k: WordKey): T[] | undefined {
    return k.bareEnd === k.end ? undefined : this.find(k.bareHash, k.s, k.at, k.bareEnd);
  }

  /** `get` for the word at `at` of `s`. */
  at(s: string, at: number, exact = false): T[] | undefined {
    return this.get(scratch.set(s, at), exact);
  }

  private find(h: number, s: string, at: number, end: number): T[] | undefined {
    const slot = this.slots[h & this.mask];
    if (slot) for (const b of slot) if (b.hash === h && b.word.length === end - at && s.startsWith(b.word, at)) return b.entries;
    return undefined;
  }
}

/** The key `WordIndex.at` computes (used and dropped at once). */
const scratch = new WordKey();
