import type { Turn } from '../../core/types.js';
import { TtlCache } from '../slack/ttl-cache.js';

/**
 * The recent turns of each Teams conversation (a 1:1 chat, a group chat, a channel thread), kept in
 * memory so that a follow-up question is answered in context. The Bot Connector offers no way to
 * read a conversation's history, so PolyDesk remembers what it was asked and what it answered.
 */
export class ConversationHistory {
  private readonly turns: TtlCache<string, readonly Turn[]>;

  constructor(
    ttlMs = 30 * 60_000,
    private readonly maxTurns = 8,
  ) {
    this.turns = new TtlCache(ttlMs, 10_000);
  }

  get(conversationId: string): readonly Turn[] {
    return this.turns.get(conversationId) ?? [];
  }

  add(conversationId: string, ...turns: readonly Turn[]): void {
    const all = [...this.get(conversationId), ...turns];
    this.turns.set(conversationId, Object.freeze(all.slice(-this.maxTurns)));
  }
}
