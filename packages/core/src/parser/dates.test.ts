import { describe, expect, it } from "vitest";
import { addWorkingDays, findDates, isoDate, ocrNumber } from "./dates.js";
import { foldChars } from "../text/fold.js";

describe("dates", () => {
  it("reads OCR-garbled numbers only when a real digit is there", () => {
    expect(ocrNumber("l8")).toBe(18);
    expect(ocrNumber("1§")).toBe(18);
    expect(ocrNumber("2 4")).toBe(24);
    expect(ocrNumber("{")).toBeNull();
  });

  it("validates calendar dates", () => {
    expect(isoDate(2021, 2, 29)).toBeNull();
    expect(isoDate(2020, 2, 29)).toBe("2020-02-29");
  });

  it("finds word, numeric and Party dd-mm-yyyy dates on folded text", () => {
    const f = foldChars("Hà Nội, ngày 05 tháng 01 năm 2020; Kết luận ngày 11/6/2021 và Thông báo ngày 24-8-2021");
    expect(findDates(f).map((d) => d.iso)).toEqual(["2020-01-05", "2021-06-11", "2021-08-24"]);
  });

  it("tolerates OCR in the date line", () => {
    expect(findDates(foldChars("Hà Nội, ngày l8thang 8 năm 2021"))[0]?.iso).toBe("2021-08-18");
    expect(findDates(foldChars("ngày 2 4 tháng 12 năm 2021"))[0]?.iso).toBe("2021-12-24");
  });

  it("adds working days over a weekend", () => {
    expect(addWorkingDays("2021-07-23", 1)).toBe("2021-07-26");
  });
});
