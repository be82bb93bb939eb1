/**
 * @module registry/roles-district
 * The standing agencies of a district-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh), which
 * existed until 1 July 2025. A huyện has a Phòng Nông nghiệp và PTNT and a Phòng Kinh tế và Hạ
 * tầng; a quận, thị xã or city a Phòng Kinh tế and a Phòng Quản lý đô thị.
 */
import type { AgencyKind } from "../document/record.js";
import type { LocalRole, NameByType, Template } from "./roles.js";
import { APPARATUS_2025 } from "./roles-dates.js";
import { covidCommandCentre, covidSteeringCommittee, fatherlandFront, peoplesCommittee, peoplesCouncil } from "./roles-shared.js";

type Extra = Partial<Pick<LocalRole, "fullName" | "unitTypes" | "until">>;

function role(roleKey: string, kind: AgencyKind, name: NameByType, aliases: readonly Template[], extra: Extra = {}): LocalRole {
  return { roleKey, kind, level: "district", name, aliases, ...extra };
}

const office = (roleKey: string, name: string, aliases: readonly Template[], extra: Extra = {}): LocalRole => role(roleKey, "department", name, aliases, extra);
const RURAL = ["Huyện"];
const URBAN = ["Quận", "Thị xã", "Thành phố"];

const PARTY_AND_GOVERNMENT: readonly LocalRole[] = [
  role("huyen-uy", "party_committee", "{party}", ["Ban Chấp hành Đảng bộ {type}", "BCH Đảng bộ {type}", "Đảng bộ {type}", "Ban Thường vụ {party}", "Ban Thường vụ {party} {unit}", "BTV {party}", "Thường trực {party}", "Thường trực {party} {unit}"], { fullName: "{name} {unit}" }),
  peoplesCouncil("district"),
  peoplesCommittee("district"),
  role("van-phong-hdnd-ubnd", "office", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {type}", ["Văn phòng HĐND và UBND {type}", "Văn phòng HĐND-UBND {type}", "VP HĐND và UBND {type}", "Văn phòng UBND {type}"], { fullName: "{name} {unit}" }),
  role("thanh-tra", "department", "Thanh tra {type}", [], { fullName: "{name} {unit}" }),
];

const OFFICES: readonly LocalRole[] = [
  office("phong-y-te", "Phòng Y tế", ["Phòng YT"]),
  office("phong-giao-duc-dao-tao", "Phòng Giáo dục và Đào tạo", ["Phòng GD&ĐT", "Phòng GDĐT", "Phòng Giáo dục"]),
  office("phong-van-hoa-thong-tin", "Phòng Văn hóa và Thông tin", ["Phòng Văn hóa - Thông tin", "Phòng VH-TT", "Phòng VHTT", "Phòng VH&TT"]),
  office("phong-lao-dong-thuong-binh-xa-hoi", "Phòng Lao động - Thương binh và Xã hội", ["Phòng LĐTBXH", "Phòng LĐ-TB&XH", "Phòng LĐTB&XH"]),
  office("phong-noi-vu", "Phòng Nội vụ", []),
  office("phong-tu-phap", "Phòng Tư pháp", []),
  office("phong-tai-chinh-ke-hoach", "Phòng Tài chính - Kế hoạch", ["Phòng TC-KH", "Phòng Tài chính Kế hoạch"]),
  office("phong-tai-nguyen-moi-truong", "Phòng Tài nguyên và Môi trường", ["Phòng TN&MT", "Phòng TNMT"]),
  office("phong-nong-nghiep-phat-trien-nong-thon", "Phòng Nông nghiệp và Phát triển nông thôn", ["Phòng NN&PTNT", "Phòng NNPTNT"], { unitTypes: RURAL }),
  office("phong-kinh-te-ha-tang", "Phòng Kinh tế và Hạ tầng", ["Phòng KT&HT", "Phòng KT-HT"], { unitTypes: RURAL }),
  office("phong-kinh-te", "Phòng Kinh tế", [], { unitTypes: URBAN }),
  office("phong-quan-ly-do-thi", "Phòng Quản lý đô thị", ["Phòng QLĐT"], { unitTypes: URBAN }),
];

const SERVICES_AND_FORCES: readonly LocalRole[] = [
  role("trung-tam-y-te", "health_facility", "Trung tâm Y tế {type}", ["TTYT {type}", "Trung tâm Y tế {unit}"], { fullName: "{name} {unit}" }),
  role("cong-an", "police", "Công an {type}", ["CA {type}"], { fullName: "{name} {unit}", until: APPARATUS_2025 }),
  role("quan-su", "military", "Ban Chỉ huy Quân sự {type}", ["Ban CHQS {type}", "BCHQS {type}", "BCH Quân sự {type}"], { fullName: "{name} {unit}" }),
  fatherlandFront("district"),
  covidSteeringCommittee("district"),
  covidCommandCentre("district"),
];

export const DISTRICT_ROLES: readonly LocalRole[] = [...PARTY_AND_GOVERNMENT, ...OFFICES, ...SERVICES_AND_FORCES];
