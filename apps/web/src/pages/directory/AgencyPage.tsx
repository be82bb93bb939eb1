/**
 * @module pages/directory/AgencyPage
 * One agency: its names and unit, its open work (GET /api/agencies/:id/tasks, within the
 * reader's jurisdiction; outside it the server says so), and its people — the accounts of the
 * agency, which only an administrator may list (GET /api/users); others are told so.
 */
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, ApiError, query } from "../../api/client.js";
import type { Account, Page } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { levelKey, useUnit } from "./shared.js";
import type { AgencyTasks, AgencyWithAliases } from "./types.js";

const TASKS_SHOWN = 50;

export default function AgencyPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const agency = useQuery({ queryKey: ["agency", id], queryFn: ({ signal }) => api<AgencyWithAliases>(`/api/agencies/${id}`, { signal }), enabled: valid });
  const unit = useUnit(agency.data?.unitId ?? null);

  if (!valid)
    return (
      <p className="notice notice-error" role="alert">
        {t("directory.agency.notFound")}
      </p>
    );
  if (agency.isPending) return <Loading />;
  if (agency.error) return <ErrorNotice error={agency.error} />;
  const a = agency.data;
  const aliases = a.aliases.map((x) => x.alias).filter((x) => x !== a.name && x !== a.fullName);

  return (
    <section className="page directory" aria-labelledby="agency-title">
      <nav aria-label={t("directory.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/directory">{t("directory.title")}</Link>
          </li>
          {unit.data ? (
            <li>
              <Link to={`/directory/units/${unit.data.id}`}>{unit.data.fullName}</Link>
            </li>
          ) : null}
          <li aria-current="page">{a.name}</li>
        </ol>
      </nav>
      <div className="page-head">
        <h1 id="agency-title">{a.fullName}</h1>
        {a.retiredAt ? <span className="badge badge-cancelled">{t("directory.agency.retired")}</span> : null}
      </div>
      <dl className="dir-facts card">
        <dt>{t("directory.agency.shortName")}</dt>
        <dd>{a.name}</dd>
        <dt>{t("directory.agency.unit")}</dt>
        <dd>{a.unitId === null ? t("directory.levels.central") : unit.data ? <Link to={`/directory/units/${unit.data.id}`}>{unit.data.fullName}</Link> : "…"}</dd>
        <dt>{t("directory.agency.level")}</dt>
        <dd>{t(`directory.levels.${levelKey(a.level)}`)}</dd>
        {aliases.length > 0 ? (
          <>
            <dt>{t("directory.agency.aliases")}</dt>
            <dd>{aliases.join("; ")}</dd>
          </>
        ) : null}
      </dl>
      <AgencyWork agencyId={a.id} />
      <People agencyId={a.id} />
    </section>
  );
}

function AgencyWork({ agencyId }: { agencyId: number }) {
  const { t, i18n } = useTranslation();
  const tasks = useQuery({ queryKey: ["agency-tasks", agencyId], queryFn: ({ signal }) => api<AgencyTasks>(`/api/agencies/${agencyId}/tasks` + query({ limit: TASKS_SHOWN }), { signal }), retry: false });
  const date = new Intl.DateTimeFormat(i18n.language, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });
  const outside = tasks.error instanceof ApiError && (tasks.error.status === 403 || tasks.error.status === 404);
  return (
    <section aria-labelledby="agency-work" data-testid="agency-tasks">
      <div className="page-head">
        <h2 id="agency-work">{t("directory.agency.tasks")}</h2>
        {tasks.data ? (
          <div className="actions">
            <Link to={`/tasks?agencyId=${agencyId}`}>{t("directory.agency.allTasks")}</Link>
            {tasks.data.overdue > 0 ? (
              <Link className="overdue" to={`/tasks?overdue=true&agencyId=${agencyId}`}>
                {t("directory.agency.overdueTasks", { count: tasks.data.overdue })}
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      {tasks.isPending ? <Loading /> : outside ? <p className="notice">{t("directory.agency.tasksOutside")}</p> : tasks.error ? <ErrorNotice error={tasks.error} /> : tasks.data.items.length === 0 ? <p className="muted">{t("directory.agency.noTasks")}</p> : (
        <>
          <p className="muted">{t("directory.agency.taskCount", { count: tasks.data.total, overdue: tasks.data.overdue })}{tasks.data.total > tasks.data.items.length ? " " + t("directory.agency.firstShown", { count: tasks.data.items.length }) : ""}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("directory.agency.tasks")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("directory.agency.col.task")}</th>
                  <th scope="col">{t("directory.agency.col.role")}</th>
                  <th scope="col">{t("directory.agency.col.status")}</th>
                  <th scope="col">{t("directory.agency.col.percent")}</th>
                  <th scope="col">{t("directory.agency.col.due")}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.items.map((s) => (
                  <tr key={s.id} className={s.overdue ? "overdue" : undefined}>
                    <td>
                      <Link to={`/tasks/${s.task.id}`}>{s.task.ref ? `${s.task.ref}. ` : ""}{s.task.title}</Link>
                    </td>
                    <td>{t(`directory.agency.role.${s.role}`)}</td>
                    <td>
                      <span className={`badge badge-${s.status}`}>{t(`directory.agency.status.${s.status}`)}</span>
                      {s.overdue ? <span className="badge badge-overdue">{t("directory.agency.overdue")}</span> : null}
                    </td>
                    <td>
                      <span className="pct">{s.percent}%</span>
                      <span className="progress" aria-hidden="true">
                        <span style={{ width: `${s.percent}%` }} />
                      </span>
                    </td>
                    <td>{s.dueAt ? date.format(new Date(s.dueAt)) : <span className="muted">{t("directory.agency.noDue")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function People({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const allowed = can("account.manage");
  const users = useQuery({ queryKey: ["users"], queryFn: ({ signal }) => api<Page<Account>>("/api/users", { signal }), enabled: allowed });
  const people = (users.data?.items ?? []).filter((u) => u.agency?.id === agencyId);
  return (
    <section aria-labelledby="agency-people">
      <h2 id="agency-people">{t("directory.agency.people")}</h2>
      {!allowed ? <p className="muted">{t("directory.agency.peopleNotAllowed")}</p> : users.isPending ? <Loading /> : users.error ? <ErrorNotice error={users.error} /> : people.length === 0 ? <p className="muted">{t("directory.agency.noPeople")}</p> : (
        <ul className="dir-list">
          {people.map((p) => (
            <li key={p.id} className="dir-row">
              <strong>{p.displayName}</strong>
              <span className="muted">{p.username}</span>
              <span className="badge">{t(`roles.${p.role}`)}</span>
              {p.disabled ? <span className="badge badge-cancelled">{t("directory.agency.disabled")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
