/**
 * @module errors
 * Every error leaves the API as `{ error: { code, message: { vi, en }, details } }` with a status
 * that fits it; validation errors name each field. No stack trace reaches a client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { ChidaoError, isChidaoError, type ErrorCode } from "@chidao/core";

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.object({ vi: z.string(), en: z.string() }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

const STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  FILE_EMPTY: 422,
  FILE_BINARY: 415,
  FILE_TOO_LARGE: 413,
  FORMAT_UNSUPPORTED: 415,
  FORMAT_CORRUPT: 422,
  ENCODING_UNKNOWN: 422,
  OCR_FAILED: 422,
  TOOL_MISSING: 503,
  DB_LOCKED: 503,
  DB_UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PRECONDITION_REQUIRED: 428,
};

export function statusOf(e: ChidaoError): number {
  return STATUS[e.code] ?? 500;
}

export function invalidInput(fields: { path: string; vi: string; en: string }[]): ChidaoError {
  const names = fields.map((f) => f.path).join(", ");
  return new ChidaoError({ code: "INVALID_INPUT", vi: `Dữ liệu không hợp lệ: ${names}.`, en: `Invalid input: ${names}.`, details: { fields } });
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "request";
    const fields = (error.validation as ValidationIssue[]).map((v) => {
      const path = [where, ...(v.params?.issue?.path ?? v.instancePath?.split("/").filter(Boolean) ?? [])].map(String).join(".");
      const en = v.params?.issue?.message ?? v.message ?? "invalid";
      return { path, vi: `${path}: giá trị không hợp lệ (${en})`, en: `${path}: ${en}` };
    });
    void reply.code(400).send({ error: invalidInput(fields).toJSON() });
    return;
  }
  if (isChidaoError(error)) {
    void reply.code(statusOf(error)).send({ error: error.toJSON() });
    return;
  }
  if (typeof error.statusCode === "number" && error.statusCode < 500) {
    void reply.code(error.statusCode).send({ error: { code: error.code ?? "BAD_REQUEST", message: { vi: `Yêu cầu không hợp lệ: ${error.message}`, en: error.message } } });
    return;
  }
  request.log.error({ err: error }, "unhandled error");
  void reply.code(500).send({ error: { code: "INTERNAL", message: { vi: "Lỗi máy chủ. Thao tác chưa được thực hiện; hãy thử lại.", en: "Server error. Nothing was changed; please try again." } } });
}
