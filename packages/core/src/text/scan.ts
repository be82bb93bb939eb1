/**
 * @module text/scan
 * Faster equivalents of `s.matchAll(re)` for patterns that can only start at a known literal
 * ("bao cao", "phoi hop", "truoc" …). A regex engine tries the pattern at every position of a long
 * item (and a leading look-behind defeats its literal pre-scan); `indexOf` finds the few places
 * where a match can begin far faster, and a sticky copy of the same pattern is tried only there.
 * The matches, their order and their groups are exactly those of `matchAll`, provided every match
 * of `re` starts where one of the anchors occurs and no match is empty (each caller says why).
 */

export interface AnchoredPattern {
  /** The pattern with the sticky flag (and without the global one). */
  sticky: RegExp;
  /** Every match starts with one of these strings. */
  anchors: readonly string[];
}

export function anchored(re: RegExp, anchors: readonly string[]): AnchoredPattern {
  return { sticky: new RegExp(re.source, re.flags.replace("g", "") + "y"), anchors };
}

/** Positions where an anchor occurs in `s`, ascending, each once. */
function anchorPositions(s: string, anchors: readonly string[]): number[] {
  const at: number[] = [];
  for (const a of anchors) for (let i = s.indexOf(a); i >= 0; i = s.indexOf(a, i + 1)) at.push(i);
  if (anchors.length > 1) at.sort((x, y) => x - y);
  return at;
}

/** All matches, as `s.matchAll(globalRe)` gives them. */
export function matchesOf(p: AnchoredPattern, s: string): RegExpExecArray[] {
  return matchesAt(p.sticky, s, anchorPositions(s, p.anchors));
}

/**
 * The matches a global copy of `sticky` scanning `s` gives, for a pattern whose matches can start
 * only at `starts` (ascending; a position may repeat): tried there, and not inside a match found.
 */
export function matchesAt(sticky: RegExp, s: string, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let resume = 0;
  for (const at of starts) {
    if (at < resume) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(s);
    if (!m) continue;
    out.push(m);
    resume = at + m[0].length;
  }
  return out;
}

/**
 * `[...s.matchAll(re)]` for a global `re` whose lastIndex is 0, without the regex clone
 * `matchAll` makes on every call (several times the cost of matching a short line).
 */
export function execAll(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    if (m[0] === "") re.lastIndex = advance(s, re.lastIndex, re.unicode);
  }
  return out;
}

/** AdvanceStringIndex: past an empty match, by one code point in Unicode mode. */
function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/** A non-global pattern with the test and exec callers use, run only where a necessary condition holds. */
export interface GuardedPattern {
  test(s: string): boolean;
  exec(s: string): RegExpExecArray | null;
}

/**
 * `re` (not global) tried only where `mayMatch` holds: a cheap test that is false only where
 * `re` cannot match, so the answers are those of `re` itself.
 */
export function guarded(re: RegExp, mayMatch: (s: string) => boolean): GuardedPattern {
  return { test: (s) => mayMatch(s) && re.test(s), exec: (s) => (mayMatch(s) ? re.exec(s) : null) };
}
