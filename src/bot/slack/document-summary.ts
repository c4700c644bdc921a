import type { RespondFn } from '@slack/bolt';
import { notice } from '../../answer/ports.js';
import type { SummaryIntent } from '../../answer/summary-intent.js';
import type { SummaryResult } from '../../answer/summary-ports.js';
import { describeError } from '../../core/errors.js';
import { ThrottledProgress } from '../summary-progress.js';
import type { Principal } from '../../core/types.js';
import { type ChatMessage, type SlackDelivery, channelAudience } from './answer-message.js';
import { type SlackMessage, TEXT_MAX, renderFollowUp, renderNotice } from './slack-blocks.js';
import { type SlackContext, claimOnce } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import { localeLanguage } from './slack-people.js';
import { escapeMrkdwn, toMrkdwn } from './slack-text.js';

export { SUMMARIZE_DOCUMENT_ACTION } from './slack-blocks.js';

/** The summary with its sources, or the notice standing for another outcome (a did-you-mean included). */
function rendered(result: SummaryResult): SlackMessage {
  if (result.status !== 'answered' && result.status !== 'not_found') return renderNotice(result.text);
  return renderFollowUp(result.text, result.language, result.citations.slice(0, 20))[0]!;
}

/**
 * "Summarise <document>" in a DM or a mention: the summary of a document every reader of the
 * conversation may read (in a channel, every member), posted in the thread the request was made in.
 * A document some reader may not see is "not found", without its name.
 */
export async function summarizeDocumentMessage(
  context: SlackContext,
  message: ChatMessage,
  intent: SummaryIntent,
  arrived: () => void,
): Promise<void> {
  const first = await claimOnce(context, message); // its event id and the message itself
  arrived();
  if (!first || !context.summaries) return;
  const requester = await context.people.principal(message.user);
  const readers: readonly Principal[] =
    message.kind === 'dm' ? [requester] : await channelAudience(context, message.channel, requester);
  const threadTs = message.replyThreadTs;
  const delivery: SlackDelivery = {
    channel: message.channel,
    thread_ts: threadTs,
    team: message.teamId,
    ts: message.ts,
  };
  const post = (reply: SlackMessage) =>
    context.api.chat.postMessage({
      channel: message.channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: reply.text,
      blocks: [...reply.blocks],
    });
  let status: { ts?: string | undefined } | undefined;
  let progress: ThrottledProgress | undefined;
  try {
    // Text alone, as the edits that follow: "Summarising…", then "Reading section 3 of 12…" and the
    // model's text so far (a model's summary only), then the summary's blocks.
    status = await context.api.chat.postMessage({
      channel: message.channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: escapeMrkdwn(notice(intent.language, 'summary.working')),
    });
    const ts = status.ts;
    progress = ts
      ? new ThrottledProgress(
          (shown) =>
            context.api.chat.update({
              channel: message.channel,
              ts,
              // Inline, so that the one-gate check sees checked text presented, not a plain string.
              text:
                shown.kind === 'status' ? escapeMrkdwn(shown.text) : toMrkdwn(shown.text).slice(0, TEXT_MAX),
            }),
          {
            intervalMs: context.editIntervalMs,
            failed: (error) =>
              context.logger('debug', 'slack.summary_progress_failed', { error: describeSlackError(error) }),
          },
        )
      : undefined;
    const result = await context.summaries.summarizeDocument({
      document: intent.target,
      requester,
      readers,
      platform: 'slack',
      language: intent.language,
      place: { kind: message.kind, channelId: message.channel, threadId: threadTs, delivery },
      eventId: message.eventId,
      signal: context.signal,
      onProgress: progress?.onProgress,
    });
    await progress?.finish();
    const reply = rendered(result);
    if (status?.ts)
      await context.api.chat.update({
        channel: message.channel,
        ts: status.ts,
        text: reply.text,
        blocks: [...reply.blocks],
      });
    else await post(reply);
  } catch (error) {
    await progress?.finish();
    context.logger('error', 'slack.document_summary_failed', { error: describeSlackError(error) });
    const sorry = renderNotice(notice(intent.language, 'failed'));
    await (status?.ts
      ? context.api.chat.update({
          channel: message.channel,
          ts: status.ts,
          text: sorry.text,
          blocks: [...sorry.blocks],
        })
      : post(sorry)
    ).catch(() => {});
  }
}

/**
 * The "Summarise [n]" button under an answer, or `/ask summarise <document>`: the summary for whoever
 * asked, shown to them alone (through the response_url), so that readers: them.
 */
export async function summarizeDocumentClick(
  context: SlackContext,
  click: {
    readonly user: string;
    readonly channel: string | undefined;
    readonly source: string;
    /** The language the request was written in (`/ask`); else the person's locale. */
    readonly language?: string | undefined;
  },
  respond: RespondFn,
): Promise<void> {
  if (!context.summaries) return;
  const requester = await context.people.principal(click.user);
  const language = click.language ?? localeLanguage(requester.locale) ?? 'en';
  try {
    const result = await context.summaries.summarizeDocument({
      document: click.source,
      requester,
      readers: [requester],
      platform: 'slack',
      language,
      place: {
        kind: 'dm',
        channelId: click.channel,
        delivery: click.channel
          ? ({ channel: click.channel, ephemeral_user: click.user } satisfies SlackDelivery)
          : undefined,
      },
      signal: context.signal,
    });
    const reply = rendered(result);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: reply.text,
      blocks: [...reply.blocks],
    });
  } catch (error) {
    context.logger('error', 'slack.document_summary_failed', { error: describeError(error) });
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: notice(language, 'failed'),
    }).catch(() => {});
  }
}
