import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { type ReviewService, type ReviewServiceDeps, createReviewService } from '../answer/review-service.js';
import type { DeliveryChannel, Directory } from '../answer/ports.js';
import { InputError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Guard } from '../guardrails/guard.js';
import {
  type AnswerSubscriptionService,
  createAnswerSubscriptions,
} from '../helpdesk/answer-subscriptions.js';
import { type StandardAnswerService, createStandardAnswerService } from '../helpdesk/standard-answers.js';
import type { Platform } from '../core/types.js';
import { type Analyzer, analyze as defaultAnalyze } from '../rag/text-analyzer.js';
import { AdminRepository } from '../store/admin-repository.js';
import type { Store } from '../store/store.js';
import type { SyncDeps } from '../../ingest/sync.js';
import type { AdminContext } from './admin-context.js';
import type { InstructionSentenceFinder } from './documents-to-fix.js';
import { AdminQueries } from './admin-queries.js';
import {
  addInsightApi,
  addKnowledgeApi,
  addStandardAnswerApi,
  addReviewApi,
  addUploadApi,
  refuseJson,
} from './api-routes.js';
import { type Area, actorOf, authenticate, may, requireActor, requireArea, requireCsrf } from './auth.js';
import { addAuthRoutes } from './auth-routes.js';
import { addInsightPages } from './insight-pages.js';
import { addKnowledgePages, addUploadPage, refusePage } from './knowledge-pages.js';
import { createKnowledgeService } from './knowledge-service.js';
import { LoginLimiter } from './login-limiter.js';
import { addPilotApi, addPilotPages } from './pilot-pages.js';
import { addReviewPages } from './review-pages.js';
import { type SourcesPanel, addSourcePages } from './source-pages.js';
import { addStandardAnswerPages } from './standard-answer-pages.js';
import { Views } from './views.js';

const STATIC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

export interface AdminDeps {
  readonly store: Store;
  /** The ingest path shared with `polydesk ingest` (the runtime's `ingestDeps`). */
  readonly ingest: SyncDeps;
  /** The knowledge index: snapshots are saved after changes, `refresh` picks up changes made elsewhere. */
  readonly index: { persist(): Promise<void>; refresh(): Promise<boolean>; rebuild(): Promise<void> };
  /** Rebuilds the search indexes from the database; default: the index's own rebuild. */
  readonly reindex?: (() => Promise<void>) | undefined;
  /** The delivery channel of each chat platform running in this process (Slack, Teams). */
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  /**
   * The output guard: an approved held answer passes it again (credentials masked unless revealed);
   * a standard answer sent to the askers waiting for it passes it for them.
   */
  readonly guard: ReviewServiceDeps['guard'] & Pick<Guard, 'check'>;
  /** Finds the sentences of a stored document that instruct the assistant (the "Documents to fix" list). */
  readonly instructionSentences: InstructionSentenceFinder;
  /** People's groups (DIRECTORY_FILE), for the pilot numbers per group. */
  readonly directory: Directory;
  /** Largest file accepted per upload (MAX_FILE_MB). */
  readonly maxFileBytes: number;
  readonly maxUploadFiles?: number | undefined;
  readonly logger: Logger;
  readonly analyze?: Analyzer | undefined;
  readonly loginLimiter?: LoginLimiter | undefined;
  readonly now?: (() => Date) | undefined;
  /** Standard answers; default: a service over the store (the runtime's `standardAnswers`). */
  readonly standardAnswers?: StandardAnswerService | undefined;
  /** Askers waiting for an answer; default: told through `deliveries`, checked by `guard`. */
  readonly subscriptions?: AnswerSubscriptionService | undefined;
  /** Synced sources and their scheduler, for the Sources page; undefined when SOURCES_FILE is not set. */
  readonly sources?: SourcesPanel | undefined;
}

export interface Admin {
  /** Mount at `/admin`. */
  readonly router: Router;
  /** Decisions on held answers, for other callers (e.g. a chat adapter's own approve button). */
  readonly reviews: ReviewService;
}

