import type { Request, Response, Router } from 'express';
import { InputError } from '../core/errors.js';
import { CLASSIFICATIONS } from '../core/types.js';
import { SUPPORTED_EXTENSIONS } from '../../ingest/load-file.js';
import { type AdminContext, PAGE_SIZE } from './admin-context.js';
import { csrfOk, currentActor } from './auth.js';
import { listDocumentsToFix } from './documents-to-fix.js';
import { parseAudience, parseClassification, type UploadResult } from './knowledge-service.js';
import { parseUpload } from './upload.js';
import { pager } from './views.js';

/** Refusal of a state change without the session's CSRF token, as a page. */
export function refusePage(ctx: AdminContext) {
  return (req: Request, res: Response) =>
    ctx.views.message(
      req,
      res,
      403,
      'Refused',
      'The request lacked its security token. Reload the page and try again.',
    );
}

/** Renders the documents page (with the results of an upload, or an error). */
function documentsPage(ctx: AdminContext) {
  return async (
    req: Request,
    res: Response,
    extra: { results?: UploadResult[]; error?: string } = {},
    status = 200,
  ) => {
    const q = typeof req.query['q'] === 'string' ? req.query['q'].slice(0, 200) : '';
    const [total, toFix] = await Promise.all([
      ctx.queries.countDocuments(q || undefined),
      ctx.queries.countDocumentsToFix(),
    ]);
    const page = pager(req, total, PAGE_SIZE, '/admin/knowledge');
    const documents = await ctx.store.documents.list({
      limit: page.limit,
      offset: page.offset,
      query: q || undefined,
    });
    ctx.views.render(
      req,
      res,
      'knowledge.njk',
      {
        title: 'Knowledge',
        documents,
        toFix,
        pager: page,
        q,
        classifications: CLASSIFICATIONS,
        extensions: SUPPORTED_EXTENSIONS.join(' '),
        maxFiles: ctx.uploadLimits.maxFiles,
        maxMb: Math.round((ctx.uploadLimits.maxFileBytes / (1024 * 1024)) * 10) / 10,
        ...extra,
      },
      status,
    );
  };
}

/**
 * The upload of documents. Multipart bodies are parsed here, so the CSRF token (a form field) is
 * checked after parsing: mount this before the router-wide CSRF check.
 */
export function addUploadPage(router: Router, ctx: AdminContext): void {
  const showList = documentsPage(ctx);
  router.post('/knowledge/upload', async (req, res) => {
    if (!req.is('multipart/form-data'))
      return showList(req, res, { error: 'Send the files as multipart/form-data.' }, 400);
    const upload = await parseUpload(req, ctx.uploadLimits);
    if (!csrfOk(req, res, upload.fields['_csrf'])) return refusePage(ctx)(req, res);
    if (upload.files.length === 0) return showList(req, res, { error: 'Choose at least one file.' }, 400);
    try {
      const options = {
        audience: parseAudience(upload.fields['audience']),
        classification: parseClassification(upload.fields['classification']),
      };
      const results = await ctx.knowledge.upload(upload.files, options, currentActor(res).email);
      const anyStored = results.some((r) => r.status !== 'failed');
      await showList(req, res, { results }, anyStored ? 200 : 422);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await showList(req, res, { error: error.message }, 400);
    }
  });
}

/** The documents list with delete and re-index. Mounted behind the `knowledge` area. */
export function addKnowledgePages(router: Router, ctx: AdminContext): void {
  const showList = documentsPage(ctx);
  router.get('/knowledge', async (req, res) => {
    await showList(req, res);
  });

  router.get('/knowledge/findings', async (req, res) => {
    const page = pager(req, await ctx.queries.countDocumentsToFix(), PAGE_SIZE);
    const documents = await listDocumentsToFix(ctx, page);
    ctx.views.render(req, res, 'documents-to-fix.njk', { title: 'Documents to fix', documents, pager: page });
  });

  router.post('/knowledge/reindex', async (_req, res) => {
    await ctx.knowledge.reindex(currentActor(res).email);
    res.redirect(303, '/admin/knowledge?notice=reindexed');
  });

  router.post('/knowledge/:id/delete', async (req, res) => {
    const removed = await ctx.knowledge.remove(req.params['id']!, currentActor(res).email);
    if (!removed) return ctx.views.message(req, res, 404, 'Not found', 'There is no document with this id.');
    res.redirect(303, '/admin/knowledge?notice=deleted');
  });
}
