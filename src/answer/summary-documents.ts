import { allCanRead } from '../core/access.js';
import type { DocumentRecord, Principal } from '../core/types.js';
import { type Tokenize, createStopTerms } from '../inference/reader-question.js';
import type { SummarySection } from '../inference/extractive-summary.js';

/** The documents a summary is asked for, as the store gives them. */
export interface SummaryDocuments {
  /** The document with this id, source or URL exactly. */
  exact(reference: string): Promise<DocumentRecord | undefined>;
  /** Every document (at most a bounded number, newest first): the candidates for a title match. */
  list(): Promise<readonly DocumentRecord[]>;
  /** The document's chunks in order, with their headings (chunks of a section overlap). */
  chunks(
    docId: string,
  ): Promise<
    readonly { readonly id: string; readonly text: string; readonly headingPath: readonly string[] }[]
  >;
}

const stopTermsByTokenizer = new WeakMap<Tokenize, ReturnType<typeof createStopTerms>>();
function stopTerms(tokenize: Tokenize): ReturnType<typeof createStopTerms> {
  let isStop = stopTermsByTokenizer.get(tokenize);
  if (!isStop) {
    isStop = createStopTerms(tokenize);
    stopTermsByTokenizer.set(tokenize, isStop);
  }
  return isStop;
}

/** What a request for a document found among those its readers may all read. */
export type DocumentMatch =
  | { readonly kind: 'found'; readonly document: DocumentRecord }
  /** Nothing clearly meant: the readable titles it may have meant, best first (possibly none). */
  | { readonly kind: 'unclear'; readonly suggestions: readonly DocumentRecord[] };

/**
 * A title match counts when its F1 over the request's and the title's analyzer terms reaches this,
 * and is taken when no other title comes within {@link CLEAR_MARGIN} of it. Chosen by hand on the
 * sample knowledge base's titles (a title's own words, or most of them, find it; one shared word
 * such as "leave" does not): a judgement, not a measurement.
 */
const MIN_TITLE_SCORE = 0.5;
const CLEAR_MARGIN = 0.8;
/** A title scoring at least this is offered under "did you mean". */
const SUGGEST_SCORE = 0.2;
const MAX_SUGGESTIONS = 3;

/**
 * Finds the document a request means: by id, source or URL exactly (or a source's trailing path
 * segments, `hr/annual-leave.md`), else by the words of its title and file name. Only documents every
 * reader may read are considered, so the answer never tells that an unreadable one exists.
 */
export async function findDocument(
  reference: string,
  readers: readonly Principal[],
  documents: SummaryDocuments,
  tokenize: Tokenize,
  language?: string | undefined,
): Promise<DocumentMatch> {
  const wanted = reference
    .trim()
    .replace(/^<(.*)>$/u, '$1')
    .replace(/\|.*$/u, '');
  const readable = (doc: DocumentRecord | undefined) => doc !== undefined && allCanRead(readers, doc);
  const exact = await documents.exact(wanted);
  if (exact && readable(exact)) return { kind: 'found', document: exact };
  const all = (await documents.list()).filter((doc) => readable(doc));
  const bySuffix = all.filter((doc) => doc.source.endsWith(`/${wanted}`) || doc.url === wanted);
  if (bySuffix.length === 1) return { kind: 'found', document: bySuffix[0]! };

  const terms = (text: string, lang?: string) => new Set(tokenize(text, lang));
  // "the leave policy": function words say nothing of which document.
  const isStop = stopTerms(tokenize);
  const asked = new Set([...terms(wanted, language)].filter((term) => !isStop(term, language ?? 'und')));
  if (asked.size === 0) return { kind: 'unclear', suggestions: [] };
  const scored = all
    .map((doc) => {
      const name =
        doc.source
          .split(/[\\/]/u)
          .pop()
          ?.replace(/\.[a-z0-9]+$/iu, '') ?? '';
      const title = terms(doc.title, doc.language);
      const own = new Set([...title, ...terms(name.replace(/[-_]/gu, ' '), 'en')]);
      const shared = [...asked].filter((term) => own.has(term)).length;
      const precision = shared / Math.max(1, title.size);
      const recall = shared / asked.size;
      const f1 = shared === 0 ? 0 : (2 * Math.min(1, precision) * recall) / (Math.min(1, precision) + recall);
      // Between equally good titles, the one in the asker's language.
      return { doc, score: f1 + (doc.language === language ? 0.01 : 0) };
    })
    .filter((s) => s.score >= SUGGEST_SCORE)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= MIN_TITLE_SCORE && (!second || second.score < best.score * CLEAR_MARGIN))
    return { kind: 'found', document: best.doc };
  return { kind: 'unclear', suggestions: scored.slice(0, MAX_SUGGESTIONS).map((s) => s.doc) };
}

/** A section with the chunks it was read from. */
export interface DocumentSection extends SummarySection {
  readonly chunkIds: readonly string[];
}

/**
 * The document's sections, in order, rebuilt from its chunks: consecutive chunks under the same
 * headings are one section, the text a chunk repeats from the end of the one before (ingest's
 * overlap) taken once.
 */
export function sectionsOf(
  chunks: readonly { readonly id: string; readonly text: string; readonly headingPath: readonly string[] }[],
): DocumentSection[] {
  const sections: { headingPath: readonly string[]; text: string; chunkIds: string[] }[] = [];
  for (const chunk of chunks) {
    const last = sections[sections.length - 1];
    if (last && samePath(last.headingPath, chunk.headingPath)) {
      last.text = joinOverlapping(last.text, chunk.text);
      last.chunkIds.push(chunk.id);
    } else sections.push({ headingPath: chunk.headingPath, text: chunk.text, chunkIds: [chunk.id] });
  }
  return sections;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Most characters a chunk repeats of the one before (ingest's overlap is 150 by default). */
const MAX_OVERLAP = 600;
/** An overlap shorter than this may be chance ("the "), not a repeat. */
const MIN_OVERLAP = 12;

/** `b` after `a`, without the start of `b` that repeats the end of `a`. */
export function joinOverlapping(a: string, b: string): string {
  const tail = a.slice(-MAX_OVERLAP);
  for (let k = Math.min(tail.length, b.length); k >= MIN_OVERLAP; k--) {
    if (tail.endsWith(b.slice(0, k))) return a + b.slice(k);
  }
  return `${a}\n${b}`;
}
