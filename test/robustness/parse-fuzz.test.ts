/**
 * parseDocument must never throw and must keep the record's shape, whatever text arrives:
 * random strings, Vietnamese-looking noise built from the genre's own words, and the real
 * documents cut, shuffled and mangled (what OCR and bad extraction actually produce).
 */
import { parseDocument } from "@chidao/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertRecordShape, realTexts } from "./support.js";

const RUNS = Number(process.env.CHIDAO_FUZZ_RUNS ?? 150);
const DOCS = realTexts();

function check(text: string): void {
  const record = parseDocument(text, { source: { file: "fuzz.txt" } });
  assertRecordShape(record);
  expect(record.source.file).toBe("fuzz.txt");
}

/** Words, numbers and marks that steer the parser into its branches (headers, codes, dates, lists). */
const GENRE = [
  "ỦY BAN NHÂN DÂN", "TỈNH ỦY", "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc", "Số:", "Số", "/UBND-KGVX", "-CV/TU", "/CĐ-TTg", "/QĐ-UBND", "V/v", "CÔNG VĂN",
  "KẾ HOẠCH", "CHỈ THỊ", "Công điện", "Kính gửi:", "Nơi nhận:", "Như trên", "Lưu: VT", "ngày", "tháng", "năm",
  "Hà Nội,", "Đắk Lắk,", "18", "6", "2021", "31/7/2021", "29/02/2021", "32/13/2020", "00", "trong vòng 01 tuần",
  "trước ngày", "chủ trì", "phối hợp với", "báo cáo", "Sở Y tế", "UBND các huyện, thị xã, thành phố", "và",
  "KT. CHỦ TỊCH", "TM.", "T/M", "K/T", "TL.", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "Hỏa tốc", "KHẨN", "Mật",
  "1.", "2.", "a)", "b)", "I.", "II.", "-", "+", "•", "*", "**", "#", "|", ":", ";", ",", "(", ")", "“", "”",
  "Nghị quyết số 21/NQ-CP", "Kết luận số 07-KL/TW", "ngày 11/6/2021 của Bộ Chính trị", "<p>", "</p>", "&nbsp;",
];
const SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "  ", "\r\n", "\u00a0", ""];

const genreText = fc
  .array(fc.tuple(fc.constantFrom(...GENRE), fc.constantFrom(...SEPARATORS)), { maxLength: 300 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

const realDoc = DOCS.length ? fc.constantFrom(...DOCS) : fc.constant("");

describe("parseDocument never throws", () => {
  it("on random strings (any code points, lone surrogates included)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 2000 }), check), { numRuns: RUNS });
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), check), { numRuns: RUNS });
  });

  it("on random Vietnamese-looking text built from the genre's words", () => {
    fc.assert(fc.property(genreText, check), { numRuns: RUNS * 2 });
  });

  it("on a header, then noise: the document start the parser reads most closely", () => {
    const header = DOCS[0]?.slice(0, 600) ?? "";
    fc.assert(fc.property(genreText, (noise) => check(header + noise)), { numRuns: RUNS });
  });
});

describe.skipIf(DOCS.length === 0)(`parseDocument on mangled real documents (${DOCS.length} found; skipped if ../shared is absent)`, () => {
  it("every real document as is", () => {
    for (const d of DOCS) check(d);
  });

  it("random slices and truncations", () => {
    const slice = fc.tuple(realDoc, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([d, a, b]) => d.slice(Math.floor(Math.min(a, b) * d.length), Math.ceil(Math.max(a, b) * d.length)));
    fc.assert(fc.property(slice, check), { numRuns: RUNS });
  });

  it("lines shuffled", () => {
    const shuffled = realDoc.chain((d) => fc.shuffledSubarray(d.split("\n"), { minLength: 0 })).map((ls) => ls.join("\n"));
    fc.assert(fc.property(shuffled, check), { numRuns: RUNS });
  });

  it("random edits: characters inserted, deleted and line breaks lost", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit: "grapheme", maxLength: 10 }));
    const mangled = fc.tuple(realDoc, fc.array(edit, { maxLength: 30 }), fc.boolean()).map(([d, edits, flatten]) => {
      let s = flatten ? d.replace(/\n/g, " ") : d;
      for (const [at, del, ins] of edits) {
        const i = s.length ? at % s.length : 0;
        s = s.slice(0, i) + ins + s.slice(i + del);
      }
      return s;
    });
    fc.assert(fc.property(mangled, check), { numRuns: RUNS });
  });

  it("the same document twice gives the same record (no hidden state between calls)", () => {
    for (const d of DOCS.slice(0, 5)) expect(parseDocument(d)).toEqual(parseDocument(d));
  });
});
