import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './core/errors.js';
import { parseGraphGroups } from './graph-directory.js';

/**
 * The whole runtime configuration, read and validated once from the environment by `loadConfig`.
 * No other module reads `process.env`.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** `DATABASE_STATEMENT_TIMEOUT_MS` (PostgreSQL): a statement running longer is cancelled; 0 = no limit. */
  readonly databaseStatementTimeoutMs: number;
  readonly samples: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Log question/answer text (off by default; for debugging only). */
  readonly logContent: boolean;
  readonly directoryFile?: string | undefined;
  /**
   * Users' groups from Entra ID group membership (src/graph-directory.ts), added to DIRECTORY_FILE's:
   * set when DIRECTORY_GRAPH_GROUPS is. Credentials from DIRECTORY_GRAPH_TENANT_ID/_CLIENT_ID/
   * _CLIENT_SECRET, else the Teams app's MICROSOFT_APP_TENANT_ID/_ID/_PASSWORD.
   */
  readonly directoryGraph?: DirectoryGraphConfig | undefined;
  /**
   * The concept lexicon (src/rag/lexicon.ts): `LEXICON=off` turns it off; `LEXICON_FILE` adds an
   * operator's concepts (the company's own words) to the built-in ones.
   */
  readonly lexicon: { readonly enabled: boolean; readonly file?: string | undefined };
  /**
   * `ANSWER_MIN_CONFIDENCE`: the extractive reader says "not found" below this confidence (default: the
   * calibrated threshold; higher says "not found" more often, for unanswerable and answerable questions
   * alike: docs/quality.md shows the trade-off).
   */
  readonly answerMinConfidence?: number | undefined;
  /**
   * The sentence encoder in the extractive reader (EMBEDDING_MODEL_DIR's model): `ANSWER_ENCODER=off`
   * leaves it out; `ANSWER_ENCODER_WEIGHT` is how much its ranking counts in choosing what to quote;
   * `ANSWER_CALIBRATION_FILE` is a confidence fitted with it (`bench/calibrate-reader.ts --encoder DIR
   * --fit --write FILE`), without which it does not take part in deciding "not found".
   */
  readonly answerEncoder: {
    readonly enabled: boolean;
    readonly weight?: number | undefined;
    readonly calibrationFile?: string | undefined;
  };
  /**
   * `STANDARD_ANSWER_MIN_SCORE`: a question gets a standard answer from this match score (0–1, default
   * calibrated: src/helpdesk/standard-answer-matcher.ts; higher gives fewer, surer standard answers).
   */
  readonly standardAnswerMinScore?: number | undefined;
  readonly maxFileBytes: number;
  /** What one file may expand to once read: archive limits and chunks per document (ingest/content-limits.ts). */
  readonly contentLimits: {
    readonly maxUncompressedBytes: number;
    readonly maxArchiveEntries: number;
    readonly maxCompressionRatio: number;
    readonly maxChunksPerDocument: number;
  };
  readonly maxQuestionChars: number;
  /**
   * Which proxies' `X-Forwarded-For`/`-Proto` headers are believed (express's `trust proxy`): false
   * (default: none, the peer's address is the client's), a hop count, or proxy addresses/CIDRs.
   */
  readonly trustProxy: false | number | readonly string[];
  /** The local chat page at `/` and `POST /api/chat` (see `resolveWebChat`). */
  readonly webChat: WebChatConfig;
  readonly slack: {
    readonly botToken?: string | undefined;
    readonly signingSecret?: string | undefined;
    readonly appToken?: string | undefined;
    readonly apiUrl?: string | undefined;
  };
  readonly teams: {
    readonly appId?: string | undefined;
    readonly appPassword?: string | undefined;
    readonly tenantId?: string | undefined;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    /** `TEAMS_EMULATOR`: accept activities without a token, for the Bot Framework Emulator (never exposed). */
    readonly emulator: boolean;
    /**
     * Reading whole conversations for "Summarise thread" through Microsoft Graph with the app's own
     * credentials (resource-specific consent): on with MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD
     * unless `TEAMS_GRAPH=off`; `GRAPH_API_URL` and `GRAPH_LOGIN_URL` override where it goes.
     */
    readonly graph?:
      | { readonly graphUrl?: string | undefined; readonly loginUrl?: string | undefined }
      | undefined;
  };
  readonly embeddingModelDir?: string | undefined;
  readonly retrievalMode: 'lexical' | 'dense' | 'hybrid';
  /** With a model configured, also search the question translated into the corpus languages. */
  readonly crossLanguageSearch: boolean;
  readonly generator: 'extractive' | 'onnx' | 'openai';
  readonly llm: {
    readonly modelDir?: string | undefined;
    readonly device: 'cpu' | 'cuda' | 'webgpu';
    readonly baseUrl?: string | undefined;
    readonly apiKey?: string | undefined;
    readonly model?: string | undefined;
    readonly promptFormat: 'multialpaca' | 'chat' | 'fewshot';
    readonly maxNewTokens: number;
    /**
     * `LLM_TIMEOUT_MS`: one try at the OpenAI-compatible server fails when its response has not started
     * after this long (the SDK tries three times), or when its stream sends nothing for this long.
     */
    readonly timeoutMs: number;
    /** `LLM_CONTEXT_TOKENS`: the OpenAI-compatible server's context window (its --max-model-len). */
    readonly contextTokens: number;
    /**
     * `GENERATION_DEADLINE_MS`: total time for one answer, either engine; past it the model is stopped
     * and the extractive answer is given, labelled as such.
     */
    readonly deadlineMs: number;
    /**
     * `SUMMARY_DEADLINE_MS`: total time for one summary with the model (all its map and reduce calls);
     * past it the extractive summary is given, with the fallback note.
     */
    readonly summaryDeadlineMs: number;
    /** `SUMMARY_MAX_MODEL_CALLS`: most model calls of one summary; more falls back to the extractive one. */
    readonly summaryMaxCalls: number;
    /** `LLM_QUEUE_SIZE`: answers that may wait for the embedded model; one more hears "busy". */
    readonly queueSize: number;
    /** `LLM_BATCH_SIZE`: waiting requests the embedded model decodes together. */
    readonly batchSize: number;
  };
  /** Translations for cross-language search: a budget of their own beside the answers'. */
  readonly translation: {
    /** `TRANSLATION_CONCURRENCY`: translations running or waiting at once; more are skipped, logged and counted. */
    readonly concurrency: number;
    /** `TRANSLATION_MAX_TOKENS`: most tokens of one translation. */
    readonly maxTokens: number;
  };
  readonly adminPassword?: string | undefined;
  /** Days a new API token works unless `admin token --expires-in` says otherwise. */
  readonly adminTokenTtlDays: number;
  readonly guardrailPolicyFile?: string | undefined;
  /**
   * `EXPERT_ROUTES_FILE`: JSON or YAML routes of "Ask a person" to expert channels
   * (src/helpdesk/expert-routes.ts), read and checked when `serve` starts; unset = no hand-offs.
   */
  readonly expertRoutesFile?: string | undefined;
  /**
   * `SOURCES_FILE`: JSON or YAML sources kept in sync (ingest/sources/sources-file.ts), read and checked
   * when `serve` or `sync` starts; unset = none.
   */
  readonly sourcesFile?: string | undefined;
  /**
   * The environment, for the variables a sources file names (`"clientSecretEnv": "GRAPH_CLIENT_SECRET"`):
   * a function, so that the values never appear when the configuration is printed or compared.
   */
  readonly environment?: ((name: string) => string | undefined) | undefined;
  readonly retentionDays?: number | undefined;
  /** Backpressure and crash recovery of `serve`. */
  readonly reliability: {
    /** Questions one person may ask per minute (0 = no limit); counted in the shared database. */
    readonly rateLimitPerMinute: number;
    /** Questions answered at once by one replica. */
    readonly answerConcurrency: number;
    /** Questions that may wait for their turn; beyond that askers hear "busy" and /readyz says not ready. */
    readonly answerQueueSize: number;
    /** Summaries worked on at once by one replica (a summary with a model is many model calls). */
    readonly summaryConcurrency: number;
    /** Summaries that may wait for their turn; beyond that askers hear "busy". */
    readonly summaryQueueSize: number;
    /** A question left unanswered this long by a replica that stopped beating is answered by another. */
    readonly recoveryAfterSeconds: number;
  };
}

