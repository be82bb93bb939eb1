/**
 * @module app
 * The HTTP API as a Fastify instance (not listening): REST + JSON, validated by zod, documented
 * at /api/openapi.json and browsable at /api/docs. Tests drive it with `inject`.
 */
import fastify, { type FastifyInstance } from "fastify";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { PARSER_VERSION } from "@chidao/core";
import { DEFAULT_MAX_BYTES } from "@chidao/extract";
import type { Registry } from "@chidao/registry";
import { errorHandler } from "./errors.js";
import { catalogRoutes } from "./routes/catalog.js";
import { documentRoutes } from "./routes/documents.js";
import { healthRoutes } from "./routes/health.js";
import { authPlugin } from "./auth/plugin.js";
import { authRoutes } from "./routes/auth.js";
import { accountRoutes } from "./routes/accounts.js";
import { taskRoutes } from "./routes/work/tasks.js";
import { auditRoutes } from "./routes/audit.js";
import { reportRoutes } from "./routes/work/reports.js";
import { assignmentRoutes } from "./routes/work/assignments.js";
import { exportRoutes } from "./routes/work/export.js";
import { dashboardRoutes } from "./routes/work/dashboard.js";
import { webDist, webRoutes } from "./web.js";

export interface AppOptions {
  /** Fastify's logger (off in tests). */
  logger?: boolean;
  maxUploadBytes?: number;
  /** The built web app to serve (default: apps/web/dist when built; null: none). */
  webRoot?: string | null;
  /** Called for every route registered (the authorization test checks it has a row for each). */
  onRoute?: (method: string, url: string) => void;
  /** The most rows a spreadsheet export holds (default MAX_EXPORT_ROWS). */
  maxExportRows?: number;
}

export async function buildApp(registry: Registry, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const onRoute = options.onRoute;
  if (onRoute) app.addHook("onRoute", (route) => [route.method].flat().forEach((m) => onRoute(String(m), route.url)));
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes ?? DEFAULT_MAX_BYTES, files: 1 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: { title: "chidao API", description: "Chỉ đạo: directive documents, the agencies they task, and the cascade between them.", version: PARSER_VERSION },
      tags: [{ name: "documents" }, { name: "catalog" }, { name: "tasks" }, { name: "reports" }, { name: "auth" }, { name: "accounts" }, { name: "system" }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "chidao_session", description: "Set by POST /api/auth/login; unsafe methods also need the x-csrf-token header." },
          token: { type: "http", scheme: "bearer", description: "An API token: `chidao token create --user NAME`." },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
  await authPlugin(app, registry.db);
  healthRoutes(app, registry);
  await authRoutes(app, registry.db);
  accountRoutes(app, registry.db);
  taskRoutes(app, registry.db);
  exportRoutes(app, registry.db, options.maxExportRows === undefined ? {} : { maxRows: options.maxExportRows });
  assignmentRoutes(app, registry.db);
  dashboardRoutes(app, registry.db);
  reportRoutes(app, registry.db);
  auditRoutes(app, registry.db);
  documentRoutes(app, registry);
  catalogRoutes(app, registry);
  await webRoutes(app, options.webRoot === undefined ? webDist() : options.webRoot);
  return app;
}
