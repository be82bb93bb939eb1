/**
 * @module schema/registry
 * The registry's tables: the dated hierarchy and its agencies, documents with their files,
 * agency mentions and citations.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  unique,
  uuid,
  bigint,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A unit of the administrative hierarchy (tỉnh, huyện, xã …) for the period it existed. */
export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    /** GSO code: 2 digits province, 3 district, 5 commune. Reused across eras, so not unique alone. */
    code: text("code").notNull(),
    level: text("level", { enum: ["province", "district", "commune"] }).notNull(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    unitType: text("unit_type").notNull(),
    nameEn: text("name_en"),
    parentId: integer("parent_id").references((): AnyPgColumn => units.id),
    provinceCode: text("province_code").notNull(),
    /** Which published list the unit comes from, e.g. "2021-11-01". */
    list: text("list").notNull(),
    /** Null: in force since before the list we hold. */
    validFrom: date("valid_from"),
    /** Null: still in force. Exclusive. */
    validTo: date("valid_to"),
    nameKey: text("name_key").notNull(),
  },
  (t) => [uniqueIndex("units_list_level_code").on(t.list, t.level, t.code), index("units_parent").on(t.parentId), index("units_name_key").on(t.nameKey)],
);

/** Old unit → new unit links of a reorganisation (2025-07-01: 63 → 34 provinces, communes merged). */
export const unitSuccessors = pgTable(
  "unit_successors",
  {
    fromId: integer("from_id").notNull().references(() => units.id),
    toId: integer("to_id").notNull().references(() => units.id),
    /** "full": the whole old unit went into the new one; "partial": part of it. */
    link: text("link", { enum: ["full", "partial"] }).notNull(),
  },
  (t) => [uniqueIndex("unit_successors_pair").on(t.fromId, t.toId)],
);

/** An agency: a standing body of a unit (Sở Y tế of a province), a central body, or one a user added. */
export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    /** Null for central bodies. */
    unitId: integer("unit_id").references(() => units.id),
    level: text("level", { enum: ["central", "province", "district", "commune"] }).notNull(),
    kind: text("kind").notNull(),
    /** What the agency is within its unit, e.g. "so-y-te", "ubnd"; shared by every unit's copy. */
    roleKey: text("role_key").notNull(),
    /** Its name within its unit ("Sở Y tế"). */
    name: text("name").notNull(),
    /** Its full name ("Sở Y tế tỉnh Khánh Hòa"). */
    fullName: text("full_name").notNull(),
    origin: text("origin", { enum: ["standing", "user"] }).notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("agencies_unit_role").on(t.unitId, t.roleKey).nullsNotDistinct(), index("agencies_role").on(t.roleKey)],
);