/**
 * Who may use the local chat page. `local`: whoever connects from this machine (a loopback peer), as
 * one anonymous employee — the default only while no chat platform is configured, so that trying
 * PolyDesk on a laptop needs no sign-in and exposes nothing to the network; `open`: the same for
 * anyone who reaches the port (WEB_CHAT=open, never a default); `signed-in`: the admin UI's session
 * or API token, or the e-mail a trusted reverse proxy puts in `ssoHeader`; `off`: not mounted (404).
 */
export interface WebChatConfig {
  readonly mode: 'local' | 'open' | 'signed-in' | 'off';
  /** Lower-case request header carrying the signed-in e-mail, set by an SSO proxy (WEB_CHAT_SSO_HEADER). */
  readonly ssoHeader?: string | undefined;
}

export interface DirectoryGraphConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Entra ID group object id → PolyDesk group name. */
  readonly groups: Readonly<Record<string, string>>;
  /** `DIRECTORY_GRAPH_REFRESH_MINUTES` (default 15), in ms. */
  readonly refreshMs: number;
  /** `GRAPH_API_URL`, `GRAPH_LOGIN_URL`: Microsoft Graph and its token authority (tests point them at a fake). */
  readonly graphUrl?: string | undefined;
  readonly loginUrl?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const optionalString = z.string().optional();
