/** @module @chidao/registry — the registry's services: the administrative hierarchy and its agencies. */
export * from "./hierarchy/import.js";
export * from "./hierarchy/units.js";
export * from "./agencies/catalog.js";
export * from "./agencies/edit.js";
