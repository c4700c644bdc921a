import { describe, expect, it } from 'vitest';
import { renderResult as renderSlack } from '../../src/bot/slack/slack-blocks.js';
import { renderResult as renderTeams } from '../../src/bot/teams/answer-card.js';
import { publicAnswer } from '../../src/bot/web/web-chat.js';
import type { AnswerResult } from '../../src/core/types.js';
import { released } from '../../src/guardrails/checked-text.js';

/** A standard answer as the pipeline returns it (its parts already checked by the guard). */
const result: AnswerResult = {
  questionId: 'q1',
  status: 'answered',
  answer: released('Open https://id.corp.example and choose *Forgot password*.'),
  language: 'en',
  citations: [],
  verdict: { action: 'allow', findings: [], text: released('Open https://id.corp.example') },
  generator: 'standard',
  extractive: false,
  retrievedChunkIds: [],
  latencyMs: 3,
  standard: {
    id: 's1',
    title: released('Resetting the VPN password'),
    team: 'IT',
    answeredOn: '2026-12-05',
    byline: released('Answered by IT on December 5, 2026'),
  },
};

describe('a standard answer on each platform: its title above, "answered by" below', () => {
  it('Slack: a bold title section first, the byline in a context block, never a stream', () => {
    const reply = renderSlack(result);
    const blocks = reply.messages[0]!.blocks;
    expect(blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Resetting the VPN password*' },
    });
    expect(JSON.stringify(blocks[1])).toContain('Forgot password');
    const context = blocks.find((b) => b.type === 'context');
    expect(JSON.stringify(context)).toContain('Answered by IT on December 5, 2026');
    expect(reply.stream).toBeUndefined();
  });

  it('Teams: a bolder title over the text and a subtle byline in the card, both in the summary', () => {
    const reply = renderTeams(result);
    const message = reply.messages[reply.messages.length - 1]! as {
      summary?: string;
      attachments?: { content: { body: Record<string, unknown>[] } }[];
    };
    const body = message.attachments![0]!.content.body;
    const at = (text: string) =>
      body.findIndex((b) => typeof b['text'] === 'string' && (b['text'] as string).includes(text));
    expect(body[at('Resetting the VPN password')]).toMatchObject({ weight: 'Bolder' });
    expect(at('Resetting the VPN password')).toBeLessThan(at('Forgot password'));
    expect(body[at('Answered by IT')]).toMatchObject({ isSubtle: true });
    expect(at('Answered by IT')).toBeGreaterThan(at('Forgot password'));
    expect(message.summary).toContain('Resetting the VPN password');
    expect(message.summary).toContain('Answered by IT on December 5, 2026');
  });

  it('Teams: a link in the title or the team name is kept only when it leads to a web page', () => {
    const reply = renderTeams({
      ...result,
      standard: {
        ...result.standard!,
        title: released('Reset it [here](javascript:alert(1))'),
        byline: released('Answered by [IT](file:///etc/passwd) on December 5, 2026'),
      },
    });
    const message = reply.messages[reply.messages.length - 1]! as {
      attachments?: { content: { body: Record<string, unknown>[] } }[];
    };
    const texts = message.attachments![0]!.content.body.map((b) => b['text']);
    expect(texts).toContain('Reset it here');
    expect(texts).toContain('Answered by IT on December 5, 2026');
    expect(JSON.stringify(texts)).not.toMatch(/javascript:|file:/);
  });

  it('chat page: the title and byline travel with the answer', () => {
    expect(publicAnswer(result)).toMatchObject({
      standard: { title: 'Resetting the VPN password', byline: 'Answered by IT on December 5, 2026' },
    });
    expect(publicAnswer({ ...result, standard: undefined })).not.toHaveProperty('standard');
  });
});
