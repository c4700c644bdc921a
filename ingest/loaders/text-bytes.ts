import { extname } from 'node:path';
import { IngestError } from '../../src/core/errors.js';

/** Signatures of common binary formats, to name what a mislabelled file really is. */
const SIGNATURES: readonly { readonly name: string; readonly bytes: readonly number[] }[] = [
  { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP/Office', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a gzip', bytes: [0x1f, 0x8b] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/g;

/**
 * Decodes the bytes of a text format (.md, .txt, .html, .csv) as strict UTF-8, refusing binary
 * content, UTF-16 and other encodings with a reason the author can act on. A UTF-8 BOM is dropped.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const kind = extname(file).toLowerCase() || 'text';
  if (bytes.length === 0) throw new IngestError(file, 'file is empty (0 bytes)');
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new IngestError(file, 'text is UTF-16 encoded; save it as UTF-8');
  }
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) {
    throw new IngestError(file, `binary content in a ${kind} file (it looks like ${signature.name} file)`);
  }
  if (bytes.includes(0)) {
    throw new IngestError(file, `binary content in a ${kind} file (it contains NUL bytes)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new IngestError(
      file,
      'text is not valid UTF-8; save it as UTF-8 (it may be Shift_JIS, GBK, TIS-620 or Windows-1252)',
      { cause: error },
    );
  }
  const sample = text.slice(0, 8192);
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > sample.length / 20) {
    throw new IngestError(file, `binary content in a ${kind} file (${controls} control characters)`);
  }
  if (text.trim() === '') throw new IngestError(file, 'file has no text (only whitespace)');
  return text;
}

/** Normalises line ends and blank lines, drops control characters and trailing spaces. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
