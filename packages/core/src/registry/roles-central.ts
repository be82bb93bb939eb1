/**
 * @module registry/roles-central
 * The central bodies of 2021: the Party's leading organs and commissions, the National Assembly,
 * the Government and its ministries and ministry-level bodies, the national COVID-19 steering
 * committee, the Front and the central mass organisations; and the two ministries made on
 * 1 March 2025 (the ones they replaced end then).
 */
import type { AgencyKind } from "../document/record.js";
import type { CentralBody } from "./roles.js";
import { APPARATUS_2025 } from "./roles-dates.js";

function body(roleKey: string, kind: AgencyKind, name: string, aliases: readonly string[] = [], period: { from?: string; until?: string } = {}): CentralBody {
  return { roleKey, kind, name, aliases, ...period };
}

const before2025 = { until: APPARATUS_2025 };
const since2025 = { from: APPARATUS_2025 };
const ministry = (roleKey: string, name: string, aliases: readonly string[] = [], period = {}): CentralBody => body(roleKey, "ministry", name, aliases, period);

const PARTY: readonly CentralBody[] = [
  body("bo-chinh-tri", "party_committee", "Bộ Chính trị"),
  body("ban-bi-thu", "party_committee", "Ban Bí thư", ["Ban Bí thư Trung ương Đảng"]),
  body("ban-chap-hanh-trung-uong", "party_committee", "Ban Chấp hành Trung ương Đảng", ["Ban Chấp hành Trung ương", "BCH Trung ương", "BCH TW", "Trung ương Đảng"]),
  body("ban-to-chuc-trung-uong", "party_board", "Ban Tổ chức Trung ương", ["Ban Tổ chức TW"]),
  body("ban-tuyen-giao-trung-uong", "party_board", "Ban Tuyên giáo Trung ương", ["Ban Tuyên giáo TW"]),
  body("ban-dan-van-trung-uong", "party_board", "Ban Dân vận Trung ương", ["Ban Dân vận TW"]),
  body("ban-noi-chinh-trung-uong", "party_board", "Ban Nội chính Trung ương", ["Ban Nội chính TW"]),
  body("ban-kinh-te-trung-uong", "party_board", "Ban Kinh tế Trung ương", ["Ban Kinh tế TW"]),
  body("ban-doi-ngoai-trung-uong", "party_board", "Ban Đối ngoại Trung ương", ["Ban Đối ngoại TW"]),
  body("uy-ban-kiem-tra-trung-uong", "party_board", "Ủy ban Kiểm tra Trung ương", ["UBKT Trung ương", "UBKTTW"]),
  body("van-phong-trung-uong-dang", "office", "Văn phòng Trung ương Đảng", ["Văn phòng Trung ương", "VPTW"]),
];

const STATE: readonly CentralBody[] = [
  body("quoc-hoi", "government", "Quốc hội"),
  body("uy-ban-thuong-vu-quoc-hoi", "government", "Ủy ban Thường vụ Quốc hội", ["UBTVQH"]),
  body("chinh-phu", "government", "Chính phủ"),
  body("thu-tuong-chinh-phu", "government", "Thủ tướng Chính phủ", ["Thủ tướng"]),
  body("van-phong-chinh-phu", "office", "Văn phòng Chính phủ", ["VPCP"]),
  body("toa-an-nhan-dan-toi-cao", "court_procuracy", "Tòa án nhân dân tối cao", ["TANDTC"]),
  body("vien-kiem-sat-nhan-dan-toi-cao", "court_procuracy", "Viện Kiểm sát nhân dân tối cao", ["VKSNDTC"]),
];

const MINISTRIES: readonly CentralBody[] = [
  ministry("bo-y-te", "Bộ Y tế", ["BYT"]),
  ministry("bo-quoc-phong", "Bộ Quốc phòng", ["BQP"]),
  ministry("bo-cong-an", "Bộ Công an", ["BCA"]),
  ministry("bo-ngoai-giao", "Bộ Ngoại giao", ["BNG"]),
  ministry("bo-noi-vu", "Bộ Nội vụ", ["BNV"]),
  ministry("bo-tu-phap", "Bộ Tư pháp", ["BTP"]),
  ministry("bo-tai-chinh", "Bộ Tài chính"),
  ministry("bo-cong-thuong", "Bộ Công Thương"),
  ministry("bo-xay-dung", "Bộ Xây dựng", ["BXD"]),
  ministry("bo-giao-duc-dao-tao", "Bộ Giáo dục và Đào tạo", ["Bộ GD&ĐT", "Bộ GDĐT", "BGDĐT"]),
  ministry("bo-van-hoa-the-thao-du-lich", "Bộ Văn hóa, Thể thao và Du lịch", ["Bộ VHTTDL", "Bộ VH,TT&DL", "BVHTTDL"]),
  ministry("bo-khoa-hoc-cong-nghe", "Bộ Khoa học và Công nghệ", ["Bộ KH&CN", "Bộ KHCN", "BKHCN"]),
  ministry("bo-ke-hoach-dau-tu", "Bộ Kế hoạch và Đầu tư", ["Bộ KH&ĐT", "Bộ KHĐT", "BKHĐT"], before2025),
  ministry("bo-nong-nghiep-phat-trien-nong-thon", "Bộ Nông nghiệp và Phát triển nông thôn", ["Bộ NN&PTNT", "Bộ NNPTNT", "BNNPTNT"], before2025),
  ministry("bo-giao-thong-van-tai", "Bộ Giao thông vận tải", ["Bộ GTVT", "BGTVT"], before2025),
  ministry("bo-tai-nguyen-moi-truong", "Bộ Tài nguyên và Môi trường", ["Bộ TN&MT", "Bộ TNMT", "BTNMT"], before2025),
  ministry("bo-thong-tin-truyen-thong", "Bộ Thông tin và Truyền thông", ["Bộ TT&TT", "Bộ TTTT", "BTTTT"], before2025),
  ministry("bo-lao-dong-thuong-binh-xa-hoi", "Bộ Lao động - Thương binh và Xã hội", ["Bộ LĐTBXH", "Bộ LĐ-TB&XH", "BLĐTBXH"], before2025),
  ministry("uy-ban-dan-toc", "Ủy ban Dân tộc", ["UBDT"], before2025),
  ministry("thanh-tra-chinh-phu", "Thanh tra Chính phủ", ["TTCP"]),
  ministry("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước Việt Nam", ["Ngân hàng Nhà nước", "NHNN"]),
  ministry("bo-nong-nghiep-moi-truong", "Bộ Nông nghiệp và Môi trường", ["Bộ NN&MT", "BNNMT"], since2025),
  ministry("bo-dan-toc-ton-giao", "Bộ Dân tộc và Tôn giáo", ["Bộ DT&TG"], since2025),
];

