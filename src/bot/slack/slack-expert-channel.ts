import { describeError, PolyDeskError } from '../../core/errors.js';
import type { Principal } from '../../core/types.js';
import { ANY_MEMBER, type AskerPlace, type ExpertChannel } from '../../helpdesk/escalations.js';
import { channelAudience, type SlackDelivery } from './answer-message.js';
import { renderHandOff } from './slack-blocks.js';
import type { SlackContext } from './slack-context.js';

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
      if (!channel) return [ANY_MEMBER];
      try {
        const members = await context.people.channelReaders(channel);
        return members.length > 0 ? members : [ANY_MEMBER];
      } catch (error) {
        context.logger('warn', 'slack.expert_members_unavailable', { channel, error: describeError(error) });
        return [ANY_MEMBER];
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
      return channel ? channelAudience(context, channel, asker) : [asker, ANY_MEMBER];
    },
  };
}
