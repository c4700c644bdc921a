import { InputError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Guard } from '../guardrails/guard.js';
import type { Escalation, EscalationReply, EscalationRepository } from '../store/escalation-repository.js';
import type { ExpertPlatform, ExpertRoute } from './expert-routes.js';
import { plainLinks, shown } from './hand-off-message.js';
import {
  ANY_MEMBER,
  type ExpertChannel,
  type HandOffs,
  type ReplyRef,
  type SaveForm,
  type SaveOutcome,
  type SavePrepared,
} from './hand-off-ports.js';
import type { StandardAnswerPublisher } from './ports.js';

/**
 * A reply may become a standard answer only when the guard let it through as written: one passed on
 * with a part masked still holds that part in its own text, which publishing would show to every
 * publisher and offer to everyone the answer is for (the expert can write it again without it).
 */
export const SAVEABLE_VERDICT = 'allow';

/** The longest title and question a form takes (a standard answer takes no more). */
export const TITLE_MAX = 300;
export const QUESTION_MAX = 2_000;

export interface StandardSaveDeps {
  readonly guard: Pick<Guard, 'check'>;
  readonly escalations: EscalationRepository;
  readonly experts: (platform: ExpertPlatform) => ExpertChannel | undefined;
  readonly routeNamed: (name: string) => ExpertRoute | undefined;
  /** Standard answers from expert replies; without it "Save as standard answer" says it is unavailable. */
  readonly publisher?: StandardAnswerPublisher | undefined;
  readonly logger: Logger;
}

/**
 * "Save as standard answer" on an expert's reply: only a reply PolyDesk recorded and passed on to
 * its asker (so never a held or blocked one, and never a text the request brings along), once per
 * hand-off, with a title and question its saver confirmed: the asker's own words are kept only as a
 * wording it matches, never shown as its title to everyone who gets it.
 */
export function createStandardSaves(deps: StandardSaveDeps): Pick<
  HandOffs,
  'prepareSave' | 'saveStandard'
> & {
  form(escalation: Escalation, replyId: string): Promise<SaveForm>;
} {
  const { escalations, logger } = deps;

  /** The reply a request names, when it may be saved; else why not. */
  async function saveable(
    ref: ReplyRef,
  ): Promise<
    | { readonly escalation: Escalation; readonly reply: EscalationReply }
    | Exclude<SavePrepared, { status: 'ready' }>
  > {
    const escalation = ref.escalationId
      ? await escalations.get(ref.escalationId)
      : ref.thread && (await escalations.byThread(ref.platform, ref.thread.channel, ref.thread.thread));
    if (
      !escalation ||
      escalation.expertPlatform !== ref.platform ||
      ref.replyId === escalation.expertThread ||
      (ref.from &&
        (ref.from.channel !== escalation.expertChannel || ref.from.thread !== escalation.expertThread))
    )
      return { status: 'not_hand_off' };
    const reply = await escalations.reply(escalation.id, ref.replyId);
    if (!reply) return { status: 'not_hand_off' };
    if (!reply.relayedAt || reply.verdictAction !== SAVEABLE_VERDICT) return { status: 'not_relayed' };
    if (escalation.standardId) return { status: 'already' };
    if (!deps.publisher) return { status: 'unavailable' };
    return { escalation, reply };
  }

  /** The form, prefilled with the asker's question as the expert channel may read it. */
  async function form(escalation: Escalation, replyId: string): Promise<SaveForm> {
    const route = deps.routeNamed(escalation.route);
    const channel = deps.experts(escalation.expertPlatform as ExpertPlatform);
    const language = route?.language ?? 'en';
    const readers = route && channel ? await channel.readers(route) : [ANY_MEMBER];
    const question = await escalations.question(escalation.questionId);
    const asked = question
      ? shown(await deps.guard.check(plainLinks(question.text), { readers, sources: [], language }))
      : undefined;
    return {
      escalationId: escalation.id,
      replyId,
      language,
      title: asked,
      question: asked,
    };
  }

  return {
    form,

    async prepareSave(ref) {
      const found = await saveable(ref);
      return 'status' in found ? found : { status: 'ready', form: await form(found.escalation, ref.replyId) };
    },

    async saveStandard(request): Promise<SaveOutcome> {
      const found = await saveable(request);
      if ('status' in found) return found;
      const { escalation, reply } = found;
      const title = request.title.trim();
      const wording = request.question.trim();
      if (!title || !wording) return { status: 'empty' };
      const token = await escalations.claimStandard(escalation.id);
      if (!token) return { status: 'already' };
      const question = await escalations.question(escalation.questionId);
      const route = deps.routeNamed(escalation.route);
      try {
        const { id } = await deps.publisher!.create({
          question: wording,
          title,
          answer: reply.text,
          // The asker's words match it; they are never its title.
          phrasings:
            question && question.text.trim() !== wording ? [question.text.trim().slice(0, QUESTION_MAX)] : [],
          team: route?.team ?? escalation.route,
          audience: route?.audience ?? ['all'],
          origin: 'expert',
          originRef: escalation.id,
          createdBy: request.by,
        });
        await escalations.setStandard(escalation.id, id, token);
        logger('info', 'handoff.standard_saved', { escalationId: escalation.id, standardId: id });
        return { status: 'saved', id, escalation };
      } catch (error) {
        await escalations.releaseStandard(escalation.id, token).catch(() => undefined);
        if (error instanceof InputError) {
          logger('info', 'handoff.standard_refused', { escalationId: escalation.id, error: error.message });
          return { status: 'invalid' };
        }
        throw error;
      }
    },
  };
}
