/** @module routes/audit — an object's history from the append-only audit log. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "@chidao/db";
import { auditTrail } from "@chidao/work";
import { ErrorBody } from "../errors.js";
import { actorOf } from "../auth/plugin.js";

const OBJECTS = ["document", "mention", "task", "assignment", "report", "user", "token", "agency"] as const;
const Entry = z.object({ id: z.number(), at: z.date(), actor: z.object({ id: z.number().nullable(), name: z.string() }), action: z.string(), before: z.unknown(), after: z.unknown() }).meta({ id: "AuditEntry" });

export function auditRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/audit/:objectType/:objectId",
    { schema: { summary: "The history of one object: who changed what, when, before and after", tags: ["system"], params: z.object({ objectType: z.enum(OBJECTS), objectId: z.string().min(1).max(64) }), response: { 200: z.array(Entry), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    (req) => auditTrail({ db, actor: actorOf(req) }, req.params.objectType, req.params.objectId),
  );
}
