import { type ConversationReference, TurnContext } from 'botbuilder';
import type {
  ApprovedDelivery,
  DeliveryChannel,
  FollowUpDelivery,
  RecoveredDelivery,
  RejectedDelivery,
} from '../../answer/ports.js';
import { PolyDeskError } from '../../core/errors.js';
import { notice } from '../../answer/ports.js';
import {
  type OutgoingMessage,
  renderAnswer,
  renderFollowUp,
  renderNotice,
  renderResult,
} from './answer-card.js';
import { handOffButtons } from './hand-off-actions.js';
import { isPersonalChatTarget, openPersonalChat } from './personal-chat.js';
import type { TeamsCloudAdapter } from './teams-cloud-adapter.js';
import type { TeamsContext } from './teams-context.js';
import { post } from './teams-reply.js';

/**
 * How a reviewer's decision on a held answer reaches Teams: a proactive turn in the conversation
 * reference stored with the question (`Place.delivery`), replying to the question, so that in a
 * channel it lands in the question's thread. Approved answers come as a card, rejections as a notice.
 */
export function createTeamsDelivery(
  adapter: TeamsCloudAdapter,
  context: TeamsContext,
  botAppId = '',
): DeliveryChannel {
  async function deliver(delivery: unknown, messages: readonly OutgoingMessage[]): Promise<void> {
    // A private summary names the requester's 1:1 chat with PolyDesk, opened only now.
    const opened = isPersonalChatTarget(delivery)
      ? await openPersonalChat(adapter, botAppId, delivery, context.logger)
      : delivery;
    const reference = storedReference(opened);
    const activity = TurnContext.applyConversationReference({ type: 'message' }, reference, true);
    await adapter.resume(activity, async (turn) => {
      for (const message of messages) await post(turn, message, context);
    });
  }

  return {
    platform: 'teams',
    async deliverApproved(delivery: ApprovedDelivery) {
      const { messages } = renderAnswer({
        questionId: delivery.questionId,
        text: delivery.text,
        language: delivery.language,
        citations: delivery.citations,
        extractive: false,
        heading: notice(delivery.language, 'approved'),
      });
      await deliver(delivery.delivery, messages);
      context.logger('info', 'teams.held_answer_delivered', { reviewId: delivery.reviewId });
    },
    async deliverFollowUp(delivery: FollowUpDelivery) {
      await deliver(
        delivery.delivery,
        renderFollowUp(delivery.text, delivery.language, delivery.citations ?? []),
      );
      context.logger('info', 'teams.follow_up_delivered', { questionId: delivery.questionId });
    },
    async deliverRejected(delivery: RejectedDelivery) {
      await deliver(delivery.delivery, [renderNotice(notice(delivery.language, 'rejected'))]);
      context.logger('info', 'teams.held_answer_rejected', { reviewId: delivery.reviewId });
    },
    /** Teams offers a bot no way to read back its replies: a recovered answer is always posted. */
    async deliverRecovered(delivery: RecoveredDelivery) {
      const buttons = await handOffButtons(context, delivery.result, delivery.asker);
      await deliver(delivery.delivery, renderResult(delivery.result, buttons).messages);
      context.logger('info', 'teams.recovered_answer_delivered', { questionId: delivery.result.questionId });
      return 'delivered' as const;
    },
  };
}

/** The conversation reference saved with the question, checked for what a proactive turn needs. */
function storedReference(delivery: unknown): ConversationReference {
  const r = delivery as Partial<ConversationReference> | null | undefined;
  if (
    typeof r?.serviceUrl !== 'string' ||
    typeof r.channelId !== 'string' ||
    typeof r.conversation?.id !== 'string' ||
    typeof r.bot?.id !== 'string'
  ) {
    throw new PolyDeskError(
      'PLATFORM_API_FAILED',
      'the held answer has no Teams conversation reference to deliver to',
    );
  }
  return r as ConversationReference;
}
