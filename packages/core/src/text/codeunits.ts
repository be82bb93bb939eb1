/**
 * @module text/codeunits
 * A string's UTF-16 code units as a typed array and back, copied natively. In the pipeline a
 * `charCodeAt` loop costs ~1.7 ns a unit while reading a typed array is about half that, and
 * Buffer's UTF-16 decoder is faster than TextDecoder's: whole-text table passes use these.
 */

/** Node's Buffer where it exists (core already needs it for iconv-lite); else plain loops. */
const NodeBuffer: typeof Buffer | undefined = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** The code units of `text` (a fresh array the caller may change). */
export function codeUnits(text: string): Uint16Array {
  if (NodeBuffer !== undefined) {
    const bytes = NodeBuffer.from(text, "utf16le");
    // Pooled buffers are 8-byte aligned; an odd offset cannot back a Uint16Array.
    if ((bytes.byteOffset & 1) === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** Texts up to this many units share a scratch buffer; a longer one gets its own copy (memory). */
const SCRATCH_MAX_UNITS = 1 << 21;

/**
 * A growable buffer of code units that one use site reuses from call to call. WHY: Buffer.from
 * gives every text over 4 KB (documents; Buffer's pool takes only smaller ones) a new
 * ArrayBuffer, which costs more than the copy itself (a document: ~3 µs against ~0.3 µs) and adds
 * external memory for the GC to track. A view it returns is valid until the same scratch's next
 * call, so a scratch serves one pass that keeps nothing of it, and each use site has its own.
 */
export class UnitScratch {
  /** A Buffer where Node's exists (allocUnsafeSlow: an ArrayBuffer of its own, offset 0). */
  // A Buffer from the start: an empty text never grows it, and must still be writable.
  private bytes: Uint8Array = NodeBuffer !== undefined ? NodeBuffer.allocUnsafeSlow(0) : new Uint8Array(0);

  /** A view of `length` units of the buffer, contents unspecified. */
  units(length: number): Uint16Array {
    if (length > SCRATCH_MAX_UNITS) return new Uint16Array(length);
    if (this.bytes.length < length * 2) this.bytes = NodeBuffer !== undefined ? NodeBuffer.allocUnsafeSlow(length * 2) : new Uint8Array(length * 2);
    return new Uint16Array(this.bytes.buffer, 0, length);
  }

  /** codeUnits(text), in the buffer. */
  copy(text: string): Uint16Array {
    if (text.length > SCRATCH_MAX_UNITS) return codeUnits(text);
    const units = this.units(text.length);
    if (NodeBuffer !== undefined) (this.bytes as Buffer).write(text, 0, "utf16le");
    else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    return units;
  }
}

const decoder = new TextDecoder("utf-16le");

/** The string of `units` (the inverse of codeUnits). */
export function fromCodeUnits(units: Uint16Array): string {
  if (NodeBuffer !== undefined) return NodeBuffer.from(units.buffer, units.byteOffset, units.byteLength).toString("utf16le");
  return decoder.decode(units);
}

const mapScratch = new UnitScratch();

/**
 * `text` with every code unit below `table.length` replaced by its entry (one unit in, one out),
 * decoded as TextDecoder decodes (a lone surrogate becomes U+FFFD; Buffer would keep it).
 */
export function mapCodeUnits(text: string, table: Uint16Array): string {
  const units = mapScratch.copy(text);
  const size = table.length;
  let surrogate = false;
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (c < size) units[i] = table[c]!;
    else if (c >= 0xd800 && c <= 0xdfff) surrogate = true;
  }
  return surrogate ? decoder.decode(units) : fromCodeUnits(units);
}
