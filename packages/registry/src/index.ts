/** @module @chidao/registry — the registry's services: what the HTTP server and the CLI call. */
export * from "./resolution/load-catalog.js";
export * from "./resolution/document-mentions.js";
export * from "./resolution/resolve-document.js";
export * from "./resolution/review.js";
