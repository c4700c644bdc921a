/**
 * Markdown for Teams messages and Adaptive Card TextBlocks, which render links: text from documents
 * (quotes, titles) may carry a link whose label hides where it leads, or whose target is no web page.
 */
import { normalizeHttpUrl } from '../../core/http-url.js';

/** `[label](target)`, the target with one level of balanced parentheses, as CommonMark allows. */
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/g;

/**
 * The text with every Markdown link `[label](target)` kept as a link only when its target is an
 * http(s) URL (normalised); any other link becomes its label alone, as text.
 */
export function safeMarkdown(text: string): string {
  return text.replace(MARKDOWN_LINK, (_, label: string, target: string) => {
    const url = normalizeHttpUrl(target);
    return url ? `[${label}](${markdownUrl(url)})` : label;
  });
}

/**
 * A link to `url` labelled `title`, when `url` is an http(s) URL; otherwise the title alone. The
 * title cannot open or close a link of its own.
 */
export function markdownLink(url: string | undefined, title: string): string {
  const label = title.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim();
  const target = url ? normalizeHttpUrl(url) : undefined;
  return target ? `[${label}](${markdownUrl(target)})` : label;
}

/** Parentheses would end the link's target early: percent-encoded (the URL means the same). */
function markdownUrl(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
