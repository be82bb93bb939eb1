/** @module @chidao/registry — the registry's services: ingestion, documents, search, the cascade. */
export * from "./documents/ingest.js";
export * from "./documents/identity.js";
export * from "./documents/search.js";
export * from "./documents/cascade.js";
export * from "./documents/queries.js";
export * from "./documents/reparse.js";
export * from "./registry.js";
export * from "./inbox.js";
export * from "./resolution/load-catalog.js";
export * from "./resolution/document-mentions.js";
export * from "./resolution/resolve-document.js";
export * from "./resolution/review.js";
export * from "./resolution/catalog-cache.js";
export * from "./hierarchy/import.js";
export * from "./hierarchy/units.js";
export * from "./agencies/catalog.js";
export * from "./agencies/edit.js";
