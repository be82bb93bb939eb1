/**
 * @module auth/session
 * Who is signed in: /api/auth/me on start (401: the sign-in page), sign-in and sign-out, the
 * CSRF token handed to the API client, and the account's permissions for navigation.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, ApiError, setCsrfToken } from "../api/client.js";
import type { Permission, Session } from "../api/types.js";
import { setLocale } from "../i18n/index.js";

interface SessionState {
  session: Session;
  can(permission: Permission): boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export const SESSION_KEY = ["session"] as const;

export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api<Session>("/api/auth/me");
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => api<Session>("/api/auth/login", { method: "POST", json: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      setLocale(session.user.locale);
      forgetOtherAccountsData(client);
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

/** Drops every cached answer but the session's own query (its observer must stay attached). */
function forgetOtherAccountsData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const client = useQueryClient();
  const state: SessionState = {
    session,
    can: (permission) => session.permissions.includes(permission),
    signOut: async () => {
      await api("/api/auth/logout", { method: "POST" });
      setCsrfToken(null);
      forgetOtherAccountsData(client);
      client.setQueryData(SESSION_KEY, null);
    },
  };
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
