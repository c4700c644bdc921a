import { load } from 'cheerio';
import mammoth from 'mammoth';
import { IngestError } from '../../src/core/errors.js';
import type { LoadedDocument } from '../load-file.js';
import { htmlSections } from './html.js';

/** Word's Title style reads as the top heading; Heading 1-6 map to h1-h6 by mammoth's defaults. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** .docx: converted to HTML by mammoth (images dropped), then read like an HTML page. */
export async function loadDocx(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new IngestError(file, `corrupt .docx file: ${reason}`, { cause: error });
  }
  const { sections, firstHeading } = htmlSections(load(`<body>${html}</body>`));
  if (sections.length === 0) throw new IngestError(file, 'Word document has no text');
  return { title: firstHeading ?? fallbackTitle, sections, faq: false };
}
