import { t } from '../core/i18n.js';
import type { Citation, DocumentRecord, SearchHit } from '../core/types.js';
import type { SummarySentence } from '../inference/extractive-summary.js';
import type { DocumentSection } from './summary-documents.js';

/** A summary as the guard checks it and the reader sees it, with what it cites. */
export interface ComposedSummary {
  readonly text: string;
  readonly citations: readonly Citation[];
  /** The sections cited, as the guard's sources (the readers may see them: they may read the document). */
  readonly sources: readonly SearchHit[];
}

/** `Title › Section` for a section's citation (the document's own title heading left out). */
function sectionTitle(doc: DocumentRecord, section: DocumentSection): string {
  // The outermost heading is the page's own title (a Markdown H1), however it is worded.
  const path =
    section.headingPath.length > 1 || section.headingPath[0] === doc.title
      ? section.headingPath.slice(1)
      : section.headingPath;
  return [doc.title, ...path].join(' › ');
}

/**
 * Numbers the cited parts (a document's sections, a thread's messages) 1, 2, … in the order the
 * summary first cites them; `cite` makes each cited part's entry. Shared by documents and threads.
 */
export function numberParts<P, T>(
  parts: readonly P[],
  order: readonly number[],
  cite: (part: P, n: number) => T,
): { cited: T[]; number: Map<number, number> } {
  const number = new Map<number, number>();
  const cited: T[] = [];
  for (const index of order) {
    const part = parts[index];
    if (part === undefined || number.has(index)) continue;
    number.set(index, number.size + 1);
    cited.push(cite(part, number.size));
  }
  return { cited, number };
}

/** The chosen sentences as a list, verbatim (a cut one marked with "…"), each with its part's `[n]`. */
export function quotedList(
  sentences: readonly SummarySentence[],
  number: ReadonlyMap<number, number>,
  label: (s: SummarySentence) => string = () => '',
): string {
  return sentences
    .map(
      (s) =>
        `- ${label(s)}${s.cut.before ? '…' : ''}${s.text}${s.cut.after ? '…' : ''} [${number.get(s.section)}]`,
    )
    .join('\n');
}

/** A summary's text: the lead (a fallback's reason), the heading, the body and the note, as paragraphs. */
export function summaryText(lead: string | undefined, heading: string, body: string, note: string): string {
  return [...(lead ? [lead] : []), `**${heading}**`, body, `_${note}_`].join('\n\n');
}

/** Numbers the cited sections 1, 2, … in the order the summary first cites them. */
function citationsFor(
  doc: DocumentRecord,
  sections: readonly DocumentSection[],
  order: readonly number[],
): { citations: Citation[]; sources: SearchHit[]; number: Map<number, number> } {
  const { cited, number } = numberParts(sections, order, (section, n) => ({
    citation: { n, title: sectionTitle(doc, section), source: doc.source, url: doc.url, docId: doc.id },
    source: {
      docId: doc.id,
      source: doc.source,
      title: doc.title,
      chunkId: section.chunkIds[0] ?? doc.id,
      score: 1,
      text: section.text,
      url: doc.url,
      language: doc.language,
      headingPath: section.headingPath,
      classification: doc.classification,
      audience: doc.audience,
    } satisfies SearchHit,
  }));
  return { citations: cited.map((c) => c.citation), sources: cited.map((c) => c.source), number };
}

/** Every section as the guard's sources: a model's summary may draw on any of them. */
export function sectionSources(doc: DocumentRecord, sections: readonly DocumentSection[]): SearchHit[] {
  return citationsFor(
    doc,
    sections,
    sections.map((_, i) => i),
  ).sources;
}

/**
 * The extractive summary: the heading in the reader's language, the chosen sentences verbatim as a
 * list in the document's order (a cut one marked with "…"), each with its section's `[n]`, and the
 * note that they are quoted.
 */
export function composeExtractive(
  doc: DocumentRecord,
  sections: readonly DocumentSection[],
  sentences: readonly SummarySentence[],
  language: string,
  lead?: string | undefined,
): ComposedSummary {
  const { citations, sources, number } = citationsFor(
    doc,
    sections,
    sentences.map((s) => s.section),
  );
  const text = summaryText(
    lead,
    t(language, 'summary.heading', { title: doc.title }),
    quotedList(sentences, number),
    t(language, 'summary.extractiveNote'),
  );
  return { text, citations, sources };
}

const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/gu;

/** The 0-based parts (sections, messages) a model's text cites with its 1-based `[n]`, in order. */
export function citedParts(text: string): number[] {
  return [...text.matchAll(MARKER)].flatMap((m) => m[1]!.split(/\s*,\s*/u).map((n) => Number(n) - 1));
}

/** The text with each part's `[n]` rewritten to its citation's number (`number`: part → citation). */
export function renumberParts(text: string, number: ReadonlyMap<number, number>): string {
  return text.replace(MARKER, (whole, list: string) => {
    const mapped = [
      ...new Set(
        list
          .split(/\s*,\s*/u)
          .map((n) => number.get(Number(n) - 1))
          .filter((n): n is number => n !== undefined),
      ),
    ].sort((a, b) => a - b);
    return mapped.length > 0 ? `[${mapped.join(', ')}]` : whole;
  });
}

/**
 * A model's summary: the heading, its text with the sections' numbers renumbered in the order it
 * cites them, and the note that a model wrote it. `cited` are 1-based section numbers.
 */
export function composeAbstractive(
  doc: DocumentRecord,
  sections: readonly DocumentSection[],
  text: string,
  language: string,
): ComposedSummary {
  const { citations, sources, number } = citationsFor(doc, sections, citedParts(text));
  const body = renumberParts(text, number);
  const composed = summaryText(
    undefined,
    t(language, 'summary.heading', { title: doc.title }),
    body,
    t(language, 'summary.modelNote'),
  );
  return { text: composed, citations, sources };
}
