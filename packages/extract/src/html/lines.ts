/**
 * @module html/lines
 * Accumulates text into lines the way a browser lays out blocks: text runs concatenate
 * (inline elements never add spaces: vbpl.vn splits words across spans), blocks end lines.
 */

export class LineBuilder {
  private readonly lines: string[] = [];
  private current = "";
  private prefix = "";

  /** keepTabs: Word tab stops (mammoth emits "\t") separate columns; web HTML tabs are just spacing. */
  constructor(private readonly keepTabs: boolean) {}

  text(s: string): void {
    this.current += s;
  }

  /** A list marker ("1. ", "a) ") that belongs to the next non-empty line. */
  setPrefix(p: string): void {
    this.prefix = p;
  }

  clearPrefix(): void {
    this.prefix = "";
  }

  /** End the current line if it has any text (block boundaries). */
  endLine(): void {
    const line = cleanLine(this.current, this.keepTabs);
    this.current = "";
    if (line === "") return;
    this.lines.push(this.prefix + line);
    this.prefix = "";
  }

  /** <br>: always a line break, so "<br><br>" leaves a blank line as in the browser. */
  hardBreak(): void {
    if (cleanLine(this.current, this.keepTabs) !== "") return this.endLine();
    this.current = "";
    this.blank();
  }

  /** An explicitly empty paragraph: keep one blank line as a visual separator. */
  blank(): void {
    this.endLine();
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  lineCount(): number {
    return this.lines.length;
  }

  hasPendingText(): boolean {
    return cleanLine(this.current, this.keepTabs) !== "";
  }

  addLines(lines: string[]): void {
    this.endLine();
    this.lines.push(...lines);
  }

  finish(): string[] {
    this.endLine();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines;
  }
}

/** Collapse whitespace runs (NBSP included) inside a line; drop invisible format characters. */
export function cleanLine(s: string, keepTabs: boolean): string {
  let t = s.replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, "");
  if (keepTabs) {
    t = t.replace(/[^\S\t]+/g, " ").replace(/ *\t[\t ]*/g, "\t");
  } else {
    t = t.replace(/\s+/g, " ");
  }
  return t.trim();
}
