import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../ingest/load-file.js';
import { IngestError } from '../../src/core/errors.js';
import { docxBytes, pdfBytes } from './fixtures.js';

const options = { maxBytes: 64 * 1024 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'polydesk-bad-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Loads a file written with the given content and returns the IngestError it must raise. */
async function refusal(name: string, content: string | Buffer): Promise<IngestError> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const error = await loadFile(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  expect((error as IngestError).file).toBe(file);
  expect((error as IngestError).code).toBe('INGEST_FILE_FAILED');
  return error as IngestError;
}

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe('bad input', () => {
  it.each([
    ['an unsupported extension', 'photo.jpeg', 'hello', /unsupported file type \("\.jpeg"\).*\.md.*\.pdf/],
    ['a file without extension', 'README', 'hello', /unsupported file type \(no extension\)/],
    ['an empty file', 'empty.md', '', /file is empty \(0 bytes\)/],
    ['a whitespace-only file', 'blank.txt', ' \n\t\r\n ', /no text \(only whitespace\)/],
    ['an empty CSV', 'empty.csv', '\n\n', /no text/],
    ['a binary file named .md', 'image.md', PNG, /binary content in a \.md file \(it looks like a PNG image/],
    [
      'NUL bytes in text',
      'notes.txt',
      Buffer.from('hello\0\0\0world'),
      /binary content in a \.txt file \(it contains NUL bytes\)/,
    ],
    [
      'a PDF named .html',
      'page.html',
      pdfBytes({ pages: ['x'] }),
      /binary content in a \.html file \(it looks like a PDF/,
    ],
    [
      'Shift_JIS text',
      'leave.md',
      Buffer.from([0x97, 0x4c, 0x8b, 0x8b, 0x8b, 0x78, 0x89, 0xc9]),
      /not valid UTF-8/,
    ],
    ['Latin-1 text', 'cafe.txt', Buffer.from('caf\xe9 cr\xe8me', 'latin1'), /not valid UTF-8/],
    ['UTF-16 text', 'wide.txt', Buffer.from('\ufeffhello', 'utf16le'), /UTF-16/],
    [
      'a corrupt PDF',
      'broken.pdf',
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog garbage'),
      /corrupt PDF/,
    ],
    [
      'a truncated PDF',
      'truncated.pdf',
      pdfBytes({ pages: ['Hello world'] }).subarray(0, 120),
      /corrupt PDF/,
    ],
    ['a non-PDF named .pdf', 'fake.pdf', 'just some text', /corrupt PDF/],
    [
      'an encrypted PDF',
      'secret.pdf',
      pdfBytes({ pages: ['Top secret'], encrypted: true }),
      /^encrypted PDF: remove the password and re-export$/,
    ],
    [
      'a scanned PDF',
      'scan.pdf',
      pdfBytes({ pages: ['', ''] }),
      /^scanned PDF without a text layer; OCR it first$/,
    ],
    ['a corrupt docx', 'broken.docx', Buffer.from('PK\x03\x04 not really a zip'), /corrupt \.docx/],
    ['a text file named .docx', 'notes.docx', 'plain text', /corrupt \.docx/],
    ['an empty docx', 'blank.docx', docxBytes([]), /Word document has no text/],
    [
      'a CSV without Q&A columns',
      'people.csv',
      'name,email\nAlice,alice@example.com',
      /question and an answer column.*found: name, email/,
    ],
    ['a CSV with only a header', 'faq.csv', 'question,answer\n', /no row with both a question and an answer/],
    ['a malformed CSV', 'bad.csv', 'question,answer\n"unclosed,quote', /CSV could not be parsed/],
    [
      'invalid front matter YAML',
      'bad-yaml.md',
      '---\ntitle: [unclosed\n---\nBody',
      /front matter is not valid YAML/,
    ],
    [
      'a bad classification',
      'bad-class.md',
      '---\nclassification: secret\n---\nBody',
      /classification "secret" is not one of public, internal, confidential, restricted/,
    ],
    [
      'a non-http url',
      'bad-url.md',
      '---\nurl: javascript:alert(1)\n---\nBody',
      /url "javascript:alert\(1\)" is not an http\(s\) URL/,
    ],
    [
      'a bad language',
      'bad-lang.md',
      '---\nlanguage: Japanese!\n---\nBody',
      /language "Japanese!" is not a language code/,
    ],
    ['a bad audience', 'bad-audience.md', '---\naudience: {hr: true}\n---\nBody', /audience must be a list/],
    ['front matter only', 'meta-only.md', '---\ntitle: Nothing\n---\n\n', /no text to index/],
    [
      'HTML with only scripts',
      'script.html',
      '<html><script>alert(1)</script><nav>Home</nav></html>',
      /no readable text/,
    ],
  ])('refuses %s', async (_case, name, content, reason) => {
    expect((await refusal(name, content)).message).toMatch(reason);
  });

  it('refuses a file over the size limit, saying its size and the limit', async () => {
    const error = await refusal('huge.txt', Buffer.alloc(200 * 1024, 'a'));
    expect(error.message).toBe('file is 200 KB, over the size limit of 64 KB');
  });

  it('shows exact byte counts when the sizes round to the same figure', async () => {
    const error = await refusal('edge.txt', Buffer.alloc(64 * 1024 + 1, 'a'));
    expect(error.message).toBe('file is 65537 bytes, over the size limit of 65536 bytes');
  });

  it('refuses a missing file and a directory', async () => {
    const missing = path.join(dir, 'missing.md');
    await expect(loadFile(missing, options)).rejects.toThrow(/cannot read file: no such file/);
    const folder = path.join(dir, 'folder.md');
    await mkdir(folder);
    await expect(loadFile(folder, options)).rejects.toThrow(/is a directory/);
  });
});
