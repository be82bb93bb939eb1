/** @module routes/health — readiness: answers 200 once the database is open and migrated. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "drizzle-orm";
import { PARSER_VERSION } from "@chidao/core";
import type { Registry } from "@chidao/registry";
import { Health } from "../schemas.js";

export function healthRoutes(app: FastifyInstance, registry: Registry): void {
  app.withTypeProvider<ZodTypeProvider>().get("/api/health", { schema: { summary: "Readiness", tags: ["system"], response: { 200: Health } } }, async () => {
    const { rows } = await registry.db.execute<{ n: number }>(sql`select count(*)::int as n from documents where status = 'stored'`);
    return { status: "ok" as const, database: registry.database.backend, parserVersion: PARSER_VERSION, documents: rows[0]?.n ?? 0 };
  });
}
