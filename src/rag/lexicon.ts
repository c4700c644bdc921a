import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, analyzeWordSpans, firstWordSpan, normalizeText, primaryLanguage } from './text-analyzer.js';

/**
 * The concept lexicon: the words people and policies use for the same workplace concept ("gym" and
 * "wellness allowance", "熱が出た" and "病気休暇"), per language. Employees ask in everyday words and
 * the documents answer in policy words, which a lexical search cannot bring together: a question's
 * words that name a concept also stand for the concept's other terms in the question's language.
 * Retrieval searches those terms with a smaller weight (the extractive reader does not use them:
 * docs/quality.md says why). The built-in concepts are in `lexicon/concepts.json` (see its README); an
 * operator adds the company's own words with `LEXICON_FILE`.
 */

/** A term of a concept, ready to be found in a text. */
export interface ConceptTerm {
  /** The term, normalised as the analyzer normalises text. */
  readonly text: string;
  /** Its words, each with its analyzer forms (word and stem): all must be present for a match. */
  readonly words: readonly (readonly string[])[];
  /** Written without spaces between words (Han, Kana, Hangul, Thai…): found as a substring. */
  readonly unspaced: boolean;
  /** What it adds to a search: its analyzer terms, less function words and lone Han or Kana characters. */
  readonly search: readonly string[];
}

/** A concept that a question names, and the other terms that stand for it. */
export interface ConceptMatch {
  readonly concept: string;
  /** Where the question names it, in the normalised question. */
  readonly start: number;
  readonly end: number;
  /** The concept's other terms in the question's language. */
  readonly alternatives: readonly ConceptTerm[];
}

export interface Lexicon {
  /** How many concepts it holds. */
  readonly size: number;
  /**
   * The concepts a text names, longest first where two overlap, in its first {@link MAX_MATCHED_CHARS}
   * characters. `normalized` is {@link normalizeText}ed.
   */
  matches(normalized: string, language: string): ConceptMatch[];
  /**
   * Extra search terms for a query, with their weight relative to the query's own terms; `own` is the
   * query's own terms (as the caller already analysed them), which are not repeated.
   */
  expansion(text: string, language: string, own?: ReadonlySet<string>): Map<string, number>;
}

/** The concept file's form (see lexicon/README.md). */
interface ConceptFile {
  readonly version: 1;
  readonly concepts: readonly {
    readonly id: string;
    readonly note?: string;
    readonly terms: Readonly<Record<string, readonly string[]>>;
  }[];
}

/**
 * A concept's other terms weigh this much in retrieval, against 1 for the query's own words (chosen by
 * hand and not tuned: well under one question word, so that another word for a concept never outweighs
 * what the employee wrote).
 */
export const EXPANSION_WEIGHT = 0.35;
/**
 * At most this many extra terms per query, taken from the matched concepts in turn, so that one broad
 * concept does not swamp the question (chosen by hand: a concept has 5–15 terms in a language).
 */
const MAX_EXPANSION_TERMS = 48;
/**
 * Only the first this many characters of a question are matched: employees' questions are far
 * shorter, and matching stays bounded for a question at the length limit.
 */
export const MAX_MATCHED_CHARS = 1_000;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** The largest concept file read. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The longest term, in characters (as `check-concepts.mjs` checks). */
const MAX_TERM_CHARS = 40;

export const BUILT_IN_CONCEPTS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'lexicon',
  'concepts.json',
);

/**
 * The built-in concepts' language tables as the build writes them (`npm run build`, beside the
 * bundle: scripts/build.mjs), so that a CLI start reads one language's filed terms instead of parsing
 * and filing the whole lexicon. Absent when running from the sources: the tables are filed as needed.
 */
export const PREBUILT_TABLES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicon-tables');

/** A filed term as a table file holds it: concept index, normalised text, unspaced (1), first word's forms. */
type FiledTerm = readonly [number, string, 0 | 1, readonly string[]];

interface Entry {
  readonly concept: number;
  readonly term: ConceptTerm;
}

/** The lexicon of one language: its terms, found by their first word's forms or first character. */
interface LanguageTable {
  readonly byFirstForm: Map<string, Entry[]>;
  readonly byFirstChar: Map<string, Entry[]>;
  /** Each concept's terms in this language. */
  readonly terms: Map<number, ConceptTerm[]>;
}

const BRAHMIC = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** An unspaced term short enough to occur inside other words: one Han, Kana or Hangul character, or up to three Thai ones. */
function isShortUnspaced(text: string): boolean {
  const length = [...text].length;
  return length <= 1 || (BRAHMIC.test(text) && length <= 3);
}

