/**
 * Text conversions between Slack and the neutral pipeline: Slack's message markup in, Slack's
 * `mrkdwn` out (the pipeline writes CommonMark-style Markdown).
 */

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

/** Markdown (as generators write it) to Slack mrkdwn; code spans and blocks are left as they are. */
export function toMrkdwn(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? part : convertProse(part)))
    .join('');
}

function convertProse(text: string): string {
  const links: string[] = [];
  const withLinkSlots = text.replace(
    /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g,
    (_, label: string, url: string) => {
      links.push(`<${url}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`);
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
