import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBytes, loadFile, readSource, SUPPORTED_EXTENSIONS } from '../../ingest/load-file.js';
import { docxBytes, pdfBytes } from './fixtures.js';

const options = { maxBytes: 1024 * 1024 };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'polydesk-loaders-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

const allText = (doc: { sections: readonly { text: string }[] }) =>
  doc.sections.map((s) => s.text).join('\n');

describe('loadFile', () => {
  it('lists the supported extensions', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(
      ['.csv', '.docx', '.htm', '.html', '.markdown', '.md', '.pdf', '.txt'].sort(),
    );
  });

  it('reads Markdown front matter, headings and text without markup', async () => {
    const file = await write(
      'vpn.md',
      [
        '---',
        'title: VPN setup',
        'audience: [it, all]',
        'classification: Internal',
        'language: en-GB',
        'url: https://wiki.example.com/vpn',
        'owner: it-team',
        '---',
        '# Remote access',
        '',
        'Use the **corporate VPN** for [internal sites](https://intranet.example.com).',
        '',
        '## On macOS',
        '',
        '- Install the client from `Self Service`.',
        '- Sign in with your _work_ e-mail.',
        '',
        '```bash',
        '# not a heading',
        'vpn connect --profile __corp__',
        '```',
        '',
        '## On Windows',
        '',
        '| Step | Action |',
        '|------|--------|',
        '| 1 | Open ![icon](x.png) Settings |',
        '',
        'Troubleshooting',
        '---------------',
        'Restart the app.',
      ].join('\n'),
    );
    const doc = await loadFile(file, options);
    expect(doc).toMatchObject({
      title: 'VPN setup',
      audience: ['it', 'all'],
      classification: 'internal',
      language: 'en',
      url: 'https://wiki.example.com/vpn',
      faq: false,
    });
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ['Remote access'],
      ['Remote access', 'On macOS'],
      ['Remote access', 'On Windows'],
      ['Remote access', 'Troubleshooting'],
    ]);
    const [intro, mac, windows, trouble] = doc.sections.map((s) => s.text);
    expect(intro).toBe('Use the corporate VPN for internal sites.');
    expect(mac).toContain('Install the client from Self Service.');
    expect(mac).toContain('Sign in with your work e-mail.');
    expect(mac).toContain('# not a heading\nvpn connect --profile __corp__');
    expect(windows).toBe('Step | Action\n1 | Open icon Settings');
    expect(trouble).toBe('Restart the app.');
  });

  it('takes a Markdown title from the first heading, else the file name', async () => {
    const withHeading = await loadFile(
      await write('leave.md', '# 有給休暇\n\n年間20日付与されます。'),
      options,
    );
    expect(withHeading.title).toBe('有給休暇');
    expect(withHeading.language).toBeUndefined();
    const plain = await loadFile(
      await write('wifi-guest.markdown', 'Guest Wi-Fi password rotates weekly.'),
      options,
    );
    expect(plain).toMatchObject({
      title: 'wifi-guest',
      sections: [{ headingPath: [], text: plain.sections[0]!.text }],
    });
  });

  it('reads Markdown with a BOM and Windows line endings', async () => {
    const md =
      '\ufeff---\r\ntitle: 年次有給休暇\r\nlanguage: ja-JP\r\n---\r\n# 休暇\r\n\r\n' +
      '**有給休暇**は[人事ポータル](https://hr.example.com)で申請します。<br>\r\n\r\n> 注意: 3日前までに。\r\n';
    const doc = await loadFile(await write('leave-ja.md', md), options);
    expect(doc).toEqual({
      title: '年次有給休暇',
      language: 'ja',
      faq: false,
      sections: [
        { headingPath: ['休暇'], text: '有給休暇は人事ポータルで申請します。\n\n注意: 3日前までに。' },
      ],
      // The file as written, front matter included, for the guardrails' at-rest scan.
      raw: md.slice(1),
    });
  });

  it('accepts an audience given as a comma-separated string', async () => {
    const doc = await loadFile(
      await write(
        'salaries.md',
        '---\naudience: hr, finance\nclassification: restricted\n---\nSalary bands.',
      ),
      options,
    );
    expect(doc.audience).toEqual(['hr', 'finance']);
    expect(doc.classification).toBe('restricted');
  });

  it('reads plain text as one section titled by a short first line', async () => {
    const doc = await loadFile(
      await write('printers.txt', 'Printer guide\n\nPrinters are on every floor.\r\n'),
      options,
    );
    expect(doc).toEqual({
      title: 'Printer guide',
      sections: [{ headingPath: [], text: 'Printer guide\n\nPrinters are on every floor.' }],
      faq: false,
      raw: 'Printer guide\n\nPrinters are on every floor.',
    });
    const long = await loadFile(await write('notes.txt', `${'word '.repeat(40)}\nmore`), options);
    expect(long.title).toBe('notes');
  });

  it('divides plain text at headings underlined with === or ---, and keeps them out of the text', async () => {
    const text = [
      'Wi-Fi in the offices',
      '====================',
      '',
      'Every office has three networks.',
      '',
      'Connecting a company laptop',
      '---------------------------',
      '',
      'Choose "LumenWorks"; the certificate signs you in.',
      'A rule of dashes inside a section:',
      '---',
      'stays text.',
    ].join('\n');
    const doc = await loadFile(await write('wifi.txt', text), options);
    expect(doc.title).toBe('Wi-Fi in the offices');
    expect(doc.sections).toEqual([
      { headingPath: ['Wi-Fi in the offices'], text: 'Every office has three networks.' },
      {
        headingPath: ['Wi-Fi in the offices', 'Connecting a company laptop'],
        text: 'Choose "LumenWorks"; the certificate signs you in.\nA rule of dashes inside a section:\n---\nstays text.',
      },
    ]);
    expect(doc.raw).toBe(text);
  });

  it('reads the main text of an HTML page without scripts, styles or navigation', async () => {
    const file = await write(
      'benefits.html',
      `<!doctype html><html><head><title>Benefits | Intranet</title><style>body{color:red}</style>
      <script>var tracking = "secret-script";</script></head>
      <body><header>Company header</header><nav><a href="/">Home</a> <a href="/hr">HR menu</a></nav>
      <main><h1>Benefits</h1><p>All employees get   <b>health</b> insurance.</p>
      <h2>Gym</h2><ul><li>Free gym membership</li><li>Yoga on Fridays</li></ul>
      <noscript>Enable JavaScript</noscript>
      <h2>Contacts</h2><table><tr><th>Team</th><th>Mail</th></tr><tr><td>HR</td><td>hr@example.com</td></tr></table>
      <pre>line one
  indented line</pre></main>
      <aside>Related links</aside><footer>© Example</footer></body></html>`,
    );
    const doc = await loadFile(file, options);
    expect(doc.title).toBe('Benefits | Intranet');
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ['Benefits'],
      ['Benefits', 'Gym'],
      ['Benefits', 'Contacts'],
    ]);
    expect(doc.sections[0]!.text).toBe('All employees get health insurance.');
    expect(doc.sections[1]!.text).toBe('Free gym membership\nYoga on Fridays');
    expect(doc.sections[2]!.text).toContain('Team | Mail\nHR | hr@example.com');
    expect(doc.sections[2]!.text).toContain('line one\n  indented line');
    const text = allText(doc);
    for (const noise of [
      'secret-script',
      'color:red',
      'HR menu',
      'Company header',
      'Related links',
      '©',
      'Enable',
    ]) {
      expect(text).not.toContain(noise);
    }
  });

  it('titles an HTML page without <title> by its first heading', async () => {
    const doc = await loadFile(await write('faq.htm', '<body><h1>FAQ</h1><p>Ask us.</p></body>'), options);
    expect(doc.title).toBe('FAQ');
  });

  it('reads the text layer of every PDF page and its metadata title', async () => {
    const file = await write(
      'laptop-policy.pdf',
      pdfBytes({
        title: 'Laptop policy',
        pages: [
          'Laptops are replaced every 3 years.\nReturn old ones to IT.',
          'Lost laptops: call the service desk (ext. 4000).',
        ],
      }),
    );
    const doc = await loadFile(file, options);
    expect(doc.title).toBe('Laptop policy');
    expect(doc.sections).toHaveLength(1);
    const text = doc.sections[0]!.text;
    expect(text).toContain('Laptops are replaced every 3 years.');
    expect(text).toContain('Return old ones to IT.');
    expect(text.indexOf('Return old ones')).toBeLessThan(
      text.indexOf('Lost laptops: call the service desk (ext. 4000).'),
    );
    const untitled = await loadFile(await write('scan-ok.pdf', pdfBytes({ pages: ['Hello'] })), options);
    expect(untitled.title).toBe('scan-ok');
  });

  it('reads a Word document with its headings', async () => {
    const file = await write(
      'expenses.docx',
      docxBytes([
        { text: 'Expense policy', style: 'Title' },
        { text: 'Travel', style: 'Heading1' },
        { text: 'Book trains & flights through the portal.' },
        { text: 'Meals', style: 'Heading2' },
        { text: 'Up to 50 EUR a day <with receipts>.' },
      ]),
    );
    const doc = await loadFile(file, options);
    expect(doc.title).toBe('Expense policy');
    expect(doc.sections).toEqual([
      { headingPath: ['Travel'], text: 'Book trains & flights through the portal.' },
      { headingPath: ['Travel', 'Meals'], text: 'Up to 50 EUR a day <with receipts>.' },
    ]);
  });

  it('reads a CSV FAQ with one section per question and answer', async () => {
    const csv = [
      'ID,Question (EN),Answer,Category',
      '1,How do I reset my password?,"Go to https://id.example.com, then click ""Forgot password"".",IT',
      '2,Where is the printer?,"Third floor,',
      'next to the kitchen.",Facilities',
      '3,Unanswered question?,,IT',
    ].join('\r\n');
    const doc = await loadFile(await write('it-faq.csv', csv), options);
    expect(doc.faq).toBe(true);
    expect(doc.title).toBe('it-faq');
    expect(doc.sections).toEqual([
      {
        headingPath: ['How do I reset my password?'],
        text: 'How do I reset my password?\nGo to https://id.example.com, then click "Forgot password".',
      },
      {
        headingPath: ['Where is the printer?'],
        text: 'Where is the printer?\nThird floor,\nnext to the kitchen.',
      },
    ]);
  });

  it.each([
    ['質問,回答\n有給休暇は何日？,年20日です。', '有給休暇は何日？'],
    ['问题\t答案\n如何连接VPN？\t打开客户端。', '如何连接VPN？'],
    ['pregunta;respuesta\n¿Dónde está la sala?;En la planta 2.', '¿Dónde está la sala?'],
    ['\ufeffคำถาม,คำตอบ\nลาพักร้อนได้กี่วัน,ปีละ 10 วัน', 'ลาพักร้อนได้กี่วัน'],
    ['Q,A\nWi-Fi name?,CorpNet', 'Wi-Fi name?'],
  ])('recognises localised CSV headers: %s', async (csv, question) => {
    const doc = await loadBytes('faq.csv', Buffer.from(csv));
    expect(doc.sections[0]!.headingPath).toEqual([question]);
  });

  it('hashes the content so unchanged files can be recognised', async () => {
    const a = await readSource(await write('a.txt', 'same text'), options);
    const b = await readSource(await write('b.txt', 'same text'), options);
    const c = await readSource(await write('c.txt', 'other text'), options);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
    expect(a.bytes.toString()).toBe('same text');
  });
});
