import type {
  ApprovedDelivery,
  DeliveryChannel,
  FollowUpDelivery,
  RecoveredDelivery,
  RejectedDelivery,
} from '../../answer/ports.js';
import { notice } from '../../answer/ports.js';
import type { SlackDelivery } from './answer-message.js';
import {
  BLOCKS_MAX,
  type Block,
  renderAnswer,
  renderFollowUp,
  renderNotice,
  renderResult,
  type SlackMessage,
  withBlocks,
  withPlainFeedbackButtons,
} from './slack-blocks.js';
import { handOffButtons } from './hand-off-actions.js';
import type { SlackContext } from './slack-context.js';
import { describeSlackError, slackErrorCode } from './slack-errors.js';
import { escapeMrkdwn } from './slack-text.js';

/**
 * How a reviewer's decision on a held answer reaches Slack: the approved answer is posted into the
 * thread where it was asked (to the asker alone for /ask), a rejection as a short notice.
 */
export function createSlackDelivery(context: SlackContext): DeliveryChannel {
  async function send(
    target: { delivery?: unknown; channelId?: string | undefined; threadId?: string | undefined },
    messages: readonly SlackMessage[],
  ) {
    const stored = (target.delivery ?? {}) as Partial<SlackDelivery>;
    const channel = stored.channel ?? target.channelId;
    if (!channel) throw new Error('the held answer has no Slack channel to deliver to');
    const threadTs = stored.thread_ts ?? target.threadId;
    for (const message of messages) {
      const post = async (blocks: SlackMessage['blocks']) => {
        if (!stored.ephemeral_user) {
          await context.api.chat.postMessage({
            channel,
            thread_ts: threadTs,
            text: message.text,
            blocks: [...blocks],
          });
          return;
        }
        try {
          await context.api.chat.postEphemeral({
            channel,
            user: stored.ephemeral_user,
            text: message.text,
            blocks: [...blocks],
          });
        } catch {
          // The asker used /ask where PolyDesk cannot post: send it to them directly instead.
          const dm = await context.api.conversations.open({ users: stored.ephemeral_user });
          await context.api.chat.postMessage({
            channel: dm.channel!.id!,
            text: message.text,
            blocks: [...blocks],
          });
        }
      };
      try {
        await post(message.blocks);
      } catch (error) {
        if (slackErrorCode(error) !== 'invalid_blocks') throw error;
        await post(withPlainFeedbackButtons(message.blocks));
      }
    }
  }

  return {
    platform: 'slack',
    async deliverApproved(delivery: ApprovedDelivery) {
      const messages = renderAnswer({
        questionId: delivery.questionId,
        text: delivery.text,
        language: delivery.language,
        citations: delivery.citations,
        extractive: false,
      });
      const [first, ...rest] = messages;
      const header: Block = {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: escapeMrkdwn(notice(delivery.language, 'approved')) }],
      };
      await send(delivery, [
        withBlocks(first!, (blocks) => [header, ...blocks].slice(0, BLOCKS_MAX)),
        ...rest,
      ]);
      context.logger('info', 'slack.held_answer_delivered', { reviewId: delivery.reviewId });
    },
    async deliverFollowUp(delivery: FollowUpDelivery) {
      await send(delivery, renderFollowUp(delivery.text, delivery.language, delivery.citations ?? []));
      context.logger('info', 'slack.follow_up_delivered', { questionId: delivery.questionId });
    },
    async deliverRejected(delivery: RejectedDelivery) {
      await send(delivery, [renderNotice(notice(delivery.language, 'rejected'))]);
      context.logger('info', 'slack.held_answer_rejected', { reviewId: delivery.reviewId });
    },
    async deliverRecovered(delivery: RecoveredDelivery) {
      const { questionId } = delivery.result;
      const earlier = await earlierReply(context, delivery, questionId);
      if (earlier.state === 'answered') {
        context.logger('info', 'slack.recovered_already_answered', { questionId });
        return 'already_answered';
      }
      const buttons = await handOffButtons(context, delivery.result, delivery.asker);
      const messages = renderResult(delivery.result, buttons).messages;
      if (earlier.state === 'unfinished' && (await finishInPlace(context, earlier, messages))) {
        context.logger('info', 'slack.recovered_answer_delivered', { questionId, replaced: true });
        return 'delivered';
      }
      await send(delivery, messages);
      context.logger('info', 'slack.recovered_answer_delivered', { questionId });
      return 'delivered';
    },
  };
}

/**
 * What the worker that died left for this question: its answer (the feedback buttons carry the
 * question id), an unfinished reply (a stream it started or a placeholder it posted — the first
 * PolyDesk message after the question, before anyone wrote again), or nothing. Unknowable for
 * private /ask answers: nothing.
 */
type EarlierReply =
  | { readonly state: 'answered' | 'none' }
  | { readonly state: 'unfinished'; readonly channel: string; readonly ts: string };

async function earlierReply(
  context: SlackContext,
  target: RecoveredDelivery,
  questionId: string,
): Promise<EarlierReply> {
  const stored = (target.delivery ?? {}) as Partial<SlackDelivery>;
  const channel = stored.channel ?? target.channelId;
  const threadTs = stored.thread_ts ?? target.threadId;
  if (!channel || stored.ephemeral_user || (!threadTs && !stored.ts)) return { state: 'none' };
  const bot = context.bot();
  try {
    const page = threadTs
      ? await context.api.conversations.replies({ channel, ts: threadTs, limit: 200 })
      : await context.api.conversations.history({ channel, oldest: stored.ts, limit: 200 });
    const messages = [...(page.messages ?? [])].sort((a, b) => Number(a.ts) - Number(b.ts));
    const ours = (m: (typeof messages)[number]) => m.user === bot.userId || m.bot_id === bot.botId;
    if (messages.some((m) => ours(m) && JSON.stringify(m.blocks ?? []).includes(`:${questionId}"`)))
      return { state: 'answered' };
    if (!stored.ts) return { state: 'none' };
    const next = messages.find((m) => Number(m.ts) > Number(stored.ts));
    const carriesAnswer = JSON.stringify(next?.blocks ?? []).includes('"action_id"');
    return next?.ts && ours(next) && !carriesAnswer
      ? { state: 'unfinished', channel, ts: next.ts }
      : { state: 'none' };
  } catch (error) {
    context.logger('warn', 'slack.recovery_check_failed', { error: describeSlackError(error) });
    return { state: 'none' };
  }
}

/**
 * Puts the recovered answer into the reply the dead worker left unfinished, so that the thread
 * holds one answer, not a half one and a whole one: its stream is stopped (it may be open still),
 * then the message is replaced. False when Slack refuses the edit (the answer is then posted).
 */
async function finishInPlace(
  context: SlackContext,
  earlier: { readonly channel: string; readonly ts: string },
  messages: readonly SlackMessage[],
): Promise<boolean> {
  const [first, ...rest] = messages;
  if (!first || rest.length > 0) return false;
  await context.api.chat.stopStream({ channel: earlier.channel, ts: earlier.ts }).catch(() => undefined);
  const update = (blocks: SlackMessage['blocks']) =>
    context.api.chat.update({
      channel: earlier.channel,
      ts: earlier.ts,
      text: first.text,
      blocks: [...blocks],
    });
  try {
    try {
      await update(first.blocks);
    } catch (error) {
      if (slackErrorCode(error) !== 'invalid_blocks') throw error;
      await update(withPlainFeedbackButtons(first.blocks));
    }
    return true;
  } catch (error) {
    context.logger('warn', 'slack.recovery_replace_failed', { error: describeSlackError(error) });
    return false;
  }
}
