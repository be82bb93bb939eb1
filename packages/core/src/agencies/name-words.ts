/**
 * @module agencies/name-words
 * The words a name is extended over or stopped at, in one index: `extend` asks of every word it
 * reads whether a compound name ("an toàn thực phẩm") starts there and whether a stop word ends
 * the name, and one lookup per word answers both (two indexes cost two).
 */
import { COMPOUND_NAMES, STOP_EXCEPTIONS, STOPS } from "./gazetteer.js";
import { firstWord, WordIndex, type WordKey } from "./word-index.js";

/** A stop word, with the readings before it that make it part of the name instead. */
export interface Stop {
  text: string;
  /** STOP_EXCEPTIONS for this stop, in their order; null when it has none. */
  exceptions: readonly RegExp[] | null;
}

/** The compounds and stops that share a first word, each longest first (null where none). */
interface NameWords {
  first: string;
  compounds: string[] | null;
  stops: Stop[] | null;
}

const EXTRA_COMPOUNDS = ["có liên quan", "liên quan", "hữu quan", "trực thuộc", "cùng cấp", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "ở người", "thuộc chính phủ", "ngang bộ", "tư nhân", "dân phòng", "thanh niên", "trung ương", "xung kích"];
/** Compound names and stops, each longest first (the order lookups try them). */
export const sortedCompounds = [...COMPOUND_NAMES, ...EXTRA_COMPOUNDS].sort((a, b) => b.length - a.length);
export const sortedStops = [...STOPS].sort((a, b) => b.length - a.length);

function exceptionsOf(stop: string): readonly RegExp[] | null {
  const found = STOP_EXCEPTIONS.filter(([s]) => s === stop).map(([, re]) => re);
  return found.length > 0 ? found : null;
}

function groupByFirstWord(): NameWords[] {
  const groups = new Map<string, NameWords>();
  const group = (entry: string): NameWords => {
    const first = firstWord(entry);
    let g = groups.get(first);
    if (!g) groups.set(first, (g = { first, compounds: null, stops: null }));
    return g;
  };
  for (const c of sortedCompounds) (group(c).compounds ??= []).push(c);
  for (const s of sortedStops) (group(s).stops ??= []).push({ text: s, exceptions: exceptionsOf(s) });
  return [...groups.values()];
}

const nameWordIndex = new WordIndex(groupByFirstWord(), (g) => g.first);

/**
 * The compounds and the stops under a word. Each list is what a separate index of it would
 * give (WordIndex.get): the list under the exact word when it has one, else under the word
 * without its trailing ".,;:)".
 */
export class NameWordsAt {
  compounds: string[] | undefined = undefined;
  stops: Stop[] | undefined = undefined;

  set(key: WordKey): this {
    const exact = nameWordIndex.get(key, true)?.[0];
    let compounds = exact?.compounds ?? undefined;
    let stops = exact?.stops ?? undefined;
    if (!compounds || !stops) {
      const bare = nameWordIndex.bare(key)?.[0];
      compounds ??= bare?.compounds ?? undefined;
      stops ??= bare?.stops ?? undefined;
    }
    this.compounds = compounds;
    this.stops = stops;
    return this;
  }
}
