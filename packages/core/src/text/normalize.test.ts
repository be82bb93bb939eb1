import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.js";

describe("normalizeText repairs extraction noise", () => {
  it("joins lines a PDF export wrapped inside a sentence, even across blank lines", () => {
    const raw = "1. Để triển khai công tác phòng, chống dịch đạt hiệu quả, \n\ntừng bước kiểm soát dịch bệnh.\n\n2. Sở Y tế chủ trì.";
    expect(normalizeText(raw)).toBe("1. Để triển khai công tác phòng, chống dịch đạt hiệu quả, từng bước kiểm soát dịch bệnh.\n\n2. Sở Y tế chủ trì.");
  });

  it("rejoins words and codes split at a line end", () => {
    expect(normalizeText("thành lập Trung tâm cứu trợ Covid-\n19 và đường dây nóng")).toContain("Covid-19 và");
    expect(normalizeText("theo Công văn số 6880/UBND-\nKGVX, ngày 23/7/2021")).toContain("6880/UBND-KGVX, ngày");
  });

  it("strips markdown emphasis, escapes and headings", () => {
    expect(normalizeText("## TỈNH ỦY ĐẮK LẮK\n\n\\*\n\n**1.** Quán triệt *nội dung*")).toBe("TỈNH ỦY ĐẮK LẮK\n\n*\n\n1. Quán triệt nội dung");
  });

  it("drops page breaks, lone page numbers and repeated watermarks", () => {
    const wm = "THƯ VIỆN PHÁP LUẬT * www.ThuVienPhapLuat.vn";
    const raw = `Đoạn một kết thúc.\n${wm}\n\n--- PAGE BREAK ---\n\n2\n\nĐoạn hai.\n${wm}`;
    expect(normalizeText(raw)).toBe("Đoạn một kết thúc.\n\nĐoạn hai.");
  });

  it("keeps two-column header cells apart with one tab", () => {
    expect(normalizeText(" \tTỈNH ỦY KON TUM\t\tĐẢNG CỘNG SẢN VIỆT NAM")).toBe("TỈNH ỦY KON TUM\tĐẢNG CỘNG SẢN VIỆT NAM");
    expect(normalizeText("ỦY BAN NHÂN DÂN         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("does not join header lines or a list item to the line above", () => {
    const raw = "V/v triển khai Công điện số\n28/CĐ-TTg ngày 11/01/2022\n\nKính gửi: Sở Y tế\nThực hiện Công điện số 28/CĐ-TTg, UBND tỉnh yêu cầu:\n1. Sở Y tế chủ trì";
    const out = normalizeText(raw).split("\n");
    expect(out).toContain("Kính gửi: Sở Y tế");
    expect(out).toContain("1. Sở Y tế chủ trì");
  });

  it("outputs NFC from NFD input", () => {
    expect(normalizeText("Ủy ban nhân dân".normalize("NFD"))).toBe("Ủy ban nhân dân");
  });
});
