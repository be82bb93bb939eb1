/**
 * @module help
 * Help texts. Vietnamese first (the users), English beside it (the developers and the logs).
 */
import type { HelpTopic } from "./args.js";

const MAIN = `chidao — đọc văn bản chỉ đạo thành dữ liệu có cấu trúc
         (read Vietnamese directive documents into structured records)

Cách dùng / Usage:
  chidao parse [tùy chọn] ĐƯỜNG_DẪN...   đọc tệp hoặc thư mục (parse files or directories)
  chidao ingest [tùy chọn] ĐƯỜNG_DẪN...  nạp văn bản vào kho (ingest into the registry)
  chidao serve [--port N] [--data DIR]   chạy máy chủ API (run the API server)
  chidao reparse [--all]                 phân tích lại bản gốc đã lưu (reparse stored originals)
  chidao db migrate                      cập nhật lược đồ cơ sở dữ liệu (apply migrations)
  chidao help LỆNH                       trợ giúp một lệnh (help for a command)
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

const DATABASE = `Cơ sở dữ liệu / Database:
  --data DIR       thư mục dữ liệu PGlite (mặc định \$CHIDAO_DATA, nếu không có: ./data)
                   (PGlite data folder; default \$CHIDAO_DATA, else ./data)
  DATABASE_URL     nếu đặt, dùng máy chủ PostgreSQL này (if set, use this PostgreSQL server)
`;

const INGEST = `chidao ingest [--data DIR] [--json] [--ocr auto|never|always] [--max-bytes N] ĐƯỜNG_DẪN...

Nạp tệp và thư mục vào kho: lưu bản gốc, bản ghi phân tích và văn bản; mỗi văn bản một giao dịch.
Nạp lại cùng tệp không tạo bản trùng; chạy lại sau khi bị ngắt là an toàn.
(Ingests files and folders: original, record and text, one transaction per document. The same
file again is a no-op; re-running an interrupted batch is safe.)

  --json           một dòng JSON cho mỗi tệp (one JSON line per file: id, status, sha256)
  --ocr MODE       auto (mặc định), never, always
  --max-bytes N    bỏ qua tệp lớn hơn N byte (reject files larger than N bytes)

${DATABASE}`;

const SERVE = `chidao serve [--port N] [--host H] [--data DIR] [--ingest ĐƯỜNG_DẪN]... [--inbox DIR]

Chạy API (REST + JSON) tại http://H:N (mặc định 127.0.0.1:3000, hoặc \$PORT); tài liệu API ở /api/docs.
(Runs the API; its reference is at /api/docs, its OpenAPI document at /api/openapi.json.)

  --ingest PATH    nạp tệp/thư mục này khi khởi động (ingest these at start; repeatable)
  --inbox DIR      theo dõi thư mục, tự nạp tệp mới (watch a folder and ingest new files)

${DATABASE}`;

const REPARSE = `chidao reparse [--data DIR] [--all]

Phân tích lại bản gốc đã lưu bằng bộ phân tích hiện tại (chỉ văn bản của phiên bản khác,
hoặc tất cả với --all). Các trường người duyệt đã sửa được giữ nguyên.
(Reparses stored originals made by another parser version, or all; fields a reviewer
corrected are kept.)

${DATABASE}`;

const DB = `chidao db migrate [--data DIR]

Áp dụng các migration còn thiếu (máy chủ API cũng tự làm khi khởi động).
(Applies pending migrations; the server also does so when it starts.)

${DATABASE}`;

const TOKEN = `chidao token create --user TÊN [--name NHÃN] [--data DIR]

Tạo mã truy cập API cho tài khoản TÊN và in ra ở dòng cuối (chỉ hiện một lần). Gửi kèm
mỗi yêu cầu: Authorization: Bearer MÃ. Dùng được cả khi quên mật khẩu của quản trị viên.
(Creates an API token for account NAME and prints it as the last line, once. Send it as
Authorization: Bearer TOKEN. Works also when the administrator's password is lost.)

  --name NHÃN      nhãn để phân biệt các mã (a label to tell tokens apart; default "cli")

${DATABASE}`;

const TASKS = `chidao tasks [--status S,…] [--overdue] [--agency ID] [--unit ID] [--document ID] [--q CHỮ]
             [--as TÊN] [--limit N] [--json] [--data DIR]

Liệt kê nhiệm vụ, hạn gần nhất trước; quá hạn đánh dấu "!". (Lists tasks, soonest due first;
overdue ones marked "!".)

  --status S,…     proposed, open, in_progress, done, cancelled (nhiều giá trị cách nhau dấu phẩy)
  --overdue        chỉ nhiệm vụ quá hạn (overdue only)
  --agency ID      nhiệm vụ giao cho cơ quan (tasks assigned to an agency)
  --unit ID        nhiệm vụ trong đơn vị hành chính (tasks within a unit)
  --document ID    nhiệm vụ của một văn bản (tasks of a document)
  --q CHỮ          tìm trong nội dung, không cần dấu (text search, diacritics optional)
  --as TÊN         xem như tài khoản TÊN (as account NAME would, within its jurisdiction)
  --json           một dòng JSON cho mỗi nhiệm vụ (one JSON line per task)

${DATABASE}`;

const TEXTS: Record<HelpTopic, string> = { main: MAIN, parse: PARSE, ingest: INGEST, serve: SERVE, reparse: REPARSE, db: DB, token: TOKEN, tasks: TASKS };

export function helpText(topic: HelpTopic): string {
  return TEXTS[topic];
}