/** The admin web UI (pages under /admin) and its JSON API (/admin/api), with sign-in, roles and CSRF. */
export function createAdmin(deps: AdminDeps): Admin {
  const reviews = createReviewService({
    store: deps.store,
    deliveries: deps.deliveries,
    guard: deps.guard,
    logger: deps.logger,
  });
  const knowledge = createKnowledgeService({
    store: deps.store,
    ingest: deps.ingest,
    persistIndex: () => deps.index.persist(),
    reindex: deps.reindex ?? (() => deps.index.rebuild()),
    logger: deps.logger,
  });
  const ctx: AdminContext = {
    store: deps.store,
    admins: new AdminRepository(deps.store.db),
    queries: new AdminQueries(deps.store),
    reviews,
    knowledge,
    standardAnswers:
      deps.standardAnswers ??
      createStandardAnswerService({
        repository: deps.store.standardAnswers,
        audit: deps.store.audit,
        logger: deps.logger,
      }),
    subscriptions:
      deps.subscriptions ??
      createAnswerSubscriptions({
        repository: deps.store.subscriptions,
        guard: deps.guard,
        directory: deps.directory,
        deliveries: deps.deliveries,
        logger: deps.logger,
      }),
    views: new Views(),
    uploadLimits: {
      maxFileBytes: deps.maxFileBytes,
      maxFiles: deps.maxUploadFiles ?? 20,
      maxTotalBytes: Math.max(deps.maxFileBytes, 200 * 1024 * 1024),
    },
    loginLimiter: deps.loginLimiter ?? new LoginLimiter(),
    analyze: deps.analyze ?? defaultAnalyze,
    instructionSentences: deps.instructionSentences,
    directory: deps.directory,
    sources: deps.sources,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
  };
  return { router: createAdminRouter(ctx), reviews };
}

function createAdminRouter(ctx: AdminContext): Router {
  const router = express.Router();
  router.use('/static', express.static(STATIC, { index: false, maxAge: '1h', fallthrough: false }));
  router.use(express.urlencoded({ extended: false, limit: '256kb' }), express.json({ limit: '256kb' }));
  router.use(authenticate(ctx.admins, ctx.now));
  addAuthRoutes(router, ctx);
  router.use('/api', apiRouter(ctx));
  router.use(pagesRouter(ctx));
  router.use(errorHandler(ctx));
  return router;
}

function apiRouter(ctx: AdminContext): Router {
  const api = express.Router();
  const forbid = (area: Area) => (_req: Request, res: Response) => {
    res.status(403).json({ error: `the role "${actorOf(res)?.role}" may not use ${area}` });
  };
  api.use(requireActor('api'));
  api.use(['/reviews'], requireArea('reviews', forbid('reviews')));
  api.use(
    ['/documents', '/index', '/knowledge', '/standard-answers'],
    requireArea('knowledge', forbid('knowledge')),
  );
  api.use(['/insight', '/audit', '/pilot'], requireArea('insight', forbid('insight')));
  addUploadApi(api, ctx);
  api.use(requireCsrf(refuseJson));
  addReviewApi(api, ctx);
  addKnowledgeApi(api, ctx);
  addStandardAnswerApi(api, ctx);
  addInsightApi(api, ctx);
  addPilotApi(api, ctx);
  api.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  return api;
}

function pagesRouter(ctx: AdminContext): Router {
  const pages = express.Router();
  const forbid = (what: string) => (req: Request, res: Response) =>
    ctx.views.message(
      req,
      res,
      403,
      'Not allowed',
      `Your role (${actorOf(res)?.role}) does not include ${what}.`,
    );
  pages.use(requireActor('page'));
  pages.get('/', (_req, res) => {
    const role = actorOf(res)!.role;
    res.redirect(303, may(role, 'reviews') ? '/admin/reviews' : '/admin/knowledge');
  });
  pages.use('/reviews', requireArea('reviews', forbid('reviews')));
  pages.use(['/knowledge', '/standard-answers', '/sources'], requireArea('knowledge', forbid('knowledge')));
  pages.use(
    ['/insight', '/audit', '/pilot', '/pilot.csv'],
    requireArea('insight', forbid('insight and the audit log')),
  );
  addUploadPage(pages, ctx);
  pages.use(requireCsrf(refusePage(ctx)));
  addReviewPages(pages, ctx);
  addKnowledgePages(pages, ctx);
  addStandardAnswerPages(pages, ctx);
  addSourcePages(pages, ctx);
  addInsightPages(pages, ctx);
  addPilotPages(pages, ctx);
  pages.use((req, res) => ctx.views.message(req, res, 404, 'Not found', 'There is no such page.'));
  return pages;
}

function errorHandler(ctx: AdminContext): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const declared =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500
        ? error.status
        : undefined;
    const status = error instanceof InputError ? 400 : (declared ?? 500);
    if (status === 500) ctx.logger('error', 'admin.error', { path: req.path, error: describeError(error) });
    const message =
      status === 500
        ? 'Something went wrong; the error was logged.'
        : String(error?.message ?? 'bad request');
    if (req.originalUrl.startsWith('/admin/api/'))
      res.status(status).json({ error: status === 500 ? 'internal error' : message });
    else ctx.views.message(req, res, status, status === 500 ? 'Error' : 'Bad request', message);
  };
}
