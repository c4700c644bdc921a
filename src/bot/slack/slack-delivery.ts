import type { ApprovedDelivery, DeliveryChannel, RejectedDelivery } from '../../answer/ports.js';
import { t } from '../../core/i18n.js';
import type { SlackDelivery } from './answer-message.js';
import {
  BLOCKS_MAX,
  type Block,
  renderAnswer,
  renderNotice,
  type SlackMessage,
  withPlainFeedbackButtons,
} from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';
import { slackErrorCode } from './slack-errors.js';
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
        elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t(delivery.language, 'approved')) }],
      };
      await send(delivery, [
        { text: first!.text, blocks: [header, ...first!.blocks].slice(0, BLOCKS_MAX) },
        ...rest,
      ]);
      context.logger('info', 'slack.held_answer_delivered', { reviewId: delivery.reviewId });
    },
    async deliverRejected(delivery: RejectedDelivery) {
      await send(delivery, [renderNotice(t(delivery.language, 'rejected'))]);
      context.logger('info', 'slack.held_answer_rejected', { reviewId: delivery.reviewId });
    },
  };
}
