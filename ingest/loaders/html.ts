import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { IngestError } from '../../src/core/errors.js';
import type { LoadedDocument, LoadedSection } from '../load-file.js';
import { SectionBuilder } from './section-builder.js';
import { decodeText } from './text-bytes.js';

/** Elements that never hold the page's main text. */
const DROPPED =
  'script, style, noscript, nav, header, footer, aside, form, template, svg, iframe, object, button';
/** Elements that start a line, and those that also leave a blank line around them. */
const LINES = new Set(['br', 'dd', 'div', 'dt', 'li', 'option', 'summary', 'tr', 'figcaption', 'caption']);
const PARAGRAPHS = new Set(
  'address article blockquote details dialog dl fieldset figure hr main ol p pre section table ul'.split(' '),
);
const HEADING = /^h([1-6])$/;

/** HTML: the main text only (no scripts, styles or navigation), `h1`-`h6` building the heading path. */
export async function loadHtml(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  const $ = load(decodeText(file, bytes));
  const pageTitle = $('head > title').first().text().replace(/\s+/g, ' ').trim();
  const { sections, firstHeading } = htmlSections($);
  if (sections.length === 0) throw new IngestError(file, 'HTML file has no readable text');
  return { title: pageTitle || firstHeading || fallbackTitle, sections, faq: false };
}

/** Sections of a parsed page: prefers `<main>`, then `<article>`, then the body. */
export function htmlSections($: CheerioAPI): { sections: LoadedSection[]; firstHeading: string | undefined } {
  $(DROPPED).remove();
  const candidates = [$('main').first(), $('article').first(), $('body').first()];
  const roots: AnyNode[] = candidates.find((c) => c.length > 0)?.get() ?? $.root().get();
  const builder = new SectionBuilder();
  let newlines = 2;
  const emit = (text: string) => {
    const out = newlines > 0 ? text.replace(/^[ \t]+/, '') : text;
    if (out === '') return;
    builder.append(out);
    const trailing = /\n*$/.exec(out)![0].length;
    newlines = Math.min(2, trailing === out.length ? newlines + trailing : trailing);
  };
  const breakTo = (count: number) => {
    if (newlines < count) emit('\n'.repeat(count - newlines));
  };
  const walk = (node: AnyNode, preformatted: boolean): void => {
    if (node.type === 'text') {
      emit(preformatted ? node.data : node.data.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.type === 'tag' ? node.name.toLowerCase() : '';
    const heading = HEADING.exec(name);
    if (heading) {
      builder.heading(Number(heading[1]), textOf(node));
      newlines = 2;
      return;
    }
    if (name === 'br') {
      emit('\n');
      return;
    }
    if ((name === 'td' || name === 'th') && previousElement(node as Element)) emit(' | ');
    const lines = PARAGRAPHS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
    breakTo(lines);
    for (const child of node.children) walk(child, preformatted || name === 'pre');
    breakTo(lines);
  };
  for (const node of roots) walk(node, false);
  return { sections: builder.finish(), firstHeading: builder.firstHeading };
}

function previousElement(node: Element): AnyNode | null {
  let prev = node.prev;
  while (prev && prev.type !== 'tag') prev = prev.prev;
  return prev;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type === 'tag') return node.children.map(textOf).join('');
  return '';
}
