import type { LoadedDocument, LoadedSection } from '../load-file.js';
import { SectionBuilder } from './section-builder.js';
import { decodeText, tidyText } from './text-bytes.js';

/** A first line up to this long reads as a title; longer ones are prose. */
const MAX_TITLE_CHARS = 100;
/** A setext underline: `===` under a level-1 heading, `---` under a level-2 one (3 or more). */
const UNDERLINE = /^\s{0,3}(={3,}|-{3,})\s*$/u;

/**
 * Plain text: the first line is the title when it is short, else the file name is. Headings written
 * as in a README (a short line underlined with `===` or `---`) divide it into sections, as a
 * Markdown file's would; without any, the text is one section.
 */
export async function loadPlainText(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  const text = tidyText(decodeText(file, bytes));
  const firstLine = text.split('\n', 1)[0]!.trim();
  const title = firstLine.length > 0 && firstLine.length <= MAX_TITLE_CHARS ? firstLine : fallbackTitle;
  return { title, sections: sectionsOf(text), faq: false, raw: text };
}

function sectionsOf(text: string): LoadedSection[] {
  const lines = text.split('\n');
  const isHeading = (i: number) => {
    const line = lines[i]!.trim();
    return (
      line.length > 0 &&
      line.length <= MAX_TITLE_CHARS &&
      !UNDERLINE.test(line) &&
      UNDERLINE.test(lines[i + 1] ?? '') &&
      (i === 0 || lines[i - 1]!.trim() === '')
    );
  };
  if (!lines.some((_, i) => isHeading(i))) return [{ headingPath: [], text }];
  const builder = new SectionBuilder();
  for (let i = 0; i < lines.length; i++) {
    if (isHeading(i)) {
      builder.heading(lines[i + 1]!.trim().startsWith('=') ? 1 : 2, lines[i]!);
      i++;
    } else {
      builder.append(`${lines[i]}\n`);
    }
  }
  return builder.finish();
}
