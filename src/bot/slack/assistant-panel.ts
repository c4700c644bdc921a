import { Assistant } from '@slack/bolt';
import { notice } from '../../answer/ports.js';
import { answerMessage } from './answer-message.js';
import { arrivalOf } from './events-receiver.js';
import type { SlackContext } from './slack-context.js';
import { claimOnce } from './slack-context.js';
import { describeSlackError } from './slack-errors.js';
import { questionFromMessage, type SlackMessageEvent } from './slack-events.js';
import { localeLanguage } from './slack-people.js';

const SUGGESTED_PROMPTS = 4;

/**
 * The side panel of workspaces with Agents & AI Apps: a greeting and the most asked questions as
 * suggested prompts in the user's language when a thread opens; every message goes through the
 * same flow as a DM, and the first question titles the thread.
 */
export function createAssistantPanel(context: SlackContext): Assistant {
  return new Assistant({
    threadStarted: async ({ event, body }) => {
      const thread = event.assistant_thread;
      if (!(await claimOnce(context, { eventId: (body as { event_id?: string }).event_id }))) return;
      const profile = await context.people.profile(thread.user_id);
      const language = localeLanguage(profile.locale) ?? 'en';
      await context.api.chat.postMessage({
        channel: thread.channel_id,
        thread_ts: thread.thread_ts,
        text: notice(language, 'greeting'),
      });
      const popular = await context.popularQuestions?.(language, SUGGESTED_PROMPTS).catch(() => []);
      if (!popular?.length) return;
      try {
        await context.api.assistant.threads.setSuggestedPrompts({
          channel_id: thread.channel_id,
          thread_ts: thread.thread_ts,
          prompts: popular.map((q) => ({ title: q.length > 75 ? `${q.slice(0, 74)}…` : q, message: q })),
        });
      } catch (error) {
        context.logger('warn', 'slack.suggested_prompts_failed', { error: describeSlackError(error) });
      }
    },
    // PolyDesk keeps no per-thread context: the channel the user looks at does not change the answer.
    threadContextChanged: async () => {},
    userMessage: async ({ message, body, setTitle, context: boltContext }) => {
      const arrived = arrivalOf(boltContext);
      const question = questionFromMessage(
        message as SlackMessageEvent,
        body as { event_id?: string },
        context.bot(),
      );
      if (question) {
        await answerMessage(context, {
          ...question,
          kind: 'dm',
          onlyIfBotInThread: false,
          onFirstQuestion: (text) => setTitle(text.length > 80 ? `${text.slice(0, 79)}…` : text),
          arrived,
        });
      }
      arrived();
    },
  });
}
