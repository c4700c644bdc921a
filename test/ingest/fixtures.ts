/**
 * Builders for binary test documents: a minimal but valid PDF (one page per text, Helvetica), an
 * encrypted PDF, and a .docx zip. Written here so the tests need no files from elsewhere.
 */
import { deflateRawSync } from 'node:zlib';

export interface PdfOptions {
  /** One string per page; ASCII. An empty string makes a page with no text layer. */
  readonly pages: readonly string[];
  readonly title?: string;
  /** Adds a standard security handler dictionary, so readers ask for a password. */
  readonly encrypted?: boolean;
}

export function pdfBytes(options: PdfOptions): Buffer {
  const pageCount = options.pages.length;
  const objects: string[] = [];
  const font = 3 + 2 * pageCount;
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = options.pages.map((_, i) => `${3 + 2 * i} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  for (const [i, text] of options.pages.entries()) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + 2 * i} 0 R ` +
        `/Resources << /Font << /F1 ${font} 0 R >> >> >>`,
    );
    const lines = text.split('\n').filter((l) => l !== '');
    const stream =
      lines.length === 0
        ? ''
        : `BT /F1 12 Tf 14 TL 72 720 Td ${lines.map((l) => `(${pdfString(l)}) Tj T*`).join(' ')} ET`;
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const trailer = [
    `/Size ${objects.length + (options.title ? 2 : 1) + (options.encrypted ? 1 : 0)}`,
    '/Root 1 0 R',
  ];
  if (options.title) {
    objects.push(`<< /Title (${pdfString(options.title)}) /Producer (PolyDesk tests) >>`);
    trailer.push(`/Info ${objects.length} 0 R`);
  }
  if (options.encrypted) {
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`);
    trailer.push(`/Encrypt ${objects.length} 0 R`, `/ID [<${'0f'.repeat(16)}> <${'0f'.repeat(16)}>]`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, '\\$&');
}

export interface DocxParagraph {
  readonly text: string;
  /** A style id of the minimal styles part below: Title, Heading1, Heading2. */
  readonly style?: 'Title' | 'Heading1' | 'Heading2';
}

export function docxBytes(
  paragraphs: readonly DocxParagraph[],
  options: ZipOptions & { readonly extraEntries?: Readonly<Record<string, string | Buffer>> } = {},
): Buffer {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paragraphs
    .map((p) => {
      const style = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${xmlEscape(p.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return zipArchive(
    {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/word/document.xml" ContentType="${wordType}.document.main+xml"/>` +
        `<Override PartName="/word/styles.xml" ContentType="${wordType}.styles+xml"/></Types>`,
      '_rels/.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/_rels/document.xml.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}</w:body></w:document>`,
      'word/styles.xml':
        `<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}>` +
        style('Title', 'Title') +
        style('Heading1', 'heading 1') +
        style('Heading2', 'heading 2') +
        '</w:styles>',
      ...options.extraEntries,
    },
    options,
  );
}

/**
 * An archive bomb in a .docx: a valid Word document whose document.xml holds `textBytes` of
 * repetitive text, deflated (20 MB of text makes a file of about 30 KB).
 */
export function bombDocx(textBytes: number, options: ZipOptions = {}): Buffer {
  const paragraph = 'The quarterly report is attached for review. '.repeat(40);
  const count = Math.ceil(textBytes / paragraph.length);
  return docxBytes(
    Array.from({ length: count }, () => ({ text: paragraph })),
    { deflate: true, ...options },
  );
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface ZipOptions {
  /** Deflate every entry (method 8) instead of storing it. */
  readonly deflate?: boolean;
  /** The uncompressed size the directories declare for an entry, to forge a lying archive. */
  readonly declaredSize?: (name: string, realSize: number) => number;
}

/** A zip archive with every entry stored uncompressed. */
export function storedZip(entries: Readonly<Record<string, string>>): Buffer {
  return zipArchive(entries);
}

/** A zip archive, its entries stored or deflated. */
export function zipArchive(
  entries: Readonly<Record<string, string | Buffer>>,
  options: ZipOptions = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const data = options.deflate ? deflateRawSync(raw, { level: 9 }) : raw;
    const method = options.deflate ? 8 : 0;
    const size = options.declaredSize?.(name, raw.length) ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
