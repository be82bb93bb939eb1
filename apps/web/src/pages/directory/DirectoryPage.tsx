/**
 * @module pages/directory/DirectoryPage
 * The directory (issue 5, item 6): search units and agencies by any spelling, or browse the
 * hierarchy from the provinces down; the account's own unit first. Agencies are searched among
 * the central bodies and the account's own unit (the API lists one unit's agencies at a time);
 * any other unit's agencies are on its page.
 */
import { useEffect, useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { AgencyRow, fold, UnitRow, useAgencies, useUnitChildren } from "./shared.js";
import type { Agency, Unit } from "./types.js";

export default function DirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const [text, setText] = useState(q);
  const inputId = useId();

  // Typing updates the address after a short pause (a shareable, back-button-friendly search).
  useEffect(() => {
    const next = text.trim();
    if (next === q) return;
    const timer = setTimeout(() => setParams(next ? { q: next } : {}, { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  return (
    <section className="page directory" aria-labelledby="directory-title">
      <h1 id="directory-title">{t("directory.title")}</h1>
      <form
        role="search"
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(text.trim() ? { q: text.trim() } : {});
        }}
      >
        <div className="field dir-search">
          <label htmlFor={inputId}>{t("directory.search.label")}</label>
          <div className="dir-search-row">
            <input id={inputId} type="search" data-testid="directory-search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("directory.search.placeholder")} aria-describedby={`${inputId}-hint`} autoComplete="off" maxLength={100} />
            <button type="submit">{t("common.search")}</button>
          </div>
          <span id={`${inputId}-hint`} className="muted dir-hint">
            {t("directory.search.hint")}
          </span>
        </div>
      </form>
      {q ? <SearchResults q={q} /> : <Browse />}
    </section>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const ownUnit = session.user.unit?.id ?? null;
  const units = useQuery({ queryKey: ["units", "search", q], queryFn: ({ signal }) => api<Unit[]>("/api/units" + query({ q }), { signal }) });
  const agencies = useQuery({
    queryKey: ["agencies", "search", q, ownUnit],
    queryFn: async ({ signal }) => {
      const [central, own] = await Promise.all([api<Agency[]>("/api/agencies" + query({ q, limit: 50 }), { signal }), ownUnit === null ? Promise.resolve([]) : api<Agency[]>("/api/agencies" + query({ q, unit: ownUnit, limit: 50 }), { signal })]);
      return [...own, ...central];
    },
  });
  return (
    <div className="dir-columns" aria-live="polite">
      <section aria-labelledby="dir-units-found">
        <h2 id="dir-units-found">{t("directory.search.units")}</h2>
        {units.isPending ? <Loading /> : units.error ? <ErrorNotice error={units.error} /> : units.data.length === 0 ? <p className="muted">{t("directory.search.noUnits", { q })}</p> : (
          <>
            <p className="muted">{t("directory.search.count", { count: units.data.length })}</p>
            <ul className="dir-list">{units.data.map((u) => <UnitRow key={u.id} unit={u} />)}</ul>
          </>
        )}
      </section>
      <section aria-labelledby="dir-agencies-found">
        <h2 id="dir-agencies-found">{t("directory.search.agencies")}</h2>
        <p className="muted dir-hint">{session.user.unit ? t("directory.search.agencyScope", { unit: session.user.unit.name }) : t("directory.search.agencyScopeCentral")}</p>
        {agencies.isPending ? <Loading /> : agencies.error ? <ErrorNotice error={agencies.error} /> : agencies.data.length === 0 ? <p className="muted">{t("directory.search.noAgencies", { q })}</p> : (
          <ul className="dir-list">{agencies.data.map((a) => <AgencyRow key={a.id} agency={a} />)}</ul>
        )}
      </section>
    </div>
  );
}

function Browse() {
  const { t } = useTranslation();
  const { session } = useSession();
  const provinces = useUnitChildren(null);
  const central = useAgencies(null);
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const own = session.user.agency ? { to: `/directory/agencies/${session.user.agency.id}`, name: session.user.agency.name } : session.user.unit ? { to: `/directory/units/${session.user.unit.id}`, name: session.user.unit.name } : null;
  const key = fold(filter.trim());
  const shown = (provinces.data ?? []).filter((u) => !key || fold(u.fullName).includes(key));
  return (
    <>
      {own ? (
        <p className="notice">
          {t("directory.browse.own")} <Link to={own.to}>{own.name}</Link>
        </p>
      ) : null}
      <div className="dir-columns">
        <section aria-labelledby="dir-provinces">
          <h2 id="dir-provinces">{t("directory.browse.provinces")}</h2>
          <div className="field">
            <label htmlFor={filterId}>{t("directory.browse.filter")}</label>
            <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
          </div>
          {provinces.isPending ? <Loading /> : provinces.error ? <ErrorNotice error={provinces.error} /> : (
            <>
              <p className="muted" aria-live="polite">{t("directory.browse.count", { count: shown.length })}</p>
              <ul className="dir-list">{shown.map((u) => <UnitRow key={u.id} unit={u} />)}</ul>
            </>
          )}
        </section>
        <section aria-labelledby="dir-central">
          <h2 id="dir-central">{t("directory.browse.central")}</h2>
          {central.isPending ? <Loading /> : central.error ? <ErrorNotice error={central.error} /> : central.data.length === 0 ? <p className="muted">{t("common.none")}</p> : (
            <ul className="dir-list">{central.data.map((a) => <AgencyRow key={a.id} agency={a} />)}</ul>
          )}
        </section>
      </div>
    </>
  );
}
