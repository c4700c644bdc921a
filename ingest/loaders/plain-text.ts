import type { LoadedDocument } from '../load-file.js';
import { decodeText, tidyText } from './text-bytes.js';

/** A first line up to this long reads as a title; longer ones are prose. */
const MAX_TITLE_CHARS = 100;

/** Plain text: one section; the first line is the title when it is short, else the file name is. */
export async function loadPlainText(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  const text = tidyText(decodeText(file, bytes));
  const firstLine = text.split('\n', 1)[0]!.trim();
  const title = firstLine.length > 0 && firstLine.length <= MAX_TITLE_CHARS ? firstLine : fallbackTitle;
  return { title, sections: [{ headingPath: [], text }], faq: false, raw: text };
}
