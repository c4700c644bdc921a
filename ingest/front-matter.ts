import { parse } from 'yaml';
import { IngestError } from '../src/core/errors.js';
import { normalizeHttpUrl } from '../src/core/http-url.js';
import { CLASSIFICATIONS, type Classification } from '../src/core/types.js';

/** Document metadata a Markdown file may set in its YAML front matter; other keys are ignored. */
export interface FrontMatter {
  readonly title?: string;
  /** BCP-47 primary language subtag, lower case (`ja-JP` becomes `ja`). */
  readonly language?: string;
  readonly audience?: readonly string[];
  readonly classification?: Classification;
  /** An http(s) URL to cite instead of the file path, normalised (see `normalizeHttpUrl`). */
  readonly url?: string;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits a leading `---` YAML block off Markdown text and validates the known keys. Text without
 * a closed block at its very start has no front matter. Invalid values throw {@link IngestError}.
 */
export function parseFrontMatter(file: string, text: string): { meta: FrontMatter; body: string } {
  const opening = OPENING.exec(text);
  if (!opening) return { meta: {}, body: text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { meta: {}, body: text };
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  let data: unknown;
  try {
    data = parse(rest.slice(0, closing.index));
  } catch (error) {
    throw new IngestError(file, `front matter is not valid YAML: ${firstLine(error)}`, { cause: error });
  }
  if (data === null || data === undefined) return { meta: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new IngestError(file, 'front matter must be a YAML mapping (key: value lines)');
  }
  return { meta: validate(file, data as Record<string, unknown>), body };
}

function validate(file: string, data: Record<string, unknown>): FrontMatter {
  const meta: { -readonly [K in keyof FrontMatter]: FrontMatter[K] } = {};
  const title = optionalString(file, data, 'title');
  if (title) meta.title = title;
  const language = optionalString(file, data, 'language');
  if (language) {
    if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i.test(language)) {
      throw new IngestError(
        file,
        `front matter language "${language}" is not a language code such as en or ja`,
      );
    }
    meta.language = language.split(/[-_]/)[0]!.toLowerCase();
  }
  const classification = optionalString(file, data, 'classification')?.toLowerCase();
  if (classification) {
    if (!(CLASSIFICATIONS as readonly string[]).includes(classification)) {
      throw new IngestError(
        file,
        `front matter classification "${classification}" is not one of ${CLASSIFICATIONS.join(', ')}`,
      );
    }
    meta.classification = classification as Classification;
  }
  const url = optionalString(file, data, 'url');
  if (url) {
    const normalized = normalizeHttpUrl(url);
    if (!normalized) {
      throw new IngestError(
        file,
        `front matter url "${url}" is not an http(s) URL (absolute, without user name or password), e.g. https://intranet.example/hr/leave`,
      );
    }
    meta.url = normalized;
  }
  const audience = readAudience(file, data['audience']);
  if (audience.length > 0) meta.audience = audience;
  return meta;
}

function optionalString(file: string, data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new IngestError(file, `front matter ${key} must be a single text value`);
  }
  return String(value).trim() || undefined;
}

function readAudience(file: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || !items.every((g) => typeof g === 'string' || typeof g === 'number')) {
    throw new IngestError(file, 'front matter audience must be a list of groups or a comma-separated string');
  }
  return [...new Set(items.map((g) => String(g).trim()).filter((g) => g !== ''))];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
