import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';
import { primarySubtag } from '../inference/language.js';
import { type CsvRow, CsvRows } from './csv-rows.js';

/** One question of an admin's golden set, with what a good answer must show. */
export interface GoldenCase {
  /** The line of the file the question starts on (1-based; a CSV header is line 1). */
  readonly line: number;
  readonly question: string;
  /** A document's `source` as `polydesk search --json` prints it, or the end of its path. */
  readonly expectedSource?: string | undefined;
  /** Text the answer must contain (compared with Unicode forms, case and whitespace folded). */
  readonly expectedAnswer?: string | undefined;
  /** Who asks (an e-mail the directory resolves); default the CLI's anonymous employee. */
  readonly user?: string | undefined;
  /** The language the question should be detected as (a primary subtag such as `en`). */
  readonly language?: string | undefined;
}

/** A question to run, or a line that could not be read (reported and skipped, the rest still run). */
export type GoldenEntry =
  | { readonly ok: true; readonly value: GoldenCase }
  | { readonly ok: false; readonly line: number; readonly error: string };

const FIELDS = ['question', 'expected_source', 'expected_answer', 'user', 'language'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Reads a golden set line by line, never whole: JSON lines (the first non-empty line starts with
 * `{`) or CSV with a header naming the columns (comma, semicolon or tab separated, as spreadsheets
 * export them; quotes, a byte order mark and CRLF line ends as RFC 4180 and Excel write them).
 * A CSV without a `question` column is an InputError: none of its lines could be run.
 */
export async function* readGoldenSet(input: NodeJS.ReadableStream): AsyncGenerator<GoldenEntry> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let format: 'jsonl' | 'csv' | undefined;
  let csv: CsvRows | undefined;
  let header: readonly string[] | undefined;
  const fromRows = function* (rows: readonly CsvRow[]): Generator<GoldenEntry> {
    for (const row of rows) {
      if (!row.ok) {
        yield { ok: false, line: row.line, error: row.error };
      } else if (!header) {
        header = csvHeader(row.fields);
      } else {
        yield csvCase(header, row.fields, row.line);
      }
    }
  };
  for await (const raw of lines) {
    n += 1;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!format) {
      if (!text.trim()) continue;
      format = text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
      if (format === 'csv') csv = new CsvRows(delimiterOf(text));
    }
    if (format === 'jsonl') {
      if (text.trim()) yield jsonCase(text, n);
    } else {
      yield* fromRows(csv!.push(text, n));
    }
  }
  if (csv) yield* fromRows(csv.end());
}

/** The separator a spreadsheet used: the one of comma, semicolon and tab the header line has most of. */
function delimiterOf(headerLine: string): string {
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = headerLine.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

function csvHeader(fields: readonly string[]): readonly string[] {
  const names = fields.map((f) => f.trim().toLowerCase());
  if (!names.includes('question')) {
    throw new InputError(
      `the golden set's first line must name its columns, among them "question" (and "expected_source" and/or "expected_answer"; optional "user", "language"); it has: ${names.join(', ') || 'nothing'}`,
    );
  }
  const twice = names.find((name, i) => name && names.indexOf(name) !== i);
  if (twice) throw new InputError(`the golden set's header names the column "${twice}" twice`);
  return names;
}

function csvCase(header: readonly string[], fields: readonly string[], line: number): GoldenEntry {
  // More fields than columns is a comma in an unquoted value; fewer, columns left empty at the end.
  if (fields.length > header.length) {
    return {
      ok: false,
      line,
      error: `${fields.length} fields where the header has ${header.length} (quote a value that contains the separator)`,
    };
  }
  const values: Partial<Record<Field, string>> = {};
  for (const [i, name] of header.entries()) {
    const value = fields[i]?.trim();
    if (value && (FIELDS as readonly string[]).includes(name)) values[name as Field] = value;
  }
  return toCase(values, line);
}

function jsonCase(text: string, line: number): GoldenEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, line, error: 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, line, error: 'expected a JSON object per line' };
  const values: Partial<Record<Field, string>> = {};
  for (const name of FIELDS) {
    const field = (value as Record<string, unknown>)[name];
    if (field === undefined || field === null) continue;
    if (typeof field !== 'string') return { ok: false, line, error: `"${name}" must be a string` };
    if (field.trim()) values[name] = field.trim();
  }
  return toCase(values, line);
}

function toCase(values: Partial<Record<Field, string>>, line: number): GoldenEntry {
  if (!values.question) return { ok: false, line, error: 'no question' };
  if (!values.expected_source && !values.expected_answer)
    return { ok: false, line, error: 'give expected_source or expected_answer (or both)' };
  const language = values.language === undefined ? undefined : primarySubtag(values.language);
  if (values.language !== undefined && !language)
    return {
      ok: false,
      line,
      error: `language "${values.language}" is not a language code such as en or ja`,
    };
  return {
    ok: true,
    value: {
      line,
      question: values.question,
      expectedSource: values.expected_source,
      expectedAnswer: values.expected_answer,
      user: values.user,
      language,
    },
  };
}
