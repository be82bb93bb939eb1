import { describe, expect, it } from "vitest";
import { findDeadline } from "./deadlines.js";
import { foldChars } from "../text/fold.js";

const deadline = (text: string, docDate = "2021-07-24") => findDeadline(foldChars(text), text, docDate);

describe("deadlines resolved against the document date", () => {
  it.each([
    ["hoàn thành trước ngày 15/8/2021", "2021-08-15"],
    ["chậm nhất ngày 20/9/2021 phải báo cáo", "2021-09-20"],
    ["gửi về Sở Y tế trước ngày 10 tháng 9 năm 2021", "2021-09-10"],
    ["đảm bảo trong vòng 01 tuần phải xác định", "2021-07-31"],
    ["trong tháng 9/2021", "2021-09-30"],
    ["hoàn thành trong quý III/2021", "2021-09-30"],
    ["trình Hội nghị Ban Thường vụ tháng 8-2021 xem xét", "2021-08-31"],
  ])("%s → %s", (text, iso) => {
    expect(deadline(text)?.date).toBe(iso);
  });

  it("counts working days, skipping the weekend", () => {
    expect(deadline("trong vòng 05 ngày làm việc")?.date).toBe("2021-07-30");
  });

  it("keeps recurring duties as words, without a date", () => {
    const d = deadline("báo cáo kết quả trước 17 giờ hằng ngày");
    expect(d?.date).toBeNull();
    expect(d?.recurrence).toBe("ngay");
    expect(deadline("vào ngày 10 hàng tháng")?.recurrence).toBe("thang");
  });

  it("sees no deadline in words of urgency or in past dates", () => {
    expect(deadline("khẩn trương, kịp thời triển khai")).toBeNull();
    expect(deadline("theo Nghị quyết số 21/NQ-CP ngày 26/02/2021")).toBeNull();
  });
});
