import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../ingest/load-file.js';
import { storageToHtml } from '../../ingest/sources/confluence-storage.js';

/** What the HTML loader makes of a page's storage format. */
async function load(title: string, storage: string) {
  const doc = await loadBytes(`${title}.html`, Buffer.from(storageToHtml(title, storage)));
  return { ...doc, text: doc.sections.map((s) => s.text).join('\n') };
}

describe('Confluence storage format through the HTML loader', () => {
  it('keeps a code macro’s CDATA text as a block, markup characters and all', async () => {
    const doc = await load(
      'VPN',
      '<p>Run this:</p><ac:structured-macro ac:name="code" ac:schema-version="1">' +
        '<ac:parameter ac:name="language">bash</ac:parameter>' +
        '<ac:plain-text-body><![CDATA[vpn connect --profile "<corp>" && vpn status]]></ac:plain-text-body>' +
        '</ac:structured-macro><p>Then sign in.</p>',
    );
    expect(doc.text).toBe('Run this:\n\nvpn connect --profile "<corp>" && vpn status\n\nThen sign in.');
    expect(doc.text).not.toContain('bash');
  });

  it('keeps the bodies and titles of panels, notes and expands, nested ones too, and drops parameters', async () => {
    const doc = await load(
      'Leave',
      '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Before you book</ac:parameter>' +
        '<ac:rich-text-body><p>Ask your <strong>manager</strong> first.</p>' +
        '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">Part-time staff</ac:parameter>' +
        '<ac:rich-text-body><p>Days are pro rata.</p></ac:rich-text-body></ac:structured-macro>' +
        '</ac:rich-text-body></ac:structured-macro>' +
        '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro>',
    );
    expect(doc.text).toBe(
      'Before you book\n\nAsk your manager first.\n\nPart-time staff\n\nDays are pro rata.',
    );
  });

  it('shows a link’s text, or the title of the page or file it points to', async () => {
    const doc = await load(
      'Links',
      '<p>See <ac:link><ri:page ri:content-title="Holiday calendar" /></ac:link>, ' +
        '<ac:link><ri:attachment ri:filename="form.pdf" /></ac:link> and ' +
        '<ac:link><ri:page ri:content-title="Expenses" /><ac:plain-text-link-body><![CDATA[the expenses page]]></ac:plain-text-link-body></ac:link>.</p>',
    );
    expect(doc.text).toBe('See Holiday calendar, form.pdf and the expenses page.');
  });

  it('reads headings, tables, task lists, layouts and dates; images and emoticons leave nothing', async () => {
    const doc = await load(
      'Handbook',
      '<h1>Holidays</h1><p>Due <time datetime="2026-05-01" /> <ac:emoticon ac:name="smile" /></p>' +
        '<ac:image><ri:attachment ri:filename="chart.png" /></ac:image>' +
        '<h2>Allowance</h2><table><tbody><tr><th>Years</th><th>Days</th></tr><tr><td>0-5</td><td>25</td></tr></tbody></table>' +
        '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status>' +
        '<ac:task-body>File the form</ac:task-body></ac:task></ac:task-list>' +
        '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>Left</p></ac:layout-cell>' +
        '<ac:layout-cell><p>Right</p></ac:layout-cell></ac:layout-section></ac:layout>',
    );
    expect(doc.title).toBe('Handbook');
    expect(doc.sections).toEqual([
      { headingPath: ['Holidays'], text: 'Due 2026-05-01' },
      {
        headingPath: ['Holidays', 'Allowance'],
        text: 'Years | Days\n0-5 | 25\n\nFile the form\n\nLeft\n\nRight',
      },
    ]);
  });

  it('decodes entities and keeps a title with markup characters as text', async () => {
    const doc = await load('R&D <lab>', '<p>Caf&eacute;&nbsp;hours &amp; rules</p>');
    expect(doc.title).toBe('R&D <lab>');
    expect(doc.text).toBe('Café hours & rules');
  });
});
