/**
 * @module registry/roles-commune
 * The standing agencies of a commune-level unit (xã, phường, thị trấn; đặc khu from 2025).
 */
import type { LocalRole } from "./roles.js";
import { TWO_TIER_2025 } from "./roles-dates.js";
import { covidSteeringCommittee, fatherlandFront, peoplesCommittee, peoplesCouncil } from "./roles-shared.js";

export const COMMUNE_ROLES: readonly LocalRole[] = [
  { roleKey: "dang-uy", kind: "party_committee", level: "commune", name: "{party}", fullName: "{name} {unit}", aliases: ["Đảng bộ {type}", "Ban Chấp hành Đảng bộ {type}"] },
  peoplesCouncil("commune"),
  peoplesCommittee("commune"),
  { roleKey: "cong-an", kind: "police", level: "commune", name: "Công an {type}", fullName: "{name} {unit}", aliases: ["CA {type}"] },
  {
    roleKey: "quan-su",
    kind: "military",
    level: "commune",
    name: "Ban Chỉ huy Quân sự {type}",
    fullName: "{name} {unit}",
    aliases: ["Ban CHQS {type}", "BCHQS {type}", "BCH Quân sự {type}"],
  },
  fatherlandFront("commune"),
  { roleKey: "tram-y-te", kind: "health_facility", level: "commune", name: "Trạm Y tế {type}", fullName: "{name} {unit}", aliases: ["TYT {type}", "Trạm Y tế {unit}"] },
  covidSteeringCommittee("commune"),
  {
    roleKey: "to-covid-cong-dong",
    kind: "community_team",
    level: "commune",
    name: "Tổ COVID cộng đồng",
    fullName: "Tổ COVID cộng đồng {type} {unit}",
    aliases: ["Tổ COVID-19 cộng đồng", "Tổ COVID dựa vào cộng đồng", "Tổ COVID cộng đồng {type}", "Các Tổ COVID cộng đồng", "Tổ cộng đồng phòng, chống dịch bệnh", "Các Tổ cộng đồng phòng, chống dịch bệnh", "Tổ cộng đồng phòng, chống dịch", "Tổ phòng, chống dịch cộng đồng"],
    collective: true,
    until: TWO_TIER_2025,
  },
];
