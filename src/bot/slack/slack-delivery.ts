import type {
  ApprovedDelivery,
  DeliveryChannel,
  RecoveredDelivery,
  RejectedDelivery,
} from '../../answer/ports.js';
import { notice } from '../../answer/ports.js';
import type { SlackDelivery } from './answer-message.js';
import {
  BLOCKS_MAX,
  type Block,
  renderAnswer,
  renderNotice,
  renderResult,
  type SlackMessage,
  withBlocks,
  withPlainFeedbackButtons,
} from './slack-blocks.js';
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
    async deliverRejected(delivery: RejectedDelivery) {
      await send(delivery, [renderNotice(notice(delivery.language, 'rejected'))]);
      context.logger('info', 'slack.held_answer_rejected', { reviewId: delivery.reviewId });
    },
    async deliverRecovered(delivery: RecoveredDelivery) {
      const { questionId } = delivery.result;
      if (await alreadyAnswered(context, delivery, questionId)) {
        context.logger('info', 'slack.recovered_already_answered', { questionId });
        return 'already_answered';
      }
      await send(delivery, renderResult(delivery.result).messages);
      context.logger('info', 'slack.recovered_answer_delivered', { questionId });
      return 'delivered';
    },
  };
}

/**
 * True when the thread (or, for a top-level DM, the conversation after the question) already holds
 * PolyDesk's answer to this question — its feedback buttons carry the question id — because the
 * worker that died got as far as posting it. Unknowable for private /ask answers: false.
 */
async function alreadyAnswered(
  context: SlackContext,
  target: RecoveredDelivery,
  questionId: string,
): Promise<boolean> {
  const stored = (target.delivery ?? {}) as Partial<SlackDelivery>;
  const channel = stored.channel ?? target.channelId;
  const threadTs = stored.thread_ts ?? target.threadId;
  if (!channel || stored.ephemeral_user || (!threadTs && !stored.ts)) return false;
  const bot = context.bot();
  try {
    const page = threadTs
      ? await context.api.conversations.replies({ channel, ts: threadTs, limit: 200 })
      : await context.api.conversations.history({ channel, oldest: stored.ts, limit: 200 });
    return (page.messages ?? []).some(
      (m) =>
        (m.user === bot.userId || m.bot_id === bot.botId) &&
        JSON.stringify(m.blocks ?? []).includes(`:${questionId}"`),
    );
  } catch (error) {
    context.logger('warn', 'slack.recovery_check_failed', { error: describeSlackError(error) });
    return false;
  }
}
