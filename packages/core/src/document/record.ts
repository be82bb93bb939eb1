/**
 * @module document/record
 * The record the parser emits for one document: the scored fields of `../shared/eval/SCHEMA.md`
 * plus what a UI needs — the character span of every value in the normalized text, agency
 * mentions typed by level, and warnings where a value is missing or uncertain.
 */
import type { Issue, Span } from "../errors.js";

export type DocumentSystem = "party" | "state";
export type Urgency = "Khẩn" | "Thượng khẩn" | "Hỏa tốc";
export type Secrecy = "Mật" | "Tối mật" | "Tuyệt mật";
export type AuthorityPrefix = "TM" | "KT" | "TL" | "TUQ" | "Q";
export type AdminLevel = "central" | "province" | "district" | "commune";

/** A value read from the text, with where it was read. */
export interface Located<T> {
  value: T;
  span: Span;
}

export interface AgencyMention {
  /** The words as written, e.g. "UBND các huyện, thị xã, thành phố". */
  text: string;
  /** Abbreviations expanded: "Ủy ban nhân dân các huyện, thị xã, thành phố". */
  expanded: string;
  span: Span;
  /** What kind of body: people's committee, department, party committee, front, police … */
  kind: AgencyKind;
  /** Administrative level, where the words or the issuer's level tell it. */
  level: AdminLevel | null;
  /** "các sở, ban, ngành", "UBND các huyện": one mention that stands for many agencies. */
  collective: boolean;
  /** A head of an agency ("Chủ tịch UBND tỉnh", "Giám đốc Sở Y tế") rather than the body. */
  role?: string;
  /** Set when the name took its head from a plural before it: "Quân sự tỉnh" in "Các đảng ủy Công an tỉnh, Quân sự tỉnh" is "đảng ủy Quân sự tỉnh". */
  distributedFrom?: string;
}

export type AgencyKind =
  | "people_committee"
  | "people_council"
  | "party_committee"
  | "party_board"
  | "party_delegation"
  | "department"
  | "ministry"
  | "government"
  | "front"
  | "mass_organisation"
  | "police"
  | "military"
  | "border_guard"
  | "steering_committee"
  | "command_center"
  | "community_team"
  | "office"
  | "court_procuracy"
  | "health_facility"
  | "press"
  | "locality"
  | "other";

export interface Issuer {
  name: string;
  parent: string | null;
  span?: Span;
  parentSpan?: Span;
}

export interface Signer {
  name: string | null;
  title: string | null;
  authority: AuthorityPrefix[];
  /** The line naming on whose behalf the signer signs: "ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ". */
  onBehalfOf?: string | null;
  span?: Span;
}

export interface Citation {
  code: string;
  type: string | null;
  date: string | null;
  issuer: string | null;
  subject?: string | null;
  spans: Span[];
}

export interface Task {
  /** Numbering path in the body, outermost first: "2", "5.1", "II.3.b". */
  ref: string;
  text: string;
  lead: string[];
  support: string[];
  deadline: string | null;
  deadlineText: string | null;
  /** A recurring duty ("báo cáo hằng ngày trước 16 giờ"), kept as words and a rule. */
  recurrence?: string | null;
  reportTo: string[];
  span: Span;
  leadMentions: AgencyMention[];
  supportMentions: AgencyMention[];
}

export interface DocumentType {
  code: string;
  name: string;
}

export interface SourceInfo {
  file?: string;
  format?: string;
  encoding?: string;
  ocr?: boolean;
  pages?: number;
  /** Facts of the digital-signature stamp on a signed PDF ("Ký bởi: …", "Thời gian ký: …"). */
  digitalSignature?: { signedBy: string | null; organisation: string | null; time: string | null } | null;
  sha256?: string;
  bytes?: number;
}

export interface DocumentRecord {
  system: DocumentSystem | null;
  issuer: Issuer | null;
  code: string | null;
  type: DocumentType | null;
  place: string | null;
  date: string | null;
  subject: string | null;
  urgency: Urgency | null;
  secrecy: Secrecy | null;
  recipients: string[];
  signer: Signer;
  distribution: string[];
  citations: Citation[];
  tasks: Task[];
  agencies: AgencyMention[];
  /** Spans of the scalar fields, by field name. */
  spans: Record<string, Span>;
  warnings: Issue[];
  source: SourceInfo;
  parser: { name: "chidao"; version: string };
  /** The normalized text every span points into. */
  text: string;
}
