import type { CheckedText } from '../core/checked-text.js';
import type { Citation, Platform, Principal } from '../core/types.js';
import type { Escalation } from '../store/escalation-repository.js';
import type { ExpertPlatform, ExpertRoute } from './expert-routes.js';

/*
 * The seams of "Ask a person" (issue 17): what the hand-off service offers the chat adapters, and
 * what each adapter offers it for its platform's expert channels.
 */

/** What the experts read about a hand-off: every part checked by the guard for the channel's readers. */
export interface HandOffMessage {
  readonly escalationId: string;
  /** The experts' language (the route's), for the platform's own labels (buttons). */
  readonly language: string;
  readonly title: CheckedText;
  /** The question and the asker's language. */
  readonly question: CheckedText;
  /** PolyDesk's answer, or a line saying why it is not shown. */
  readonly answer: CheckedText;
  /** The answer's sources: only when every reader of the channel may see every cited document. */
  readonly citations: readonly Citation[];
  readonly instructions: CheckedText;
  /** The on-call group to notify (`<!subteam^…>`, `<!here>`), Slack only. */
  readonly mention?: string | undefined;
  /** Set once resolved: the line that replaces the Resolved button. */
  readonly resolved?: CheckedText | undefined;
}

/** Where the asker of a hand-off asked (as recorded with the question), for the readers of a reply. */
export interface AskerPlace {
  readonly platform: string;
  readonly placeKind: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
}

/** The expert side of one chat platform, implemented by its adapter. */
export interface ExpertChannel {
  readonly platform: ExpertPlatform;
  /** Everyone who reads the route's channel: the hand-off shows only what all of them may see. */
  readers(route: ExpertRoute): Promise<readonly Principal[]>;
  /** Posts the hand-off message; the channel and the thread the experts reply in. */
  post(
    route: ExpertRoute,
    message: HandOffMessage,
  ): Promise<{ readonly channel: string; readonly thread: string }>;
  /** Who reads a later message in the asker's conversation on this platform (a channel: its members). */
  askerReaders(place: AskerPlace, asker: Principal): Promise<readonly Principal[]>;
  /** Tells the experts in the thread what became of a reply (Teams: with "Save as standard answer"). */
  confirmReply?(
    route: ExpertRoute,
    escalation: Escalation,
    replyId: string,
    outcome: 'relayed' | 'held',
  ): Promise<void>;
}

export type EscalateOutcome =
  | { readonly status: 'posted' | 'already'; readonly escalation: Escalation }
  /** No route for this question, or no running adapter for its route's channel. */
  | { readonly status: 'no_route' }
  /** Not a question of this platform (or, on the chat page, of this asker) that was answered or not found. */
  | { readonly status: 'not_found' }
  | { readonly status: 'failed' };

export type ResolveOutcome =
  | { readonly status: 'resolved'; readonly escalation: Escalation; readonly seconds: number }
  | { readonly status: 'already'; readonly escalation: Escalation }
  | { readonly status: 'not_found' };

export type ReplyOutcome =
  | { readonly status: 'relayed' | 'held' | 'blocked'; readonly escalation: Escalation }
  /** Recorded before (a retried event, another replica): not relayed again. */
  | { readonly status: 'duplicate' }
  /** The thread is no hand-off's. */
  | { readonly status: 'not_hand_off' }
  | { readonly status: 'failed' };

export type SaveOutcome =
  | { readonly status: 'saved'; readonly id: string; readonly escalation: Escalation }
  | { readonly status: 'not_hand_off' | 'unavailable' | 'invalid' | 'empty' };

/** A reply as the chat page shows it to its asker. */
export type WebReply =
  | { readonly status: 'relayed'; readonly text: CheckedText; readonly at: string }
  | { readonly status: 'held' | 'blocked'; readonly text: CheckedText; readonly at: string };

export interface WebHandOff {
  readonly questionId: string;
  readonly question: string;
  readonly status: 'open' | 'resolved';
  readonly createdAt: string;
  readonly replies: readonly WebReply[];
}

/** "Ask a person", as the chat adapters use it. */
export interface HandOffs {
  /** Whether an answer (or not-found) to this asker, citing these, offers "Ask a person". */
  offered(asker: string, citations: readonly Citation[]): Promise<boolean>;
  /** Hands a question off (once per question); `by` is who pressed the button. */
  escalate(request: {
    readonly questionId: string;
    readonly by: string;
    readonly platform: Platform;
  }): Promise<EscalateOutcome>;
  resolve(escalationId: string, by: string): Promise<ResolveOutcome>;
  /** True when this expert-channel thread is a hand-off's (its replies are relayed, not answered). */
  isHandOffThread(platform: ExpertPlatform, channel: string, thread: string): Promise<boolean>;
  /** Records an expert's reply in a hand-off thread and relays it to the asker, once. */
  expertReply(reply: {
    readonly platform: ExpertPlatform;
    readonly channel: string;
    readonly thread: string;
    readonly replyId: string;
    readonly author: string;
    readonly text: string;
  }): Promise<ReplyOutcome>;
  /** The hand-off message as it reads now (for replacing it once resolved). */
  message(escalationId: string): Promise<HandOffMessage | undefined>;
  /**
   * Publishes an expert's reply as a standard answer to the hand-off's question: the reply is given
   * by `text` (Slack's message shortcut carries it) or by its id (Teams' action under a relayed reply).
   */
  saveStandard(request: {
    readonly platform: ExpertPlatform;
    readonly by: string;
    readonly escalationId?: string | undefined;
    readonly thread?: { readonly channel: string; readonly thread: string } | undefined;
    readonly replyId: string;
    readonly text?: string | undefined;
  }): Promise<SaveOutcome>;
  /** The chat page's hand-offs of one asker since `sinceMs` ago, with the replies checked for them. */
  webHandOffs(asker: string, sinceMs: number): Promise<WebHandOff[]>;
}

/** What counts hand-offs for /metrics. */
export interface HandOffObserver {
  handedOff(route: string, platform: string): void;
  resolved(route: string, seconds: number): void;
  replied(verdict: string): void;
}
