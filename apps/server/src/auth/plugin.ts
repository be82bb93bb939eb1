/**
 * @module auth/plugin
 * Who is calling: every /api route but the public ones answers 401 without a session cookie or
 * an API token (`Authorization: Bearer …`). A cookie-authenticated unsafe request must also carry
 * the session's CSRF token in `x-csrf-token` (a token request cannot be forged by a browser: it
 * never sends the token on its own).
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import { ChidaoError, type Actor } from "@chidao/core";
import type { Db } from "@chidao/db";
import { sessionActor, tokenActor } from "@chidao/work";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in account; null on public routes. */
    actor: Actor | null;
    /** The session's cookie token, when the caller signed in with one. */
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = "chidao_session";

/** Routes anyone may call. */
const PUBLIC = [/^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/docs(?:\/.*)?$/, /^\/api\/auth\/login$/];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function authPlugin(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request) => {
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/") || PUBLIC.some((p) => p.test(path))) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (bearer) {
      request.actor = await tokenActor(db, bearer);
      if (!request.actor) throw unauthenticated("token");
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionActor(db, token) : null;
    if (!session) throw unauthenticated(token ? "session" : "none");
    if (!SAFE_METHODS.has(request.method) && !sameSecret(request.headers["x-csrf-token"], session.csrfToken)) {
      throw new ChidaoError({ code: "FORBIDDEN", vi: "Thiếu hoặc sai mã chống giả mạo (x-csrf-token).", en: "Missing or wrong CSRF token (x-csrf-token).", details: { reason: "csrf" } });
    }
    request.actor = session.actor;
    request.sessionToken = token!;
  });
}

/** The actor of an authenticated route (the hook has refused the others). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated("none");
  return request.actor;
}

function unauthenticated(why: "none" | "session" | "token"): ChidaoError {
  const vi = why === "none" ? "Cần đăng nhập (phiên làm việc hoặc mã truy cập API)." : why === "session" ? "Phiên làm việc đã hết hạn; hãy đăng nhập lại." : "Mã truy cập API không hợp lệ, đã thu hồi hoặc hết hạn.";
  const en = why === "none" ? "Sign in first (a session or an API token)." : why === "session" ? "The session has expired; sign in again." : "The API token is unknown, revoked or expired.";
  return new ChidaoError({ code: "UNAUTHENTICATED", vi, en });
}

function sameSecret(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
