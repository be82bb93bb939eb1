/** @module @chidao/core — the pure domain core of chidao (no I/O). */
export * from "./errors.js";
export * from "./document/record.js";
export * from "./document/types.js";
export * from "./text/fold.js";
export * from "./text/encoding.js";
export * from "./text/tone.js";
export * from "./parser/parse.js";
export * from "./registry/keys.js";
export * from "./registry/snippet.js";
export * from "./registry/place-words.js";
export * from "./registry/jurisdiction.js";
export * from "./registry/mention-parse.js";
export * from "./registry/catalog.js";
export * from "./registry/resolve.js";
export * from "./registry/roles.js";
export { lunarToSolar, solarToLunar, type LunarDate } from "./work/lunar.js";
export * from "./work/calendar.js";
