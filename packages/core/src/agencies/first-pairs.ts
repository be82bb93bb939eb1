/**
 * @module agencies/first-pairs
 * A necessary test for a gazetteer entry standing at an offset: the entry's first two code units
 * are there. findAgencies asks for a head or a role at every capitalised word of the body and
 * most are neither ("Điều", "Nghị định", "Phan Thiết"): one table read rules them out before the
 * word is hashed and looked up.
 */

/** A 16-bit slot for the two code units at `at` (past the end of `s` charCodeAt is NaN: slot 0). */
function slotAt(s: string, at: number): number {
  return (s.charCodeAt(at) * 31 + s.charCodeAt(at + 1)) & 0xffff;
}

export class FirstPairs {
  /** 1 at the slot of every entry's first two units (slots may collide: only extra "maybe"s). */
  private readonly table = new Uint8Array(1 << 16);
  /** An entry shorter than two units has no pair: then every offset may start one. */
  private readonly always: boolean;

  constructor(entries: Iterable<string>) {
    let always = false;
    for (const e of entries) {
      if (e.length < 2) always = true;
      else this.table[slotAt(e, 0)] = 1;
    }
    this.always = always;
  }

  /** False only when s.startsWith(e, at) fails for every entry e. */
  mayStartAt(s: string, at: number): boolean {
    return this.always || this.table[slotAt(s, at)] === 1;
  }
}
