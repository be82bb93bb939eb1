/**
 * @module help
 * Help texts. Vietnamese first (the users), English beside it (the developers and the logs).
 */
import type { HelpTopic } from "./args.js";

const MAIN = `chidao — đọc văn bản chỉ đạo thành dữ liệu có cấu trúc
         (read Vietnamese directive documents into structured records)

Cách dùng / Usage:
  chidao parse [tùy chọn] ĐƯỜNG_DẪN...   đọc tệp hoặc thư mục (parse files or directories)
  chidao help parse                      trợ giúp lệnh parse (help for parse)
  chidao --help                          trợ giúp này (this help)
  chidao --version                       phiên bản (version)

Mã thoát / Exit codes:
  0  tất cả đọc được (all files parsed)
  1  có tệp lỗi (some files failed)
  2  sai cú pháp lệnh (usage error)
  3  không đọc được tệp nào (nothing parsed)
`;

const PARSE = `chidao parse [--json] [--ocr auto|never|always] [--no-cache] [--max-bytes N] ĐƯỜNG_DẪN...

Đọc văn bản .txt .md .html .htm .docx .pdf; thư mục được duyệt đệ quy (bỏ tệp ẩn).
(Reads documents; directories are walked recursively, hidden files skipped.)

Tùy chọn / Options:
  --json           xuất JSON: một đối tượng cho một tệp; JSON Lines cho nhiều tệp hoặc thư mục
                   (one JSON object for one file; JSON Lines for several files or a directory)
  --ocr MODE       nhận dạng chữ cho PDF scan: auto (mặc định), never, always
                   (OCR for scanned PDFs: auto (default), never, always)
  --no-cache       không dùng bộ nhớ đệm OCR (do not read or write the OCR cache)
  --max-bytes N    bỏ qua tệp lớn hơn N byte (reject files larger than N bytes)
  -h, --help       trợ giúp này (this help)

Không có --json: in bản tóm tắt tiếng Việt, mỗi trường kèm số dòng nguồn.
(Without --json: a readable Vietnamese summary, each field with its source line.)

Ví dụ / Examples:
  chidao parse samples/
  chidao parse --json van-ban.pdf > van-ban.json
  chidao parse --json --ocr never thu-muc/ > ket-qua.jsonl
`;

export function helpText(topic: HelpTopic): string {
  return topic === "parse" ? PARSE : MAIN;
}
