/**
 * @module versioning
 * Optimistic concurrency over HTTP: a versioned object is sent with `ETag: "v7"`; an edit must
 * send it back in `If-Match`, and a stale one answers 409 instead of overwriting someone else's
 * change. An edit without If-Match answers 428.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { ChidaoError } from "@chidao/core";

export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function withEtag<T extends { version: number }>(reply: FastifyReply, value: T): T {
  void reply.header("etag", etagOf(value.version));
  return value;
}

export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers["if-match"];
  const match = typeof header === "string" ? /^(?:W\/)?"v(\d+)"$/.exec(header.trim()) : null;
  if (!match) {
    throw new ChidaoError({
      code: "PRECONDITION_REQUIRED",
      vi: 'Cần gửi phiên bản đang sửa trong tiêu đề If-Match (giá trị ETag, ví dụ "v3").',
      en: 'Send the version being edited in the If-Match header (the ETag, e.g. "v3").',
    });
  }
  return Number(match[1]);
}