/** A name an agency is known by ("UBND tỉnh", "Sở YT"), matched on its folded key; data, not code. */
export const agencyAliases = pgTable(
  "agency_aliases",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    aliasKey: text("alias_key").notNull(),
    /** The unit whose documents may use the alias (null: anywhere). */
    scopeUnitId: integer("scope_unit_id").references(() => units.id),
    origin: text("origin", { enum: ["seed", "review", "user"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("agency_aliases_key").on(t.aliasKey, t.scopeUnitId, t.agencyId).nullsNotDistinct(), index("agency_aliases_agency").on(t.agencyId)],
);

/** An original file, content-addressed. */
export const files = pgTable("files", {
  sha256: text("sha256").primaryKey(),
  size: integer("size").notNull(),
  mediaType: text("media_type").notNull(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A directive: stored (parsed from a file) or a placeholder for a document cited before it was
 * ingested; ingesting it later fills the placeholder in, keeping its id and links.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status", { enum: ["stored", "placeholder"] }).notNull(),
    issuer: text("issuer"),
    issuerKey: text("issuer_key"),
    /** The unit whose agencies the document addresses (the issuer's jurisdiction). */
    unitId: integer("unit_id").references(() => units.id),
    /** The issuer's level when known: central, province, district, commune. */
    issuerLevel: text("issuer_level"),
    code: text("code"),
    codeKey: text("code_key"),
    typeCode: text("type_code"),
    typeName: text("type_name"),
    date: date("date"),
    subject: text("subject"),
    record: jsonb("record"),
    text: text("text"),
    parserVersion: text("parser_version"),
    fileName: text("file_name"),
    sha256: text("sha256").references(() => files.sha256),
    ingestedAt: timestamp("ingested_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by each edit of the record by a reviewer (optimistic concurrency: ETag "v<version>"). */
    version: integer("version").notNull().default(1),
    /**
     * The header fields a reviewer corrected (a DocumentPatch: field → value), merged edit after
     * edit. A reparse lays them over the new parse, so a parser upgrade never undoes a person's work.
     */
    corrections: jsonb("corrections").$type<Record<string, string | null>>().notNull().default({}),
    /** The heading words alone (subject, code, issuer): small and stored inline, so ranking reads it cheaply. */
    titleSearch: tsvector("title_search").generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, chidao_fold(coalesce(subject, '') || ' ' || coalesce(code, ''))), 'A') || setweight(to_tsvector('simple'::regconfig, chidao_fold(coalesce(issuer, ''))), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex("documents_sha256").on(t.sha256),
    uniqueIndex("documents_identity").on(t.issuerKey, t.codeKey, t.date).where(sql`status = 'stored' and code_key is not null and issuer_key is not null and date is not null`),
    index("documents_code_key").on(t.codeKey),
    index("documents_date").on(t.date),
    index("documents_unit").on(t.unitId),
    index("documents_status_date").on(t.status, t.date.desc().nullsLast(), t.id),
    index("documents_status_type_date").on(t.status, t.typeCode, t.date.desc().nullsLast(), t.id),
  ],
);

/**
 * The search index of stored documents, one narrow row each: the columns searches filter on and
 * the words (documents/word-pairs.ts). Kept by a trigger on documents (migration 0009), so that
 * a search's heap visits touch ~80 rows per page rather than the ~9 of a documents page.
 * `search`: every word of the heading, issuer and body without positions, plus every pair of
 * adjacent words (chidao_search_vector).
 */
export const documentSearch = pgTable(
  "document_search",
  {
    documentId: uuid("document_id")
      .primaryKey()
      .references(() => documents.id, { onDelete: "cascade" }),
    issuerKey: text("issuer_key"),
    unitId: integer("unit_id"),
    typeCode: text("type_code"),
    date: date("date"),
    search: tsvector("search").notNull(),
  },
  (t) => [
    index("document_search_words").using("gin", t.search),
    index("document_search_date").on(t.date.desc().nullsLast(), t.documentId),
    index("document_search_type_date").on(t.typeCode, t.date.desc().nullsLast(), t.documentId),
  ],
);

/** Every file a document came from (a PDF and a DOCX of one directive are one document). */
export const documentFiles = pgTable(
  "document_files",
  {
    documentId: uuid("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull().references(() => files.sha256),
    fileName: text("file_name").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("document_files_sha256").on(t.sha256), index("document_files_document").on(t.documentId)],
);

/** An agency mention of a document (a task's lead, a recipient …) and how it resolved. */
export const mentions = pgTable(
  "mentions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: uuid("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    /** Where in the record: "tasks[2].lead[0]", "recipients[1]", "issuer". */
    path: text("path").notNull(),
    role: text("role", { enum: ["issuer", "recipient", "lead", "support", "report_to", "distribution", "body"] }).notNull(),
    text: text("text").notNull(),
    expanded: text("expanded").notNull(),
    spanStart: integer("span_start"),
    spanEnd: integer("span_end"),
    collective: boolean("collective").notNull(),
    status: text("status", { enum: ["resolved", "ambiguous", "unresolved"] }).notNull(),
    confidence: real("confidence").notNull(),
    /** Why it resolved as it did, e.g. "alias in Khánh Hòa", "fan-out: district People's Committees". */
    reason: text("reason").notNull(),
    /** Set when a person chose the agency in the review queue. */
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("mentions_document_path").on(t.documentId, t.path), index("mentions_status").on(t.status)],
);

export const mentionAgencies = pgTable(
  "mention_agencies",
  {
    mentionId: bigint("mention_id", { mode: "number" }).notNull().references(() => mentions.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    /** Candidate rank for an ambiguous mention; 0 for a resolved one's agencies. */
    rank: integer("rank").notNull(),
    /** "resolved": the mention names this agency; "candidate": it may (ambiguous). */
    kind: text("kind", { enum: ["resolved", "candidate"] }).notNull(),
  },
  (t) => [uniqueIndex("mention_agencies_pair").on(t.mentionId, t.agencyId), index("mention_agencies_agency").on(t.agencyId)],
);

/** A citation of one document by another: the edge of the cascade. */
export const citations = pgTable(
  "citations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: uuid("document_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    /** The cited document (stored, or a placeholder until it is ingested). */
    citedId: uuid("cited_id").notNull().references(() => documents.id),
    code: text("code"),
    typeName: text("type_name"),
    issuer: text("issuer"),
    date: date("date"),
    spanStart: integer("span_start"),
    spanEnd: integer("span_end"),
  },
  (t) => [uniqueIndex("citations_document_ordinal").on(t.documentId, t.ordinal), index("citations_cited").on(t.citedId)],
);
