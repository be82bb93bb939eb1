/**
 * @module accounts/secrets
 * Random bearer secrets (session cookies, API tokens) and the hash they are stored under. A
 * 256-bit random secret needs no slow hash: SHA-256 is enough to keep the stored value useless.
 */
import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
