/**
 * Shared by the robustness suites: where ../shared lives, the real documents as text, and the
 * shape invariants every DocumentRecord must keep whatever text it was given.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { DocumentRecord } from "@chidao/core";

/** ../shared beside the repository (CHIDAO_SHARED overrides it). */
export const SHARED = process.env.CHIDAO_SHARED ?? fileURLToPath(new URL("../../../shared/", import.meta.url));

export const TEXT_EXTENSIONS = new Set([".txt", ".md", ".html", ".htm"]);

/** Text-format files of a directory, sorted; [] when the directory is absent. */
export function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => TEXT_EXTENSIONS.has(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
}

export const DEV_DOCS = join(SHARED, "eval/dev/docs");
export const REAL_DOCS = join(SHARED, "eval/real/docs");
export const CORPUS = join(SHARED, "corpus/real");

/** The dev and real documents as strings (raw file text: HTML is kept as markup on purpose). */
export function realTexts(): string[] {
  return [...textFiles(DEV_DOCS), ...textFiles(REAL_DOCS)].map((f) => readFileSync(f, "utf8"));
}

const SYSTEMS = [null, "party", "state"];
const URGENCIES = [null, "Khẩn", "Thượng khẩn", "Hỏa tốc"];
const SECRECIES = [null, "Mật", "Tối mật", "Tuyệt mật"];

export function isIsoDate(s: unknown): boolean {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Throws (via expect) on the first broken invariant, naming the path. */
export function assertRecordShape(r: DocumentRecord): void {
  expect(typeof r.text).toBe("string");
  expect(SYSTEMS).toContain(r.system);
  expect(URGENCIES).toContain(r.urgency);
  expect(SECRECIES).toContain(r.secrecy);
  for (const k of ["code", "place", "subject"] as const) expect(r[k] === null || typeof r[k] === "string", k).toBe(true);
  assertArrays(r);
  assertDates(r);
  assertSpans(r, r.text.length);
  expect(() => JSON.stringify(r)).not.toThrow();
}

function assertArrays(r: DocumentRecord): void {
  const arrays: Array<[string, unknown]> = [
    ["recipients", r.recipients], ["distribution", r.distribution], ["citations", r.citations],
    ["tasks", r.tasks], ["agencies", r.agencies], ["warnings", r.warnings], ["signer.authority", r.signer?.authority],
  ];
  r.tasks?.forEach((t, i) => {
    for (const k of ["lead", "support", "reportTo", "leadMentions", "supportMentions"] as const) arrays.push([`tasks[${i}].${k}`, t[k]]);
  });
  r.citations?.forEach((c, i) => arrays.push([`citations[${i}].spans`, c.spans]));
  for (const [path, value] of arrays) expect(Array.isArray(value), `${path} is an array`).toBe(true);
  for (const s of [...r.recipients, ...r.distribution]) expect(typeof s).toBe("string");
}

function assertDates(r: DocumentRecord): void {
  const dates: Array<[string, unknown]> = [["date", r.date]];
  r.citations.forEach((c, i) => dates.push([`citations[${i}].date`, c.date]));
  r.tasks.forEach((t, i) => dates.push([`tasks[${i}].deadline`, t.deadline]));
  for (const [path, d] of dates) expect(d === null || isIsoDate(d), `${path} = ${JSON.stringify(d)}`).toBe(true);
}

/** Every {start, end} anywhere in the record (present and future fields alike) lies inside the text. */
function assertSpans(value: unknown, length: number, path = "record"): void {
  if (Array.isArray(value)) return value.forEach((v, i) => assertSpans(v, length, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return;
  if (isSpanLike(value)) {
    const ok = Number.isInteger(value.start) && Number.isInteger(value.end) && value.start >= 0 && value.start <= value.end && value.end <= length;
    expect(ok, `${path} = [${value.start}, ${value.end}) within [0, ${length}]`).toBe(true);
  }
  for (const [k, v] of Object.entries(value)) if (k !== "text" || typeof v !== "string") assertSpans(v, length, `${path}.${k}`);
}

function isSpanLike(v: object): v is { start: number; end: number } {
  return "start" in v && "end" in v && typeof v.start === "number" && typeof v.end === "number";
}