const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** How to fix each variable, shown when it is invalid. */
const HINTS: Record<string, string> = {
  PORT: 'set PORT to a TCP port between 1 and 65535 (0 = any free port), e.g. PORT=3000',
  DATABASE_URL: 'use postgres://user:password@host:5432/db, or leave it unset for SQLite under DATA_DIR',
  DATABASE_STATEMENT_TIMEOUT_MS:
    'set DATABASE_STATEMENT_TIMEOUT_MS to the milliseconds after which PostgreSQL cancels a statement (1000 or more, 0 = no limit), e.g. 30000',
  GENERATOR:
    'set GENERATOR to extractive (no model), onnx (needs LLM_MODEL_DIR) or openai (needs LLM_BASE_URL)',
  LLM_DEVICE: 'set LLM_DEVICE to cpu, cuda or webgpu',
  LLM_BASE_URL: 'set LLM_BASE_URL to the OpenAI-compatible server, e.g. http://vllm:8000/v1',
  LLM_PROMPT_FORMAT:
    'set LLM_PROMPT_FORMAT to chat (PolyLM-Chat-13B), multialpaca (PolyLM-MultiAlpaca-13B) or fewshot (the base models, PolyLM-1.7B and PolyLM-13B)',
  MICROSOFT_APP_TYPE: 'set MICROSOFT_APP_TYPE to MultiTenant, SingleTenant or UserAssignedMSI',
  TEAMS_EMULATOR:
    'set TEAMS_EMULATOR=1 only to try PolyDesk with the Bot Framework Emulator on this machine, or 0 (default)',
  TEAMS_GRAPH:
    'set TEAMS_GRAPH to on (default: read whole conversations through Microsoft Graph for "Summarise thread") or off (only the chosen message)',
  STANDARD_ANSWER_MIN_SCORE:
    'set STANDARD_ANSWER_MIN_SCORE to a match score above 0 and at most 1 (higher: fewer, surer standard answers), or leave it unset for the calibrated default',
  ANSWER_ENCODER:
    'set ANSWER_ENCODER=off to keep the sentence encoder out of the extractive reader, or auto (default: used when EMBEDDING_MODEL_DIR is set)',
  ANSWER_ENCODER_WEIGHT:
    "set ANSWER_ENCODER_WEIGHT to how much the encoder's ranking counts in choosing the quote, from 0 to 1 (default 0.3)",
  RETRIEVAL_MODE:
    'set RETRIEVAL_MODE to lexical, dense or hybrid (dense and hybrid need EMBEDDING_MODEL_DIR)',
  LOG_LEVEL: 'set LOG_LEVEL to debug, info, warn or error',
  POLYDESK_SAMPLES: 'set POLYDESK_SAMPLES=0 to skip the sample knowledge base, or 1',
  MAX_UNCOMPRESSED_MB:
    'set MAX_UNCOMPRESSED_MB to the megabytes a .docx may expand to (its entries uncompressed), e.g. 100',
  MAX_ARCHIVE_ENTRIES: 'set MAX_ARCHIVE_ENTRIES to the number of entries a .docx may have, e.g. 10000',
  MAX_COMPRESSION_RATIO:
    'set MAX_COMPRESSION_RATIO to the largest uncompressed:compressed ratio of an entry over 1 MB, e.g. 100',
  MAX_CHUNKS_PER_DOCUMENT: 'set MAX_CHUNKS_PER_DOCUMENT to the chunks one document may make, e.g. 5000',
  ADMIN_TOKEN_TTL_DAYS: 'set ADMIN_TOKEN_TTL_DAYS to the days a new API token works, e.g. 90 (1 to 3650)',
  TRUST_PROXY:
    'set TRUST_PROXY to the number of reverse proxies in front of PolyDesk (e.g. 1), or their addresses/CIDRs ' +
    '(e.g. 10.0.0.5,192.168.0.0/16 or loopback); leave it unset when clients connect directly',
  WEB_CHAT:
    'set WEB_CHAT to auto (default: open to this machine only while no Slack or Teams is configured, off otherwise), ' +
    'on (behind the admin sign-in or WEB_CHAT_SSO_HEADER), open (no sign-in, for anyone who reaches the port) or off',
  WEB_CHAT_SSO_HEADER:
    'set WEB_CHAT_SSO_HEADER to the header your SSO proxy sets to the signed-in e-mail, e.g. X-Forwarded-Email',
  SLACK_API_URL: 'set SLACK_API_URL to a base URL ending in /api/, e.g. https://slack.com/api/',
  RETENTION_DAYS: 'set RETENTION_DAYS to a whole number of days (1 or more), or leave it unset to keep texts',
  RATE_LIMIT_PER_MINUTE:
    'set RATE_LIMIT_PER_MINUTE to questions per person per minute, e.g. 20 (0 = no limit)',
  LLM_QUEUE_SIZE: 'set LLM_QUEUE_SIZE to how many answers may wait for the embedded model, e.g. 8',
  LLM_BATCH_SIZE:
    'set LLM_BATCH_SIZE to how many waiting requests the embedded model decodes together, e.g. 4 (1 = one at a time)',
  GENERATION_DEADLINE_MS:
    'set GENERATION_DEADLINE_MS to the milliseconds one answer may take before the extractive answer is given instead, e.g. 60000',
  TRANSLATION_CONCURRENCY:
    'set TRANSLATION_CONCURRENCY to how many translations for search may run or wait at once, e.g. 8',
  TRANSLATION_MAX_TOKENS: 'set TRANSLATION_MAX_TOKENS to the most tokens of one translation, e.g. 512',
  ANSWER_CONCURRENCY: 'set ANSWER_CONCURRENCY to how many questions one replica answers at once, e.g. 8',
  ANSWER_QUEUE_SIZE: 'set ANSWER_QUEUE_SIZE to how many questions may wait, e.g. 200',
  SUMMARY_CONCURRENCY: 'set SUMMARY_CONCURRENCY to how many summaries one replica writes at once, e.g. 2',
  SUMMARY_QUEUE_SIZE: 'set SUMMARY_QUEUE_SIZE to how many summaries may wait, e.g. 20',
  SUMMARY_DEADLINE_MS:
    'set SUMMARY_DEADLINE_MS to the milliseconds one summary with a model may take before the extractive summary is given instead, e.g. 180000',
  SUMMARY_MAX_MODEL_CALLS:
    'set SUMMARY_MAX_MODEL_CALLS to the most model calls one summary may make, e.g. 12 (3 or more)',
  RECOVERY_AFTER_SECONDS:
    "set RECOVERY_AFTER_SECONDS to the seconds after which a dead replica's questions are taken over, e.g. 30",
};