/** The language a concept file's key or a question's language stands for ("zh-TW" → "zh"). */
function languageKey(language: string): string {
  return primaryLanguage(language) ?? 'und';
}

/** Reads and checks concept files; a file that is not a concept file fails with a clear message. */
export function loadLexicon(
  files: readonly string[] = [BUILT_IN_CONCEPTS],
  options: LexiconOptions = {},
): Lexicon {
  if (
    files.length === 1 &&
    files[0] === BUILT_IN_CONCEPTS &&
    existsSync(path.join(PREBUILT_TABLES, 'index.json'))
  )
    return loadPrebuiltLexicon(PREBUILT_TABLES, options);
  return createLexicon(readConcepts(files), options);
}

/** The concepts of the files, in order; a later file with the same id adds terms to the concept. */
function readConcepts(files: readonly string[]): { id: string; terms: [string, string][] }[] {
  const concepts: { id: string; terms: [string, string][] }[] = [];
  const byId = new Map<string, (typeof concepts)[number]>();
  for (const file of files) {
    let parsed: unknown;
    try {
      if (statSync(file).size > MAX_FILE_BYTES)
        throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (the built-in file is under 1 MB)`);
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`concept lexicon ${file}: cannot read it as JSON: ${(error as Error).message}`);
    }
    for (const concept of checkConceptFile(parsed, file).concepts) {
      let entry = byId.get(concept.id);
      if (!entry) {
        entry = { id: concept.id, terms: [] };
        byId.set(concept.id, entry);
        concepts.push(entry);
      }
      // A later file with the same id adds terms to the concept (an operator's words for it).
      for (const [language, terms] of Object.entries(concept.terms))
        for (const term of terms) entry.terms.push([language, term]);
    }
  }
  return concepts;
}

function checkConceptFile(value: unknown, file: string): ConceptFile {
  const fail = (why: string): never => {
    throw new Error(`concept lexicon ${file}: ${why}`);
  };
  if (typeof value !== 'object' || value === null)
    fail('expected an object { "version": 1, "concepts": [...] }');
  const object = value as Record<string, unknown>;
  if (object.version !== 1) fail(`unsupported version ${JSON.stringify(object.version)} (expected 1)`);
  if (!Array.isArray(object.concepts)) fail('"concepts" must be an array');
  (object.concepts as unknown[]).forEach((concept, i) => {
    const where = `concept #${i + 1}`;
    if (typeof concept !== 'object' || concept === null) fail(`${where} is not an object`);
    const { id, terms } = concept as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[\w.-]{1,80}$/u.test(id)) fail(`${where}: "id" must be a short name`);
    if (typeof terms !== 'object' || terms === null || Array.isArray(terms))
      fail(`${where} (${String(id)}): "terms" must map languages to lists of terms`);
    for (const [language, list] of Object.entries(terms as object)) {
      if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u.test(language))
        fail(`${where} (${String(id)}): "${language}" is not a language code`);
      if (!Array.isArray(list) || list.some((term) => typeof term !== 'string' || term.trim() === ''))
        fail(`${where} (${String(id)}): terms for ${language} must be non-empty strings`);
      for (const term of list as string[])
        if ([...term].length > MAX_TERM_CHARS)
          fail(
            `${where} (${String(id)}): term "${term.slice(0, 20)}…" is longer than ${MAX_TERM_CHARS} characters`,
          );
    }
  });
  return value as ConceptFile;
}

/** Options of {@link createLexicon} and {@link loadLexicon}. */
export interface LexiconOptions {
  /**
   * Words that carry no meaning of their own in a language ("how", "where", "the"): a concept named
   * only by them ("how much", "where") is not taken from a question. Default: every word counts.
   */
  readonly isStopWord?: (term: string, language: string) => boolean;
}

/**
 * A term's forms that may match a question word: the word, and its stem when that keeps three
 * characters or more (the English stemmer makes "aed" into "a").
 */
function matchForms(forms: readonly string[]): string[] {
  return forms.filter((form, i) => i === 0 || [...form].length >= 3);
}

/**
 * A term of a language table. Filing a term needs only its first word's forms; its other words are
 * analysed when a question's word makes it a candidate, and its search terms when its concept is
 * matched — a question touches a few dozen of a language's thousand terms, and analysing them all
 * cost every CLI start a few hundred milliseconds.
 */
class LazyTerm implements ConceptTerm {
  private analysedWords: (readonly string[])[] | undefined;
  private searchTerms: string[] | undefined;

