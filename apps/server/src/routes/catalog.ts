/**
 * @module routes/catalog
 * The administrative hierarchy and its agencies: browse units, find and edit agencies (add,
 * rename, retire, aliases), and the review queue where a person settles a mention once.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireRole, type Actor } from "@chidao/core";
import { addAgency, addAlias, documentOfMention, documentVisible, findUnits, provinces, getAgency, getUnit, listAgencies, removeAlias, renameAgency, requireDocumentVisible, retireAgency, reviewQueue, settleMention, unitChildren, type Registry } from "@chidao/registry";
import { requireUnitWithin } from "@chidao/work";
import type { Db } from "@chidao/db";
import { ErrorBody } from "../errors.js";
import { actorOf } from "../auth/plugin.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** An editor of the catalogue, acting within its jurisdiction: the agency's unit must be in it. */
async function catalogEditor(db: Db, actor: Actor, agencyId: number): Promise<Actor> {
  requireRole(actor, "catalog.edit");
  const agency = await getAgency(db, agencyId);
  await requireUnitWithin(db, actor.scope, agency.unitId);
  return actor;
}
const isoDate = z.iso.date();
const IntId = z.coerce.number().int().positive();

const Unit = z.object({ id: z.number(), code: z.string(), level: z.string(), name: z.string(), fullName: z.string(), unitType: z.string(), parentId: z.number().nullable(), provinceCode: z.string(), list: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() }).meta({ id: "Unit" });
const Agency = z.object({ id: z.number(), unitId: z.number().nullable(), level: z.string(), kind: z.string(), roleKey: z.string(), name: z.string(), fullName: z.string(), origin: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable(), retiredAt: z.date().nullable() }).meta({ id: "Agency" });
const Alias = z.object({ id: z.number(), agencyId: z.number(), alias: z.string(), aliasKey: z.string(), scopeUnitId: z.number().nullable(), origin: z.string() }).meta({ id: "AgencyAlias" });
const AgencyWithAliases = Agency.extend({ aliases: z.array(Alias) });

export function catalogRoutes(app: FastifyInstance, registry: Registry): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = registry.db;
  const tags = ["catalog"];

  api.get("/api/units", { schema: { summary: "Find units by name, or list a unit's children", tags, querystring: z.object({ q: z.string().min(1).max(100).optional().describe("A unit name, any spelling: \"Khánh Hòa\", \"huyện Cư M'gar\""), parent: IntId.optional(), level: z.enum(["province", "district", "commune"]).optional(), on: isoDate.default("2021-11-01") }), response: { 200: z.array(Unit), ...errors } } }, async (req) => {
    const { q, parent, level, on } = req.query;
    if (q) return findUnits(db, { name: q, on, ...(level ? { level } : {}), ...(parent ? { withinUnitId: parent } : {}) });
    if (parent) return unitChildren(db, parent, on);
    return provinces(db, on);
  });

  api.get("/api/units/:id", { schema: { summary: "One unit", tags, params: z.object({ id: IntId }), response: { 200: Unit, ...errors } } }, (req) => getUnit(db, req.params.id));

  api.get("/api/agencies", { schema: { summary: "A unit's agencies (or the central bodies), searched by any name", tags, querystring: z.object({ unit: IntId.optional(), below: z.enum(["true", "false"]).optional().describe("With unit: also the agencies of every unit below it"), q: z.string().max(200).optional(), on: isoDate.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.array(Agency), ...errors } } }, (req) =>
    listAgencies(db, { unitId: req.query.unit ?? null, below: req.query.below === "true", limit: req.query.limit, ...(req.query.q ? { query: req.query.q } : {}), ...(req.query.on ? { on: req.query.on } : {}) }),
  );

  api.get("/api/agencies/:id", { schema: { summary: "One agency with its aliases", tags, params: z.object({ id: IntId }), response: { 200: AgencyWithAliases, ...errors } } }, (req) => getAgency(db, req.params.id));

  api.post("/api/agencies", { schema: { summary: "Add an agency to a unit", tags, body: z.object({ unitId: z.number().int().positive(), name: z.string().min(2).max(300), kind: z.string().min(2).max(40), fullName: z.string().min(2).max(400).optional(), aliases: z.array(z.string().min(1).max(300)).max(50).optional() }), response: { 201: AgencyWithAliases, ...errors } } }, async (req, reply) => {
    const { unitId, name, kind, fullName, aliases } = req.body;
    const actor = actorOf(req);
    requireRole(actor, "catalog.edit");
    await requireUnitWithin(db, actor.scope, unitId);
    return reply.code(201).send(await addAgency(db, { unitId, name, kind, ...(fullName ? { fullName } : {}), ...(aliases ? { aliases } : {}) }, actor));
  });

  api.patch("/api/agencies/:id", { schema: { summary: "Rename an agency (old names stay as aliases) or retire it", tags, params: z.object({ id: IntId }), body: z.object({ name: z.string().min(2).max(300).optional(), fullName: z.string().min(2).max(400).optional(), retired: z.literal(true).optional() }), response: { 200: AgencyWithAliases, ...errors } } }, async (req) => {
    const { name, fullName, retired } = req.body;
    const actor = await catalogEditor(db, actorOf(req), req.params.id);
    if (name) await renameAgency(db, req.params.id, { name, ...(fullName ? { fullName } : {}) }, actor);
    if (retired) await retireAgency(db, req.params.id, new Date(), actor);
    return getAgency(db, req.params.id);
  });

  api.post("/api/agencies/:id/aliases", { schema: { summary: "Add an alias", tags, params: z.object({ id: IntId }), body: z.object({ alias: z.string().min(1).max(300), scopeUnitId: z.number().int().positive().nullable().optional() }), response: { 201: Alias, ...errors } } }, async (req, reply) => {
    const actor = await catalogEditor(db, actorOf(req), req.params.id);
    return reply.code(201).send(await addAlias(db, req.params.id, { alias: req.body.alias, origin: "user", ...(req.body.scopeUnitId !== undefined ? { scopeUnitId: req.body.scopeUnitId } : {}) }, actor));
  });

  api.delete("/api/aliases/:id", { schema: { summary: "Remove an alias", tags, params: z.object({ id: IntId }), response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, "catalog.edit");
    await removeAlias(db, req.params.id, actor, (agencyId) => catalogEditor(db, actor, agencyId).then(() => undefined));
    return reply.code(204).send(null);
  });

  api.get("/api/review", { schema: { summary: "Mentions waiting for a person: unresolved or ambiguous", tags, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }), response: { 200: z.array(z.record(z.string(), z.unknown())), ...errors } } }, (req) => {
    const actor = actorOf(req);
    requireRole(actor, "catalog.edit");
    return reviewQueue(db, req.query, documentVisible(actor.scope)) as unknown as Promise<Record<string, unknown>[]>;
  });

  api.post("/api/review/:mentionId", { schema: { summary: "Settle a mention: the agencies it names (remembered as an alias)", tags, params: z.object({ mentionId: IntId }), body: z.object({ agencyIds: z.array(z.number().int().positive()).min(1).max(500) }), response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, "catalog.edit");
    await requireDocumentVisible(db, await documentOfMention(db, req.params.mentionId), actor.scope);
    await settleMention(db, req.params.mentionId, req.body.agencyIds, actor);
    return reply.code(204).send(null);
  });
}
