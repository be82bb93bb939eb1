/**
 * @module schemas
 * The API's shapes, as zod schemas: they validate requests, serialize responses and make the
 * OpenAPI document.
 */
import { z } from "zod";

export const Id = z.uuid().describe("Document id");

export const DocumentSummary = z
  .object({
    id: z.string(),
    status: z.enum(["stored", "placeholder"]).describe("placeholder: cited by a stored document, not ingested yet"),
    code: z.string().nullable().describe("Số/ký hiệu, e.g. 16/CT-TTg"),
    type: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
    date: z.string().nullable().describe("Ngày ban hành, YYYY-MM-DD"),
    issuer: z.string().nullable(),
    subject: z.string().nullable().describe("Trích yếu"),
  })
  .meta({ id: "DocumentSummary" });

export const Snippet = z.object({ text: z.string(), marks: z.array(z.object({ start: z.number(), end: z.number() })) });

export const SearchHit = DocumentSummary.extend({ rank: z.number(), snippet: Snippet.nullable() }).meta({ id: "SearchHit" });

export const SearchPage = z
  .object({
    items: z.array(SearchHit),
    total: z.number(),
    totalExact: z.boolean().describe("false: `total` is an estimate (too many matches to count and rank)"),
    sort: z.enum(["relevance", "date"]).describe("relevance (heading words) for up to 2,000 matches; newest first otherwise or without a query"),
    limit: z.number(),
    offset: z.number(),
  })
  .meta({ id: "SearchPage" });

const isoDate = z.iso.date().describe("YYYY-MM-DD");

export const SearchQuery = z.object({
  q: z.string().max(500).optional().describe("Words, diacritics optional: \"phong chong dich\". \"Quoted phrase\", -exclude, OR"),
  issuer: z.string().max(200).optional().describe("Issuer name, any spelling"),
  type: z.string().max(10).optional().describe("Type code: CT, CĐ, CV, TB, KL, QĐ, KH, NQ …"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const IngestResult = z
  .object({
    id: z.string(),
    status: z.enum(["created", "existing", "merged"]).describe("existing: these bytes were stored before; merged: another file of a stored document"),
    sha256: z.string(),
  })
  .meta({ id: "IngestResult" });

export const FileInfo = z.object({ sha256: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number() });

export const DocumentDetail = DocumentSummary.extend({
  parserVersion: z.string().nullable(),
  ingestedAt: z.string(),
  version: z.number().int().describe("Bumped by each edit of the record; the ETag is \"v<version>\""),
  record: z.record(z.string(), z.unknown()).nullable().describe("The parse record (see the parser's schema), with its normalized text"),
  files: z.array(FileInfo),
  cites: z.array(DocumentSummary.extend({ span: z.object({ start: z.number(), end: z.number() }).nullable() })),
  citedBy: z.array(DocumentSummary),
}).meta({ id: "DocumentDetail" });

export const CascadeQuery = z.object({
  direction: z.enum(["up", "down"]).default("down").describe("up: what the document implements; down: what was issued to implement it"),
  depth: z.coerce.number().int().min(1).max(12).default(12),
});

export const Cascade = z
  .object({
    root: z.string(),
    direction: z.enum(["up", "down"]),
    nodes: z.array(DocumentSummary.extend({ depth: z.number() })),
    edges: z.array(z.object({ from: z.string(), to: z.string() })),
  })
  .meta({ id: "Cascade" });

export const Health = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "server"]), parserVersion: z.string(), documents: z.number() });

export const DocumentPatch = z
  .object({
    code: z.string().max(5000).optional().describe("Số/ký hiệu, e.g. 122-TB/TU"),
    typeCode: z.string().max(5000).optional().describe("Type code: CT, CĐ, CV, TB, KL, QĐ, KH, NQ …"),
    date: z.string().max(5000).optional().describe("Ngày ban hành, YYYY-MM-DD"),
    issuer: z.string().max(5000).optional().describe("Cơ quan ban hành"),
    subject: z.string().max(5000).optional().describe("Trích yếu"),
    signer: z.string().max(5000).nullable().optional().describe("The signer's name (null or empty: none)"),
    place: z.string().max(5000).nullable().optional().describe("Địa danh (null or empty: none)"),
  })
  .strict()
  .describe("Every field optional, at least one; values are checked by the service, which names the field in its error (Vietnamese and English)")
  .meta({ id: "DocumentPatch" });