  constructor(
    readonly text: string,
    readonly unspaced: boolean,
    private readonly language: string,
    private readonly keep: (searchTerm: string, language: string) => boolean,
  ) {}

  get words(): readonly (readonly string[])[] {
    this.analysedWords ??= analyzeWordSpans(this.text, this.language).map((word) => matchForms(word.forms));
    return this.analysedWords;
  }

  get search(): readonly string[] {
    this.searchTerms ??= analyze(this.text, this.language).filter((term) => this.keep(term, this.language));
    return this.searchTerms;
  }
}

/** Files a language's raw terms: normalised, deduplicated, each under its first word's forms. */
function fileTerms(raws: readonly { concept: number; raw: string }[], language: string): FiledTerm[] {
  const filed: FiledTerm[] = [];
  const seen = new Set<string>();
  for (const { concept, raw } of raws) {
    const text = normalizeText(raw).trim().replace(/\s+/gu, ' ');
    if (text === '' || seen.has(`${concept}\u0000${text}`)) continue;
    seen.add(`${concept}\u0000${text}`);
    const unspaced = UNSPACED.test(text);
    // Only the first word is analysed now (it files the term); the rest when the term is a candidate.
    const first = unspaced ? undefined : firstWordSpan(text, language);
    if (unspaced ? !/[\p{L}\p{N}]/u.test(text) : !first) continue;
    filed.push([concept, text, unspaced ? 1 : 0, unspaced ? [] : matchForms(first!.forms)]);
  }
  return filed;
}

/** Each language's raw terms, by the language key the tables use. */
function rawsByLanguage(
  concepts: readonly { id: string; terms: readonly [string, string][] }[],
): Map<string, { concept: number; raw: string }[]> {
  const pending = new Map<string, { concept: number; raw: string }[]>();
  concepts.forEach((concept, index) => {
    for (const [code, raw] of concept.terms) {
      const language = languageKey(code);
      const list = pending.get(language);
      if (list) list.push({ concept: index, raw });
      else pending.set(language, [{ concept: index, raw }]);
    }
  });
  return pending;
}

/** Builds a lexicon from concepts given as (language, term) pairs. */
export function createLexicon(
  concepts: readonly { id: string; terms: readonly [string, string][] }[],
  options: LexiconOptions = {},
): Lexicon {
  // Each language's table is built the first time a question in that language comes: analysing all
  // of the lexicon's terms up front would cost every start of the CLI about a second.
  const pending = rawsByLanguage(concepts);
  return lexiconOver(
    concepts.map((c) => c.id),
    (language) => {
      const raws = pending.get(language);
      if (!raws) return undefined;
      pending.delete(language);
      return fileTerms(raws, language);
    },
    options,
  );
}

/**
 * Writes the language tables of the built-in concepts (or of `files`) into `dir`: `index.json` (the
 * concept ids and languages) and one `<language>.json` of filed terms each. The build runs it.
 */
export function writePrebuiltTables(dir: string, files: readonly string[] = [BUILT_IN_CONCEPTS]): void {
  const concepts = readConcepts(files);
  mkdirSync(dir, { recursive: true });
  const languages: string[] = [];
  for (const [language, raws] of rawsByLanguage(concepts)) {
    languages.push(language);
    writeFileSync(path.join(dir, `${language}.json`), JSON.stringify(fileTerms(raws, language)));
  }
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ version: 1, ids: concepts.map((c) => c.id), languages }),
  );
}

/** The lexicon of {@link writePrebuiltTables}' files: a language's table is read when first needed. */
export function loadPrebuiltLexicon(dir: string, options: LexiconOptions = {}): Lexicon {
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as {
    ids: string[];
    languages: string[];
  };
  const languages = new Set(index.languages);
  return lexiconOver(
    index.ids,
    (language) =>
      languages.has(language)
        ? (JSON.parse(readFileSync(path.join(dir, `${language}.json`), 'utf8')) as FiledTerm[])
        : undefined,
    options,
  );
}

