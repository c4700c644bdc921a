import type { RespondFn } from '@slack/bolt';
import { notice } from '../../answer/ports.js';
import type { AnswerResult, IncomingQuestion, Principal } from '../../core/types.js';
import { askSlackSafely, type SlackDelivery } from './answer-message.js';
import { handOffButtons } from './hand-off-actions.js';
import { type Block, renderResult } from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import { localeLanguage } from './slack-people.js';
import { escapeMrkdwn, fromSlackText } from './slack-text.js';
import { LRUCache } from 'lru-cache';
import { summaryIntent } from '../../answer/summary-intent.js';
import { summarizeDocumentClick } from './document-summary.js';

/** The fields of a slash command payload PolyDesk reads. */
export interface AskCommandPayload {
  readonly user_id: string;
  readonly channel_id: string;
  readonly channel_name?: string;
  readonly team_id?: string;
  readonly text: string;
}

interface AskedAnswer {
  readonly question: string;
  readonly user: string;
  readonly result: AnswerResult;
}

/** Slack keeps a response_url usable for 30 minutes; the share button lives as long. */
const SHARE_TTL_MS = 30 * 60_000;
const SHARE_QUESTION_CHARS = 1_500;

/**
 * `/ask question`: an answer only the asker sees (through the command's response_url), with a
 * button that shares it in the channel. Where the channel's members are known the answer is written
 * for all of them, so sharing it never shows a member something they may not read; where they are
 * not (a DM, a channel without PolyDesk) it is written for the asker alone and cannot be shared.
 */
export class AskCommand {
  private readonly recent = new LRUCache<string, AskedAnswer>({ max: 1_000, ttl: SHARE_TTL_MS });

  constructor(private readonly context: SlackContext) {}

  async command(payload: AskCommandPayload, respond: RespondFn): Promise<void> {
    const { context } = this;
    const profile = await context.people.profile(payload.user_id);
    const language = localeLanguage(profile.locale) ?? 'en';
    const text = fromSlackText(payload.text, context.bot().userId);
    if (!text) {
      await respond({ response_type: 'ephemeral', text: notice(language, 'greeting') });
      return;
    }
    // `/ask summarise <document>`: its summary, for the asker alone like every /ask answer.
    const intent = context.summaries ? summaryIntent(text) : undefined;
    if (intent) {
      await respond({ response_type: 'ephemeral', text: notice(intent.language, 'summary.working') });
      await summarizeDocumentClick(
        context,
        {
          user: payload.user_id,
          channel: payload.channel_id,
          source: intent.target,
          language: intent.language,
        },
        respond,
      );
      return;
    }
    await respond({ response_type: 'ephemeral', text: notice(language, 'searching') });
    const asker = await context.people.principal(payload.user_id);
    const members = await this.members(payload);
    const result = await this.ask(text, asker, payload, members, language);
    // Another replica took the question over (this one looked dead): its recovery sends the answer
    // to the asker alone (postEphemeral, else a DM: slack-delivery.ts), so nothing more from here.
    if (result.superseded) return;
    const shareable = members !== undefined && result.status === 'answered';
    if (shareable) this.recent.set(result.questionId, { question: text, user: payload.user_id, result });
    const share = shareable
      ? JSON.stringify({ id: result.questionId, q: text.slice(0, SHARE_QUESTION_CHARS) })
      : undefined;
    const buttons = await handOffButtons(context, result, asker.email);
    const [first, ...rest] = renderResult(result, { share, ...buttons }).messages;
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: first!.text,
      blocks: [...first!.blocks],
    });
    for (const message of rest)
      await respond({ response_type: 'ephemeral', text: message.text, blocks: [...message.blocks] });
  }

  /** The share button: posts the answer in the channel for everyone and removes the private copy. */
  async share(value: string | undefined, user: string, channel: string, respond: RespondFn): Promise<void> {
    const { id, q } = parseShareValue(value);
    if (!id) return;
    let asked = this.recent.get(id);
    if (!asked && q) {
      // Another replica (or a restart) answered the command: ask again, for the channel's readers.
      const members = await this.members({ user_id: user, channel_id: channel, text: q });
      if (members) {
        const asker = await this.context.people.principal(user);
        asked = {
          question: q,
          user,
          result: await this.ask(q, asker, { user_id: user, channel_id: channel, text: q }, members, 'en'),
        };
      }
    }
    // Superseded: the other replica answers the asker privately, not in the channel; share failed.
    if (asked?.result.status !== 'answered' || asked.result.superseded) {
      const language = localeLanguage((await this.context.people.profile(user)).locale) ?? 'en';
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: notice(language, 'failed'),
      });
      return;
    }
    const messages = renderResult(asked.result).messages;
    const attribution: Block = {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `<@${asked.user}>: ${escapeMrkdwn(asked.question).slice(0, 2_900)}` },
      ],
    };
    for (const [i, message] of messages.entries()) {
      const blocks = i === 0 ? [attribution, ...message.blocks].slice(0, 50) : [...message.blocks];
      await respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks });
    }
    this.recent.delete(id);
    await respond({ delete_original: true });
  }

  /** The channel's readers, or undefined where they cannot be known (DMs, channels PolyDesk is not in). */
  private async members(payload: AskCommandPayload): Promise<readonly Principal[] | undefined> {
    if (payload.channel_id.startsWith('D') || payload.channel_name === 'directmessage') return undefined;
    try {
      return await this.context.people.channelReaders(payload.channel_id);
    } catch (error) {
      this.context.logger('info', 'slack.ask_private_only', {
        channel: payload.channel_id,
        error: describeSlackError(error),
      });
      return undefined;
    }
  }

  private async ask(
    text: string,
    asker: Principal,
    payload: AskCommandPayload,
    members: readonly Principal[] | undefined,
    language: string,
  ): Promise<AnswerResult> {
    const readers = members
      ? members.some((m) => m.email === asker.email)
        ? members
        : [asker, ...members]
      : [asker];
    const delivery: SlackDelivery = {
      channel: payload.channel_id,
      team: payload.team_id,
      ephemeral_user: payload.user_id,
    };
    const question: IncomingQuestion = {
      text,
      asker,
      place: {
        platform: 'slack',
        kind: members ? 'channel' : 'dm',
        channelId: payload.channel_id,
        readers,
        delivery,
      },
      history: [],
    };
    return askSlackSafely(this.context, question, undefined, () => language);
  }
}

function parseShareValue(value: string | undefined): { id?: string; q?: string } {
  try {
    const parsed = JSON.parse(value ?? '') as { id?: unknown; q?: unknown };
    return {
      id: typeof parsed.id === 'string' ? parsed.id : undefined,
      q: typeof parsed.q === 'string' ? parsed.q : undefined,
    };
  } catch {
    return {};
  }
}
