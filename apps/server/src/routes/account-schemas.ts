/** @module routes/account-schemas — the account shapes of the API (OpenAPI components). */
import { z } from "zod";
import { ACCOUNT_ROLES } from "@chidao/core";

const Named = z.object({ id: z.number(), name: z.string() });

export const Account = z
  .object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ACCOUNT_ROLES), unit: Named.nullable(), agency: Named.nullable(), locale: z.enum(["vi", "en"]), disabled: z.boolean(), version: z.number() })
  .meta({ id: "Account" });

export const TokenInfo = z.object({ id: z.number(), userId: z.number(), name: z.string(), prefix: z.string(), createdAt: z.date(), lastUsedAt: z.date().nullable(), revoked: z.boolean() }).meta({ id: "ApiToken" });
