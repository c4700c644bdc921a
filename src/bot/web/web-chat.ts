import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import type { AnswerService, CheckedText, Directory } from '../../answer/ports.js';
import type { AnswerResult, Turn } from '../../core/types.js';
import type { Logger } from '../../core/log.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = path.join(here, 'public');

/** The identity of the local chat page: an anonymous employee who sees only what everyone may see. */
export const WEB_USER = 'web@local';

interface ChatBody {
  question?: unknown;
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

/** What the page gets for an answer: no internal ids of chunks, no findings detail. */
export function publicAnswer(result: AnswerResult) {
  return {
    questionId: result.questionId,
    status: result.status,
    answer: result.answer,
    language: result.language,
    extractive: result.extractive,
    generator: result.generator,
    citations: result.citations.map((c) => ({ n: c.n, title: c.title, source: c.source, url: c.url })),
    reviewId: result.reviewId,
  };
}

/**
 * The local chat page at `/` and its JSON endpoint `POST /api/chat`, which streams newline-delimited
 * JSON events: `started`, `text` (the guard-checked text so far), then `done` with the answer.
 */
/** What the page may learn about a held answer it asked: the decision, and the text once approved. */
export type HeldAnswerLookup = (
  reviewId: string,
) => Promise<{ status: 'pending' | 'approved' | 'rejected'; answer?: CheckedText } | undefined>;

export function createWebChat(deps: {
  answers: AnswerService;
  directory: Directory;
  logger: Logger;
  heldAnswer?: HeldAnswerLookup | undefined;
}): Router {
  const router = express.Router();
  const page = readFileSync(path.join(PUBLIC, 'index.html'), 'utf8');
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/chat.js', (_req, res) =>
    res.type('application/javascript').sendFile(path.join(PUBLIC, 'chat.js')),
  );
  router.get('/chat.css', (_req, res) => res.type('text/css').sendFile(path.join(PUBLIC, 'chat.css')));

  router.get('/api/chat/held/:reviewId', async (req: Request, res: Response) => {
    const reviewId = String(req.params.reviewId ?? '');
    if (!/^[0-9a-f-]{36}$/.test(reviewId) || !deps.heldAnswer) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const held = await deps.heldAnswer(reviewId);
    if (!held) res.status(404).json({ error: 'not found' });
    else res.setHeader('Cache-Control', 'no-store').json(held);
  });

  router.post('/api/chat', express.json({ limit: '256kb' }), async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as ChatBody;
    if (typeof body.question !== 'string') {
      res.status(400).json({ error: 'send JSON {"question": "..."}' });
      return;
    }
    const locale = typeof body.locale === 'string' ? body.locale.slice(0, 35) : undefined;
    const asker = deps.directory.resolve(WEB_USER, locale);
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    res.status(200).type('application/x-ndjson');
    res.setHeader('Cache-Control', 'no-store');
    const send = (event: unknown) => res.write(JSON.stringify(event) + '\n');
    try {
      const result = await deps.answers.ask(
        {
          text: body.question,
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
      send({ type: 'done', answer: publicAnswer(result) });
    } catch (error) {
      if (!controller.signal.aborted) {
        deps.logger('error', 'web.chat_failed', { error: error instanceof Error ? error.name : 'unknown' });
        send({ type: 'error', message: 'Something went wrong. Please try again.' });
      }
    }
    res.end();
  });
  return router;
}
