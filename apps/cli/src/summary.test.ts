import { parseDocument, type DocumentRecord, type Span } from "@chidao/core";
import { describe, expect, it } from "vitest";
import { SAMPLE_CV } from "./__tests__/helpers.js";
import { MISSING, renderSummary } from "./summary.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const LABELS = [
  "Hệ thống", "Cơ quan ban hành", "Số, ký hiệu", "Loại", "Địa danh", "Ngày", "Trích yếu", "Độ khẩn",
  "Kính gửi", "Người ký", "Nơi nhận", "Văn bản được dẫn chiếu", "Nhiệm vụ", "Cảnh báo",
];

function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`not in sample: ${needle}`);
  return { start, end: start + needle.length };
}

/** A record as the parser will fill it, built by hand so this test does not wait for the parser. */
function filledRecord(): DocumentRecord {
  const r = parseDocument(SAMPLE_CV, { source: { file: "cv.txt", format: "txt", encoding: "utf-8", bytes: 1234 } });
  const at = (s: string) => spanOf(r.text, s);
  Object.assign(r, {
    system: "state", issuer: { name: "Ủy ban nhân dân tỉnh Đắk Lắk", parent: null, span: at("TỈNH ĐẮK LẮK") },
    code: "115/UBND-KGVX", type: { code: "CV", name: "Công văn" }, place: "Đắk Lắk", date: "2021-06-18",
    subject: "tăng cường phòng, chống dịch COVID-19", recipients: ["Sở Y tế", "UBND các huyện, thị xã, thành phố"],
    signer: { name: "Nguyễn Văn A", title: "Phó Chủ tịch", authority: ["KT"], span: at("Nguyễn Văn A") },
    distribution: ["Như trên", "Lưu: VT"],
    citations: [{ code: "28/CĐ-TTg", type: "CĐ", date: "2022-01-11", issuer: "Thủ tướng Chính phủ", spans: [at("28/CĐ-TTg")] }],
    tasks: [{ ref: "1", text: "Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai xét nghiệm", lead: ["Sở Y tế"],
      support: ["Công an tỉnh"], deadline: "2021-07-31", deadlineText: "trước ngày 31/7/2021", reportTo: ["UBND tỉnh"],
      span: at("1. Sở Y tế"), leadMentions: [], supportMentions: [] }],
    spans: { code: at("115/UBND-KGVX"), date: at("ngày 18 tháng 6 năm 2021"), system: at("CỘNG HÒA"), "recipients[0]": at("Sở Y tế;") },
  } satisfies Partial<DocumentRecord>);
  return r;
}

describe("renderSummary", () => {
  it("shows every Vietnamese label", () => {
    const text = renderSummary(filledRecord(), { index: 0, total: 1 });
    for (const label of LABELS) expect(text).toContain(label);
  });

  it("puts the source line beside the value", () => {
    const text = renderSummary(filledRecord(), { index: 0, total: 1 });
    expect(text).toMatch(/Số, ký hiệu\s+: 115\/UBND-KGVX {3}\(dòng 6\)/);
    expect(text).toMatch(/Ngày\s+: 18\/06\/2021 {3}\(dòng 8\)/);
    expect(text).toMatch(/Hệ thống\s+: Nhà nước {3}\(dòng 3\)/);
    expect(text).toMatch(/• Sở Y tế {3}\(dòng 11\)/);
    expect(text).toMatch(/28\/CĐ-TTg · CĐ · 11\/01\/2022 · Thủ tướng Chính phủ {3}\(dòng 14\)/);
  });

  it("shows a task with lead, support, deadline and report-to", () => {
    const text = renderSummary(filledRecord(), { index: 0, total: 1 });
    expect(text).toContain("[1] Sở Y tế chủ trì");
    expect(text).toMatch(/Chủ trì\s*: Sở Y tế/);
    expect(text).toMatch(/Phối hợp\s*: Công an tỉnh/);
    expect(text).toMatch(/Thời hạn\s*: 31\/07\/2021 \(“trước ngày 31\/7\/2021”\)/);
    expect(text).toMatch(/Báo cáo về\s*: UBND tỉnh/);
  });

  it("says which values were not found", () => {
    const empty = parseDocument("văn bản trống", { source: { file: "x.txt" } });
    const text = renderSummary(empty, { index: 1, total: 3 });
    expect(text).toContain("[2/3] x.txt");
    expect(text).toMatch(new RegExp(`Số, ký hiệu\\s+: ${escape(MISSING)}`));
    expect(text).toMatch(new RegExp(`Nhiệm vụ\\s+: ${escape(MISSING)}`));
  });

  it("aligns the labels", () => {
    const text = renderSummary(filledRecord(), { index: 0, total: 1 });
    const colons = text.split("\n").filter((l) => /^ {2}\S/.test(l)).map((l) => l.indexOf(" : "));
    expect(new Set(colons).size).toBe(1);
  });
});
