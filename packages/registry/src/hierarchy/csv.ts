/**
 * @module hierarchy/csv
 * Reads the reference CSVs of data/units. They are simple (no quoted field, no comma inside a
 * field, CRLF or LF lines), so a line split is a correct parser for them; anything else is refused
 * rather than misread.
 */
import { readFileSync } from "node:fs";
import { ChidaoError } from "@chidao/core";

export type CsvRecord = Readonly<Record<string, string>>;

/** The rows of a CSV file whose header must be exactly `columns`. */
export function readSimpleCsv(path: string, columns: readonly string[]): CsvRecord[] {
  const text = readText(path);
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const header = lines[0] ?? "";
  if (header !== columns.join(",")) throw malformed(path, 1, `header is "${header}", expected "${columns.join(",")}"`);
  return lines.slice(1).map((line, i) => toRecord(path, i + 2, line, columns));
}

function toRecord(path: string, lineNo: number, line: string, columns: readonly string[]): CsvRecord {
  if (line.includes('"')) throw malformed(path, lineNo, "quoted fields are not expected in this file");
  const fields = line.split(",");
  if (fields.length !== columns.length) throw malformed(path, lineNo, `${fields.length} fields, expected ${columns.length}`);
  return Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? ""]));
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ChidaoError({ code: "FILE_NOT_FOUND", vi: `Không đọc được tệp dữ liệu ${path}: ${(e as Error).message}`, en: `Cannot read the data file ${path}: ${(e as Error).message}`, details: { path } });
  }
}

function malformed(path: string, line: number, why: string): ChidaoError {
  return new ChidaoError({ code: "FORMAT_CORRUPT", vi: `Tệp ${path}, dòng ${line}: sai định dạng (${why})`, en: `${path}, line ${line}: malformed (${why})`, details: { path, line } });
}
