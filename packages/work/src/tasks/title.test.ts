import { describe, expect, it } from "vitest";
import { TITLE_MAX, titleOf } from "./title.js";

describe("titleOf", () => {
  it("takes the first clause", () => {
    expect(titleOf("Sở Y tế chỉ đạo tăng cường công tác điều trị; đẩy nhanh tiến độ tiêm vắc xin.")).toBe("Sở Y tế chỉ đạo tăng cường công tác điều trị");
    expect(titleOf("Ủy ban nhân dân tỉnh chỉ đạo:")).toBe("Ủy ban nhân dân tỉnh chỉ đạo");
    expect(titleOf("- Rà soát, đánh giá việc triển khai. Báo cáo kết quả.")).toBe("Rà soát, đánh giá việc triển khai");
  });

  it("keeps numbers and symbols with dots inside a clause", () => {
    expect(titleOf("Thực hiện Công điện số 04/CĐ-UBND theo mức 1.5 của tỉnh")).toBe("Thực hiện Công điện số 04/CĐ-UBND theo mức 1.5 của tỉnh");
  });

  it("cuts a long clause at a comma, else at a word, within the limit", () => {
    const long = "Thường trực Tỉnh ủy kêu gọi nhân dân toàn tỉnh đồng lòng ủng hộ, nâng cao ý thức trách nhiệm, chấp hành tốt Công điện số 04/CĐ-UBND, ngày 22/7/2021 của Chủ tịch Ủy ban nhân dân tỉnh";
    const title = titleOf(long);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(long.startsWith(title)).toBe(true);
    const words = titleOf("a ".repeat(200));
    expect(words.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(words.endsWith("…")).toBe(true);
  });

  it("drops markdown emphasis and folds whitespace", () => {
    expect(titleOf("**Tăng cường**   công tác\n tuyên truyền")).toBe("Tăng cường công tác tuyên truyền");
  });
});
