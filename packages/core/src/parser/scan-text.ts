/**
 * @module parser/scan-text
 * Cheaper equivalents of a few whole-text regex scans the parser makes on every task and
 * citation (see text/scan.ts for the idea: find where a match can be, then try the pattern there).
 */
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
