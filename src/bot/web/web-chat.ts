import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { resultForWaitingAsker } from '../../answer/failed-result.js';
import type { AnswerService, CheckedText, Directory, Rating } from '../../answer/ports.js';
import { summaryIntent } from '../../answer/summary-intent.js';
import type { SummaryResult, SummaryService } from '../../answer/summary-ports.js';
import type { AnswerResult, Citation, Turn } from '../../core/types.js';
import { t } from '../../core/i18n.js';
import type { Logger } from '../../core/log.js';
import type { HandOffs } from '../../helpdesk/escalations.js';
import { pageLanguage, renderChatPage } from './chat-page.js';
import { mountHandOff, STORE_ID } from './web-hand-off.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = path.join(here, 'public');

/** The identity of the open chat page: one anonymous employee who sees only what everyone may see. */
export const WEB_USER = 'web@local';

/** Who is asking on the chat page: an e-mail from a sign-in, never from the request body. */
export interface WebChatIdentity {
  readonly email: string;
  /** `session`: the admin UI's cookie (browser requests, checked for cross-site use). */
  readonly via: 'session' | 'token' | 'sso';
}

/**
 * Who may use the chat page (WEB_CHAT): `open` answers as WEB_USER whoever `refuse` lets through
 * (local development: this machine only, unless opened to the network); `signed-in` answers only
 * those `identify` recognises, each as themselves, for their own groups.
 */
export type WebChatAccess =
  | {
      readonly mode: 'open';
      /** Why this request may not use the page (403, one line saying how to allow it); undefined: it may. */
      refuse?(req: Request): string | undefined;
    }
  | {
      readonly mode: 'signed-in';
      /** The asker of a request, or undefined (401, or the sign-in page for the page itself). */
      identify(req: Request): Promise<WebChatIdentity | undefined>;
    };

/** Where the page sends a browser that is not signed in. */
const SIGN_IN = '/admin/login?next=%2F';

interface ChatBody {
  question?: unknown;
  /** The "Summarise" button under a source: that document's source. */
  summarize?: unknown;
  history?: unknown;
  locale?: unknown;
}

function parseHistory(raw: unknown): Turn[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .slice(-10)
    .filter(
      (t): t is { role: 'user' | 'assistant'; text: string } =>
        typeof t === 'object' &&
        t !== null &&
        ((t as Turn).role === 'user' || (t as Turn).role === 'assistant') &&
        typeof (t as Turn).text === 'string',
    )
    .map((t) => ({ role: t.role, text: t.text.slice(0, 4000) }));
}

/** A source as the page lists it: no document id. */
const publicCitation = (c: Citation) => ({ n: c.n, title: c.title, source: c.source, url: c.url });

/** What the page gets for an answer: no internal ids of chunks, no findings detail. */
export function publicAnswer(result: AnswerResult) {
  return {
    questionId: result.questionId,
    status: result.status,
    answer: result.answer,
    language: result.language,
    extractive: result.extractive,
    generator: result.generator,
    citations: result.citations.map(publicCitation),
    reviewId: result.reviewId,
    ...(result.standard
      ? { standard: { title: result.standard.title, byline: result.standard.byline } }
      : {}),
  };
}

/** A summary as the page shows an answer (it renders both alike), marked as a summary. */
export function publicSummary(result: SummaryResult) {
  return {
    questionId: result.questionId,
    status: result.status,
    answer: result.text,
    language: result.language,
    extractive: result.extractive,
    generator: result.generator,
    citations: result.citations.map(publicCitation),
    reviewId: result.reviewId,
    summary: true,
  };
}

/** Most characters of a document named by the "Summarise" button. */
const MAX_DOCUMENT_CHARS = 1000;

/** What the page may learn about a held answer it asked: the decision, and once approved the text and its sources. */
export type HeldAnswerLookup = (
  reviewId: string,
  /** Only the asker of the held question learns its fate. */
  asker: string,
) => Promise<
  | {
      status: 'pending' | 'approved' | 'rejected';
      answer?: CheckedText;
      citations?: readonly Citation[] | undefined;
    }
  | undefined
>;

/**
 * Records a 👍/👎 of the page on one of its asker's own answers, as the chat platforms record theirs
 * (one rating per person and answer; a second click changes it). Undefined: there is no such
 * answer of this asker to rate (unknown, someone else's, asked elsewhere, or nothing was shown).
 */
