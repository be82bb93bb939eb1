import { describe, expect, it } from "vitest";
import { parseImageList } from "./images.js";

describe("parseImageList", () => {
  it("sums page images and ignores soft masks (real pdfimages -list of 049)", () => {
    const listing = `page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   1     0 image    2464  3508  rgb     3   8  jpeg   no         7  0   300   300  443K 1.8%
   1     1 image     180   184  icc     3   8  image  no        19  0   232   232 70.6K  73%
   1     2 smask     180   184  gray    1   8  image  no        19  0   232   232 15.7K  49%
   2     5 image    2455  3508  rgb     3   8  jpeg   no        12  0   300   300  151K 0.6%
   3     6 stencil   100   100  -       1   1  ccitt  no        14  0    72    72  1K 1%`;
    const areas = parseImageList(listing);
    expect(areas.get(1)).toBe(2464 * 3508 + 180 * 184);
    expect(areas.get(2)).toBe(2455 * 3508);
    expect(areas.get(3)).toBe(10_000);
    expect(areas.has(4)).toBe(false);
  });
});
