import type { AdminQueries } from './admin-queries.js';

/** A sentence of a document that instructs the assistant, as its publishers see it. */
export interface InstructionSentence {
  /** The whole sentence (answers leave it out whole), sensitive values in it masked. */
  readonly sentence: string;
  /** Names of the patterns that matched, e.g. `ignore-instructions/ja`. */
  readonly patterns: readonly string[];
}

/** Finds the sentences of a stored text that instruct the assistant (wired to the guardrails' detector). */
export type InstructionSentenceFinder = (
  text: string,
  language: string,
) => Promise<readonly InstructionSentence[]>;

/** A document whose publishers should fix its source. Never holds a sensitive value. */
export interface DocumentToFixView {
  readonly docId: string;
  readonly title: string;
  readonly source: string;
  /** Sensitive findings registered at ingest, by type. */
  readonly counts: Readonly<Record<string, number>>;
  /** Masked excerpts (each value replaced by its type), at most {@link MAX_EXCERPTS}, no repeats. */
  readonly excerpts: readonly { readonly type: string; readonly excerpt: string }[];
  /** Sentences flagged as prompt injection, never quoted in answers nor given to a model. */
  readonly injections: readonly InstructionSentence[];
}

/** Excerpts shown per document: enough to find the lines in the source, few enough to read. */
export const MAX_EXCERPTS = 10;

/**
 * The documents to fix, a page of them: counts and masked excerpts of their sensitive findings, and
 * the sentences of flagged documents that instruct the assistant, found again in the stored chunks.
 */
export async function listDocumentsToFix(
  deps: { readonly queries: AdminQueries; readonly instructionSentences: InstructionSentenceFinder },
  page: { readonly limit: number; readonly offset: number },
): Promise<DocumentToFixView[]> {
  const documents = await deps.queries.documentsToFix(page.limit, page.offset);
  const flagged = documents.filter((d) => d.injectionFlag);
  const [excerpts, chunks] = await Promise.all([
    deps.queries.sensitiveExcerpts(documents.filter((d) => d.findings > 0).map((d) => d.docId)),
    deps.queries.chunkTexts(flagged.map((d) => d.docId)),
  ]);
  const injections = new Map<string, InstructionSentence[]>();
  for (const doc of flagged) {
    const seen = new Map<string, InstructionSentence>();
    for (const chunk of chunks) {
      if (chunk.docId !== doc.docId) continue;
      // Chunks overlap: a sentence in two of them is listed once.
      for (const found of await deps.instructionSentences(chunk.text, doc.language))
        if (!seen.has(found.sentence)) seen.set(found.sentence, found);
    }
    injections.set(doc.docId, [...seen.values()]);
  }
  return documents.map((doc) => {
    const mine = excerpts.filter((e) => e.docId === doc.docId);
    const counts: Record<string, number> = {};
    for (const e of mine) counts[e.type] = (counts[e.type] ?? 0) + 1;
    const unique = new Map(mine.map((e) => [e.excerpt, { type: e.type, excerpt: e.excerpt }]));
    return {
      docId: doc.docId,
      title: doc.title,
      source: doc.source,
      counts,
      excerpts: [...unique.values()].slice(0, MAX_EXCERPTS),
      injections: injections.get(doc.docId) ?? [],
    };
  });
}
