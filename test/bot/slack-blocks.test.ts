import { describe, expect, it } from 'vitest';
import {
  BLOCKS_MAX,
  parseFeedbackValue,
  renderAnswer,
  SECTION_MAX,
  withPlainFeedbackButtons,
} from '../../src/bot/slack/slack-blocks.js';
import { fromSlackText, splitText, toMrkdwn } from '../../src/bot/slack/slack-text.js';
import { FAKE_CITATIONS } from '../fakes/fake-answers.js';
import { released } from '../../src/guardrails/checked-text.js';

describe('Slack text in and out', () => {
  it('turns a Slack message into the plain question', () => {
    expect(
      fromSlackText(
        '<@UBOT> how do I reach <#C1|it-help> or <https://x.example/a|the wiki>? &lt;urgent&gt; &amp; <!here>',
        'UBOT',
      ),
    ).toBe('how do I reach #it-help or the wiki (https://x.example/a)? <urgent> & @here');
    expect(fromSlackText('<@UBOT|polydesk>', 'UBOT')).toBe('');
    expect(fromSlackText('ask <@UALICE|alice> about <mailto:a@x.example|a@x.example>', 'UBOT')).toBe(
      'ask @alice about a@x.example',
    );
  });

  it('writes Markdown as Slack mrkdwn, escaping what Slack treats as markup', () => {
    expect(
      toMrkdwn(
        '## Steps\n**Install** the *client* [guide](https://x.example/g) & <b>\n- one\n> quoted [1]\n`a*b*c`',
      ),
    ).toBe(
      '*Steps*\n*Install* the _client_ <https://x.example/g|guide> &amp; &lt;b&gt;\n• one\n> quoted [1]\n`a*b*c`',
    );
  });

  it('splits long text at boundaries, never inside a link or a surrogate pair', () => {
    const link = '<https://x.example/very/long/path|a link label>';
    const text = `${'word '.repeat(50)}${link} ${'語'.repeat(30)}😀${'x'.repeat(40)}`;
    const pieces = splitText(text, 60);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(60);
    expect(pieces.some((p) => p.includes(link))).toBe(true);
    expect(pieces.join('')).not.toContain('\uFFFD');
    expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe('Slack answer blocks', () => {
  const view = {
    questionId: 'q-1',
    text: released('Use the VPN client [1].'),
    language: 'es',
    citations: FAKE_CITATIONS,
    extractive: true,
  };

  it('shows the answer, linked sources, the extractive note and feedback buttons in the asker’s language', () => {
    const [message] = renderAnswer(view);
    const json = JSON.stringify(message!.blocks);
    expect(message!.text).toContain('Use the VPN client [1].');
    expect(json).toContain('<https://intranet.example/it/vpn|VPN setup guide>');
    expect(json).toContain('[2] Remote work policy');
    expect(json).toContain('"type":"context_actions"');
    expect(json).toContain('"value":"up:q-1"');
    expect(json).toContain('"value":"down:q-1"');
    expect(json).toContain('Fuentes');
  });

  it('stays within Slack limits for a very long answer', () => {
    const long = {
      ...view,
      text: released(
        Array.from({ length: 3_000 }, (_, i) => `Sentence number ${i} of a long answer.`).join(' '),
      ),
    };
    const messages = renderAnswer(long);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(BLOCKS_MAX);
      expect(m.text.length).toBeLessThanOrEqual(40_000);
      for (const b of m.blocks)
        if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SECTION_MAX);
    }
    expect(JSON.stringify(messages.at(-1)!.blocks)).toContain('feedback_buttons');
  });

  it('offers plain buttons carrying the same ratings where feedback_buttons are not accepted', () => {
    const [message] = renderAnswer(view);
    const plain = withPlainFeedbackButtons(message!.blocks);
    expect(JSON.stringify(plain)).not.toContain('feedback_buttons');
    const actions = plain.find((b) => b.type === 'actions');
    const values =
      actions?.type === 'actions' ? actions.elements.map((e) => ('value' in e ? e.value : undefined)) : [];
    expect(values.map(parseFeedbackValue)).toEqual([
      { rating: 'up', questionId: 'q-1' },
      { rating: 'down', questionId: 'q-1' },
    ]);
  });
});
