/**
 * @module schema/accounts
 * People and how they prove who they are: accounts scoped to a unit or an agency, browser
 * sessions and API tokens. Secrets are stored as hashes only.
 */
import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { ACCOUNT_ROLES } from "@chidao/core";
import { agencies, units } from "./registry.js";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Login name, lower case. */
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    /** "scrypt$N$r$p$salt$hash"; null: the account signs in with tokens only. */
    passwordHash: text("password_hash"),
    /** administrator, office (văn phòng), agency member, command-center operator, viewer. */
    role: text("role", { enum: ACCOUNT_ROLES }).notNull(),
    /** The unit whose subtree the account sees (null with agencyId null: the whole country). */
    unitId: integer("unit_id").references(() => units.id),
    /** The agency the account works for (an agency member sees and reports on its tasks). */
    agencyId: integer("agency_id").references(() => agencies.id),
    locale: text("locale", { enum: ["vi", "en"] }).notNull().default("vi"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("users_unit").on(t.unitId), index("users_agency").on(t.agencyId)],
);

/** A signed-in browser: the cookie holds a random token, the row its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Sent back in the x-csrf-token header on every unsafe request of the session. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** A token for scripts and the CLI (`Authorization: Bearer …`); shown once, stored hashed. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, to tell tokens apart in a list. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);