export type AnswerRating = (rating: {
  readonly questionId: string;
  readonly asker: string;
  readonly rating: Rating;
}) => Promise<'recorded' | undefined>;

/** The chat page's own settings, beside the parts every adapter gets. */
export interface WebChatOptions {
  readonly access: WebChatAccess;
  /** MAX_QUESTION_CHARS, told to the page so that it never cuts a longer question silently. */
  readonly maxQuestionChars: number;
  readonly heldAnswer?: HeldAnswerLookup | undefined;
  /** Without it the page's 👍/👎 are refused (404). */
  readonly rateAnswer?: AnswerRating | undefined;
  /** "Ask a person" (EXPERT_ROUTES_FILE); without it the page offers no hand-off. */
  readonly handOff?: HandOffs | undefined;
  /** Summaries ("summarise <document>", the Summarise button); without it such a message is a question. */
  readonly summaries?: SummaryService | undefined;
}

/**
 * The local chat page at `/` and its JSON endpoints: `POST /api/chat`, which streams newline-delimited
 * JSON events (`started`, `text`: the guard-checked text so far, then `done` with the answer), and
 * `POST /api/chat/feedback` (`{"questionId", "rating": "up"|"down"}`) for its 👍/👎.
 * Mount it only when WEB_CHAT allows it; `access` says who may ask.
 */
