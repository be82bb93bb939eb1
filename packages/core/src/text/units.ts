/**
 * @module text/units
 * UTF-16 code-unit buffers → strings. The codecs build their output in a Uint16Array (one pass,
 * no string concatenation) and turn it into one flat string at the end.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16LE = new TextDecoder("utf-16le");

/** The first `length` code units as a string (TextDecoder; chunked fromCharCode on big-endian hosts). */
export function unitsToString(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return UTF16LE.decode(units.subarray(0, length));
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(i, Math.min(length, i + 8192)))));
  return parts.join("");
}
