import type { Request, Response, Router } from 'express';
import type { DecisionOutcome } from '../answer/review-service.js';
import { InputError } from '../core/errors.js';
import type { AdminContext } from './admin-context.js';
import { csrfOk, currentActor } from './auth.js';
import { listDocumentsToFix } from './documents-to-fix.js';
import { computeInsight } from './insight.js';
import { INSIGHT_DAYS } from './insight-pages.js';
import { parseAudience, parseClassification } from './knowledge-service.js';
import { statusFilter } from './review-pages.js';
import { apiFields, apiInput, checkPhrasingsEdit, shownTo } from './standard-answer-pages.js';
import { parseUpload } from './upload.js';

export const refuseJson = (_req: Request, res: Response) => {
  res.status(403).json({ error: 'missing or wrong CSRF token (send X-CSRF-Token, or use an API token)' });
};

function paging(req: Request): { limit: number; offset: number } {
  const limit = Number(req.query['limit'] ?? 50);
  const offset = Number(req.query['offset'] ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new InputError('limit must be a whole number from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('offset must be a whole number from 0');
  return { limit, offset };
}

function body(req: Request): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

function sendDecision(res: Response, outcome: DecisionOutcome): void {
  if (outcome.outcome === 'not_found') res.status(404).json({ error: 'no such review' });
  else if (outcome.outcome === 'not_pending')
    res.status(409).json({ error: 'the review was already decided' });
  else res.json({ status: outcome.outcome, delivered: outcome.delivered });
}

/** `POST /documents` parses multipart itself and checks the CSRF token after: mount before the CSRF check. */
export function addUploadApi(router: Router, ctx: AdminContext): void {
  router.post('/documents', async (req, res) => {
    if (!req.is('multipart/form-data'))
      throw new InputError('send the files as multipart/form-data (field "files")');
    const upload = await parseUpload(req, ctx.uploadLimits);
    if (!csrfOk(req, res, upload.fields['_csrf'])) return refuseJson(req, res);
    if (upload.files.length === 0) throw new InputError('no files in the upload');
    const results = await ctx.knowledge.upload(
      upload.files,
      {
        audience: parseAudience(upload.fields['audience']),
        classification: parseClassification(upload.fields['classification']),
      },
      currentActor(res).email,
    );
    res.status(results.some((r) => r.status !== 'failed') ? 200 : 422).json({ results });
  });
}

export function addReviewApi(router: Router, ctx: AdminContext): void {
  const { reviews } = ctx;
  router.get('/reviews', async (req, res) => {
    const status = statusFilter(req.query['status']);
    if (status === 'invalid')
      throw new InputError('status must be pending, approved, edited, rejected or all');
    const { limit, offset } = paging(req);
    res.json(await reviews.list({ status, limit, offset }));
  });
  router.get('/reviews/:id', async (req, res) => {
    const review = await reviews.get(req.params['id']!);
    if (!review) return void res.status(404).json({ error: 'no such review' });
    res.json({ review });
  });
  router.post('/reviews/:id/reveal', async (req, res) => {
    const review = await reviews.reveal(req.params['id']!, currentActor(res).email);
    if (!review) return void res.status(404).json({ error: 'no such review' });
    res.json({ review });
  });
  router.post('/reviews/:id/approve', async (req, res) => {
    const { text, reveal } = body(req);
    if (text !== undefined && typeof text !== 'string') throw new InputError('"text" must be a string');
    if (reveal !== undefined && typeof reveal !== 'boolean')
      throw new InputError('"reveal" must be true or false');
    sendDecision(
      res,
      await reviews.approve(req.params['id']!, currentActor(res).email, text, { reveal: reveal === true }),
    );
  });
  router.post('/reviews/:id/reject', async (req, res) => {
    const reason = body(req)['reason'];
    if (typeof reason !== 'string') throw new InputError('send {"reason": "..."}');
    sendDecision(res, await reviews.reject(req.params['id']!, currentActor(res).email, reason));
  });
  router.post('/reviews/:id/retry', async (req, res) => {
    const outcome = await reviews.retryDelivery(req.params['id']!, currentActor(res).email);
    if (outcome === 'not_found') return void res.status(404).json({ error: 'no such review' });
    res.json({ delivered: outcome !== 'failed', outcome });
  });
}

export function addKnowledgeApi(router: Router, ctx: AdminContext): void {
  router.get('/documents', async (req, res) => {
    const { limit, offset } = paging(req);
    const q = typeof req.query['q'] === 'string' && req.query['q'] ? req.query['q'].slice(0, 200) : undefined;
    const [documents, total] = await Promise.all([
      ctx.store.documents.list({ limit, offset, query: q }),
      ctx.queries.countDocuments(q),
    ]);
    res.json({ documents, total });
  });
  router.get('/knowledge/findings', async (req, res) => {
    const [documents, total] = await Promise.all([
      listDocumentsToFix(ctx, paging(req)),
      ctx.queries.countDocumentsToFix(),
    ]);
    res.json({ documents, total });
  });
  router.delete('/documents/:id', async (req, res) => {
    const removed = await ctx.knowledge.remove(req.params['id']!, currentActor(res).email);
    if (!removed) return void res.status(404).json({ error: 'no such document' });
    res.status(204).end();
  });
  router.post('/index/rebuild', async (_req, res) => {
    await ctx.knowledge.reindex(currentActor(res).email);
    res.json({ rebuilt: true });
  });
}

export function addInsightApi(router: Router, ctx: AdminContext): void {
  router.get('/insight', async (_req, res) => {
    res.json(await computeInsight(ctx, { days: INSIGHT_DAYS, now: ctx.now() }));
  });
  router.get('/audit', async (req, res) => {
    const { limit, offset } = paging(req);
    const actor =
      typeof req.query['actor'] === 'string' && req.query['actor'] ? req.query['actor'] : undefined;
    const action =
      typeof req.query['action'] === 'string' && req.query['action'] ? req.query['action'] : undefined;
    const [entries, total] = await Promise.all([
      ctx.store.audit.list({ limit, offset, actor, action }),
      ctx.queries.countAudit({ actor, action }),
    ]);
    res.json({ entries, total });
  });
}

/**
 * Standard answers (DESIGN.md): list, create, edit, retire. Publishers and admins; employees'
 * wordings and a gap's question id only to roles that may read insight.
 */
export function addStandardAnswerApi(router: Router, ctx: AdminContext): void {
  router.get('/standard-answers', async (req, res) => {
    const includeRetired = req.query['retired'] === '1' || req.query['retired'] === 'true';
    const { role } = currentActor(res);
    const answers = await ctx.standardAnswers.list({ includeRetired });
    res.json({ standardAnswers: answers.map((a) => shownTo(a, role)) });
  });
  router.post('/standard-answers', async (req, res) => {
    const created = await ctx.standardAnswers.create(apiInput(body(req), currentActor(res).email));
    res.status(201).json({ id: created.id });
  });
  router.get('/standard-answers/:id', async (req, res) => {
    const answer = await ctx.standardAnswers.get(req.params['id']!);
    if (!answer) return void res.status(404).json({ error: 'no such standard answer' });
    res.json({ standardAnswer: shownTo(answer, currentActor(res).role) });
  });
  router.patch('/standard-answers/:id', async (req, res) => {
    const { email, role } = currentActor(res);
    const fields = apiFields(body(req));
    const current = await ctx.standardAnswers.get(req.params['id']!);
    if (current) checkPhrasingsEdit(current, fields, role);
    const updated = await ctx.standardAnswers.update(req.params['id']!, fields, email);
    if (!updated) return void res.status(404).json({ error: 'no such standard answer (or it is retired)' });
    res.json({ standardAnswer: shownTo(updated, role) });
  });
  router.delete('/standard-answers/:id', async (req, res) => {
    const retired = await ctx.standardAnswers.retire(req.params['id']!, currentActor(res).email);
    if (!retired) return void res.status(404).json({ error: 'no such standard answer (or it is retired)' });
    res.status(204).end();
  });
}
