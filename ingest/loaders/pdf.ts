import { IngestError } from '../../src/core/errors.js';
import { type ContentLimits, maxTextChars, tooMuchText } from '../content-limits.js';
import type { LoadedDocument } from '../load-file.js';
import { tidyText } from './text-bytes.js';

/** The part of pdf.js's text content this loader reads. */
interface TextItem {
  readonly str?: string;
  readonly hasEOL?: boolean;
}

/**
 * PDF: the text layer of every page, in page order, as one section (PDFs carry no reliable
 * headings). Runs pdf.js in-process with no worker, fonts, eval or network. Stops reading pages
 * once the text is longer than a document may be.
 */
export async function loadPdf(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
  limits: ContentLimits,
): Promise<LoadedDocument> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[]).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join('');
      page.cleanup();
      pages.push(text);
      chars += text.length;
      if (chars > maxTextChars(limits)) throw tooMuchText(file, chars, limits);
    }
    const text = tidyText(pages.join('\n\n'));
    if (text === '') throw new IngestError(file, 'scanned PDF without a text layer; OCR it first');
    const { info } = await pdf.getMetadata().catch(() => ({ info: undefined }));
    const title = (info as { Title?: unknown } | undefined)?.Title;
    return {
      title: typeof title === 'string' && title.trim() !== '' ? title.trim() : fallbackTitle,
      sections: [{ headingPath: [], text }],
      faq: false,
    };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new IngestError(file, 'encrypted PDF: remove the password and re-export', { cause: error });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(file, `corrupt PDF: ${reason}`, { cause: error });
  } finally {
    await task.destroy();
  }
}
