/**
 * @module routes/accounts
 * Accounts (administrators, within their jurisdiction; anyone for their own name, password and
 * language) and API tokens (one's own; an administrator's for others).
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ACCOUNT_ROLES } from "@chidao/core";
import type { Db } from "@chidao/db";
import { createToken, createUser, getUser, listTokens, listUsers, revokeToken, updateUser } from "@chidao/work";
import { ErrorBody } from "../errors.js";
import { actorOf } from "../auth/plugin.js";
import { expectedVersion, withEtag } from "../versioning.js";
import { Account, TokenInfo } from "./account-schemas.js";

const tags = ["accounts"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 428: ErrorBody };
const IntId = z.coerce.number().int().positive();
const Locale = z.enum(["vi", "en"]);

export function accountRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db, actor: actorOf(req) });

  api.get("/api/users", { schema: { summary: "Accounts in the administrator's jurisdiction", tags, response: { 200: z.object({ items: z.array(Account), total: z.number() }), ...errors } } }, async (req) => {
    const items = await listUsers(ctx(req));
    return { items, total: items.length };
  });

  api.post("/api/users", { schema: { summary: "Create an account", tags, body: z.object({ username: z.string().min(2).max(63), displayName: z.string().max(200).optional(), password: z.string().max(1000).optional(), role: z.enum(ACCOUNT_ROLES), unitId: z.number().int().positive().nullable().optional(), agencyId: z.number().int().positive().nullable().optional(), locale: Locale.optional() }), response: { 201: Account, ...errors } } }, async (req, reply) => {
    const { username, displayName, password, role, unitId, agencyId, locale } = req.body;
    const account = await createUser(ctx(req), { username, role, ...(displayName ? { displayName } : {}), ...(password ? { password } : {}), ...(unitId !== undefined ? { unitId } : {}), ...(agencyId !== undefined ? { agencyId } : {}), ...(locale ? { locale } : {}) });
    return reply.code(201).send(withEtag(reply, account));
  });

  api.get("/api/users/:id", { schema: { summary: "One account", tags, params: z.object({ id: IntId }), response: { 200: Account, ...errors } } }, async (req, reply) => withEtag(reply, await getUser(ctx(req), req.params.id)));

  api.patch("/api/users/:id", { schema: { summary: "Change an account (If-Match: its ETag)", tags, params: z.object({ id: IntId }), body: z.object({ displayName: z.string().max(200).optional(), password: z.string().max(1000).optional(), role: z.enum(ACCOUNT_ROLES).optional(), unitId: z.number().int().positive().nullable().optional(), agencyId: z.number().int().positive().nullable().optional(), locale: Locale.optional(), disabled: z.boolean().optional() }), response: { 200: Account, ...errors } } }, async (req, reply) => {
    const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    return withEtag(reply, await updateUser(ctx(req), req.params.id, patch, expectedVersion(req)));
  });

  api.get("/api/users/:id/tokens", { schema: { summary: "An account's API tokens (never the secrets)", tags, params: z.object({ id: IntId }), response: { 200: z.array(TokenInfo), ...errors } } }, (req) => listTokens(ctx(req), req.params.id));

  api.post("/api/users/:id/tokens", { schema: { summary: "Create an API token (shown once)", tags, params: z.object({ id: IntId }), body: z.object({ name: z.string().min(1).max(100) }), response: { 201: z.object({ token: z.string(), info: TokenInfo }), ...errors } } }, async (req, reply) => reply.code(201).send(await createToken(ctx(req), req.params.id, req.body.name)));

  api.delete("/api/tokens/:id", { schema: { summary: "Revoke an API token", tags, params: z.object({ id: IntId }), response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await revokeToken(ctx(req), req.params.id);
    return reply.code(204).send(null);
  });
}
