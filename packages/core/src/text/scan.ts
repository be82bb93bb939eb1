/**
 * @module text/scan
 * Faster equivalents of `s.matchAll(re)` for patterns that can only start at a known literal
 * ("bao cao", "phoi hop", "truoc" …). A regex engine tries the pattern at every position of a long
 * item (and a leading look-behind defeats its literal pre-scan); `indexOf` finds the few places
 * where a match can begin far faster, and a sticky copy of the same pattern is tried only there.
 * The matches, their order and their groups are exactly those of `matchAll`, provided every match
 * of `re` starts where one of the anchors occurs and no match is empty (each caller says why).
 * Also here: matches near a rare literal (matchesNear), a leading "no letter before" checked by
 * hand (matchesAfterNonLetter), and a pattern run only behind a necessary test (guarded).
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

/**
 * All matches of `sticky` in `s`, as a global copy of it scanning `s` would give them, for a
 * pattern every match of which is non-empty, starts with a unit `canStart` accepts, and holds
 * `literal` within `reach` code units after its start (at offsets 1 … reach). The literal is rare
 * in the text ("/" of "16/CT-TTg"), so `indexOf` finds the few windows where a match can start and
 * the pattern is tried only there, instead of at every position (a leading look-behind keeps the
 * engine from skipping ahead).
 */
export function matchesNear(sticky: RegExp, s: string, literal: string, reach: number, canStart: (unit: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // Positions before `next` are tried already or inside a match.
  let next = 0;
  for (let hit = s.indexOf(literal); hit >= 0; hit = s.indexOf(literal, hit + 1)) {
    let at = Math.max(next, hit - reach);
    while (at < hit) {
      const m = canStart(s.charCodeAt(at)) ? execAt(sticky, s, at) : null;
      if (m) out.push(m);
      at = m ? at + m[0].length : at + 1;
    }
    next = at;
  }
  return out;
}

/** Whether code unit `a` or `b` is among the first `count` units of `s`. */
export function unitInHead(s: string, count: number, a: number, b: number = a): boolean {
  for (let i = 0; i < count && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === a || c === b) return true;
  }
  return false;
}

function execAt(sticky: RegExp, s: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  return sticky.exec(s);
}

/**
 * `execAll(/(?<![a-z])body/g, s)` for a global `body` none of whose matches is empty. A leading
 * look-behind keeps the engine from skipping ahead to the units a match can start with, so the
 * body is searched alone and the unit before each match checked here: where it is a letter, the
 * search goes on one unit further, as the look-behind pattern would.
 */
export function matchesAfterNonLetter(body: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  body.lastIndex = 0;
  for (let m = body.exec(s); m; m = body.exec(s)) {
    if (isLowerAsciiLetter(s.charCodeAt(m.index - 1))) body.lastIndex = m.index + 1;
    else out.push(m);
  }
  return out;
}

/** [a-z]; false for NaN (before the start of the string). */
export function isLowerAsciiLetter(unit: number): boolean {
  return unit >= 0x61 && unit <= 0x7a;
}
