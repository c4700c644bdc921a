import type { ConversationLog } from '../answer/ports.js';
import type { Store } from '../store/store.js';

/** Follow-ups see the turns of the last 30 minutes, at most 4 questions and their answers. */
const HISTORY_WINDOW_MS = 30 * 60_000;
const HISTORY_QUESTIONS = 4;

/** A conversation's earlier turns, read back from the recorded questions (shared by every replica). */
export function conversationLog(store: Store): ConversationLog {
  return {
    recent: (place) =>
      store.questions.recentTurns(place, { sinceMs: HISTORY_WINDOW_MS, limit: HISTORY_QUESTIONS }),
  };
}
