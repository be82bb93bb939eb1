/**
 * One short công văn in the genre, rendered into every input format, so the contract suite can
 * check that each adapter yields the same key lines. Test-only (excluded from the build).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  AlignmentType, BorderStyle, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";

const run = promisify(execFile);

/** The real documents of the shared evaluation set (shared/ sits beside the repository, also in CI). */
export const REAL_DOCS = fileURLToPath(new URL("../../../../../shared/eval/real/docs/", import.meta.url));
export const realDoc = (name: string): string => join(REAL_DOCS, name);
export const haveRealDocs = existsSync(REAL_DOCS);
if (!haveRealDocs) console.warn(`tests on real documents are skipped: ${REAL_DOCS} is missing`);

export const HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 123/UBND-KGVX", "V/v phòng, chống sốt xuất huyết"];
export const HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Ngãi, ngày 15 tháng 3 năm 2025"];
export const RECIPIENTS = ["Kính gửi:", "- Sở Y tế;", "- Ủy ban nhân dân các huyện, thị xã, thành phố."];
export const INTRO = "Thực hiện chỉ đạo của Bộ Y tế, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:";
export const ITEMS = [
  "Sở Y tế chủ trì giám sát, phát hiện sớm ca bệnh; báo cáo trước ngày 30/4/2025.",
  "Ủy ban nhân dân các huyện tuyên truyền người dân diệt lăng quăng, bọ gậy.",
  "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.",
];
export const FOOTER_LEFT = ["Nơi nhận:", "- Như trên;", "- Bộ Y tế (b/c);", "- Lưu: VT, KGVX."];
export const FOOTER_RIGHT = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Thị Thu Hường"];

/** The strings every adapter's output must contain (whitespace collapsed per line). */
export const KEY_LINES = [
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Số: 123/UBND-KGVX",
  "Quảng Ngãi, ngày 15 tháng 3 năm 2025",
  "Kính gửi:",
  "Nơi nhận:",
  "Nguyễn Thị Thu Hường",
];

/** Plain-text rendering, header columns separated by a tab as a typist would. */
export function sampleText(): string {
  const rows = (l: string[], r: string[]) => l.map((x, i) => (r[i] ? `${x}\t${r[i]}` : x));
  return [
    ...rows(HEADER_LEFT, HEADER_RIGHT),
    "",
    ...RECIPIENTS,
    "",
    INTRO,
    ...ITEMS.map((t, i) => `${i + 1}. ${t}`),
    "",
    ...rows(FOOTER_LEFT, FOOTER_RIGHT),
  ].join("\n");
}

export function sampleMarkdown(): string {
  return sampleText().replace("Kính gửi:", "**Kính gửi:**").replace("Nơi nhận:", "*Nơi nhận:*");
}

/** HTML as vbpl.vn serves it: header table, words split across spans, an <ol> for the items. */
export function sampleHtml(): string {
  const cell = (lines: string[]) => `<td><p align="center"><b>${lines.join("<br/>\n")}</b></p></td>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>CV 123</title><style>p{margin:0}</style></head><body>
<table><tbody><tr>${cell(HEADER_LEFT.slice(0, 2))}${cell(HEADER_RIGHT.slice(0, 2))}</tr>
<tr><td><p>${HEADER_LEFT[2]}<br>${HEADER_LEFT[3]}</p></td><td><p><i><span>Quảng Ng</span>ãi, ngày 15 tháng 3 năm 2025</i></p></td></tr></tbody></table>
<p><span>K</span>ính gửi:</p><p>${RECIPIENTS[1]}</p><p>${RECIPIENTS[2]}</p>
<p>${INTRO}</p>
<ol>${ITEMS.map((t) => `<li>${t}</li>`).join("\n")}</ol>
<table><tr><td><p><b><i>Nơi nhận:</i></b><br/>${FOOTER_LEFT.slice(1).join("<br/>")}</p></td>
<td><p><b>KT. CH</b><b>Ủ TỊCH<br/>PHÓ CHỦ TỊCH</b><br/><br/><b><span>Nguyễn Th</span>ị Thu Hường</b></p></td></tr></table>
<script>var x = "Kính gửi: SCRIPT";</script></body></html>`;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function para(text: string, opts: { center?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text, font: "Times New Roman", size: opts.size ?? 26 })],
  });
}

/** Left column narrower, as on paper, so "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" fits on one line. */
function twoColumns(left: string[], right: string[]): Table {
  const col = (lines: string[], pct: number) =>
    new TableCell({ width: { size: pct, type: WidthType.PERCENTAGE }, children: lines.map((l) => para(l, { center: true, size: 24 })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [col(left, 40), col(right, 60)] })],
  });
}

/** A .docx like a clerk's: header and signature as borderless 2-column tables, items auto-numbered. */
export async function sampleDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [{ reference: "items", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] }],
    },
    sections: [{
      children: [
        twoColumns(HEADER_LEFT, HEADER_RIGHT),
        para(""),
        ...RECIPIENTS.map((r) => para(r)),
        para(INTRO),
        ...ITEMS.map((t) => new Paragraph({ numbering: { reference: "items", level: 0 }, children: [new TextRun({ text: t, font: "Times New Roman", size: 26 })] })),
        para(""),
        twoColumns(FOOTER_LEFT, FOOTER_RIGHT),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function hasCommand(cmd: string, args: string[] = ["--version"]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 60_000 });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/** docx → PDF with LibreOffice, in a private profile so parallel runs do not collide. */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "chidao-soffice-"));
  try {
    await writeFile(join(dir, "sample.docx"), docx);
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    await run("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "sample.docx")], { timeout: 120_000 });
    return new Uint8Array(await readFile(join(dir, "sample.pdf")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Render page 1 of a PDF to a greyscale PNG (to fabricate a scanned page). */
export async function renderPagePng(pdf: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "chidao-render-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", join(dir, "in.pdf"), join(dir, "page")]);
    return new Uint8Array(await readFile(join(dir, "page.png")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whitespace (spaces, tabs, layout gaps) collapsed per line, for layout-independent matching. */
export function flat(text: string): string {
  return text.split("\n").map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim()).join("\n");
}
