/**
 * Text conversions between Slack and the neutral pipeline: Slack's message markup in, Slack's
 * `mrkdwn` out (the pipeline writes CommonMark-style Markdown).
 */
import { normalizeHttpUrl } from '../../core/http-url.js';

/** The plain question text of a Slack message: the bot's mention removed, links and entities unwrapped. */
export function fromSlackText(text: string, botUserId: string): string {
  return text
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    .replace(/<@([A-Z0-9]+)\|([^>]+)>/g, '@$2')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]+)>/g, '$1')
    .replace(/<mailto:[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<([a-z][a-z0-9+.-]*:[^|>]+)\|([^>]+)>/gi, '$2 ($1)')
    .replace(/<([a-z][a-z0-9+.-]*:[^>]+)>/gi, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** True when the text mentions the bot (`<@UBOT>`). */
export function mentionsUser(text: string, userId: string): boolean {
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}

/** Escapes the three characters Slack treats as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BOLD = '\u0001';

/**
 * Markdown (as generators write it) to Slack mrkdwn. `&`, `<` and `>` are escaped everywhere, code
 * spans and blocks included (Slack reads `<!channel>` or `<@U…>` inside code too), so that text
 * quoted from a document can never mention anyone; links are rebuilt only from http(s) URLs.
 */
export function toMrkdwn(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : convertProse(part)))
    .join('');
}

/**
 * A Slack link, `<url|label>`, when `url` is an http(s) URL (normalised: no `|`, `<` or `>` left in
 * it); otherwise the label alone, as text. The label is escaped and cannot contain `|`.
 */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const target = url ? normalizeHttpUrl(url) : undefined;
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  return target ? `<${target.replace(/&/g, '&amp;')}|${text}>` : text;
}

/**
 * Escapes a piece of Markdown streamed to Slack (`markdown_text`) that follows `before`: `&`, `<` and
 * `>` become entities, except a `>` that opens a quote at the start of a line. Each character's
 * escape depends only on what precedes it, so pieces escaped one after the other add up to the
 * escape of the whole text.
 */
export function escapeStreamedMarkdown(piece: string, before = ''): string {
  let lineStart = /^[ \t]*$/.test(before.slice(before.lastIndexOf('\n') + 1));
  let out = '';
  for (const char of piece) {
    if (char === '>' && lineStart) out += char;
    else out += char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char;
    if (char === '\n') lineStart = true;
    else if (char !== ' ' && char !== '\t' && char !== '>') lineStart = false;
  }
  return out;
}

function convertProse(text: string): string {
  const links: string[] = [];
  const withLinkSlots = text.replace(
    /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g,
    (_, label: string, url: string) => {
      links.push(mrkdwnLink(url, label));
      return `\u0002${links.length - 1}\u0002`;
    },
  );
  return escapeMrkdwn(withLinkSlots)
    .replace(/^(\s*)&gt;(?= |$)/gm, '$1>')
    .replace(/^#{1,6}\s+(.+?)\s*#*$/gm, `${BOLD}$1${BOLD}`)
    .replace(/^(\s*)[-*+]\s+/gm, '$1• ')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => `${BOLD}${a ?? b}${BOLD}`)
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replace(new RegExp(BOLD, 'g'), '*')
    .replace(/\u0002(\d+)\u0002/g, (_, n: string) => links[Number(n)] ?? '');
}

/**
 * Splits text into pieces of at most `max` characters, preferring paragraph, then line, then word
 * boundaries, and never cutting a `<url|label>` link or a surrogate pair in two.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf('\n\n'), 0);
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf('\n'));
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf(' '));
    if (cut < max / 2) cut = max;
    const open = window.lastIndexOf('<', cut);
    if (open > window.lastIndexOf('>', cut) && open > 0) cut = open;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
