/**
 * @module registry/roles-province
 * The standing agencies of a province or centrally-governed city. Every province gets the same
 * set: the few that only some provinces have (Bộ Chỉ huy Bộ đội Biên phòng: border and coastal
 * provinces; Sở Ngoại vụ; Ban Dân tộc: provinces with ethnic minorities) are given to all, since an
 * agency nobody mentions costs nothing and one missing leaves a mention unresolved. Bodies only a
 * few provinces have (Sở Du lịch, Ban Quản lý khu kinh tế …) are added by users.
 */
import type { AgencyKind } from "../document/record.js";
import type { LocalRole, NameByType, Template } from "./roles.js";
import { APPARATUS_2025, TWO_TIER_2025 } from "./roles-dates.js";
import { covidCommandCentre, covidSteeringCommittee, fatherlandFront, peoplesCommittee, peoplesCouncil } from "./roles-shared.js";

interface Extra {
  fullName?: Template;
  from?: string;
  until?: string;
}

function role(roleKey: string, kind: AgencyKind, name: NameByType, aliases: readonly Template[], extra: Extra = {}): LocalRole {
  return { roleKey, kind, level: "province", name, aliases, ...extra };
}

const department = (roleKey: string, name: string, aliases: readonly Template[], extra: Extra = {}): LocalRole => role(roleKey, "department", name, aliases, extra);
const before2025 = { until: APPARATUS_2025 };
const since2025 = { from: APPARATUS_2025 };

const PARTY: readonly LocalRole[] = [
  // The standing committee and the standing board act for the committee between its plenums.
  role("tinh-uy", "party_committee", "{party}", ["Ban Chấp hành Đảng bộ {type}", "BCH Đảng bộ {type}", "Đảng bộ {type}", "Ban Thường vụ {party}", "Ban Thường vụ {party} {unit}", "BTV {party}", "Thường trực {party}", "Thường trực {party} {unit}"], { fullName: "{name} {unit}" }),
  role("ban-to-chuc", "party_board", "Ban Tổ chức {party}", [], { fullName: "{name} {unit}" }),
  role("ban-tuyen-giao", "party_board", "Ban Tuyên giáo {party}", [], { fullName: "{name} {unit}" }),
  role("ban-dan-van", "party_board", "Ban Dân vận {party}", [], { fullName: "{name} {unit}" }),
  role("ban-noi-chinh", "party_board", "Ban Nội chính {party}", [], { fullName: "{name} {unit}" }),
  role("uy-ban-kiem-tra", "party_board", "Ủy ban Kiểm tra {party}", ["UBKT {party}"], { fullName: "{name} {unit}" }),
  role("van-phong-cap-uy", "office", "Văn phòng {party}", ["VP {party}"], { fullName: "{name} {unit}" }),
];

const GOVERNMENT: readonly LocalRole[] = [
  peoplesCouncil("province"),
  peoplesCommittee("province"),
  // The Party's delegation in the People's Committee: Party documents task it by that name.
  role("ban-can-su-dang-ubnd", "party_delegation", "Ban cán sự đảng Ủy ban nhân dân {type}", ["Ban cán sự đảng UBND {type}", "BCS đảng UBND {type}"], { fullName: "{name} {unit}" }),
  role("van-phong-ubnd", "office", "Văn phòng Ủy ban nhân dân {type}", ["Văn phòng UBND {type}", "VP UBND {type}", "VPUBND {type}"], { fullName: "{name} {unit}" }),
  role("thanh-tra", "department", "Thanh tra {type}", [], { fullName: "{name} {unit}" }),
];

const DEPARTMENTS: readonly LocalRole[] = [
  department("so-y-te", "Sở Y tế", ["Sở YT"]),
  department("so-cong-thuong", "Sở Công Thương", []),
  department("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", ["Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục - Đào tạo"]),
  department("so-tai-chinh", "Sở Tài chính", ["Sở TC"]),
  department("so-xay-dung", "Sở Xây dựng", ["Sở XD"]),
  department("so-tu-phap", "Sở Tư pháp", []),
  department("so-noi-vu", "Sở Nội vụ", ["Sở NV"]),
  department("so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch", ["Sở VH,TT&DL", "Sở VHTTDL", "Sở VHTT&DL"]),
  department("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", ["Sở KH&CN", "Sở KHCN"]),
  department("so-lao-dong-thuong-binh-xa-hoi", "Sở Lao động - Thương binh và Xã hội", ["Sở LĐTBXH", "Sở LĐ-TB&XH", "Sở LĐTB&XH"], before2025),
  department("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", ["Sở TT&TT", "Sở TTTT", "Sở Thông tin - Truyền thông"], before2025),
  department("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT", "Sở KHĐT"], before2025),
  department("so-giao-thong-van-tai", "Sở Giao thông vận tải", ["Sở GTVT"], before2025),
  department("so-nong-nghiep-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", ["Sở NN&PTNT", "Sở NNPTNT"], before2025),
  department("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", ["Sở TN&MT", "Sở TNMT"], before2025),
  department("so-ngoai-vu", "Sở Ngoại vụ", [], before2025),
  department("ban-dan-toc", "Ban Dân tộc", ["Ban Dân tộc {type}"], before2025),
  department("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", ["Sở NN&MT", "Sở NNMT"], since2025),
];

