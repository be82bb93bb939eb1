/** @module auth/LoginPage — sign in with a username and password. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSignIn } from "./session.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { LOCALES, setLocale, type Locale } from "../i18n/index.js";

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username, password });
  };
  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t("app.name")}</h1>
        <p className="muted">{t("login.tagline")}</p>
        <label htmlFor="username">{t("login.username")}</label>
        <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <label htmlFor="password">{t("login.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {signIn.error ? <ErrorNotice error={signIn.error} /> : null}
        <button type="submit" className="button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? t("login.signingIn") : t("login.signIn")}
        </button>
        <div className="login-locale">
          {LOCALES.map((l) => (
            <button key={l} type="button" className="button-link" aria-pressed={i18n.language === l} onClick={() => setLocale(l as Locale)}>
              {t(`locales.${l}`)}
            </button>
          ))}
        </div>
      </form>
    </main>
  );
}
