import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse.js";

const STATE = `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KHÁNH HÒA\tĐộc lập - Tự do - Hạnh phúc
Số: 1234/UBND-KGVX\tKhánh Hòa, ngày 02 tháng 8 năm 2021
V/v tăng cường xét nghiệm diện rộng
HỎA TỐC

Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các huyện, thị xã, thành phố.

Thực hiện Công điện số 1102/CĐ-TTg ngày 23/8/2021 của Thủ tướng Chính phủ, UBND tỉnh yêu cầu:
1. Sở Y tế chủ trì, phối hợp với Công an tỉnh và UBND các huyện, thị xã, thành phố tổ chức xét nghiệm toàn dân, hoàn thành trước ngày 15/8/2021; báo cáo kết quả về UBND tỉnh trước 17 giờ hằng ngày.
2. Tổ chức rà soát, lập danh sách người dân cần hỗ trợ lương thực.

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Như trên;\tKT. CHỦ TỊCH
- Lưu: VT, KGVX.\tPHÓ CHỦ TỊCH

Nguyễn Văn A`;

const PARTY = `TỈNH ỦY KON TUM\tĐẢNG CỘNG SẢN VIỆT NAM
*\tKon Tum, ngày 27 tháng 8 năm 2021
Số 283-TB/TU

THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY
tại Hội nghị về công tác phòng, chống dịch COVID-19
-----
Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền tập trung thực hiện các nhiệm vụ sau:
1. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh thành lập Trung tâm chỉ huy phòng, chống dịch COVID-19 tỉnh, hoàn thành trong tháng 8-2021.
2. Các đảng ủy Công an tỉnh, Quân sự tỉnh chỉ đạo tăng cường bảo đảm an ninh trật tự.
Nơi nhận:
- Các đồng chí Tỉnh ủy viên,
- Lưu Văn phòng Tỉnh ủy.
T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG
Thái Văn Tưởng`;

describe("parseDocument: a state công văn in the two-column layout", () => {
  const r = parseDocument(STATE);

  it("reads the header", () => {
    expect(r.system).toBe("state");
    expect(r.issuer?.name).toBe("Ủy ban nhân dân tỉnh Khánh Hòa");
    expect(r.code).toBe("1234/UBND-KGVX");
    expect(r.type?.code).toBe("CV");
    expect(r.place).toBe("Khánh Hòa");
    expect(r.date).toBe("2021-08-02");
    expect(r.subject).toBe("tăng cường xét nghiệm diện rộng");
    expect(r.urgency).toBe("Hỏa tốc");
  });

  it("gives every scalar a span that points at its words", () => {
    expect(r.text.slice(r.spans["code"]!.start, r.spans["code"]!.end)).toBe("1234/UBND-KGVX");
    expect(r.text.slice(r.spans["date"]!.start, r.spans["date"]!.end)).toContain("02 tháng 8 năm 2021");
  });

  it("reads recipients, distribution and the state signature block", () => {
    expect(r.recipients).toEqual(["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]);
    expect(r.distribution).toEqual(["Như trên", "Lưu: VT, KGVX"]);
    expect(r.signer).toMatchObject({ name: "Nguyễn Văn A", title: "Phó Chủ tịch", authority: ["TM", "KT"] });
  });

  it("reads tasks: chủ trì/phối hợp, deadline, report-back, inherited lead", () => {
    expect(r.tasks.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(r.tasks[0]).toMatchObject({ lead: ["Sở Y tế"], support: ["Công an tỉnh", "UBND các huyện, thị xã, thành phố"], deadline: "2021-08-15", reportTo: ["UBND tỉnh"] });
    // No subject and no addressee in the introducing sentence: the "Kính gửi" recipients act.
    expect(r.tasks[1]!.lead).toEqual(["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]);
    expect(r.citations).toEqual([expect.objectContaining({ code: "1102/CĐ-TTg", type: "CĐ", date: "2021-08-23", issuer: "Thủ tướng Chính phủ" })]);
  });
});

describe("parseDocument: a Party thông báo", () => {
  const r = parseDocument(PARTY);

  it("reads the Party header and T/L signature", () => {
    expect(r.system).toBe("party");
    expect(r.code).toBe("283-TB/TU");
    expect(r.type?.code).toBe("TB");
    expect(r.subject).toContain("tại Hội nghị về công tác phòng, chống dịch COVID-19");
    expect(r.signer).toMatchObject({ name: "Thái Văn Tưởng", title: "Chánh Văn phòng", authority: ["TL"] });
  });

  it("makes X the lead of 'X lãnh đạo Y', resolves 'trong tháng 8-2021'", () => {
    expect(r.tasks[0]).toMatchObject({ ref: "1", lead: ["Ban cán sự đảng Ủy ban nhân dân tỉnh"], deadline: "2021-08-31" });
  });

  it("says what it could not find", () => {
    const empty = parseDocument("Một dòng không phải văn bản.");
    expect(empty.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(["issuer", "code", "date"]));
    expect(empty.warnings[0]).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
  });
});
