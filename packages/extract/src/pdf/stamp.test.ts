import { describe, expect, it } from "vitest";
import { parseStamp, parseStampTime, stripStamps } from "./stamp.js";

// Text layers of page 1 as pdftotext -layout prints them (real files 049 and 052, 045).
const P049 = [
  "                          Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi",
  "                          Cơ quan: Tỉnh Quảng Ngãi",
  "TRUNG TÂM CÔNG            Thời gian ký: 04/02/2025 16:42:36",
  "BÁO VÀ TIN HỌC",
  "ttcbth@quangngai.gov.vn",
  "05.02.2025 08:09:28",
  "+07:00",
  "",
].join("\n");
const P052 = [
  "                             Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi",
  "TRUNG TÂM CÔNG BÁO           Cơ quan: Tỉnh Quảng Ngãi",
  "VÀ TIN HỌC                   Thời gian ký: 26/01/2025 11:12:09",
  "ttcbth@quangngai.gov.vn",
  "27.01.2025 07:10:01 +07:00",
].join("\n");
const P045 = "Trung tâm Công báo và Tin học\nttcbth@quangngai.gov.vn\n21.03.2018 16:41:00 +07:00\n";

describe("digital-signature stamp", () => {
  it("parses the signer's stamp (049)", () => {
    expect(parseStamp([P049, ""])).toEqual({
      signedBy: "Ủy ban nhân dân tỉnh Quảng Ngãi",
      organisation: "Tỉnh Quảng Ngãi",
      time: "2025-02-04T16:42:36+07:00",
    });
  });

  it("parses the stamp when columns share lines (052)", () => {
    expect(parseStamp([P052])?.time).toBe("2025-01-26T11:12:09+07:00");
    expect(parseStamp([P052])?.organisation).toBe("Tỉnh Quảng Ngãi");
  });

  it("falls back to the gazette publisher's stamp (045)", () => {
    expect(parseStamp([P045])).toEqual({ signedBy: "Trung tâm Công báo và Tin học", organisation: null, time: "2018-03-21T16:41:00+07:00" });
  });

  it("finds no stamp in ordinary text", () => {
    expect(parseStamp(["Cơ quan: Sở Y tế\nEmail: a@b.vn\nNgày 04/02/2025 họp lúc 16:42"])).toBeNull();
  });

  it("strips every stamp line, leaving nothing of a scanned page's text layer", () => {
    expect(stripStamps(P049).trim()).toBe("");
    expect(stripStamps(P052).trim()).toBe("");
    expect(stripStamps(P045).trim()).toBe("");
  });

  it("keeps body text next to and away from the stamp, in its column", () => {
    const page = [
      "ỦY BAN NHÂN DÂN         Ký bởi: Sở Y tế",
      "TỈNH QUẢNG NGÃI         Thời gian ký: 04/02/2025 16:42:36",
      "Kính gửi: Các sở, ngành",
      ...Array.from({ length: 10 }, (_, i) => `Dòng ${i}`),
      "Cơ quan: Sở Tài chính",
    ].join("\n");
    const out = stripStamps(page).split("\n");
    expect(out[0]).toBe("ỦY BAN NHÂN DÂN");
    expect(out[1]).toBe("TỈNH QUẢNG NGÃI");
    expect(out).toContain("Kính gửi: Các sở, ngành");
    expect(out).toContain("Cơ quan: Sở Tài chính"); // far from the stamp: body text
  });

  it("converts stamp times to ISO 8601, Vietnam time unless stated", () => {
    expect(parseStampTime("04/02/2025 16:42:36")).toBe("2025-02-04T16:42:36+07:00");
    expect(parseStampTime("5.2.2025 8:09:28 +07:00")).toBe("2025-02-05T08:09:28+07:00");
    expect(parseStampTime("05-02-2025 08:09")).toBe("2025-02-05T08:09:00+07:00");
    expect(parseStampTime("32/13/2025 10:00:00")).toBeNull();
    expect(parseStampTime("không rõ")).toBeNull();
  });
});
