/** @module pages/directory/shared — rows and queries the directory pages share. */
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import type { Agency, Unit } from "./types.js";
import "./directory.css";

export function useUnit(id: number | null) {
  return useQuery({ queryKey: ["unit", id], queryFn: ({ signal }) => api<Unit>(`/api/units/${id}`, { signal }), enabled: id !== null, staleTime: 10 * 60_000 });
}

/** A unit's children (no parent: the provinces). */
export function useUnitChildren(parent: number | null) {
  return useQuery({ queryKey: ["units", "children", parent], queryFn: ({ signal }) => api<Unit[]>("/api/units" + query({ parent }), { signal }), staleTime: 10 * 60_000 });
}

/** A unit's agencies (no unit: the central bodies). */
export function useAgencies(unit: number | null) {
  return useQuery({ queryKey: ["agencies", unit], queryFn: ({ signal }) => api<Agency[]>("/api/agencies" + query({ unit, limit: 200 }), { signal }), staleTime: 10 * 60_000 });
}

/** The units above a unit, the province first. */
export function useUnitChain(unit: Unit | undefined) {
  return useQuery({
    queryKey: ["unit-chain", unit?.id],
    enabled: unit !== undefined,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const chain: Unit[] = [];
      let parent = unit?.parentId ?? null;
      while (parent !== null && chain.length < 3) {
        const u = await api<Unit>(`/api/units/${parent}`, { signal });
        chain.unshift(u);
        parent = u.parentId;
      }
      return chain;
    },
  });
}

export function UnitRow({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <li className="dir-row" data-testid="unit-row">
      <Link to={`/directory/units/${unit.id}`}>{unit.fullName}</Link>
      <span className="badge">{t(`directory.levels.${levelKey(unit.level)}`)}</span>
    </li>
  );
}

export function AgencyRow({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  return (
    <li className="dir-row" data-testid="agency-row">
      <Link to={`/directory/agencies/${agency.id}`}>{agency.fullName}</Link>
      {agency.name !== agency.fullName ? <span className="muted">{agency.name}</span> : null}
      {agency.retiredAt ? <span className="badge badge-cancelled">{t("directory.agency.retired")}</span> : null}
    </li>
  );
}

export function levelKey(level: string): "province" | "district" | "commune" | "central" {
  return level === "province" || level === "district" || level === "commune" ? level : "central";
}

/** Folded for matching: lower case, accents off, đ → d. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
}