const schema = z.object({
  PORT: intIn(0, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://')
    .optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: intIn(0, 3_600_000)
    .refine((ms) => ms === 0 || ms >= 1_000, 'must be 0 (no limit) or at least 1000')
    .default(30_000),
  POLYDESK_SAMPLES: z.enum(['0', '1', 'true', 'false']).default('1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_CONTENT: z.enum(['0', '1', 'true', 'false']).default('0'),
  DIRECTORY_FILE: optionalString,
  LEXICON: z.enum(['on', 'off', '1', '0', 'true', 'false']).default('on'),
  LEXICON_FILE: optionalString,
  ANSWER_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).optional(),
  ANSWER_ENCODER: z.enum(['auto', 'off', '1', '0', 'true', 'false', 'on']).default('auto'),
  ANSWER_ENCODER_WEIGHT: z.coerce.number().min(0).max(1).optional(),
  ANSWER_CALIBRATION_FILE: optionalString,
  STANDARD_ANSWER_MIN_SCORE: z.coerce.number().gt(0).max(1).optional(),
  MAX_FILE_MB: z.coerce.number().positive().max(2048).default(50),
  MAX_UNCOMPRESSED_MB: z.coerce.number().positive().max(16_384).default(100),
  MAX_ARCHIVE_ENTRIES: intIn(1, 1_000_000).default(10_000),
  MAX_COMPRESSION_RATIO: z.coerce.number().min(2).max(10_000).default(100),
  MAX_CHUNKS_PER_DOCUMENT: intIn(1, 10_000_000).default(5_000),
  TRUST_PROXY: optionalString,
  WEB_CHAT: z.enum(['auto', 'on', 'open', 'off']).default('auto'),
  WEB_CHAT_SSO_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name (letters, digits and dashes)')
    .optional(),
  MAX_QUESTION_CHARS: intIn(10, 100_000).default(4000),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: z.string().url().optional(),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  TEAMS_EMULATOR: z.enum(['0', '1', 'true', 'false']).default('0'),
  TEAMS_GRAPH: z.enum(['on', 'off']).default('on'),
  EMBEDDING_MODEL_DIR: optionalString,
  RETRIEVAL_MODE: z.enum(['lexical', 'dense', 'hybrid']).optional(),
  CROSS_LANGUAGE_SEARCH: z.enum(['0', '1', 'true', 'false']).default('1'),
  GENERATOR: z.enum(['extractive', 'onnx', 'openai']).default('extractive'),
  LLM_MODEL_DIR: optionalString,
  LLM_DEVICE: z.enum(['cpu', 'cuda', 'webgpu']).default('cpu'),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_PROMPT_FORMAT: z.enum(['multialpaca', 'chat', 'fewshot']).default('chat'),
  LLM_MAX_NEW_TOKENS: intIn(1, 4096).default(384),
  LLM_TIMEOUT_MS: intIn(100, 600_000).default(15_000),
  LLM_CONTEXT_TOKENS: intIn(256, 1_048_576).default(2048),
  GENERATION_DEADLINE_MS: intIn(100, 3_600_000).default(60_000),
  LLM_QUEUE_SIZE: intIn(0, 10_000).default(8),
  LLM_BATCH_SIZE: intIn(1, 64).default(4),
  TRANSLATION_CONCURRENCY: intIn(1, 1_000).default(8),
  TRANSLATION_MAX_TOKENS: intIn(8, 4096).default(512),
  ADMIN_PASSWORD: optionalString,
  ADMIN_TOKEN_TTL_DAYS: intIn(1, 3650).default(90),
  GUARDRAIL_POLICY_FILE: optionalString,
  EXPERT_ROUTES_FILE: optionalString,
  SOURCES_FILE: optionalString,
  DIRECTORY_GRAPH_GROUPS: optionalString,
  DIRECTORY_GRAPH_TENANT_ID: optionalString,
  DIRECTORY_GRAPH_CLIENT_ID: optionalString,
  DIRECTORY_GRAPH_CLIENT_SECRET: optionalString,
  DIRECTORY_GRAPH_REFRESH_MINUTES: intIn(1, 1440).default(15),
  GRAPH_API_URL: z.string().url().optional(),
  GRAPH_LOGIN_URL: z.string().url().optional(),
  RETENTION_DAYS: intIn(1, 36_500).optional(),
  RATE_LIMIT_PER_MINUTE: intIn(0, 100_000).default(20),
  ANSWER_CONCURRENCY: intIn(1, 1_000).default(8),
  ANSWER_QUEUE_SIZE: intIn(0, 1_000_000).default(200),
  SUMMARY_CONCURRENCY: intIn(1, 100).default(2),
  SUMMARY_QUEUE_SIZE: intIn(0, 10_000).default(20),
  SUMMARY_DEADLINE_MS: intIn(1_000, 3_600_000).default(180_000),
  SUMMARY_MAX_MODEL_CALLS: intIn(3, 1_000).default(12),
  RECOVERY_AFTER_SECONDS: intIn(2, 86_400).default(30),
});

const truthy = (v: string) => v === '1' || v === 'true';

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset or 0 = trust no forwarding header; a hop count; or a comma-separated list of
 * proxy addresses, CIDRs and express's presets. Returns an error message (a string) when invalid.
 * Never `true`: trusting every sender lets anyone choose the address the sign-in limiter sees.
 */
function parseTrustProxy(raw: string | undefined): false | number | string[] | string {
  if (raw === undefined || raw === '0' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops <= 10 ? hops : `${raw} hops is more than 10`;
  }
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) {
    if (PROXY_PRESETS.has(item)) continue;
    const [address = '', prefix, extra] = item.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined)
      return `"${item}" is not an IP address, a CIDR (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`;
  }
  return items.length > 0 ? items : false;
}

