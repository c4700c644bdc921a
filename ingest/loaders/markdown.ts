import { IngestError } from '../../src/core/errors.js';
import { parseFrontMatter } from '../front-matter.js';
import type { LoadedDocument } from '../load-file.js';
import { SectionBuilder } from './section-builder.js';
import { decodeText } from './text-bytes.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_DIVIDER = /^ {0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\|?[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/;

/**
 * Markdown: YAML front matter for metadata, `#` and setext headings for the heading path, and the
 * text without Markdown syntax (links keep their text, code blocks keep their code).
 */
export async function loadMarkdown(
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  const raw = decodeText(file, bytes);
  const { meta, body } = parseFrontMatter(file, raw);
  const builder = new SectionBuilder();
  const lines = body
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n');
  let fence: string | undefined;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) builder.append(paragraph.map(stripInline).join('\n') + '\n');
    paragraph = [];
  };
  for (const line of lines) {
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) {
        fence = undefined;
        builder.append('\n');
      } else builder.append(line + '\n');
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    const heading = ATX_HEADING.exec(line);
    const setext = SETEXT.exec(line);
    if (fenceMatch) {
      flushParagraph();
      fence = fenceMatch[1]!;
    } else if (heading) {
      flushParagraph();
      builder.heading(heading[1]!.length, stripInline(heading[2] ?? ''));
    } else if (setext && paragraph.length === 1 && !/^\s*([-*+]|\d+[.)])\s/.test(paragraph[0]!)) {
      const text = paragraph[0]!;
      paragraph = [];
      builder.heading(setext[1]!.startsWith('=') ? 1 : 2, stripInline(text));
    } else if (THEMATIC_BREAK.test(line) || TABLE_DIVIDER.test(line) || LINK_DEFINITION.test(line)) {
      // Layout only: nothing a reader would quote.
    } else if (line.trim() === '') {
      flushParagraph();
      builder.append('\n');
    } else {
      paragraph.push(stripBlock(line));
    }
  }
  flushParagraph();
  const sections = builder.finish();
  if (sections.length === 0) throw new IngestError(file, 'Markdown file has no text to index');
  return {
    title: meta.title ?? builder.firstHeading ?? fallbackTitle,
    sections,
    faq: false,
    ...meta,
    raw,
  };
}

/** Line-level syntax: quote markers, list bullets, table pipes. */
function stripBlock(line: string): string {
  let text = line.replace(/^ {0,3}(?:>[ \t]?)+/, '');
  text = text.replace(/^(\s*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/, '$1');
  if (/^\s*\|.*\|\s*$/.test(text)) {
    text = text
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
      .join(' | ');
  }
  return text;
}

/** Inline syntax: images, links, code spans, emphasis, HTML tags and backslash escapes. */
function stripInline(text: string): string {
  // Code spans are set aside first so that `__init__` or `<div>` inside them survive untouched.
  const spans: string[] = [];
  const outside = text.replace(/(`+)(.+?)\1/g, (_, _ticks: string, code: string) => {
    spans.push(code.trim());
    return `\u0000${spans.length - 1}\u0000`;
  });
  return outside
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => spans[Number(i)]!);
}
