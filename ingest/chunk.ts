import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { ConfigError } from '../src/core/errors.js';
import type { LoadedDocument } from './load-file.js';

/** A passage ready to be stored and embedded, with the headings it sits under. */
export interface ChunkDraft {
  readonly text: string;
  /** Headings above the passage, outermost first. */
  readonly headingPath: readonly string[];
}

/**
 * Chunk size limits. Lengths are counted in characters with a CJK or Hangul character counting as
 * two, which keeps a chunk of Japanese, Chinese or Korean within a 512-token embedding window as
 * well as one of English, Spanish or Thai. A chunk's plain length never exceeds `maxChars`.
 */
export interface ChunkOptions {
  readonly maxChars: number;
  /** How much of the end of a chunk is repeated at the start of the next one within a section. */
  readonly overlapChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = Object.freeze({ maxChars: 1000, overlapChars: 150 });

/**
 * Where text may be cut, best first: paragraphs, lines, sentence ends (CJK, Latin, Arabic,
 * Devanagari), clause marks, spaces (Thai puts them between phrases), and as a last resort
 * anywhere between two characters.
 */
const SEPARATORS = [
  '\n\n',
  '\n',
  '。',
  '！',
  '？',
  '. ',
  '! ',
  '? ',
  '．',
  '؟',
  '۔',
  '।',
  '!',
  '?',
  '；',
  '; ',
  '，',
  '、',
  ', ',
  ' ',
  '\u200b',
  '',
];

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Chunk length as the splitter sees it: wide (CJK) characters count twice. */
export function chunkLength(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/**
 * Langchain's recursive splitter, cutting after a separator rather than before it (a sentence keeps
 * its `。`) and never inside a surrogate pair.
 */
class SentenceSplitter extends RecursiveCharacterTextSplitter {
  protected override splitOnSeparator(text: string, separator: string): string[] {
    if (separator === '') return Array.from(text);
    const escaped = separator.replace(/[/\-\\^$*+?.()|[\]{}]/g, '\\$&');
    return text.split(new RegExp(`(?<=${escaped})`)).filter((s) => s !== '');
  }
}

/**
 * Splits each section of a document into overlapping chunks that keep the section's heading path.
 * FAQ rows stay one chunk each, whatever their length. No text is dropped: every character of a
 * section apart from whitespace at cut points is in some chunk. Stops once it has more than
 * `maxChunks` chunks (the caller refuses such a document; there is no point splitting the rest).
 */
export async function chunkDocument(
  doc: LoadedDocument,
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
  maxChunks = Number.POSITIVE_INFINITY,
): Promise<ChunkDraft[]> {
  const { maxChars, overlapChars } = options;
  if (!(maxChars >= 2 && overlapChars >= 0 && overlapChars < maxChars)) {
    throw new ConfigError(
      `chunk options need maxChars >= 2 and 0 <= overlapChars < maxChars (got ${maxChars}, ${overlapChars})`,
    );
  }
  const splitter = new SentenceSplitter({
    chunkSize: maxChars,
    chunkOverlap: overlapChars,
    separators: SEPARATORS,
    keepSeparator: true,
    lengthFunction: chunkLength,
  });
  const chunks: ChunkDraft[] = [];
  for (const section of doc.sections) {
    if (chunks.length > maxChunks) break;
    const text = section.text.trim();
    if (text === '') continue;
    if (doc.faq) {
      chunks.push({ text, headingPath: section.headingPath });
      continue;
    }
    for (const piece of await splitter.splitText(text)) {
      chunks.push({ text: piece, headingPath: section.headingPath });
    }
  }
  return chunks;
}