/** Headers a proxy or the browser sets for its own purposes: never an identity. */
const RESERVED_HEADERS = new Set(['authorization', 'cookie', 'host', 'x-forwarded-for', 'x-forwarded-proto']);

/**
 * WEB_CHAT: `auto` opens the chat page to this machine only, and only while no chat platform is
 * configured (trying PolyDesk on a laptop); with Slack or Teams it is off. `on` always means signed
 * in; `open` (anyone on the network, no sign-in) must be asked for by name.
 * WEB_CHAT_SSO_HEADER is believed only from the proxies TRUST_PROXY lists by address: with a hop
 * count, any client that reaches the port directly could send the header and be whoever it names.
 */
function resolveWebChat(
  e: z.infer<typeof schema>,
  trustProxy: ReturnType<typeof parseTrustProxy>,
  problems: string[],
): WebChatConfig {
  const platform = Boolean(e.SLACK_BOT_TOKEN || e.MICROSOFT_APP_ID || truthy(e.TEAMS_EMULATOR));
  const modes = { on: 'signed-in', open: 'open', off: 'off', auto: platform ? 'off' : 'local' } as const;
  const mode = modes[e.WEB_CHAT];
  const header = e.WEB_CHAT_SSO_HEADER?.toLowerCase();
  if (header === undefined) return { mode };
  if (e.WEB_CHAT !== 'on')
    problems.push(
      'WEB_CHAT_SSO_HEADER signs people in to the chat page: set WEB_CHAT=on as well, or unset it',
    );
  else if (RESERVED_HEADERS.has(header))
    problems.push(`WEB_CHAT_SSO_HEADER cannot be ${e.WEB_CHAT_SSO_HEADER}: ${HINTS['WEB_CHAT_SSO_HEADER']}`);
  else if (!Array.isArray(trustProxy))
    problems.push(
      "WEB_CHAT_SSO_HEADER needs TRUST_PROXY set to the SSO proxy's addresses (e.g. TRUST_PROXY=10.0.0.5 or loopback): " +
        'the header is believed only from them, since anyone reaching the port directly could send it',
    );
  return { mode, ssoHeader: header };
}

