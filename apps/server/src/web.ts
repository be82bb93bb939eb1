/**
 * @module web
 * Serves the web app (apps/web, built by `npm install`) from the same origin as the API, so the
 * session cookie stays same-site strict: hashed assets cached for a year, index.html for every
 * other page path (the app routes in the browser), never for /api.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { ChidaoError } from "@chidao/core";

/** The built web app, or null when it has not been built. */
export function webDist(): string | null {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve("@chidao/web/package.json")), "dist");
    return existsSync(join(dir, "index.html")) ? dir : null;
  } catch {
    return null;
  }
}

export async function webRoutes(app: FastifyInstance, root: string | null): Promise<void> {
  if (!root) {
    app.get("/", { schema: { hide: true } }, () => {
      throw new ChidaoError({ code: "NOT_FOUND", vi: "Chưa dựng giao diện web: chạy `npm run build`.", en: "The web app is not built: run `npm run build`." });
    });
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => res.setHeader("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache"),
  });
  app.get("/", { schema: { hide: true } }, (_req, reply) => reply.header("cache-control", "no-cache").sendFile("index.html"));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    if (req.method === "GET" && !path.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(path)) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply.code(404).send({ error: { code: "NOT_FOUND", message: { vi: "Không có đường dẫn này.", en: "No such path." }, details: { path } } });
  });
}
