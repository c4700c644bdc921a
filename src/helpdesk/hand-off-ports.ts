import { EVERYONE } from '../core/access.js';
import type { CheckedText } from '../core/checked-text.js';
import type { Citation, Platform, Principal } from '../core/types.js';
import type { Escalation } from '../store/escalation-repository.js';
import type { ExpertPlatform, ExpertRoute } from './expert-routes.js';

/*
 * The seams of "Ask a person" (issue 17): what the hand-off service offers the chat adapters, and
 * what each adapter offers it for its platform's expert channels.
 */

/**
 * Someone PolyDesk cannot name among a conversation's readers (Slack will not list a channel, Teams
 * cannot list one outside a turn of it): they may be anyone, so only what everyone may read is
 * shown to them.
 */
export const ANY_MEMBER: Principal = Object.freeze({
  email: 'anyone@unlisted-member',
  groups: Object.freeze([EVERYONE]),
});

/** Where an expert acted: a hand-off thread of an expert channel. */
export interface ExpertThread {
  readonly channel: string;
  readonly thread: string;
}

/** What the saver of a standard answer confirms, prefilled: each checked for the expert channel. */
export interface SaveForm {
  readonly escalationId: string;
  readonly replyId: string;
  /** The experts' language (the route's). */
  readonly language: string;
  /** Prefilled with the asker's question, when the channel may read it (empty otherwise). */
  readonly title?: CheckedText | undefined;
  readonly question?: CheckedText | undefined;
}

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
  /**
   * Tells the experts in the thread what became of a reply; for a reply passed on, with the form
   * that saves it as a standard answer (Teams; Slack's is the message shortcut).
   */
  confirmReply?(
    route: ExpertRoute,
    escalation: Escalation,
    replyId: string,
    outcome: 'relayed' | 'held',
    save?: SaveForm | undefined,
  ): Promise<void>;
}

export type EscalateOutcome =
  | { readonly status: 'posted' | 'already'; readonly escalation: Escalation }
  /** No route for this question, or no running adapter for its route's channel. */
  | { readonly status: 'no_route' }
  /**
   * Not a question of this platform that was answered or not found, or not one asked in the
   * conversation the request came from.
   */
  | { readonly status: 'not_found' }
  /** Someone else's question: only its asker hands it off. */
  | { readonly status: 'not_asker' }
  | { readonly status: 'failed' };

export type ResolveOutcome =
  | { readonly status: 'resolved'; readonly escalation: Escalation; readonly seconds: number }
  | { readonly status: 'already'; readonly escalation: Escalation }
  | { readonly status: 'not_found' };

/** What became of a reply's relay. */
export type ReplyOutcome =
  | { readonly status: 'relayed' | 'held' | 'blocked'; readonly escalation: Escalation }
  /** It failed: the reply stays recorded, and `retryRelays` tries it again. */
  | { readonly status: 'failed' };

/** An expert's message in an expert channel thread, as recorded. */
export type ReplyClaim =
  /** Recorded (and claimed) here: `relayed` settles once it reached the asker, or failed. Never rejects. */
  | { readonly status: 'recorded'; readonly escalation: Escalation; readonly relayed: Promise<ReplyOutcome> }
  /** Recorded before (a retried event, another replica): not relayed again. */
  | { readonly status: 'duplicate' }
  /** The thread is no hand-off's, or the message has no text. */
  | { readonly status: 'not_hand_off' };

export type SaveOutcome =
  | { readonly status: 'saved'; readonly id: string; readonly escalation: Escalation }
  /** The hand-off gave a standard answer already (or one is being saved). */
  | { readonly status: 'already' }
  /** A reply that did not reach the asker as it was written (held, blocked, or not relayed yet). */
  | { readonly status: 'not_relayed' }
  | { readonly status: 'not_hand_off' | 'unavailable' | 'invalid' | 'empty' };

/** Whether a reply may be saved, and the form to confirm it with. */
export type SavePrepared =
  | { readonly status: 'ready'; readonly form: SaveForm }
  | { readonly status: Exclude<SaveOutcome['status'], 'saved' | 'invalid' | 'empty'> };

