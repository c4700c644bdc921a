import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EVERYONE } from '../../src/core/access.js';
import { ConfigError } from '../../src/core/errors.js';
import { CLASSIFICATIONS, type Classification } from '../../src/core/types.js';
import { connectorFactories } from './connectors.js';
import { durationSetting } from './duration.js';

/** One entry of SOURCES_FILE, checked: what the sync and the scheduler need to run it. */
export interface SourceDefinition {
  readonly name: string;
  /** A key of `connectorFactories`. */
  readonly type: string;
  /** Who may read its documents when neither the item (its permissions) nor the file's front matter says. */
  readonly audience: readonly string[];
  readonly classification: Classification;
  /** How often `serve` syncs it, in milliseconds (a folder is synced on its changes as well). */
  readonly everyMs: number;
  /** The schedule as written (`15m`), for display. */
  readonly every: string;
  /** The type's own settings, parsed by its schema. */
  readonly settings: unknown;
  /** Values of the environment variables the settings name in `...Env` fields (never logged). */
  readonly env: Readonly<Record<string, string>>;
  /** The sources file's folder: relative paths in settings are resolved from it. */
  readonly baseDir: string;
  /** Whether `audience` was written in the file (false: the default, everyone). */
  readonly audienceExplicit: boolean;
  /**
   * A complete listing with nothing in it may remove the source's documents. Off by default: an
   * unmounted share or a lost permission looks like an empty source, and the run fails instead.
   */
  readonly allowEmpty: boolean;
}

/** The environment the sources file's `...Env` fields are read from (the config layer passes it). */
export type EnvLookup = (name: string) => string | undefined;

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_SOURCES = 200;
const DEFAULT_EVERY = '15m';

const groupName = z.string().trim().min(1).max(200);
const commonSchema = z
  .object({
    name: z
      .string({ required_error: 'every source needs a "name"' })
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
        'must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
      ),
    type: z.string({ required_error: 'set "type"' }),
    audience: z.array(groupName).min(1).max(100).default([EVERYONE]),
    classification: z
      .string()
      .refine((c) => CLASSIFICATIONS.includes(c as Classification), {
        message: `must be one of ${CLASSIFICATIONS.join(', ')}`,
      })
      .default('internal'),
    every: z.string().default(DEFAULT_EVERY),
    allowEmpty: z.boolean().default(false),
  })
  .passthrough();

const everySchema = durationSetting('30s', '30d');

/**
 * A field whose name says it holds a credential: refused with a literal value, which would sit in a
 * file that is copied, versioned and shown; the value goes in an environment variable named by a
 * field with `Env` appended.
 */
const CREDENTIAL_FIELD = /(secret|password|passwd|token|api[-_]?key|credential|private[-_]?key|assertion)/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * Reads SOURCES_FILE (YAML or JSON: a list of sources, or `{"sources": [...]}`) and checks every
 * entry against the common fields and its type's schema. Every problem is reported at once, each
 * naming the source and the field and saying how to fix it; never a value from the file or the
 * environment (a misplaced secret would be echoed).
 */
export async function loadSourcesFile(file: string, env: EnvLookup): Promise<SourceDefinition[]> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new ConfigError(`SOURCES_FILE ${file} is not a file: point it at a YAML or JSON file`);
    if (info.size > MAX_FILE_BYTES)
      throw new ConfigError(`SOURCES_FILE ${file} is over 1 MB: it should hold a list of sources, not data`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as { code?: string }).code;
    throw new ConfigError(
      `SOURCES_FILE ${file} cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}): ` +
        'fix the path or unset SOURCES_FILE',
    );
  }
  return parseSources(text, file, env);
}

