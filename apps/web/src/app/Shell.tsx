/**
 * @module app/Shell
 * The frame of every page: the product name, navigation by what the account may do, the
 * account's unit or agency and role, the language switch and sign-out. A skip link and
 * landmarks for keyboard and screen-reader users.
 */
import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.js";
import { LOCALES, setLocale, type Locale } from "../i18n/index.js";
import { NAV } from "./routes.js";

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, can, signOut } = useSession();
  const { user } = session;
  const isAgency = user.agency !== null;
  const items = NAV.filter((item) => can(item.permission) && (item.agency === undefined || item.agency === isAgency));
  const place = user.agency?.name ?? user.unit?.name ?? t("shell.national");
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>{t("app.name")}</span>
        </div>
        <nav aria-label={t("shell.navigation")} className="nav">
          <ul>
            {items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.path === "/"}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <span className="account-who" data-testid="account">
            <strong>{user.displayName}</strong>
            <span className="muted">
              {t(`roles.${user.role}`)} · {place}
            </span>
          </span>
          <label className="visually-hidden" htmlFor="locale">
            {t("shell.language")}
          </label>
          <select id="locale" value={i18n.language} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`locales.${l}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button-quiet" onClick={() => void signOut()}>
            {t("shell.signOut")}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