/** A reply as the chat page shows it to its asker. */
export interface WebReply {
  /** The reply's platform id: the page keeps each reply in its own bubble by it, in any order. */
  readonly id: string;
  /**
   * `relayed`: the reply (or, once a reviewer approved a held one, the text they released); `held`:
   * waiting for a reviewer; `rejected`: a reviewer kept it back; `blocked`: the guard did. `text` is
   * what the asker reads in each case.
   */
  readonly status: 'relayed' | 'held' | 'rejected' | 'blocked';
  readonly text: CheckedText;
  readonly at: string;
}

export interface WebHandOff {
  readonly questionId: string;
  readonly question: string;
  readonly status: 'open' | 'resolved';
  readonly createdAt: string;
  readonly replies: readonly WebReply[];
}

/** Which reply a save is about: by the hand-off's id (Teams' card) or by its thread (Slack's shortcut). */
export interface ReplyRef {
  readonly platform: ExpertPlatform;
  readonly escalationId?: string | undefined;
  readonly thread?: ExpertThread | undefined;
  readonly replyId: string;
  /** Where the request came from; when given, it must be the hand-off's thread. */
  readonly from?: ExpertThread | undefined;
}

/** "Ask a person", as the chat adapters use it. */
export interface HandOffs {
  /** Whether an answer (or not-found) to this asker, citing these, offers "Ask a person". */
  offered(asker: string, citations: readonly Citation[]): Promise<boolean>;
  /**
   * Hands a question off (once per question). `by` is who pressed the button: only the question's
   * asker may; `conversation`, when given, is where they pressed it (Teams' card actions carry
   * client-supplied data): it must be where the question was asked.
   */
  escalate(request: {
    readonly questionId: string;
    readonly by: string;
    readonly platform: Platform;
    readonly conversation?: string | undefined;
  }): Promise<EscalateOutcome>;
  /** True when `by` asked this question on this platform (and in `conversation`, when given). */
  askedBy(request: {
    readonly questionId: string;
    readonly by: string;
    readonly platform: Platform;
    readonly conversation?: string | undefined;
  }): Promise<boolean>;
  /** Marks a hand-off resolved; `from`, when given, must be its thread (not_found otherwise). */
  resolve(escalationId: string, by: string, from?: ExpertThread): Promise<ResolveOutcome>;
  /** True when this expert-channel thread is a hand-off's (its replies are relayed, not answered). */
  isHandOffThread(platform: ExpertPlatform, channel: string, thread: string): Promise<boolean>;
  /**
   * Records an expert's reply in a hand-off thread, once, and starts relaying it to the asker: the
   * caller may acknowledge the event as soon as this returns `recorded`.
   */
  expertReply(reply: {
    readonly platform: ExpertPlatform;
    readonly channel: string;
    readonly thread: string;
    readonly replyId: string;
    readonly author: string;
    readonly text: string;
  }): Promise<ReplyClaim>;
  /**
   * Relays again the replies recorded at least `minAgeMs` ago that did not reach their asker (a
   * relay that failed, or whose process stopped); how many were relayed now.
   */
  retryRelays(minAgeMs?: number): Promise<number>;
  /** The hand-off message as it reads now (for replacing it once resolved). */
  message(escalationId: string): Promise<HandOffMessage | undefined>;
  /** Whether this reply may become a standard answer, and the form that confirms its title and question. */
  prepareSave(reply: ReplyRef): Promise<SavePrepared>;
  /**
   * Publishes an expert's reply, as it was recorded and passed on (allowed or redacted, never held
   * or blocked), as the standard answer of the hand-off's question, with the title and question
   * its saver confirmed; the asker's own words become one of its wordings. Once per hand-off.
   */
  saveStandard(
    request: ReplyRef & {
      readonly by: string;
      readonly title: string;
      readonly question: string;
    },
  ): Promise<SaveOutcome>;
  /** The chat page's hand-offs of one asker since `sinceMs` ago, with the replies checked for them. */
  webHandOffs(asker: string, sinceMs: number): Promise<WebHandOff[]>;
}

/** What counts hand-offs for /metrics. */
export interface HandOffObserver {
  handedOff(route: string, platform: string): void;
  resolved(route: string, seconds: number): void;
  replied(verdict: string): void;
}