const GOVERNMENT_AGENCIES: readonly CentralBody[] = [
  body("bao-hiem-xa-hoi-viet-nam", "other", "Bảo hiểm xã hội Việt Nam", ["BHXH Việt Nam"]),
  body("thong-tan-xa-viet-nam", "press", "Thông tấn xã Việt Nam", ["TTXVN"]),
  body("dai-truyen-hinh-viet-nam", "press", "Đài Truyền hình Việt Nam", ["VTV"]),
  body("dai-tieng-noi-viet-nam", "press", "Đài Tiếng nói Việt Nam", ["VOV"]),
];

/** The Ministry of Health's institutes and end-line hospitals that epidemic directives task by name. */
const HEALTH_INSTITUTES: readonly CentralBody[] = [
  body("vien-vsdt-trung-uong", "health_facility", "Viện Vệ sinh dịch tễ Trung ương", ["Viện VSDT Trung ương", "Viện VSDTTW", "Viện Vệ sinh dịch tễ TW"]),
  body("vien-pasteur-nha-trang", "health_facility", "Viện Pasteur Nha Trang", []),
  body("vien-pasteur-tphcm", "health_facility", "Viện Pasteur Thành phố Hồ Chí Minh", ["Viện Pasteur TP. Hồ Chí Minh", "Viện Pasteur TP.HCM", "Viện Pasteur TPHCM"]),
  body("vien-vsdt-tay-nguyen", "health_facility", "Viện Vệ sinh dịch tễ Tây Nguyên", ["Viện VSDT Tây Nguyên"]),
  body("benh-vien-bach-mai", "health_facility", "Bệnh viện Bạch Mai", []),
  body("benh-vien-benh-nhiet-doi-trung-uong", "health_facility", "Bệnh viện Bệnh Nhiệt đới Trung ương", ["Bệnh viện Bệnh nhiệt đới TW"]),
  body("benh-vien-cho-ray", "health_facility", "Bệnh viện Chợ Rẫy", []),
];

const EPIDEMIC_FRONT_UNIONS: readonly CentralBody[] = [
  body("bcd-quoc-gia-covid", "steering_committee", "Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19", ["BCĐQG phòng, chống dịch COVID-19", "Ban Chỉ đạo quốc gia phòng, chống dịch", "Ban Chỉ đạo quốc gia", "BCĐQG", "Ban CĐQG phòng, chống dịch COVID-19", "Ban CĐQG"]),
  body("mttq-trung-uong", "front", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Ủy ban Trung ương MTTQ Việt Nam", "UBTW MTTQ Việt Nam", "Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam"]),
  body("trung-uong-doan", "mass_organisation", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", ["Trung ương Đoàn TNCS Hồ Chí Minh", "Trung ương Đoàn", "TWĐTN"]),
  body("hoi-phu-nu-viet-nam", "mass_organisation", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam", ["Hội Liên hiệp Phụ nữ Việt Nam", "Hội LHPN Việt Nam"]),
  body("hoi-nong-dan-viet-nam", "mass_organisation", "Trung ương Hội Nông dân Việt Nam", ["Hội Nông dân Việt Nam"]),
  body("hoi-cuu-chien-binh-viet-nam", "mass_organisation", "Trung ương Hội Cựu chiến binh Việt Nam", ["Hội Cựu chiến binh Việt Nam", "Hội CCB Việt Nam"]),
  body("tong-lien-doan-lao-dong", "mass_organisation", "Tổng Liên đoàn Lao động Việt Nam", ["Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động"]),
];

export const CENTRAL_BODIES: readonly CentralBody[] = [...PARTY, ...STATE, ...MINISTRIES, ...GOVERNMENT_AGENCIES, ...HEALTH_INSTITUTES, ...EPIDEMIC_FRONT_UNIONS];
