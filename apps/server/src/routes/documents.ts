/**
 * @module routes/documents
 * Upload, search, read and walk the cascade of documents.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ChidaoError, requireRole } from "@chidao/core";
import { mentionsOf, requireDocumentVisible, type Registry } from "@chidao/registry";
import { actorOf } from "../auth/plugin.js";
import { ErrorBody } from "../errors.js";
import { Cascade, CascadeQuery, DocumentDetail, DocumentPatch, Id, IngestResult, SearchPage, SearchQuery } from "../schemas.js";
import { expectedVersion, withEtag } from "../versioning.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 503: ErrorBody };

export function documentRoutes(app: FastifyInstance, registry: Registry): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/documents",
    {
      schema: {
        summary: "Ingest a directive (multipart field `file`: .txt .md .html .docx .pdf)",
        description: "The same bytes again answer the same id (status `existing`); another file of a stored document (same issuer, number/symbol and date) is merged into it.",
        tags: ["documents"],
        consumes: ["multipart/form-data"],
        response: { 200: IngestResult, 201: IngestResult, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireRole(actor, "document.ingest");
      const part = await request.file();
      if (!part || part.fieldname !== "file") throw missingFile();
      const bytes = await part.toBuffer();
      const result = await registry.ingest({ bytes, fileName: part.filename || "upload" }, actor);
      return reply.code(result.status === "created" ? 201 : 200).send({ id: result.id, status: result.status, sha256: result.sha256 });
    },
  );

  api.get("/api/documents", { schema: { summary: "Search and list documents", tags: ["documents"], querystring: SearchQuery, response: { 200: SearchPage, ...errors } } }, (request) => registry.search(request.query, actorOf(request).scope));

  api.get("/api/documents/:id", { schema: { summary: "One document with its record, files and citations", tags: ["documents"], params: z.object({ id: Id }), response: { 200: DocumentDetail, ...errors } } }, async (request, reply) => {
    const detail = await registry.document(request.params.id, actorOf(request).scope);
    const body = { ...detail, record: detail.record as unknown as Record<string, unknown> | null };
    return withEtag(reply, body);
  });

  api.patch(
    "/api/documents/:id",
    {
      schema: {
        summary: "Correct the document's header fields (number/symbol, type, date, issuer, subject, signer, place); If-Match: its ETag",
        description: "The row and the stored record change together and the edit is audited. 428 without If-Match, 409 when the version is stale or another document would have the same issuer, number/symbol and date.",
        tags: ["documents"],
        params: z.object({ id: Id }),
        body: DocumentPatch,
        response: { 200: DocumentDetail, ...errors, 409: ErrorBody, 428: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = expectedVersion(request);
      const { code, typeCode, date, issuer, subject, signer, place } = request.body;
      const patch = Object.fromEntries(Object.entries({ code, typeCode, date, issuer, subject, signer, place }).filter(([, v]) => v !== undefined));
      const detail = await registry.editDocument(request.params.id, version, patch, actor);
      const body = { ...detail, record: detail.record as unknown as Record<string, unknown> | null };
      return withEtag(reply, body);
    },
  );

  api.get(
    "/api/documents/:id/cascade",
    { schema: { summary: "The directive cascade from a document, up or down", tags: ["documents"], params: z.object({ id: Id }), querystring: CascadeQuery, response: { 200: Cascade, ...errors } } },
    (request) => registry.cascade(request.params.id, request.query.direction, request.query.depth, actorOf(request).scope),
  );

  api.get("/api/documents/:id/mentions", { schema: { summary: "The document's agency mentions as resolved", tags: ["documents"], params: z.object({ id: Id }), response: { 200: z.array(z.record(z.string(), z.unknown())), ...errors } } }, async (request) => {
    await requireDocumentVisible(registry.db, request.params.id, actorOf(request).scope);
    return (await mentionsOf(registry.db, request.params.id)) as unknown as Record<string, unknown>[];
  });

  api.get(
    "/api/files/:sha256",
    { schema: { summary: "An original file, as stored", tags: ["documents"], params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      const file = await registry.file(request.params.sha256, actorOf(request).scope);
      // Private: the file is only for readers in the document's jurisdiction.
      return reply.type(file.mediaType).header("cache-control", "private, max-age=31536000, immutable").send(Buffer.from(file.content));
    },
  );
}

function missingFile(): ChidaoError {
  return new ChidaoError({ code: "INVALID_INPUT", vi: "Thiếu tệp: gửi tệp văn bản trong trường multipart `file`.", en: "No file: send the document in the multipart field `file`.", details: { fields: [{ path: "body.file", vi: "bắt buộc", en: "required" }] } });
}
