/**
 * @module lines
 * Character spans (offsets into record.text) → the 1-based line numbers a reader can find in
 * the source: "dòng 7", "dòng 9–10", "dòng 9, 20".
 */
import type { Span } from "@chidao/core";

export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** Line holding this offset (binary search over line starts). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** "7" or "9–10"; null for a span that does not fit the text (never trust it for display). */
  rangeOf(span: Span | undefined): string | null {
    if (!span || !(span.start >= 0 && span.end >= span.start && span.end <= this.length)) return null;
    const first = this.lineOf(span.start);
    const last = this.lineOf(Math.max(span.start, span.end - 1));
    return first === last ? `${first}` : `${first}–${last}`;
  }

  /** "(dòng 9, 20)" for the given spans, or "" when none is usable. */
  describe(spans: ReadonlyArray<Span | undefined>, max = 4): string {
    const ranges = [...new Set(spans.map((s) => this.rangeOf(s)).filter((r): r is string => r !== null))];
    if (ranges.length === 0) return "";
    const shown = ranges.slice(0, max).join(", ") + (ranges.length > max ? ", …" : "");
    return `(dòng ${shown})`;
  }
}