/** Parses and checks the text of a sources file (see {@link loadSourcesFile}). */
export function parseSources(text: string, file: string, env: EnvLookup): SourceDefinition[] {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    const where = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new ConfigError(
      `SOURCES_FILE ${file} is not valid YAML or JSON${where ? ` (line ${where.line}, column ${where.col})` : ''}: fix its syntax`,
    );
  }
  const list = Array.isArray(raw) ? raw : (raw as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(list))
    throw new ConfigError(
      `SOURCES_FILE ${file} must hold a list of sources, or an object with a "sources" list ` +
        '(e.g. sources: [{name: handbook, type: folder, path: ./handbook}])',
    );
  if (list.length > MAX_SOURCES)
    throw new ConfigError(`SOURCES_FILE ${file} lists ${list.length} sources; at most ${MAX_SOURCES}`);
  const problems: string[] = [];
  const sources: SourceDefinition[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const label = labelOf(entry, index);
    const before = problems.length;
    const report = (field: string, message: string) => problems.push(`${label}: ${field}: ${message}`);
    const rawName = (entry as { name?: unknown } | null)?.name;
    if (typeof rawName === 'string') {
      if (seen.has(rawName.toLowerCase()))
        report('name', 'another source has this name: names must be unique');
      seen.add(rawName.toLowerCase());
    }
    const common = commonSchema.safeParse(entry);
    if (!common.success) {
      for (const issue of common.error.issues) report(fieldOf(issue.path), describeIssue(issue));
      return;
    }
    const { name, type, audience, classification, every, allowEmpty, ...rest } = common.data;
    const everyMs = everySchema.safeParse(every);
    if (!everyMs.success) report('every', everyMs.error.issues[0]?.message ?? 'invalid');
    const factory = Object.hasOwn(connectorFactories, type) ? connectorFactories[type] : undefined;
    if (!factory) {
      report('type', `must be one of ${Object.keys(connectorFactories).join(', ')}`);
      return;
    }
    const sourceEnv: Record<string, string> = {};
    checkCredentials(rest, [], report, env, sourceEnv);
    const settings = factory.schema.safeParse(rest);
    if (!settings.success)
      for (const issue of settings.error.issues) report(fieldOf(issue.path), describeIssue(issue));
    if (problems.length > before || !settings.success || !everyMs.success) return;
    sources.push(
      Object.freeze({
        name,
        type,
        audience: Object.freeze([...audience]),
        classification: classification as Classification,
        everyMs: everyMs.data,
        every,
        settings: settings.data,
        env: Object.freeze(sourceEnv),
        baseDir: path.dirname(path.resolve(file)),
        audienceExplicit: Object.hasOwn(entry as object, 'audience'),
        allowEmpty,
      }),
    );
  });
  if (problems.length > 0)
    throw new ConfigError(`SOURCES_FILE ${file} is invalid:\n  ${problems.join('\n  ')}`);
  return sources;
}

/** Refuses literal credentials and collects the values of the variables `...Env` fields name. */
function checkCredentials(
  value: unknown,
  at: readonly (string | number)[],
  report: (field: string, message: string) => void,
  env: EnvLookup,
  out: Record<string, string>,
): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkCredentials(v, [...at, i], report, env, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    const field = fieldOf([...at, key]);
    if (key.endsWith('Env')) {
      if (typeof v !== 'string' || !ENV_NAME.test(v)) {
        report(field, 'must be the name of an environment variable (letters, digits, underscores)');
        continue;
      }
      const found = env(v);
      if (found === undefined || found.trim() === '') report(field, `names ${v}, which is not set: set ${v}`);
      else out[v] = found;
    } else if (key === 'groups') {
      // A mapping of the source's group names to PolyDesk's: names, not credentials ("Token Team").
    } else if (CREDENTIAL_FIELD.test(key) && typeof v !== 'boolean') {
      report(
        field,
        'credentials are never written in the sources file: put the value in an environment variable ' +
          `and name it with "${key}Env" (e.g. "${key}Env": "${envExample(key)}")`,
      );
    } else checkCredentials(v, [...at, key], report, env, out);
  }
}

function envExample(key: string): string {
  return `POLYDESK_${key.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

function labelOf(entry: unknown, index: number): string {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[\w.-]{1,64}$/.test(name)
    ? `source "${name}" (sources[${index}])`
    : `sources[${index}]`;
}

function fieldOf(at: readonly (string | number)[]): string {
  if (at.length === 0) return '(the entry)';
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** zod's message without the value it received (a misplaced secret would be shown). */
function describeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? issue.message : `must be ${issue.expected}`;
    case 'invalid_enum_value':
      return `must be one of ${issue.options.join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove or correct ${issue.keys.length > 1 ? 'them' : 'it'}`;
    default:
      return issue.message;
  }
}
