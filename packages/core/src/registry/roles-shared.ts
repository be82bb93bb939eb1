/**
 * @module registry/roles-shared
 * Roles every local level has, built for one level: the People's Council and Committee, the
 * Fatherland Front, and the COVID-19 steering committee and command centre.
 */
import type { LocalRole, UnitLevel } from "./roles.js";
import { TWO_TIER_2025 } from "./roles-dates.js";

export function peoplesCouncil(level: UnitLevel): LocalRole {
  return { roleKey: "hdnd", kind: "people_council", level, name: "Hội đồng nhân dân {type}", fullName: "{name} {unit}", aliases: ["HĐND {type}", "HĐND {type} {unit}", "Thường trực Hội đồng nhân dân {type}", "Thường trực HĐND {type}", "Thường trực HĐND {type} {unit}"] };
}

export function peoplesCommittee(level: UnitLevel): LocalRole {
  return {
    roleKey: "ubnd",
    kind: "people_committee",
    level,
    name: "Ủy ban nhân dân {type}",
    fullName: "{name} {unit}",
    aliases: ["UBND {type}", "UBND {type} {unit}", "Ủy ban nhân dân {unit}", "UBND {unit}"],
  };
}

export function fatherlandFront(level: UnitLevel): LocalRole {
  return {
    roleKey: "mttq",
    kind: "front",
    level,
    name: "Ủy ban Mặt trận Tổ quốc Việt Nam {type}",
    fullName: "{name} {unit}",
    aliases: ["Mặt trận Tổ quốc Việt Nam {type}", "Mặt trận Tổ quốc {type}", "Ủy ban MTTQ Việt Nam {type}", "Ủy ban MTTQ {type}", "UBMTTQ {type}", "UBMTTQVN {type}", "MTTQ {type}", "MTTQ Việt Nam {type}"],
  };
}

export function covidSteeringCommittee(level: UnitLevel): LocalRole {
  return {
    roleKey: "bcd-covid",
    kind: "steering_committee",
    level,
    name: "Ban Chỉ đạo phòng, chống dịch COVID-19 {type}",
    fullName: "{name} {unit}",
    aliases: ["BCĐ phòng, chống dịch COVID-19 {type}", "Ban Chỉ đạo phòng, chống dịch bệnh COVID-19 {type}", "Ban Chỉ đạo phòng, chống dịch {type}", "BCĐ phòng chống dịch {type}", "Ban Chỉ đạo {type}", "BCĐ {type}", "Ban Chỉ đạo phòng, chống dịch bệnh ở người {type}", "BCĐ phòng, chống dịch bệnh ở người {type}"],
    until: TWO_TIER_2025,
  };
}

export function covidCommandCentre(level: UnitLevel): LocalRole {
  return {
    roleKey: "ttch-covid",
    kind: "command_center",
    level,
    name: "Trung tâm chỉ huy phòng, chống dịch COVID-19 {type}",
    fullName: "{name} {unit}",
    aliases: ["Trung tâm chỉ huy phòng, chống dịch {type}", "Trung tâm chỉ huy phòng, chống dịch bệnh COVID-19 {type}", "Trung tâm chỉ huy {type}", "TTCH phòng, chống dịch COVID-19 {type}"],
    until: TWO_TIER_2025,
  };
}
