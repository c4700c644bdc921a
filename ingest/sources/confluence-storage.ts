import { type Cheerio, load } from 'cheerio';
import type { Element } from 'domhandler';

/**
 * Confluence's storage format (XHTML with `ac:` and `ri:` elements) as plain HTML for the HTML
 * loader. Parsed leniently but with self-closing elements (`<ri:page/>`), which an HTML5 parser
 * would leave open. Macros keep their readable text:
 * a code or noformat macro becomes a `<pre>` block, a panel, note or expand keeps its body (and its
 * title as a line of its own), a link shows its text or the page or file it points to; parameters,
 * images, emoticons, editor placeholders and macros with no text of their own (a table of
 * contents, a Jira query) are dropped.
 */
export function storageToHtml(title: string, storage: string): string {
  // CDATA (a code macro's text) is XML's: an HTML parser would read it as a comment and lose it.
  const text = storage.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => escapeHtml(data));
  const $ = load(
    text,
    {
      xml: {
        xmlMode: false,
        recognizeSelfClosing: true,
        decodeEntities: true,
        lowerCaseTags: true,
        lowerCaseAttributeNames: true,
      },
    },
    false,
  );
  const root = $.root();
  // Innermost first: a macro inside a macro's body is settled before its parent moves that body.
  for (const element of [...root.find('*')].reverse()) settle($, element);
  for (const element of [...root.find('*')]) tidy($, element);
  const head = `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`;
  return `<!DOCTYPE html><html>${head}<body>${$.html(root.contents())}</body></html>`;
}

type Api = ReturnType<typeof load>;

const CODE_MACROS = new Set(['code', 'noformat']);
/** Elements that hold no reader's text of their own. */
const DROPPED = new Set([
  'ac:parameter',
  'ac:image',
  'ac:emoticon',
  'ac:placeholder',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:adf-attribute',
]);

/** Macros, links and editor extensions, which need their children as Confluence wrote them. */
function settle($: Api, element: Element): void {
  const node = $(element);
  switch (element.name) {
    case 'ac:structured-macro':
    case 'ac:macro':
      macro($, node);
      return;
    case 'ac:link':
      link($, node);
      return;
    case 'ac:adf-extension':
      // The editor's own node beside a fallback rendering of it: the fallback is what readers see.
      if (node.children('ac\\:adf-fallback').length > 0) node.children('ac\\:adf-node').remove();
      return;
    case 'time':
      if (element.children.length === 0 && element.attribs.datetime)
        node.replaceWith(escapeHtml(element.attribs.datetime));
      return;
  }
}

/** What is left of Confluence's own elements: lists and layouts as HTML, the rest dropped or unwrapped. */
function tidy($: Api, element: Element): void {
  const name = element.name;
  if (!name.includes(':')) return;
  if (name === 'ac:task-list') retag(element, 'ul');
  else if (name === 'ac:task') retag(element, 'li');
  else if (name.startsWith('ac:layout')) retag(element, 'div');
  else if (DROPPED.has(name) || name.startsWith('ri:')) $(element).remove();
  else $(element).replaceWith($(element).contents());
}

function macro($: Api, node: Cheerio<Element>): void {
  const macroName = (node.attr('ac:name') ?? '').toLowerCase();
  const plain = node.children('ac\\:plain-text-body');
  const rich = node.children('ac\\:rich-text-body');
  const titleText = parameter(node, 'title');
  if (CODE_MACROS.has(macroName) || (plain.length > 0 && rich.length === 0)) {
    const pre = $('<pre></pre>');
    pre.text(plain.text());
    if (titleText) node.before(`<p>${escapeHtml(titleText)}</p>`);
    node.replaceWith(pre);
    return;
  }
  if (rich.length > 0) {
    const block = $('<div></div>');
    if (titleText) block.append(`<p>${escapeHtml(titleText)}</p>`);
    block.append(rich.contents());
    node.replaceWith(block);
    return;
  }
  node.remove();
}

function link($: Api, node: Cheerio<Element>): void {
  const body = node.children('ac\\:plain-text-link-body, ac\\:link-body');
  if (body.length > 0 && body.text().trim() !== '') {
    const span = $('<span></span>');
    span.append(body.first().contents());
    node.replaceWith(span);
    return;
  }
  const target = node.children().first();
  const label =
    target.attr('ri:content-title') ?? target.attr('ri:filename') ?? target.attr('ri:space-key') ?? '';
  node.replaceWith(label ? escapeHtml(label) : '');
}

function parameter(node: Cheerio<Element>, name: string): string | undefined {
  const found = node.children('ac\\:parameter').filter((_, p) => p.attribs['ac:name'] === name);
  const text = found.first().text().trim();
  return text === '' ? undefined : text;
}

function retag(element: Element, name: string): void {
  element.name = name;
  element.attribs = {};
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
