import { describeError, PolyDeskError } from '../../core/errors.js';
import type { Principal } from '../../core/types.js';
import type { AskerPlace, ExpertChannel } from '../../helpdesk/escalations.js';
import { channelAudience, type SlackDelivery } from './answer-message.js';
import { renderHandOff } from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';

/** Someone in a channel Slack will not list: only what everyone may read is shown to them. */
const UNKNOWN_MEMBER: Principal = Object.freeze({
  email: 'slack:unknown-member',
  groups: Object.freeze(['all']),
});

/**
 * The expert side of Slack: hand-off messages go to the route's channel, and what they may show is
 * decided for the channel's members (when Slack will not list them, for someone with the default
 * groups only, as answers in channels are).
 */
export function createSlackExpertChannel(context: SlackContext): ExpertChannel {
  return {
    platform: 'slack',
    async readers(route) {
      const channel = route.slack?.channel;
      if (!channel) return [UNKNOWN_MEMBER];
      try {
        const members = await context.people.channelReaders(channel);
        return members.length > 0 ? members : [UNKNOWN_MEMBER];
      } catch (error) {
        context.logger('warn', 'slack.expert_members_unavailable', { channel, error: describeError(error) });
        return [UNKNOWN_MEMBER];
      }
    },
    async post(route, message) {
      const channel = route.slack?.channel;
      if (!channel)
        throw new PolyDeskError('PLATFORM_API_FAILED', `route ${route.name} has no Slack channel`);
      const rendered = renderHandOff(message);
      const posted = await context.api.chat.postMessage({
        channel,
        text: rendered.text,
        blocks: [...rendered.blocks],
      });
      if (!posted.ts) throw new PolyDeskError('PLATFORM_API_FAILED', 'Slack gave the hand-off message no ts');
      return { channel: posted.channel ?? channel, thread: posted.ts };
    },
    async askerReaders(place: AskerPlace, asker: Principal) {
      const stored = (place.delivery ?? {}) as Partial<SlackDelivery>;
      // An /ask answer was the asker's alone; so is what follows it.
      if (stored.ephemeral_user || place.placeKind !== 'channel') return [asker];
      const channel = stored.channel ?? place.channelId;
      return channel ? channelAudience(context, channel, asker) : [asker, UNKNOWN_MEMBER];
    },
  };
}
