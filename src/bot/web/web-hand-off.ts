import express, { type RequestHandler, type Response, type Router } from 'express';
import type { Directory } from '../../answer/ports.js';
import type { Logger } from '../../core/log.js';
import type { HandOffs } from '../../helpdesk/escalations.js';

/** An id as the store makes them (a UUID, for questions and reviews); anything else is refused before a lookup. */
export const STORE_ID = /^[0-9a-f-]{36}$/;

/** How long the page keeps showing a hand-off and its replies to its asker. */
const SHOWN_FOR_MS = 14 * 24 * 3_600_000;

/**
 * "Ask a person" on the chat page: `POST /api/chat/escalate` (`{"questionId"}`, one of the asker's
 * own chat-page questions) hands it off; `GET /api/chat/handoffs` lists the asker's hand-offs of the
 * last two weeks with the experts' replies, each checked by the guard for the asker (a held one
 * says so until a reviewer decides: then the text they released, or that it was not), so that the
 * page shows them while it is open and when its asker comes back. Behind the page's own sign-in
 * rules (`signedIn`), like 👍/👎.
 */
export function mountHandOff(
  router: Router,
  deps: {
    readonly handOff: HandOffs;
    readonly directory: Directory;
    readonly logger: Logger;
    readonly signedIn: RequestHandler;
    readonly askerOf: (res: Response) => string;
  },
): void {
  const asker = (res: Response) => deps.directory.resolve(deps.askerOf(res)).email;

  router.post('/api/chat/escalate', deps.signedIn, express.json({ limit: '1kb' }), async (req, res, next) => {
    try {
      const questionId = (req.body as { questionId?: unknown } | undefined)?.questionId;
      if (typeof questionId !== 'string') {
        res.status(400).json({ error: 'send JSON {"questionId": "..."}' });
        return;
      }
      const outcome = STORE_ID.test(questionId)
        ? await deps.handOff.escalate({ questionId, by: asker(res), platform: 'web' })
        : { status: 'not_found' as const };
      deps.logger('info', 'web.handoff', { outcome: outcome.status });
      if (outcome.status === 'posted' || outcome.status === 'already')
        res.json({ questionId, status: outcome.status === 'posted' ? 'sent' : 'already' });
      else if (outcome.status === 'not_found' || outcome.status === 'not_asker')
        res.status(404).json({ error: 'no answer of yours with this id' });
      else res.status(503).json({ questionId, status: 'unavailable' });
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/chat/handoffs', deps.signedIn, async (_req, res, next) => {
    try {
      const handOffs = await deps.handOff.webHandOffs(asker(res), SHOWN_FOR_MS);
      res.setHeader('Cache-Control', 'no-store').json({ handOffs });
    } catch (error) {
      next(error);
    }
  });
}
