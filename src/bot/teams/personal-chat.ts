import { type Activity, type ChannelAccount, type ConversationReference, TurnContext } from 'botbuilder';
import { describeError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { TeamsCloudAdapter } from './teams-cloud-adapter.js';

/**
 * A person's 1:1 chat with PolyDesk, named but not yet opened: what a private summary stores as its
 * delivery so that the chat is created only when something is sent there (a late or approved
 * summary), not on every use of the message action. It has no `conversation`, so nothing that takes
 * a conversation reference can mistake it for the chat the summary was asked in.
 */
export interface PersonalChatTarget {
  readonly personalChat: {
    readonly serviceUrl: string;
    readonly channelId: string;
    readonly bot: ChannelAccount;
    readonly user: ChannelAccount;
    readonly tenantId: string | undefined;
  };
}

/** The requester's 1:1 chat with PolyDesk, as the activity names them. */
export function personalChatOf(activity: Activity): PersonalChatTarget {
  const tenantId =
    activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } })?.tenant?.id;
  return {
    personalChat: {
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId,
      bot: activity.recipient,
      user: { id: activity.from.id, name: activity.from.name, aadObjectId: activity.from.aadObjectId },
      tenantId,
    },
  };
}

export function isPersonalChatTarget(value: unknown): value is PersonalChatTarget {
  const chat = (value as Partial<PersonalChatTarget> | null | undefined)?.personalChat;
  return (
    typeof chat?.serviceUrl === 'string' &&
    typeof chat.channelId === 'string' &&
    typeof chat.bot?.id === 'string' &&
    typeof chat.user?.id === 'string'
  );
}

/** Opens (or finds: Teams keeps one per person) the 1:1 chat; undefined when Teams refuses. */
export async function openPersonalChat(
  adapter: TeamsCloudAdapter,
  botAppId: string,
  target: PersonalChatTarget,
  logger: Logger,
): Promise<ConversationReference | undefined> {
  const { serviceUrl, channelId, bot, user, tenantId } = target.personalChat;
  let reference: ConversationReference | undefined;
  try {
    await adapter.createConversationAsync(
      botAppId,
      channelId,
      serviceUrl,
      'https://api.botframework.com',
      {
        isGroup: false,
        bot,
        members: [user],
        tenantId,
        channelData: { tenant: { id: tenantId } },
        activity: undefined as unknown as Activity,
      },
      async (turn) => {
        reference = TurnContext.getConversationReference(turn.activity) as ConversationReference;
      },
    );
  } catch (error) {
    logger('warn', 'teams.personal_chat_failed', { error: describeError(error) });
  }
  return reference;
}