/**
 * DIRECTORY_GRAPH_*: groups from Entra ID when DIRECTORY_GRAPH_GROUPS is set. The app is
 * DIRECTORY_GRAPH_CLIENT_ID with DIRECTORY_GRAPH_CLIENT_SECRET, or else the Teams bot's own
 * registration (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD); a secret is never paired with another
 * app's id. Messages name variables, never their values.
 */
function resolveDirectoryGraph(
  e: z.infer<typeof schema>,
  problems: string[],
): DirectoryGraphConfig | undefined {
  const own = e.DIRECTORY_GRAPH_TENANT_ID || e.DIRECTORY_GRAPH_CLIENT_ID || e.DIRECTORY_GRAPH_CLIENT_SECRET;
  if (!e.DIRECTORY_GRAPH_GROUPS) {
    if (own)
      problems.push(
        'DIRECTORY_GRAPH_* credentials are set but DIRECTORY_GRAPH_GROUPS is not: set it (<group id>=hr,...) or unset them',
      );
    return undefined;
  }
  let groups: Record<string, string>;
  try {
    groups = parseGraphGroups(e.DIRECTORY_GRAPH_GROUPS);
  } catch (error) {
    problems.push((error as Error).message);
    return undefined;
  }
  const clientId = e.DIRECTORY_GRAPH_CLIENT_ID ?? e.MICROSOFT_APP_ID;
  const clientSecret = e.DIRECTORY_GRAPH_CLIENT_ID
    ? e.DIRECTORY_GRAPH_CLIENT_SECRET
    : (e.DIRECTORY_GRAPH_CLIENT_SECRET ?? e.MICROSOFT_APP_PASSWORD);
  const tenantId = e.DIRECTORY_GRAPH_TENANT_ID ?? e.MICROSOFT_APP_TENANT_ID;
  const missing = [
    clientId ? undefined : 'DIRECTORY_GRAPH_CLIENT_ID (or MICROSOFT_APP_ID)',
    clientSecret
      ? undefined
      : e.DIRECTORY_GRAPH_CLIENT_ID
        ? 'DIRECTORY_GRAPH_CLIENT_SECRET'
        : 'DIRECTORY_GRAPH_CLIENT_SECRET (or MICROSOFT_APP_PASSWORD)',
    tenantId ? undefined : 'DIRECTORY_GRAPH_TENANT_ID (or MICROSOFT_APP_TENANT_ID)',
  ].filter(Boolean);
  if (!clientId || !clientSecret || !tenantId) {
    problems.push(`DIRECTORY_GRAPH_GROUPS reads groups from Entra ID and needs ${missing.join(', ')}`);
    return undefined;
  }
  return {
    tenantId,
    clientId,
    clientSecret,
    groups,
    refreshMs: e.DIRECTORY_GRAPH_REFRESH_MINUTES * 60_000,
    graphUrl: e.GRAPH_API_URL,
    loginUrl: e.GRAPH_LOGIN_URL,
  };
}

