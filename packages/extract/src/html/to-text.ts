/**
 * @module html/to-text
 * HTML → plain lines for the parser. Blocks end lines; inline elements concatenate without
 * adding spaces; table rows become TAB-separated lines; list items get their numbers back
 * (mammoth's HTML keeps Word numbering only as <ol>, so "1." would otherwise be lost).
 */
import { parseDocument } from "htmlparser2";
import { LineBuilder } from "./lines.js";

type Node = ReturnType<typeof parseDocument>["children"][number];
interface Element {
  name: string;
  attribs: Record<string, string>;
  children: Node[];
}

const SKIP = new Set(["head", "script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object", "select", "button"]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
  "legend", "li", "main", "nav", "p", "pre", "section", "summary", "td", "th", "tr", "tbody", "thead", "tfoot",
]);

export interface HtmlTextOptions {
  keepTabs?: boolean;
}

export function htmlToText(html: string, opts: HtmlTextOptions = {}): string {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const b = new LineBuilder(opts.keepTabs ?? false);
  walk(doc.children, b, 0, opts);
  return collapseBlankLines(b.finish()).join("\n");
}

function asElement(node: Node): Element | null {
  return "name" in node && "attribs" in node ? (node as unknown as Element) : null;
}

function walk(nodes: Node[], b: LineBuilder, listDepth: number, opts: HtmlTextOptions): void {
  for (const node of nodes) {
    if (node.type === "text") b.text((node as { data: string }).data);
    const el = asElement(node);
    if (el) element(el, b, listDepth, opts);
  }
}

function element(el: Element, b: LineBuilder, listDepth: number, opts: HtmlTextOptions): void {
  const name = el.name;
  if (SKIP.has(name)) return;
  if (name === "br") return b.hardBreak();
  if (name === "table") return b.addLines(tableLines(el, opts));
  if (name === "ol" || name === "ul") return list(el, b, listDepth, opts);
  if (name === "sup") return superscript(el, b, listDepth, opts);
  if (!BLOCK.has(name)) return walk(el.children, b, listDepth, opts); // inline: no added spaces
  b.endLine();
  const before = b.lineCount();
  walk(el.children, b, listDepth, opts);
  const empty = b.lineCount() === before && !b.hasPendingText();
  if (empty && name === "p") b.blank(); // <p>&nbsp;</p> is the author's vertical spacing
  b.endLine();
}

/**
 * Superscript keeps the "^(…)" notation the normalizer knows: in directives it carries the
 * drafter's initials after the file mark ("Lưu: VT, KGVX^(HDD)") or a footnote number.
 */
function superscript(el: Element, b: LineBuilder, listDepth: number, opts: HtmlTextOptions): void {
  b.text("^(");
  walk(el.children, b, listDepth, opts);
  b.text(")");
}

/** Ordered items get their number back; nested levels use the Vietnamese "a)" style. */
function list(el: Element, b: LineBuilder, depth: number, opts: HtmlTextOptions): void {
  b.endLine();
  const ordered = el.name === "ol";
  const type = el.attribs.type ?? (depth === 0 ? "1" : depth === 1 ? "a" : "-");
  let n = Number.parseInt(el.attribs.start ?? "1", 10);
  if (!Number.isFinite(n)) n = 1;
  for (const child of el.children) {
    const li = asElement(child);
    if (li?.name !== "li") {
      walk([child], b, depth + 1, opts);
      continue;
    }
    b.endLine();
    b.setPrefix(ordered ? marker(n++, type) : "- ");
    walk(li.children, b, depth + 1, opts);
    b.endLine();
    b.clearPrefix();
  }
}

function marker(n: number, type: string): string {
  if (type === "a") return `${alpha(n)}) `;
  if (type === "A") return `${alpha(n).toUpperCase()}. `;
  if (type === "i") return `${roman(n).toLowerCase()}. `;
  if (type === "I") return `${roman(n)}. `;
  if (type === "-") return "- ";
  return `${n}. `;
}

function alpha(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s || "a";
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let s = "";
  for (const [v, r] of table) for (; n >= v; n -= v) s += r;
  return s;
}

/** Each row becomes lines whose cells are joined by TAB; multi-line cells are zipped line by line,
 * which mirrors how the two-column header reads on paper (and what pdftotext -layout gives). */
function tableLines(table: Element, opts: HtmlTextOptions): string[] {
  const out: string[] = [];
  for (const child of table.children) {
    const el = asElement(child);
    if (!el) continue;
    if (el.name === "tr") out.push(...rowLines(el, opts));
    else if (el.name === "thead" || el.name === "tbody" || el.name === "tfoot") out.push(...tableLines(el, opts));
    else out.push(...renderLines([child], opts));
  }
  return out;
}

function rowLines(tr: Element, opts: HtmlTextOptions): string[] {
  const cells = tr.children
    .map(asElement)
    .filter((c): c is Element => c?.name === "td" || c?.name === "th")
    .map((c) => renderLines(c.children, opts));
  const height = Math.max(0, ...cells.map((c) => c.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++) {
    const line = cells.map((c) => c[i] ?? "").join("\t").replace(/\t+$/, "");
    if (line !== "") out.push(line);
  }
  return out;
}

function renderLines(nodes: Node[], opts: HtmlTextOptions): string[] {
  const b = new LineBuilder(opts.keepTabs ?? false);
  walk(nodes, b, 0, opts);
  return b.finish();
}

function collapseBlankLines(lines: string[]): string[] {
  return lines.filter((l, i) => l !== "" || (i > 0 && lines[i - 1] !== ""));
}
