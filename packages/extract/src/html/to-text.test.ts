import { describe, expect, it } from "vitest";
import { extractBuffer, extractFile } from "../index.js";
import { haveRealDocs, realDoc } from "../__tests__/sample-doc.js";
import { htmlToText } from "./to-text.js";

const VBPL = realDoc("070_ttg-qd-50-2025-vbpl-split-tokens.html");

describe("html → text", () => {
  it.skipIf(!haveRealDocs)("joins words that vbpl.vn splits across spans (real page)", async () => {
    const r = await extractFile(VBPL);
    const lines = r.text.split("\n");
    expect(lines[0]).toBe("THỦ TƯỚNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(lines).toContain("Số: 50/2025/QĐ-TTg\tHà Nội, ngày 25 tháng 12 năm 2025");
    expect(r.text).toContain("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;");
    expect(r.text).toContain("Điều 1. Ban hành kèm theo Quyết định này");
    expect(r.text).toMatch(/^\tKT\. THỦ TƯỚNG$/m);
    expect(r.text).toMatch(/^\tHồ Quốc Dũng$/m);
    expect(r.text).not.toMatch(/TH Ủ|Hà N ội|Căn c ứ/); // no space inserted at span boundaries
    expect(r.text).not.toMatch(/ {2,}|\u00a0/);
  });

  it("inline elements add no spaces; blocks and <br> break lines", () => {
    expect(htmlToText("<p><span>TH</span>Ủ TƯỚNG</p><p><b>Hà N</b><i>ội</i></p>")).toBe("THỦ TƯỚNG\nHà Nội");
    expect(htmlToText("<div>a<br>b</div><h1>c</h1>d")).toBe("a\nb\nc\nd");
    expect(htmlToText("<p>x  \n\t  y&nbsp;&nbsp;z</p>")).toBe("x y z");
  });

  it("decodes entities and skips script, style and head", () => {
    const html = "<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script><p>Ch&#7881; th&#x1ECB; &amp; &quot;Q&quot;</p></body></html>";
    expect(htmlToText(html)).toBe('Chỉ thị & "Q"');
  });

  it("joins the cells of a row with a TAB, zipping multi-line cells", () => {
    const html = "<table><tr><td>BỘ Y TẾ<br>-----</td><td>CỘNG HÒA<br>Độc lập</td></tr><tr><td></td><td>Hà Nội</td></tr></table>";
    expect(htmlToText(html)).toBe("BỘ Y TẾ\tCỘNG HÒA\n-----\tĐộc lập\n\tHà Nội");
  });

  it("puts list numbers back, nested lists as a), b)", () => {
    const html = "<ol><li>Một<ol><li>con</li><li>hai</li></ol></li><li><p>Hai</p></li></ol><ol start='3'><li>Ba</li></ol><ul><li>gạch</li></ul>";
    expect(htmlToText(html)).toBe("1. Một\na) con\nb) hai\n2. Hai\n3. Ba\n- gạch");
  });

  it("keeps one blank line for an empty paragraph, never more", () => {
    expect(htmlToText("<p>a</p><p>&nbsp;</p><p></p><p>b</p>")).toBe("a\n\nb");
  });

  it("honours a legacy <meta charset> (windows-1258 bytes)", async () => {
    const head = new TextEncoder().encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>');
    const body = new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]); // "Hà Nội": ô + combining dot below
    const tail = new TextEncoder().encode("</p></body></html>");
    const r = await extractBuffer(new Uint8Array([...head, ...body, ...tail]), "a.html");
    expect(r.text).toBe("Hà Nội");
    expect(r.encoding).toBe("windows-1258");
    expect(r.warnings.map((w) => w.code)).toContain("ENCODING_CONVERTED");
  });

  it("trusts valid UTF-8 over a stale charset declaration", async () => {
    const html = '<meta charset="iso-8859-1"><p>Thủ tướng</p>';
    const r = await extractBuffer(new TextEncoder().encode(html), "a.htm");
    expect(r.text).toBe("Thủ tướng");
    expect(r.encoding).toBe("utf-8");
  });
});
