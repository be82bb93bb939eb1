/**
 * @module format
 * Small text helpers for the readable output: padding, wrapping, Vietnamese numbers and dates.
 * Text is NFC, so one character is one column for Vietnamese letters.
 */

/** "2021-06-18" → "18/06/2021", the way the documents themselves write dates. */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** 4480 → "4,4 KB" (Vietnamese decimal comma). */
export function viBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

const seconds = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 0.0431 → "0,04": a run of a few files takes well under a second. */
export function viSeconds(s: number): string {
  return seconds.format(s);
}

export function viNumber(n: number): string {
  return number.format(n);
}

/** Greedy word wrap; a word longer than the width stays whole rather than being cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** Cut at a word boundary and mark the cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut} …`;
}