export function createWebChat(
  deps: WebChatOptions & { answers: AnswerService; directory: Directory; logger: Logger },
): Router {
  const router = express.Router();
  const page = readFileSync(path.join(PUBLIC, 'index.html'), 'utf8');
  const { access } = deps;
  /** Puts the asker's e-mail in `res.locals.asker`, or refuses with 401 (the page: the sign-in page). */
  const signedIn =
    (refuse: 'json' | 'redirect'): RequestHandler =>
    async (req, res, next) => {
      try {
        const refused = access.mode === 'open' ? access.refuse?.(req) : undefined;
        if (refused !== undefined) {
          if (refuse === 'redirect') res.status(403).type('text/plain').send(`${refused}\n`);
          else res.status(403).json({ error: refused });
          return;
        }
        const email = access.mode === 'open' ? WEB_USER : (await access.identify(req))?.email;
        if (email !== undefined) {
          res.locals['asker'] = email;
          return next();
        }
        if (refuse === 'redirect') return res.redirect(303, SIGN_IN);
        res.setHeader('WWW-Authenticate', 'Bearer');
        res.status(401).json({
          error: `sign in first (${SIGN_IN}), or send Authorization: Bearer <token> (polydesk admin token EMAIL)`,
        });
      } catch (error) {
        next(error);
      }
    };
  const askerOf = (res: Response) => res.locals['asker'] as string;
  if (deps.handOff)
    mountHandOff(router, {
      handOff: deps.handOff,
      directory: deps.directory,
      logger: deps.logger,
      signedIn: signedIn('json'),
      askerOf,
    });

  router.get('/', signedIn('redirect'), (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept-Language');
    const language = pageLanguage((languages) => req.acceptsLanguages(languages));
    res.type('html').send(
      renderChatPage(page, {
        language,
        maxQuestionChars: deps.maxQuestionChars,
        handOff: deps.handOff !== undefined,
      }),
    );
  });
  router.get('/chat.js', (_req, res) =>
    res.type('application/javascript').sendFile(path.join(PUBLIC, 'chat.js')),
  );
  router.get('/chat.css', (_req, res) => res.type('text/css').sendFile(path.join(PUBLIC, 'chat.css')));

  router.get('/api/chat/held/:reviewId', signedIn('json'), async (req, res, next) => {
    try {
      const reviewId = String(req.params['reviewId'] ?? '');
      const held =
        STORE_ID.test(reviewId) && deps.heldAnswer
          ? await deps.heldAnswer(reviewId, askerOf(res))
          : undefined;
      if (!held) res.status(404).json({ error: 'not found' });
      else
        res
          .setHeader('Cache-Control', 'no-store')
          .json({ ...held, citations: held.citations?.map(publicCitation) });
    } catch (error) {
      next(error);
    }
  });

  router.post(
    '/api/chat/feedback',
    signedIn('json'),
    express.json({ limit: '1kb' }),
    async (req, res, next) => {
      try {
        const body = (req.body ?? {}) as { questionId?: unknown; rating?: unknown };
        const { questionId, rating } = body;
        if (typeof questionId !== 'string' || (rating !== 'up' && rating !== 'down')) {
          res.status(400).json({ error: 'send JSON {"questionId": "...", "rating": "up" | "down"}' });
          return;
        }
        const asker = deps.directory.resolve(askerOf(res)).email;
        const recorded =
          STORE_ID.test(questionId) && deps.rateAnswer
            ? await deps.rateAnswer({ questionId, asker, rating })
            : undefined;
        if (!recorded) {
          res.status(404).json({ error: 'no answer of yours with this id' });
          return;
        }
        deps.logger('info', 'web.feedback', { questionId, rating });
        res.json({ questionId, rating });
      } catch (error) {
        next(error);
      }
    },
  );

  // The asker is known before the body is read: strangers cannot make the server parse anything.
  router.post('/api/chat', signedIn('json'), express.json({ limit: '256kb' }), async (req, res) => {
    const body = (req.body ?? {}) as ChatBody;
    const button =
      typeof body.summarize === 'string' &&
      body.summarize.trim() !== '' &&
      body.summarize.length <= MAX_DOCUMENT_CHARS
        ? body.summarize
        : undefined;
    if (typeof body.question !== 'string' && button === undefined) {
      res.status(400).json({ error: 'send JSON {"question": "..."} or {"summarize": "<document source>"}' });
      return;
    }
    const question = typeof body.question === 'string' ? body.question : '';
    const locale = typeof body.locale === 'string' ? body.locale.slice(0, 35) : undefined;
    const asker = deps.directory.resolve(askerOf(res), locale);
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    res.status(200).type('application/x-ndjson');
    res.setHeader('Cache-Control', 'no-store');
    const send = (event: unknown) => res.write(JSON.stringify(event) + '\n');
    const intent = button !== undefined ? { target: button, language: undefined } : summaryIntent(question);
    if (intent && deps.summaries) {
      try {
        const result = await deps.summaries.summarizeDocument({
          document: intent.target,
          requester: asker,
          readers: [asker],
          platform: 'web',
          language: intent.language,
          place: { kind: 'local' },
          signal: controller.signal,
          onProgress: (p) => {
            if (p.type === 'started')
              send({ type: 'started', questionId: p.questionId, language: p.language });
            else if (p.type === 'reading') send({ type: 'status', text: p.status });
            else send({ type: 'text', text: p.text });
          },
        });
        send({ type: 'done', answer: publicSummary(result) });
      } catch (error) {
        if (!controller.signal.aborted) {
          deps.logger('error', 'web.summary_failed', {
            error: error instanceof Error ? error.name : 'unknown',
          });
          const language = pageLanguage((languages) => req.acceptsLanguages(languages));
          send({ type: 'error', message: t(language, 'failed') });
        }
      }
      res.end();
      return;
    }
    try {
      const result = await deps.answers.ask(
        {
          text: question,
          asker,
          place: { platform: 'web', kind: 'local', readers: [asker] },
          history: parseHistory(body.history),
        },
        {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.type === 'started')
              send({ type: 'started', questionId: p.questionId, language: p.language });
            else if (p.type === 'text') send({ type: 'text', text: p.text });
          },
        },
      );
      // "Ask a person" under an answer or a not-found, where a route takes this question.
      const offered =
        deps.handOff !== undefined &&
        (result.status === 'answered' || result.status === 'not_found') &&
        !result.superseded &&
        (await deps.handOff.offered(asker.email, result.citations).catch(() => false));
      send({
        type: 'done',
        answer: { ...publicAnswer(resultForWaitingAsker(result)), ...(offered ? { handOff: true } : {}) },
      });
    } catch (error) {
      if (!controller.signal.aborted) {
        deps.logger('error', 'web.chat_failed', { error: error instanceof Error ? error.name : 'unknown' });
        // In the page's language, like the page's own messages (the answer's language is not known).
        const language = pageLanguage((languages) => req.acceptsLanguages(languages));
        send({ type: 'error', message: t(language, 'failed') });
      }
    }
    res.end();
  });
  return router;
}