const FORCES: readonly LocalRole[] = [
  role("cong-an", "police", "Công an {type}", ["CA {type}"], { fullName: "{name} {unit}" }),
  role("quan-su", "military", "Bộ Chỉ huy Quân sự {type}", ["Bộ CHQS {type}", "BCH Quân sự {type}", "BCHQS {type}"], { fullName: "{name} {unit}" }),
  // The forces' own Party committees, tasked by Party documents alongside the Huyện ủy.
  role("dang-uy-cong-an", "party_committee", "Đảng ủy Công an {type}", ["Đảng ủy CA {type}"], { fullName: "{name} {unit}" }),
  role("dang-uy-quan-su", "party_committee", "Đảng ủy Quân sự {type}", ["Đảng ủy Bộ Chỉ huy Quân sự {type}", "Đảng ủy Bộ CHQS {type}", "Đảng ủy BCHQS {type}"], { fullName: "{name} {unit}" }),
  role("dang-uy-bien-phong", "party_committee", "Đảng ủy Bộ đội Biên phòng {type}", ["Đảng ủy Bộ Chỉ huy Bộ đội Biên phòng {type}", "Đảng ủy BĐBP {type}"], { fullName: "{name} {unit}" }),
  role("bien-phong", "border_guard", "Bộ Chỉ huy Bộ đội Biên phòng {type}", ["Bộ CH BĐBP {type}", "BCH BĐBP {type}", "Bộ đội Biên phòng {type}", "BĐBP {type}", "Biên phòng {type}"], { fullName: "{name} {unit}" }),
];

const FRONT_AND_UNIONS: readonly LocalRole[] = [
  fatherlandFront("province"),
  role("doan-thanh-nien", "mass_organisation", { "Thành phố": "Thành đoàn", "*": "Tỉnh đoàn" }, ["Đoàn Thanh niên Cộng sản Hồ Chí Minh {type}", "Đoàn TNCS Hồ Chí Minh {type}", "Đoàn Thanh niên {type}", "Ban Thường vụ Tỉnh đoàn", "Ban Thường vụ Thành đoàn"], { fullName: "{name} {unit}" }),
  role("hoi-phu-nu", "mass_organisation", "Hội Liên hiệp Phụ nữ {type}", ["Hội LHPN {type}", "Hội Phụ nữ {type}"], { fullName: "{name} {unit}" }),
  role("hoi-nong-dan", "mass_organisation", "Hội Nông dân {type}", ["Hội ND {type}"], { fullName: "{name} {unit}" }),
  role("hoi-cuu-chien-binh", "mass_organisation", "Hội Cựu chiến binh {type}", ["Hội CCB {type}"], { fullName: "{name} {unit}" }),
  role("lien-doan-lao-dong", "mass_organisation", "Liên đoàn Lao động {type}", ["LĐLĐ {type}"], { fullName: "{name} {unit}" }),
];

const EPIDEMIC_AND_PRESS: readonly LocalRole[] = [
  covidSteeringCommittee("province"),
  covidCommandCentre("province"),
  role("cdc", "health_facility", "Trung tâm Kiểm soát bệnh tật {type}", ["CDC {type}", "CDC {unit}", "Trung tâm CDC {type}", "Trung tâm Kiểm soát dịch bệnh {type}"], { fullName: "{name} {unit}" }),
  role("dai-phat-thanh-truyen-hinh", "press", "Đài Phát thanh và Truyền hình {unit}", ["Đài Phát thanh - Truyền hình {type}", "Đài PT-TH {type}", "Đài PT&TH {type}", "Đài PTTH {unit}", "Đài PT-TH {unit}", "Đài Phát thanh - Truyền hình {unit}", "Đài Phát thanh và Truyền hình {type}"], { fullName: "{name}", until: TWO_TIER_2025 }),
  role("bao", "press", "Báo {unit}", ["Báo {type}"], { fullName: "{name}", until: TWO_TIER_2025 }),
];

export const PROVINCE_ROLES: readonly LocalRole[] = [...PARTY, ...GOVERNMENT, ...DEPARTMENTS, ...FORCES, ...FRONT_AND_UNIONS, ...EPIDEMIC_AND_PRESS];
