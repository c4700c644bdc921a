import type { Request, Response, Router } from 'express';
import { InputError } from '../core/errors.js';
import type { StandardAnswerInput } from '../helpdesk/ports.js';
import type { StandardAnswerEdit } from '../helpdesk/standard-answers.js';
import type { AdminRole } from '../store/admin-repository.js';
import type { StandardAnswer } from '../store/standard-answer-repository.js';
import type { AdminContext } from './admin-context.js';
import { currentActor, may } from './auth.js';
import { computeInsight } from './insight.js';
import { INSIGHT_DAYS } from './insight-pages.js';

/** Who answers when the API is not told: shown to employees as "answered by Helpdesk on …". */
export const DEFAULT_TEAM = 'Helpdesk';

/** The most questions of a knowledge gap an answer is linked to (and whose waiting askers are told). */
const MAX_GAP_QUESTIONS = 500;

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`"${field}" must be a text`);
  return value;
}

function optionalList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new InputError(`"${field}" must be a list of texts`);
  return value as string[];
}

/** Groups or languages typed into a form field: comma- or space-separated. */
function splitField(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];
}

/**
 * The JSON API's body (DESIGN.md: `{"question", "answer", "audience": ["all"], "language"?}`, plus
 * the optional `title`, `team`, `languages`, `reviewAt`, `phrasings`), as fields of an edit.
 */
export function apiFields(body: Record<string, unknown>): StandardAnswerEdit {
  const language = optionalText(body['language'], 'language');
  const languages = optionalList(body['languages'], 'languages');
  const reviewAt = body['reviewAt'];
  if (reviewAt !== undefined && reviewAt !== null && typeof reviewAt !== 'string')
    throw new InputError('"reviewAt" must be a date written YYYY-MM-DD, or null');
  return {
    question: optionalText(body['question'], 'question'),
    answer: optionalText(body['answer'], 'answer'),
    title: optionalText(body['title'], 'title'),
    team: optionalText(body['team'], 'team'),
    audience: optionalList(body['audience'], 'audience'),
    languages: languages ?? (language !== undefined ? [language] : undefined),
    reviewAt: reviewAt as string | null | undefined,
    phrasings: optionalList(body['phrasings'], 'phrasings'),
  };
}

/** A new standard answer from the API's body: audience `all` and team {@link DEFAULT_TEAM} unless given. */
export function apiInput(body: Record<string, unknown>, actor: string): StandardAnswerInput {
  const fields = apiFields(body);
  if (fields.question === undefined) throw new InputError('send {"question", "answer", "audience": ["all"]}');
  if (fields.answer === undefined) throw new InputError('"answer" is missing');
  return {
    ...fields,
    question: fields.question,
    answer: fields.answer,
    team: fields.team ?? DEFAULT_TEAM,
    audience: fields.audience ?? ['all'],
    origin: 'admin',
    createdBy: actor,
  };
}

