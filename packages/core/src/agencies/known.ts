/**
 * @module agencies/known
 * Canonical names of bodies that issue directives, to restore a name that OCR stripped of
 * diacritics or garbled ("TONG LIEN DOAN LAO DONG VIET NAM" → "Tổng Liên đoàn Lao động Việt
 * Nam", "CỤC THULE TINH BAC NINH" → "Cục Thuế tỉnh Bắc Ninh"). Matching is on folded text
 * with a small edit distance, so only near misses of a known name are changed.
 */
import { foldChars } from "../text/fold.js";
import { editDistance, nearestProvince } from "./places.js";
import { memoize } from "../memo.js";

/** Central bodies (names as the bodies write them). */
const CENTRAL: readonly string[] = [
  "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Văn phòng Trung ương Đảng", "Ban Tổ chức Trung ương",
  "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương", "Ban Nội chính Trung ương", "Ban Kinh tế Trung ương",
  "Ban Đối ngoại Trung ương", "Ủy ban Kiểm tra Trung ương", "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Văn phòng Quốc hội",
  "Chủ tịch nước", "Văn phòng Chủ tịch nước", "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ",
  "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính",
  "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường", "Bộ Giao thông vận tải",
  "Bộ Xây dựng", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông", "Bộ Lao động - Thương binh và Xã hội",
  "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
  "Ủy ban Dân tộc", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Kiểm toán nhà nước", "Tòa án nhân dân tối cao",
  "Viện kiểm sát nhân dân tối cao", "Bảo hiểm xã hội Việt Nam", "Tổng cục Thuế", "Tổng cục Hải quan", "Kho bạc Nhà nước",
  "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
  "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19", "Cục Y tế dự phòng",
  "Cục Quản lý Môi trường Y tế", "Cục Lãnh sự", "Vụ Pháp chế",
];

/** Local bodies named "<head> tỉnh/thành phố <province>". */
const LOCAL_HEADS: readonly string[] = [
  "Ủy ban nhân dân", "Hội đồng nhân dân", "Cục Thuế", "Cục Hải quan", "Bảo hiểm xã hội", "Kho bạc Nhà nước", "Sở Y tế",
  "Công an", "Bộ Chỉ huy Quân sự", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Liên đoàn Lao động", "Trung tâm Kiểm soát bệnh tật",
  "Văn phòng Ủy ban nhân dân", "Ban Chỉ đạo phòng, chống dịch COVID-19", "Cục Thống kê",
];

const CENTRAL_FOLDED = CENTRAL.map((n) => [foldChars(n), n] as const);
const LOCAL_FOLDED = LOCAL_HEADS.map((n) => [foldChars(n), n] as const);
const UNIT = /^(.*?)\s+(tinh|thanh pho|tp\.?)\s+(.+)$/;

function nearest(f: string, table: readonly (readonly [string, string])[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(1, Math.floor(f.length / 8)) + 1;
  for (const [folded, name] of table) {
    if (Math.abs(folded.length - f.length) >= bestD) continue;
    const d = folded === f ? 0 : editDistance(f, folded);
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}

/** The canonical form of a garbled issuing body's name, or the name unchanged (memoized: headers repeat). */
export const restoreAgencyName: (name: string) => string = memoize(restoreUncached, 10_000);

function restoreUncached(name: string): string {
  const clean = name.replace(/\s+/g, " ").trim();
  const f = foldChars(clean);
  if (f.length < 4) return name;
  const central = nearest(f, CENTRAL_FOLDED);
  if (central) return central;
  const m = UNIT.exec(f);
  if (!m) return name;
  const head = nearest(m[1]!, LOCAL_FOLDED);
  const tail = clean.slice(clean.length - m[3]!.length);
  const province = nearestProvince(tail);
  if (!head || !province) return name;
  const unit = clean.slice(m[1]!.length + 1, m[1]!.length + 1 + m[2]!.length);
  return `${head} ${/^t[iỉĩíìị]nh$/iu.test(unit) ? "tỉnh" : unit} ${province}`;
}