/** Matching and expansion over filed terms, a language's table made the first time it is asked for. */
function lexiconOver(
  ids: readonly string[],
  filedTermsOf: (language: string) => readonly FiledTerm[] | undefined,
  options: LexiconOptions,
): Lexicon {
  // A search term that says nothing alone: a function word, or one Han or Kana character (病, 休, い).
  const isNoise = (term: string, language: string) =>
    options.isStopWord?.(term, language) === true ||
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(term);
  const keep = (term: string, language: string) => !isNoise(term, language);
  const tables = new Map<string, LanguageTable | null>();
  const push = <K>(map: Map<K, Entry[]>, key: K, entry: Entry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  const tableFor = (language: string): LanguageTable | undefined => {
    const built = tables.get(language);
    if (built !== undefined) return built ?? undefined;
    const filed = filedTermsOf(language);
    if (!filed) {
      tables.set(language, null);
      return undefined;
    }
    const table: LanguageTable = { byFirstForm: new Map(), byFirstChar: new Map(), terms: new Map() };
    for (const [concept, text, unspaced, first] of filed) {
      const term = new LazyTerm(text, unspaced === 1, language, keep);
      const entry = { concept, term };
      if (unspaced === 1) push(table.byFirstChar, text[0]!, entry);
      else for (const form of first) push(table.byFirstForm, form, entry);
      const list = table.terms.get(concept);
      if (list) list.push(term);
      else table.terms.set(concept, [term]);
    }
    tables.set(language, table);
    return table;
  };

  const matches = (text: string, language: string): ConceptMatch[] => {
    const table = tableFor(languageKey(language));
    if (!table) return [];
    const normalized = text.slice(0, MAX_MATCHED_CHARS);
    const found: { entry: Entry; start: number; end: number }[] = [];
    // Spaced scripts: a term matches a run of the question's words, each by any of its forms.
    const spans = analyzeWordSpans(normalized, language);
    spans.forEach((span, i) => {
      const candidates = new Set(span.forms.flatMap((form) => table.byFirstForm.get(form) ?? []));
      for (const entry of candidates) {
        const words = entry.term.words;
        if (i + words.length > spans.length) continue;
        if (words.every((forms, j) => forms.some((form) => spans[i + j]!.forms.includes(form))))
          found.push({ entry, start: span.start, end: spans[i + words.length - 1]!.end });
      }
    });
    // Unspaced scripts: a term is a substring of the question; a very short one (熱, จอ) must be a
    // whole word, else it would be found inside others (จอ "screen" in จอด "park", 개 "dog" in 개인).
    if (table.byFirstChar.size > 0) {
      const starts = new Set(spans.map((span) => span.start));
      const ends = new Set(spans.map((span) => span.end));
      for (let at = 0; at < normalized.length; at++) {
        for (const entry of table.byFirstChar.get(normalized[at]!) ?? []) {
          const end = at + entry.term.text.length;
          if (!normalized.startsWith(entry.term.text, at)) continue;
          if (isShortUnspaced(entry.term.text) && !(starts.has(at) && ends.has(end))) continue;
          found.push({ entry, start: at, end });
        }
      }
    }
    // Longest first; a match inside a longer one is dropped: "lost badge" names the lost badge, not
    // badges in general nor losing things.
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: typeof found = [];
    for (const match of found) {
      const inside = kept.some(
        (k) =>
          k.start <= match.start &&
          match.end <= k.end &&
          (k.entry.concept === match.entry.concept || k.end - k.start > match.end - match.start),
      );
      if (!inside) kept.push(match);
    }
    const isStop = options.isStopWord;
    return kept.flatMap(({ entry, start, end }) => {
      const named = spans.filter((span) => span.start < end && span.end > start);
      if (isStop && named.every((span) => span.forms.every((form) => isStop(form, language)))) return [];
      return [
        {
          concept: ids[entry.concept]!,
          start,
          end,
          alternatives: (table.terms.get(entry.concept) ?? []).filter((term) => term !== entry.term),
        },
      ];
    });
  };

  return {
    size: ids.length,
    matches,
    expansion(text, language, given) {
      const head = text.slice(0, MAX_MATCHED_CHARS);
      const found = matches(normalizeText(head), language);
      const extra = new Map<string, number>();
      if (found.length === 0) return extra;
      const own = given ?? new Set(analyze(head, language));
      // The matched concepts take turns, term by term, until the cap: each gets its say.
      const queues = found.map((match) => match.alternatives.flatMap((term) => term.search));
      for (let at = 0; queues.some((queue) => at < queue.length); at++)
        for (const queue of queues) {
          const searchTerm = queue[at];
          if (searchTerm === undefined || own.has(searchTerm) || extra.has(searchTerm)) continue;
          if (extra.size >= MAX_EXPANSION_TERMS) return extra;
          extra.set(searchTerm, EXPANSION_WEIGHT);
        }
      return extra;
    },
  };
}

/** A lexicon that knows no concept (the lexicon turned off). */
export const EMPTY_LEXICON: Lexicon = createLexicon([]);
