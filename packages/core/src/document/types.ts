/**
 * @module document/types
 * Document type names and abbreviations: Decree 30/2020 Phụ lục III, the older TT 01/2011 and
 * TTLT 55/2005 codes still met in the wild, normative (VBQPPL) types, and Party types
 * (HD 36-HD/VPTW). Source: ../shared/design/DOMAIN.md §1.2, §2.3.
 */
import { foldKey } from "../text/fold.js";
import { memoize } from "../memo.js";

export interface DocumentTypeInfo {
  code: string;
  name: string;
  /** Normative legal document (văn bản quy phạm pháp luật). */
  normative?: boolean;
}

export const DOCUMENT_TYPES: readonly DocumentTypeInfo[] = [
  { code: "NQ", name: "Nghị quyết" },
  { code: "QĐ", name: "Quyết định" },
  { code: "CT", name: "Chỉ thị" },
  { code: "KL", name: "Kết luận" },
  { code: "QC", name: "Quy chế" },
  { code: "QyĐ", name: "Quy định" },
  { code: "QĐi", name: "Quy định" },
  { code: "TC", name: "Thông cáo" },
  { code: "TB", name: "Thông báo" },
  { code: "HD", name: "Hướng dẫn" },
  { code: "CTr", name: "Chương trình" },
  { code: "KH", name: "Kế hoạch" },
  { code: "PA", name: "Phương án" },
  { code: "ĐA", name: "Đề án" },
  { code: "DA", name: "Dự án" },
  { code: "BC", name: "Báo cáo" },
  { code: "BB", name: "Biên bản" },
  { code: "TTr", name: "Tờ trình" },
  { code: "HĐ", name: "Hợp đồng" },
  { code: "CĐ", name: "Công điện" },
  { code: "BGN", name: "Bản ghi nhớ" },
  { code: "BTT", name: "Bản thỏa thuận" },
  { code: "GUQ", name: "Giấy ủy quyền" },
  { code: "GM", name: "Giấy mời" },
  { code: "GGT", name: "Giấy giới thiệu" },
  { code: "GNP", name: "Giấy nghỉ phép" },
  { code: "PG", name: "Phiếu gửi" },
  { code: "PC", name: "Phiếu chuyển" },
  { code: "PB", name: "Phiếu báo" },
  { code: "SY", name: "Bản sao y" },
  { code: "SL", name: "Bản sao lục" },
  { code: "TrS", name: "Bản trích sao" },
  { code: "CV", name: "Công văn" },
  { code: "TT", name: "Thông tư", normative: true },
  { code: "TTLT", name: "Thông tư liên tịch", normative: true },
  { code: "NĐ", name: "Nghị định", normative: true },
  { code: "NQLT", name: "Nghị quyết liên tịch", normative: true },
  { code: "PL", name: "Pháp lệnh", normative: true },
  { code: "L", name: "Lệnh", normative: true },
  { code: "Luật", name: "Luật", normative: true },
  { code: "VBHN", name: "Văn bản hợp nhất" },
  { code: "HDLT", name: "Hướng dẫn liên tịch" },
  { code: "TTri", name: "Thông tri" },
];

const byFoldedCode = new Map<string, DocumentTypeInfo>();
for (const t of DOCUMENT_TYPES) if (!byFoldedCode.has(foldKey(t.code))) byFoldedCode.set(foldKey(t.code), t);

/** Type names as they open a title or a mention, longest first ("Thông tư liên tịch" before "Thông tư"). */
export const TYPE_NAMES: readonly DocumentTypeInfo[] = [...DOCUMENT_TYPES]
  .filter((t, i, all) => all.findIndex((u) => u.name === t.name) === i && t.code !== "QĐi")
  .sort((a, b) => b.name.length - a.name.length);

/** The type with this abbreviation, tolerant of case and diacritics ("QD" → QĐ). */
export const typeByCode: (code: string) => DocumentTypeInfo | undefined = memoize(
  (code) => DOCUMENT_TYPES.find((t) => t.code === code) ?? byFoldedCode.get(foldKey(code)),
  5_000,
);

const byFoldedName = new Map<string, DocumentTypeInfo>();
for (const t of TYPE_NAMES) byFoldedName.set(foldKey(t.name), t);

/** The type with this name ("CÔNG ĐIỆN", "Quyết định"); Party "Quy định" keeps code QĐi only by symbol. */
export function typeByName(name: string): DocumentTypeInfo | undefined {
  return byFoldedName.get(foldKey(name));
}
