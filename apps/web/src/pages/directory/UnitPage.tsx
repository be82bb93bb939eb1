/**
 * @module pages/directory/UnitPage
 * One unit of the hierarchy: where it lies (province › district), its agencies, and the units
 * below it (filterable: a province may have a hundred communes), each a link further down.
 */
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { AgencyRow, fold, levelKey, UnitRow, useAgencies, useUnit, useUnitChain, useUnitChildren } from "./shared.js";

export default function UnitPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const id = Number(useParams().id);
  const unit = useUnit(Number.isInteger(id) && id > 0 ? id : null);
  const chain = useUnitChain(unit.data);
  const children = useUnitChildren(id);
  const agencies = useAgencies(id);
  const [filter, setFilter] = useState("");
  const filterId = useId();

  if (unit.isPending) return <Loading />;
  if (unit.error) return <ErrorNotice error={unit.error} />;
  const u = unit.data;
  const key = fold(filter.trim());
  const shown = (children.data ?? []).filter((c) => !key || fold(c.fullName).includes(key));
  const isAgencyAccount = session.user.agency !== null;

  return (
    <section className="page directory" aria-labelledby="unit-title">
      <nav aria-label={t("directory.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/directory">{t("directory.title")}</Link>
          </li>
          {(chain.data ?? []).map((p) => (
            <li key={p.id}>
              <Link to={`/directory/units/${p.id}`}>{p.fullName}</Link>
            </li>
          ))}
          <li aria-current="page">{u.fullName}</li>
        </ol>
      </nav>
      <div className="page-head">
        <h1 id="unit-title">{u.fullName}</h1>
        <span className="badge">{t(`directory.levels.${levelKey(u.level)}`)}</span>
        <span className="muted">{t("directory.unit.code", { code: u.code })}</span>
        {!isAgencyAccount ? (
          <div className="actions">
            <Link to={`/?unitId=${u.id}`}>{t("directory.unit.dashboard")}</Link>
            <Link to={`/tasks?unitId=${u.id}`}>{t("directory.unit.tasks")}</Link>
          </div>
        ) : null}
      </div>
      <div className="dir-columns">
        <section className="card" aria-labelledby="unit-agencies">
          <h2 id="unit-agencies">{t("directory.unit.agencies")}</h2>
          {agencies.isPending ? <Loading /> : agencies.error ? <ErrorNotice error={agencies.error} /> : agencies.data.length === 0 ? <p className="muted">{t("directory.unit.noAgencies")}</p> : (
            <>
              <p className="muted">{t("directory.unit.agencyCount", { count: agencies.data.length })}</p>
              <ul className="dir-list">{agencies.data.map((a) => <AgencyRow key={a.id} agency={a} />)}</ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="unit-children">
          <h2 id="unit-children">{t("directory.unit.children")}</h2>
          {children.isPending ? <Loading /> : children.error ? <ErrorNotice error={children.error} /> : children.data.length === 0 ? <p className="muted">{t("directory.unit.noChildren")}</p> : (
            <>
              <div className="field">
                <label htmlFor={filterId}>{t("directory.unit.filter")}</label>
                <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
              </div>
              <p className="muted" aria-live="polite">{t("directory.unit.childCount", { count: shown.length })}</p>
              <ul className="dir-list">{shown.map((c) => <UnitRow key={c.id} unit={c} />)}</ul>
            </>
          )}
        </section>
      </div>
    </section>
  );
}
