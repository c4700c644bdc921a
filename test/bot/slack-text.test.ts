/**
 * What reaches Slack from documents and answers: no mention markup, no link whose label its URL
 * smuggled in (security issue 21, finding 5). The end-to-end case is in slack-injection.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { escapeStreamedMarkdown, mrkdwnLink, toMrkdwn } from '../../src/bot/slack/slack-text.js';

describe('document text in Slack mrkdwn', () => {
  it('escapes mentions everywhere, code spans and blocks included', () => {
    const mrkdwn = toMrkdwn(
      'Closed <!channel> <!here|here> <@U0CEO> <#C0PRIVATE> <!subteam^S1>\n`<!everyone>`\n```\n<@U0CEO> & co\n```',
    );
    expect(mrkdwn).toBe(
      'Closed &lt;!channel&gt; &lt;!here|here&gt; &lt;@U0CEO&gt; &lt;#C0PRIVATE&gt; &lt;!subteam^S1&gt;\n`&lt;!everyone&gt;`\n```\n&lt;@U0CEO&gt; &amp; co\n```',
    );
    expect(mrkdwn).not.toMatch(/<[!@#]/);
  });

  it('links only to http(s) URLs, each with its own label', () => {
    expect(mrkdwnLink('https://phish.example/login|the SSO page', 'Leave policy')).toBe(
      '<https://phish.example/login%7Cthe%20SSO%20page|Leave policy>',
    );
    expect(mrkdwnLink('https://x.example/a?b=1&c=<d>', 'A | B <!here>')).toBe(
      '<https://x.example/a?b=1&amp;c=%3Cd%3E|A ¦ B &lt;!here&gt;>',
    );
    expect(mrkdwnLink('javascript:alert(1)', 'Leave <policy>')).toBe('Leave &lt;policy&gt;');
    expect(mrkdwnLink(undefined, 'Leave')).toBe('Leave');
    expect(toMrkdwn('Sign in at [the SSO page](https://phish.example/login|Company-SSO).')).toBe(
      'Sign in at <https://phish.example/login%7CCompany-SSO|the SSO page>.',
    );
  });

  it('escapes streamed Markdown piece by piece exactly as the whole, keeping quote markers', () => {
    const text = '> The office closes <!channel>\n> at 3 & <@U0CEO> knows\n\nA > B';
    const whole = escapeStreamedMarkdown(text);
    expect(whole).toBe('> The office closes &lt;!channel&gt;\n> at 3 &amp; &lt;@U0CEO&gt; knows\n\nA &gt; B');
    for (const cut of [1, 2, 20, 31, 32, 33, text.length - 3]) {
      const [head, tail] = [text.slice(0, cut), text.slice(cut)];
      expect(escapeStreamedMarkdown(head) + escapeStreamedMarkdown(tail, head)).toBe(whole);
    }
  });
});
