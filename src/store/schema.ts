import type { Generated } from 'kysely';

/** Row types of PolyDesk's database. Times are ISO-8601 strings (portable across SQLite and PostgreSQL). */
export interface DocumentsTable {
  id: string;
  source: string;
  title: string;
  language: string;
  /** JSON array of group names. */
  audience: string;
  classification: string;
  url: string | null;
  content_hash: string;
  injection_flag: number;
  chunk_count: number;
  ingested_at: string;
  /** Version of the at-rest scan whose findings `sensitive_spans` holds; 0 = never scanned. */
  sensitive_version: number;
}

export interface ChunksTable {
  id: string;
  doc_id: string;
  ordinal: number;
  text: string;
  /** JSON array of headings. */
  heading_path: string;
  language: string;
  /** float32 little-endian vector, when an embedding model is configured. */
  embedding: Buffer | null;
  embedding_model: string | null;
}

export interface QuestionsTable {
  id: string;
  created_at: string;
  platform: string;
  asker: string;
  place_kind: string;
  channel_id: string | null;
  thread_id: string | null;
  /** JSON: platform data to deliver later. */
  delivery: string | null;
  event_id: string | null;
  text: string;
  language: string | null;
  /** received → answered | not_found | held | blocked | busy | failed | invalid */
  status: string;
  answer_text: string | null;
  generator: string | null;
  extractive: number | null;
  /** JSON array of chunk ids. */
  retrieved_chunk_ids: string | null;
  /** JSON array of citations. */
  citations: string | null;
  verdict_action: string | null;
  /** JSON array of findings. */
  findings: string | null;
  latency_ms: number | null;
  answered_at: string | null;
  /** Replica that claimed the work; for crash recovery. */
  worker: string | null;
  attempts: Generated<number>;
  /** null: a question; `summary`: a summary asked for (migration 0011). */
  kind: Generated<string | null>;
}

export interface ReviewsTable {
  id: string;
  question_id: string;
  status: string;
  created_at: string;
  decided_at: string | null;
  reviewer: string | null;
  reason: string | null;
  original_text: string;
  final_text: string | null;
  findings: string;
  language: string;
  /** JSON array of citations. */
  citations: string;
  delivered_at: string | null;
  /** The process delivering the decision now (migration 0006), with its attempt number and start. */
  delivery_owner: string | null;
  delivery_attempt: Generated<number>;
  delivery_claimed_at: string | null;
  /** 1 when the reviewer chose to deliver the answer's credentials unmasked. */
  revealed_on_approval: Generated<number>;
  /**
   * A held expert reply's review (migration 0009): `<escalation id> <reply id>`; null for a held
   * answer, of which a question has at most one.
   */
  reply_key: string | null;
}

/** Fingerprints of one sensitive value found in a document at ingest (never the value). */
export interface SensitiveSpansTable {
  doc_id: string;
  ordinal: number;
  type: string;
  /** Canonical length of the value. */
  length: number;
  /** Keyed hash of the whole canonical value, base 36. */
  fingerprint: string;
  /** Keyed hashes of its windows, base 36, comma-separated. */
  windows: string;
  /** The line around the value with every sensitive value masked, for publishers. */
  excerpt: string;
}

export interface FeedbackTable {
  id: string;
  question_id: string;
  rating: string;
  user: string;
  platform: string;
  comment: string | null;
  created_at: string;
}

/** A reply written by HR or IT, given to every question that means the same (issue 17). */
export interface StandardAnswersTable {
  id: string;
  /** The question it answers, as its author wrote it. */
  question: string;
  /** JSON array of other wordings it answers (e.g. the asker's own question it was written for). */
  phrasings: string;
  answer: string;
  title: string;
  /** Who answers for it ("HR", "IT"): shown as "answered by <team> on <date>". */
  team: string;
  /** JSON array of group names, as documents' audience. */
  audience: string;
  /** JSON array of language tags it is given in; empty = any. */
  languages: string;
  /** When its owners should check it again (ISO date); null = no date. */
  review_at: string | null;
  /** admin | expert | gap: written in the admin UI or API, from an expert's reply, from a knowledge gap. */
  origin: string;
  /** The escalation or gap it came from. */
  origin_ref: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Retired answers are kept (their uses stay countable) and never given. */
  retired_at: string | null;
}

/** A question answered with a standard answer: one row per question. */
export interface StandardAnswerUsesTable {
  question_id: string;
  standard_id: string;
  /** The match's score against the threshold. */
  score: number;
  used_at: string;
}

