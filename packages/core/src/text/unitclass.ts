/**
 * @module text/unitclass
 * Several whole-text questions of the form `/[…]/.test(text)` (and "may NFC change this text?")
 * answered together in one native regex scan instead of one scan each: every UTF-16 code unit
 * gets class bits in a table, and a regex made from the table finds the units that have any.
 */

const UNITS = 0x10000;

/**
 * Code units that `String.prototype.normalize("NFC")` can never change, wherever they stand: each
 * has NFC_Quick_Check = Yes and canonical combining class 0, so a string made only of them is
 * already NFC (UAX #15, quick check). Latin (with the Vietnamese precomposed letters), general
 * punctuation but U+2000/U+2001 (singletons), currency signs. unitclass.test.ts checks them
 * against `normalize`.
 */
export const NFC_STABLE_RANGES: readonly (readonly [first: number, last: number])[] = [
  [0x0000, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2002, 0x206f],
  [0x20a0, 0x20c0],
];

/** Every code unit once, in order (lone surrogates included), to find a class's members natively. */
function everyUnit(): string {
  const parts: string[] = [];
  const chunk = new Array<number>(0x1000);
  for (let start = 0; start < UNITS; start += chunk.length) {
    for (let k = 0; k < chunk.length; k++) chunk[k] = start + k;
    parts.push(String.fromCharCode(...chunk));
  }
  return parts.join("");
}

const ONE_CLASS = /^\[(?!\^)(?:[^\]\\]|\\.)*\]$/;

/** Class bits for every UTF-16 code unit, and which of them a text holds. */
export class UnitClasses {
  private readonly bits = new Uint8Array(UNITS);
  /** By mask: a global regex of the units that have a bit of the mask (built when first asked). */
  private readonly finders: (RegExp | undefined)[] = [];

  /**
   * Gives `bit` to each code unit that `oneUnit` matches. `oneUnit` must be one character class
   * without the `u` flag: it matches a text exactly where a unit of the class stands, so
   * `oneUnit.test(text)` ⇔ `has(text, bit)`.
   */
  add(bit: number, oneUnit: RegExp): this {
    if (oneUnit.unicode || !ONE_CLASS.test(oneUnit.source)) throw new Error(`not one character class: ${oneUnit}`);
    const all = new RegExp(oneUnit.source, oneUnit.flags.replace(/[gy]/g, "") + "g");
    for (const m of everyUnit().matchAll(all)) this.mark(m.index, bit);
    return this;
  }

  /** Gives `bit` to every code unit outside NFC_STABLE_RANGES (surrogates included). */
  addNfcUnstable(bit: number): this {
    let next = 0;
    for (const [first, last] of NFC_STABLE_RANGES) {
      for (let c = next; c < first; c++) this.mark(c, bit);
      next = last + 1;
    }
    for (let c = next; c < UNITS; c++) this.mark(c, bit);
    return this;
  }

  /**
   * The bits of `mask` that some unit of `text` has. Each regex scan looks only for units with a
   * bit not found yet and goes on from the last unit found, so the text is scanned about once.
   */
  classesIn(text: string, mask: number): number {
    let found = 0;
    let from = 0;
    while ((mask & ~found) !== 0) {
      const finder = this.finder(mask & ~found);
      finder.lastIndex = from;
      const m = finder.exec(text);
      if (m === null) break;
      found |= this.bits[text.charCodeAt(m.index)]!;
      from = m.index + 1;
    }
    return found & mask;
  }

  /** Whether some unit of `text` has a bit of `mask`. */
  has(text: string, mask: number): boolean {
    const finder = this.finder(mask);
    finder.lastIndex = 0;
    return finder.test(text);
  }

  private mark(c: number, bit: number): void {
    this.finders.length = 0;
    this.bits[c] = this.bits[c]! | bit;
  }

  /** One character class made from the table, so it matches exactly the units meant. */
  private finder(mask: number): RegExp {
    let finder = this.finders[mask];
    if (finder === undefined) {
      const hex = (c: number): string => "\\u" + c.toString(16).padStart(4, "0");
      let body = "";
      for (let c = 0; c < UNITS; c++) {
        if ((this.bits[c]! & mask) === 0) continue;
        let last = c;
        while (last + 1 < UNITS && (this.bits[last + 1]! & mask) !== 0) last++;
        body += last === c ? hex(c) : `${hex(c)}-${hex(last)}`;
        c = last;
      }
      finder = this.finders[mask] = new RegExp(body === "" ? "[^\\s\\S]" : `[${body}]`, "g");
    }
    return finder;
  }
}
