import { type ConversationReference, TurnContext } from 'botbuilder';
import { notice } from '../../answer/ports.js';
import { PolyDeskError } from '../../core/errors.js';
import { EVERYONE } from '../../core/access.js';
import { ANY_MEMBER, type ExpertChannel } from '../../helpdesk/escalations.js';
import type { ExpertRoute } from '../../helpdesk/expert-routes.js';
import { type OutgoingMessage, renderHandOff, renderReplyConfirmation } from './answer-card.js';
import type { TeamsCloudAdapter } from './teams-cloud-adapter.js';
import type { TeamsContext } from './teams-context.js';
import { post } from './teams-reply.js';

/**
 * The expert side of Teams: a hand-off is a new post in the route's channel (a proactive message to
 * the channel's conversation, which Teams makes the root of a thread), the experts' replies come in
 * that thread. A bot cannot list a channel's readers outside a turn of it, so they are what the
 * operator states in the route's `teams.readers`: a member of each group named there (by default
 * `all`: someone with the default groups only, who sees only what everyone may see).
 */
export function createTeamsExpertChannel(
  adapter: TeamsCloudAdapter,
  context: TeamsContext,
  botId: string,
): ExpertChannel {
  const reference = (route: ExpertRoute, thread?: string): Partial<ConversationReference> => {
    const teams = route.teams;
    if (!teams) throw new PolyDeskError('PLATFORM_API_FAILED', `route ${route.name} has no Teams channel`);
    return {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      bot: { id: botId, name: 'PolyDesk' },
      conversation: {
        id: thread ? `${teams.channel};messageid=${thread}` : teams.channel,
        isGroup: true,
        conversationType: 'channel',
        tenantId: teams.tenantId,
        name: '',
      },
      ...(thread ? { activityId: thread } : {}),
    };
  };
  /** Posts into the channel (a new thread) or a thread of it; the id Teams gave the message. */
  const send = async (route: ExpertRoute, message: OutgoingMessage, thread?: string) => {
    const activity = TurnContext.applyConversationReference(
      { type: 'message' },
      reference(route, thread),
      true,
    );
    let id: string | undefined;
    await adapter.resume(activity, async (turn) => {
      id = (await post(turn, message, context))?.id;
    });
    return id;
  };

  return {
    platform: 'teams',
    async readers(route) {
      const groups = route.teams?.readers ?? [EVERYONE];
      return groups.map((group) =>
        group === EVERYONE ? ANY_MEMBER : { email: `teams:member-of:${group}`, groups: [EVERYONE, group] },
      );
    },
    async post(route, message) {
      const id = await send(route, renderHandOff(message));
      if (!id) throw new PolyDeskError('PLATFORM_API_FAILED', 'Teams gave the hand-off message no id');
      return { channel: route.teams!.channel, thread: id };
    },
    async askerReaders(place, asker) {
      // The roster of a chat or team can only be read in a turn of it: its other members are unknown.
      return place.placeKind === 'channel' ? [asker, ANY_MEMBER] : [asker];
    },
    async confirmReply(route, escalation, _replyId, outcome, save) {
      if (!escalation.expertThread) return;
      const said = notice(route.language, outcome === 'relayed' ? 'handoff.relayed' : 'handoff.relayHeld');
      // A held reply gets no form: only what reached the asker may become a standard answer.
      await send(
        route,
        renderReplyConfirmation(said, outcome === 'relayed' ? save : undefined),
        escalation.expertThread,
      );
    },
  };
}
