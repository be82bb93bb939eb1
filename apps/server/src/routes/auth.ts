/**
 * @module routes/auth
 * Signing in and out, and who am I: the session cookie is http-only and same-site strict; the
 * CSRF token comes back in the body for the client to send in x-csrf-token.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import rateLimit from "@fastify/rate-limit";
import { z } from "zod";
import { permissionsOf } from "@chidao/core";
import type { Db } from "@chidao/db";
import { findUserByName, presentUser, sessionActor, signIn, signOut, SESSION_TTL_MS } from "@chidao/work";
import { ErrorBody } from "../errors.js";
import { actorOf, SESSION_COOKIE } from "../auth/plugin.js";
import { Account } from "./account-schemas.js";

const tags = ["auth"];
const errors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };
const Session = z
  .object({ user: Account, permissions: z.array(z.string()).describe("What the account's role may do (core/access/policy.ts)"), csrfToken: z.string().nullable(), expiresAt: z.date().nullable() })
  .meta({ id: "Session" });

export async function authRoutes(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(rateLimit, { global: false });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post("/api/auth/login", { config: { rateLimit: { max: 10, timeWindow: "1 minute" } }, schema: { summary: "Sign in with a username and password (sets the session cookie)", tags, body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1000) }), response: { 200: Session, ...errors } } }, async (req, reply) => {
    const session = await signIn(db, req.body.username, req.body.password);
    void reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: "strict", path: "/", secure: req.protocol === "https", maxAge: SESSION_TTL_MS / 1000 });
    const user = (await findUserByName(db, req.body.username))!;
    return { user: await presentUser(db, user), permissions: [...permissionsOf(user.role)], csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  api.post("/api/auth/logout", { schema: { summary: "Sign out (ends the session)", tags, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (req.sessionToken) await signOut(db, req.sessionToken);
    void reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send(null);
  });

  api.get("/api/auth/me", { schema: { summary: "The signed-in account, and the CSRF token of its session", tags, response: { 200: Session, ...errors } } }, async (req) => {
    const actor = actorOf(req);
    const user = (await findUserByName(db, actor.name))!;
    const session = req.sessionToken ? await sessionActor(db, req.sessionToken) : null;
    return { user: await presentUser(db, user), permissions: [...permissionsOf(user.role)], csrfToken: session?.csrfToken ?? null, expiresAt: session?.expiresAt ?? null };
  });
}
