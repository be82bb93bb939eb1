/** @module @chidao/server — the HTTP API. */
export * from "./app.js";
export * from "./serve.js";
export { webDist } from "./web.js";