/** The form's fields (all texts), as an edit. */
function formFields(body: Record<string, unknown>): StandardAnswerEdit {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return {
    question: text('question'),
    answer: text('answer'),
    title: text('title'),
    team: text('team'),
    audience: splitField(body['audience']),
    languages: splitField(body['languages']),
    reviewAt: text('reviewAt') || null,
    phrasings: text('phrasings')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** A standard answer as the form shows it. */
function formValues(answer: Partial<StandardAnswer>) {
  return {
    question: answer.question ?? '',
    answer: answer.answer ?? '',
    title: answer.title ?? '',
    team: answer.team ?? '',
    audience: (answer.audience ?? ['all']).join(', '),
    languages: (answer.languages ?? []).join(', '),
    reviewAt: answer.reviewAt ?? '',
    phrasings: (answer.phrasings ?? []).join('\n'),
  };
}

/**
 * Other wordings copied from employees' own questions (a knowledge gap's, or the question an expert
 * replied to) are insight: shown only to roles that may read it, as the insight page is.
 */
export function phrasingsHidden(answer: Pick<StandardAnswer, 'origin'>, role: AdminRole): boolean {
  return answer.origin !== 'admin' && !may(role, 'insight');
}

/**
 * A standard answer as this role may read it: without the employees' wordings it may not see, and
 * without the question id a gap-origin answer came from (a way into the knowledge gaps).
 */
export function shownTo<T extends StandardAnswer>(
  answer: T,
  role: AdminRole,
): T | Omit<T, 'phrasings' | 'originRef'> {
  if (!phrasingsHidden(answer, role)) return answer;
  const { phrasings: _hidden, originRef, ...rest } = answer;
  return answer.origin === 'gap' ? rest : { ...rest, originRef };
}

/** A change of wordings this role cannot see would replace them unseen: refused. */
export function checkPhrasingsEdit(answer: StandardAnswer, edit: StandardAnswerEdit, role: AdminRole): void {
  if (edit.phrasings !== undefined && phrasingsHidden(answer, role))
    throw new InputError(
      "the other wordings of this answer are employees' own questions; only roles that may read insight change them",
    );
}

/** How many waiting askers the last "Answer this" told, from the redirect's query (numbers only). */
function toldOf(req: Request): { told: number; waiting: number } | undefined {
  const count = (name: string) => {
    const n = Number(req.query[name]);
    return Number.isInteger(n) && n >= 0 && n <= MAX_GAP_QUESTIONS ? n : undefined;
  };
  const told = count('told');
  const waiting = count('waiting');
  return told !== undefined && waiting !== undefined && told <= waiting ? { told, waiting } : undefined;
}

/** The knowledge gap (of the insight page) that holds this unanswered question. */
async function gapOf(ctx: AdminContext, questionId: string) {
  const insight = await computeInsight(ctx, { days: INSIGHT_DAYS, now: ctx.now() });
  const gap = insight.gaps.find((g) => g.questionIds.includes(questionId));
  return gap && { ...gap, questionIds: gap.questionIds.slice(0, MAX_GAP_QUESTIONS) };
}

/**
 * The "Standard answers" page (list with uses, last use and review date; create, edit, retire) and
 * "Answer this" from a knowledge gap. Mounted behind the `knowledge` area (publishers and admins).
 */
export function addStandardAnswerPages(router: Router, ctx: AdminContext): void {
  const today = () => ctx.now().toISOString().slice(0, 10);

  const listPage = async (
    req: Request,
    res: Response,
    extra: {
      form?: ReturnType<typeof formValues>;
      error?: string;
      gap?: { questionId: string; count: number };
    } = {},
    status = 200,
  ) => {
    const answers = await ctx.standardAnswers.list();
    ctx.views.render(
      req,
      res,
      'standard-answers.njk',
      {
        title: 'Standard answers',
        answers: answers.map((a) => ({ ...a, overdue: a.reviewAt !== null && a.reviewAt < today() })),
        form: extra.form ?? formValues({}),
        error: extra.error,
        gap: extra.gap,
        told: toldOf(req),
        mode: 'create',
      },
      status,
    );
  };

  /** Knowledge gaps are insight: "Answer this" (and whom it tells) is for roles that may read it. */
  const refuseGap = (req: Request, res: Response) =>
    ctx.views.message(
      req,
      res,
      403,
      'Not allowed',
      'Answering a knowledge gap needs a role that may read insight.',
    );

  router.get('/standard-answers', (req, res) => listPage(req, res));

  // "Answer this": the form prefilled with a knowledge gap's question and its other wordings.
  router.get('/standard-answers/new', async (req, res) => {
    const id = typeof req.query['gap'] === 'string' ? req.query['gap'] : '';
    if (id && !may(currentActor(res).role, 'insight')) return refuseGap(req, res);
    const gap = id ? await gapOf(ctx, id) : undefined;
    if (!gap) return listPage(req, res);
    await listPage(req, res, {
      form: formValues({ question: gap.question, phrasings: gap.wordings.slice(1) }),
      gap: { questionId: id, count: gap.count },
    });
  });

  router.post('/standard-answers', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fields = formFields(body);
    const gapId = typeof body['gap'] === 'string' ? body['gap'] : '';
    if (gapId && !may(currentActor(res).role, 'insight')) return refuseGap(req, res);
    // The group is found again among the unanswered questions: a form cannot name others to be told.
    const gap = gapId ? await gapOf(ctx, gapId) : undefined;
    try {
      const created = await ctx.standardAnswers.create({
        ...fields,
        question: fields.question ?? '',
        answer: fields.answer ?? '',
        team: fields.team ?? '',
        audience: fields.audience ?? [],
        origin: gap ? 'gap' : 'admin',
        originRef: gap ? gap.questionIds[0] : undefined,
        createdBy: currentActor(res).email,
      });
      if (gap) {
        const outcome = await ctx.subscriptions.notify(gap.questionIds, created);
        const waiting = outcome.told + outcome.notAllowed + outcome.undelivered;
        return res.redirect(
          303,
          `/admin/standard-answers?notice=standard_created&told=${outcome.told}&waiting=${waiting}`,
        );
      }
      res.redirect(303, '/admin/standard-answers?notice=standard_created');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await listPage(
        req,
        res,
        {
          form: formValues({ ...fields, reviewAt: fields.reviewAt ?? null } as Partial<StandardAnswer>),
          error: error.message,
          gap: gap ? { questionId: gapId, count: gap.count } : undefined,
        },
        400,
      );
    }
  });

  const editPage = async (
    req: Request,
    res: Response,
    answer: StandardAnswer,
    extra: { error?: string } = {},
    status = 200,
  ) => {
    const hidden = phrasingsHidden(answer, currentActor(res).role);
    ctx.views.render(
      req,
      res,
      'standard-answers.njk',
      {
        title: 'Edit standard answer',
        mode: 'edit',
        answer: shownTo(answer, currentActor(res).role),
        form: formValues(hidden ? { ...answer, phrasings: [] } : answer),
        hiddenPhrasings: hidden ? answer.phrasings.length : undefined,
        ...extra,
      },
      status,
    );
  };

  router.get('/standard-answers/:id', async (req, res) => {
    const answer = await ctx.standardAnswers.get(req.params['id']!);
    if (!answer || answer.retiredAt)
      return ctx.views.message(req, res, 404, 'Not found', 'There is no such standard answer.');
    await editPage(req, res, answer);
  });

  router.post('/standard-answers/:id', async (req, res) => {
    const current = await ctx.standardAnswers.get(req.params['id']!);
    if (!current || current.retiredAt)
      return ctx.views.message(req, res, 404, 'Not found', 'There is no such standard answer.');
    const edited = formFields((req.body ?? {}) as Record<string, unknown>);
    // The form has no wordings field for a role that may not see them: they stay as they are.
    const { phrasings: _unseen, ...others } = edited;
    const fields = phrasingsHidden(current, currentActor(res).role) ? others : edited;
    try {
      await ctx.standardAnswers.update(current.id, fields, currentActor(res).email);
      res.redirect(303, '/admin/standard-answers?notice=standard_saved');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await editPage(
        req,
        res,
        { ...current, ...(fields as Partial<StandardAnswer>) },
        { error: error.message },
        400,
      );
    }
  });

  router.post('/standard-answers/:id/retire', async (req, res) => {
    const retired = await ctx.standardAnswers.retire(req.params['id']!, currentActor(res).email);
    res.redirect(303, `/admin/standard-answers?notice=${retired ? 'standard_retired' : 'standard_gone'}`);
  });
}