/** Reads and validates the environment. Empty variables count as unset. Throws ConfigError naming the fix. */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const hint = HINTS[key];
      return `${key}: ${issue.message}${hint ? ` (${hint})` : ''}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.GENERATOR === 'onnx' && !e.LLM_MODEL_DIR)
    problems.push(
      'GENERATOR=onnx needs LLM_MODEL_DIR (a folder with model.onnx, config.json and tokenizer.json)',
    );
  if (e.GENERATOR === 'openai' && !e.LLM_BASE_URL)
    problems.push(
      'GENERATOR=openai needs LLM_BASE_URL (e.g. http://localhost:8000/v1) and usually LLM_MODEL',
    );
  const lexiconOn = e.LEXICON === 'on' || truthy(e.LEXICON);
  if (e.LEXICON_FILE && !lexiconOn)
    problems.push('LEXICON_FILE is set but LEXICON turns the lexicon off: remove one of them');
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    problems.push(
      'SLACK_BOT_TOKEN needs SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)',
    );
  if ((e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) && !e.SLACK_BOT_TOKEN)
    problems.push('Slack is half configured: set SLACK_BOT_TOKEN (xoxb-...) as well');
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD)
    problems.push('MICROSOFT_APP_ID needs MICROSOFT_APP_PASSWORD (or MICROSOFT_APP_TYPE=UserAssignedMSI)');
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID)
    problems.push('MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID');
  if (truthy(e.TEAMS_EMULATOR) && e.MICROSOFT_APP_ID)
    problems.push(
      'TEAMS_EMULATOR=1 turns token checks off and cannot be combined with MICROSOFT_APP_ID: unset TEAMS_EMULATOR',
    );
  const answerEncoderOff = ['off', '0', 'false'].includes(e.ANSWER_ENCODER);
  if (e.ANSWER_CALIBRATION_FILE && !e.EMBEDDING_MODEL_DIR)
    problems.push(
      'ANSWER_CALIBRATION_FILE is a confidence fitted with a sentence encoder: set EMBEDDING_MODEL_DIR to that encoder, or unset it',
    );
  else if (e.ANSWER_CALIBRATION_FILE && answerEncoderOff)
    problems.push('ANSWER_CALIBRATION_FILE has no effect with ANSWER_ENCODER=off: unset one of them');
  if (['on', '1', 'true'].includes(e.ANSWER_ENCODER) && !e.EMBEDDING_MODEL_DIR)
    problems.push(`ANSWER_ENCODER=${e.ANSWER_ENCODER} needs EMBEDDING_MODEL_DIR (the encoder it uses)`);
  if ((e.RETRIEVAL_MODE === 'dense' || e.RETRIEVAL_MODE === 'hybrid') && !e.EMBEDDING_MODEL_DIR)
    problems.push(`RETRIEVAL_MODE=${e.RETRIEVAL_MODE} needs EMBEDDING_MODEL_DIR (an ONNX encoder folder)`);
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(`TRUST_PROXY: ${trustProxy} (${HINTS['TRUST_PROXY']})`);
  const webChat = resolveWebChat(e, trustProxy, problems);
  const directoryGraph = resolveDirectoryGraph(e, problems);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);

  const resolve = (p: string | undefined) => (p ? path.resolve(cwd, p) : undefined);
  const environment: Env = Object.freeze({ ...env });
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    samples: truthy(e.POLYDESK_SAMPLES),
    logLevel: e.LOG_LEVEL,
    logContent: truthy(e.LOG_CONTENT),
    directoryFile: resolve(e.DIRECTORY_FILE),
    directoryGraph,
    lexicon: { enabled: lexiconOn, file: resolve(e.LEXICON_FILE) },
    answerMinConfidence: e.ANSWER_MIN_CONFIDENCE,
    answerEncoder: {
      enabled: !['off', '0', 'false'].includes(e.ANSWER_ENCODER),
      weight: e.ANSWER_ENCODER_WEIGHT,
      calibrationFile: resolve(e.ANSWER_CALIBRATION_FILE),
    },
    standardAnswerMinScore: e.STANDARD_ANSWER_MIN_SCORE,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    contentLimits: {
      maxUncompressedBytes: Math.round(e.MAX_UNCOMPRESSED_MB * 1024 * 1024),
      maxArchiveEntries: e.MAX_ARCHIVE_ENTRIES,
      maxCompressionRatio: e.MAX_COMPRESSION_RATIO,
      maxChunksPerDocument: e.MAX_CHUNKS_PER_DOCUMENT,
    },
    trustProxy: trustProxy as Config['trustProxy'],
    webChat,
    maxQuestionChars: e.MAX_QUESTION_CHARS,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    },
    teams: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      emulator: truthy(e.TEAMS_EMULATOR),
      graph:
        e.TEAMS_GRAPH === 'on' && e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD
          ? { graphUrl: e.GRAPH_API_URL, loginUrl: e.GRAPH_LOGIN_URL }
          : undefined,
    },
    embeddingModelDir: resolve(e.EMBEDDING_MODEL_DIR),
    retrievalMode: e.RETRIEVAL_MODE ?? (e.EMBEDDING_MODEL_DIR ? 'hybrid' : 'lexical'),
    crossLanguageSearch: truthy(e.CROSS_LANGUAGE_SEARCH),
    generator: e.GENERATOR,
    llm: {
      modelDir: resolve(e.LLM_MODEL_DIR),
      device: e.LLM_DEVICE,
      baseUrl: e.LLM_BASE_URL,
      apiKey: e.LLM_API_KEY,
      model: e.LLM_MODEL,
      promptFormat: e.LLM_PROMPT_FORMAT,
      maxNewTokens: e.LLM_MAX_NEW_TOKENS,
      timeoutMs: e.LLM_TIMEOUT_MS,
      contextTokens: e.LLM_CONTEXT_TOKENS,
      deadlineMs: e.GENERATION_DEADLINE_MS,
      summaryDeadlineMs: e.SUMMARY_DEADLINE_MS,
      summaryMaxCalls: e.SUMMARY_MAX_MODEL_CALLS,
      queueSize: e.LLM_QUEUE_SIZE,
      batchSize: e.LLM_BATCH_SIZE,
    },
    translation: {
      concurrency: e.TRANSLATION_CONCURRENCY,
      maxTokens: e.TRANSLATION_MAX_TOKENS,
    },
    adminPassword: e.ADMIN_PASSWORD,
    adminTokenTtlDays: e.ADMIN_TOKEN_TTL_DAYS,
    guardrailPolicyFile: resolve(e.GUARDRAIL_POLICY_FILE),
    expertRoutesFile: resolve(e.EXPERT_ROUTES_FILE),
    sourcesFile: resolve(e.SOURCES_FILE),
    environment: (name: string) => {
      const value = environment[name]?.trim();
      return value ? value : undefined;
    },
    retentionDays: e.RETENTION_DAYS,
    reliability: {
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      answerConcurrency: e.ANSWER_CONCURRENCY,
      answerQueueSize: e.ANSWER_QUEUE_SIZE,
      summaryConcurrency: e.SUMMARY_CONCURRENCY,
      summaryQueueSize: e.SUMMARY_QUEUE_SIZE,
      recoveryAfterSeconds: e.RECOVERY_AFTER_SECONDS,
    },
  });
}
