/**
 * @module text/syllable
 * A compact Vietnamese syllable validator (onset + rime, one tone, stop codas only with sắc or
 * nặng) and a text score built on it. The legacy-encoding detector compares candidate decodings
 * by this score: a wrong decoding turns real syllables into impossible ones ("chaøo", "Ch\u00CAp").
 */
import { letterCase, letterInfo, NANG, SAC } from "./letters.js";

// Spelling rules in the onset: k/gh/ngh only before i e ê (y), c/g/ng elsewhere, q only as qu.
const ONSET = "(?:ngh(?=[ieê])|ng(?![ieê])|nh|ch|gh(?=[ieê])|gi(?=[aăâeêoôơuư])|g(?![eê])|kh|ph|th|tr|qu(?=[aăâeêioôơy])|k(?=[ieêy])|c(?![ieêy])|[bdđhlmnprstvx])?";
// Rimes by nucleus with the codas each allows (k only for highland names such as Đắk Lắk).
const RIME = [
  "a(?:ch|nh|ng|[ckimnoptuy])?",
  "ă(?:ng|[ckmnpt])",
  "â(?:ng|[ckmnptuy])",
  "e(?:ng|[ckmnopt])?",
  "ê(?:ch|nh|[kmnptu])?",
  "i(?:ch|nh|[amnptu])?",
  "iê(?:ng|[cmnptu])",
  "o(?:ng|[ckimnpt]|o(?:ng|c))?",
  "oa(?:ch|nh|ng|[cimnopty])?",
  "oă(?:ng|[cmnt])",
  "oe(?:[cnot])?",
  "ô(?:ng|[ckimnpt])?",
  "ơ(?:[imnpt])?",
  "u(?:ng|[ackimnpty])?",
  "uâ(?:ng|[cnty])",
  "uê(?:ch|nh|[nt])?",
  "uô(?:ng|[cimnt])",
  "uơ",
  "uy(?:ch|nh|[antu])?",
  "uyê(?:[nt])",
  "ư(?:ng|[ackintu])?",
  "ươ(?:ng|[cimnptu])",
  "y(?:ch|nh|[ntu]|ê(?:ng|[mntu]))?",
].join("|");
const SYLLABLE = new RegExp(`^${ONSET}(?:${RIME})$`);
const STOP_CODA = /(?:[cptk]|ch)$/;

/** True when `word` is one well-formed Vietnamese syllable (any case: lower, UPPER or Title). */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 7) return false;
  let base = "";
  let tone = 0;
  let upperAt = -1;
  let uppers = 0;
  for (let i = 0; i < word.length; i++) {
    const info = letterInfo(word[i]!);
    if (!info) return false;
    if (info.tone !== 0) {
      if (tone !== 0) return false;
      tone = info.tone;
    }
    if (info.upper) {
      uppers++;
      upperAt = i;
    }
    base += info.base;
  }
  if (uppers > 0 && uppers < word.length && !(uppers === 1 && upperAt === 0)) return false;
  if (!SYLLABLE.test(base)) return false;
  return !STOP_CODA.test(base) || tone === SAC || tone === NANG;
}

/** Token separators below U+0100: controls, space, ASCII punctuation, NBSP. Not Latin-1 symbols: they are letters in TCVN3/VNI. */
const SEPARATOR = new Uint8Array(0x100);
for (let c = 0; c < 0x100; c++) {
  const ch = String.fromCharCode(c);
  SEPARATOR[c] = c <= 0x20 || c === 0x7f || c === 0x85 || c === 0xa0 || (c < 0x80 && !/[0-9A-Za-z]/.test(ch)) ? 1 : 0;
}

function isSeparator(c: number): boolean {
  return c < 0x100 ? SEPARATOR[c] === 1 : (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff;
}

/**
 * Very frequent syllables of administrative Vietnamese. They break ties between two valid
 * readings: TCVN3 "Sè" vs "Số", VNI "Soá" vs "Số", and genuine "công" vs TCVN3 "cụng".
 */
const COMMON = new Set(
  ("của và các có được trong cho với không là người những một này đã để theo về đến từ khi tại trên " +
    "hoặc thì như cũng vào năm ngày tháng số việc công tác thực hiện chỉ đạo nhân dân tỉnh thành phố " +
    "huyện xã phường quận cấp ủy uỷ đảng bộ cơ quan đơn vị tổ chức cá quản lý nhà nước chính phủ quyết " +
    "định nghị kế hoạch triển khai phòng chống dịch bệnh y tế xét nghiệm cách ly tiêm vắc văn bản thông " +
    "báo hướng dẫn kết luận chương trình đề án cáo sở ngành địa phương trung ương quốc gia việt hội đồng " +
    "trưởng phó chủ tịch thường vụ trực bí thư tăng cường bảo đảm toàn kiểm giám sát nội dung yêu cầu " +
    "nhiệm giải pháp tình hình kinh xã phát triển sản xuất doanh lao động giáo dục học sinh trường hợp " +
    "đối tượng biện nghiêm túc khẩn trương kịp thời hiệu quả chặt chẽ trước sau hết mới lại làm đi ở còn " +
    "nhiều hơn phải cần nên đều rằng sẽ đang bị đó nào nếu vì bằng sự điều khoản mục phần gửi nơi nhận " +
    "lưu ký tên chức vụ độc lập tự hạnh phúc hòa hoà nghĩa ngũ cán viên tập sức khỏe khoẻ điểm đầu tư").split(" "),
);

const cache = new Map<string, number>();

/** +2 for a common syllable, +1 for another syllable with diacritics, −1 for other non-ASCII tokens. */
function nonAsciiTokenScore(token: string): number {
  if (token.length > 7 || !allLetters(token)) return -1;
  let s = cache.get(token);
  if (s === undefined) {
    s = !isVietnameseSyllable(token) ? -1 : COMMON.has(token.toLowerCase()) ? 2 : 1;
    if (cache.size >= 50_000) cache.clear();
    cache.set(token, s);
  }
  return s;
}

/** Cheap reject before the cache: garbled tokens (most of them unique) rarely consist of letters. */
function allLetters(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (letterCase(token.charCodeAt(i)) === 0) return false;
  return true;
}

/**
 * How Vietnamese a text looks: syllables with diacritics minus garbled non-ASCII tokens. ASCII
 * tokens count 0: every candidate decoding leaves them alike (and VIQR cuts them up). So do
 * one-character tokens: any lone vowel is a syllable, and garbage is full of them.
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  let start = 0;
  let nonAscii = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isSeparator(c)) {
      if (nonAscii && i - start > 1) score += nonAsciiTokenScore(text.slice(start, i));
      start = i + 1;
      nonAscii = false;
    } else if (c >= 0x80) {
      nonAscii = true;
    }
  }
  return score;
}