/** A question handed off to a person in an expert channel ("Ask a person"). */
export interface EscalationsTable {
  id: string;
  question_id: string;
  requested_by: string;
  /** open | resolved */
  status: string;
  /** The expert route chosen (a group, a source folder, or "default"). */
  route: string;
  /** Where the experts were asked: platform, channel and the thread of the hand-off message. */
  expert_platform: string;
  expert_channel: string;
  expert_thread: string | null;
  /** The asker's language, shown to the experts. */
  language: string;
  created_at: string;
  posted_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  /** The standard answer published from this hand-off, if any. */
  standard_id: string | null;
}

/** An expert's reply in a hand-off thread, relayed to the asker once (after the guard). */
export interface EscalationRepliesTable {
  escalation_id: string;
  /** The platform's id of the reply (Slack ts, Teams activity id). */
  reply_id: string;
  author: string;
  text: string;
  created_at: string;
  relayed_at: string | null;
  /** The guard's verdict on the relayed text. */
  verdict_action: string | null;
  /**
   * The process relaying it now (migration 0009), with its attempt number and start: a relay that
   * failed gives its claim up, one whose process died is taken over once the claim is old.
   */
  relay_owner: string | null;
  relay_attempt: Generated<number>;
  relay_claimed_at: string | null;
}

/** An asker who wants to be told when their unanswered question gets an answer. */
export interface AnswerSubscriptionsTable {
  question_id: string;
  asker: string;
  created_at: string;
  notified_at: string | null;
  standard_id: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  /** JSON object with non-sensitive details. */
  details: string | null;
}

export interface ProcessedEventsTable {
  platform: string;
  event_id: string;
  created_at: string;
}

export interface CanariesTable {
  id: string;
  value: string;
  created_at: string;
  created_by: string;
}

export interface AdminUsersTable {
  email: string;
  role: string;
  password_hash: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  token_hash: string;
  email: string;
  created_at: string;
  /** Public id, to list and revoke one token (never enough to use it). */
  id: string | null;
  /** After this the token is refused; null only for a row written by a version before 0004. */
  expires_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  email: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/**
 * One row per content version (the `content.version` counter in `meta`), written in the transaction
 * that bumps it: what a replica applies to its search indexes to catch up from the version it holds.
 */
export interface IndexChangesTable {
  version: number;
  /** `document` (chunks replaced or the document deleted), `findings` (at-rest findings only), `embeddings` (vectors re-made). */
  kind: string;
  /** The document changed; null for `embeddings`, which concerns every chunk. */
  doc_id: string | null;
  /** JSON array of the chunk ids this change removed. */
  removed_chunks: string;
}

/** What a synced source's item was when last stored (migration 0010). */
export interface SourceItemsTable {
  source_name: string;
  item_key: string;
  doc_id: string;
  /** The document's `source` (its path or URL in PolyDesk). */
  doc_source: string;
  version: string;
  content_hash: string;
  /** JSON `{audience, classification}` the item was stored with, before front matter. */
  access: string;
  synced_at: string;
}

/** A synced source's last run (migration 0010). */
export interface SourceStateTable {
  source_name: string;
  cursor: string | null;
  /** `running`, `ok`, `partial` (some items failed) or `failed`. */
  status: string;
  started_at: string | null;
  finished_at: string | null;
  last_success_at: string | null;
  added: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  removed: Generated<number>;
  failed: Generated<number>;
  items: Generated<number>;
  last_error: string | null;
}

/** Which replica runs a synced source, until when (migration 0010). */
export interface SourceLeasesTable {
  source_name: string;
  holder: string;
  expires_at: string;
}

export interface Database {
  documents: DocumentsTable;
  chunks: ChunksTable;
  questions: QuestionsTable;
  reviews: ReviewsTable;
  feedback: FeedbackTable;
  audit_log: AuditLogTable;
  processed_events: ProcessedEventsTable;
  canaries: CanariesTable;
  admin_users: AdminUsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  meta: MetaTable;
  sensitive_spans: SensitiveSpansTable;
  index_changes: IndexChangesTable;
  standard_answers: StandardAnswersTable;
  standard_answer_uses: StandardAnswerUsesTable;
  escalations: EscalationsTable;
  escalation_replies: EscalationRepliesTable;
  answer_subscriptions: AnswerSubscriptionsTable;
  source_items: SourceItemsTable;
  source_state: SourceStateTable;
  source_leases: SourceLeasesTable;
}
