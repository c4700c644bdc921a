import type { Directory } from '../answer/ports.js';
import type { ReviewService } from '../answer/review-service.js';
import type { Logger } from '../core/log.js';
import type { AnswerSubscriptionService } from '../helpdesk/answer-subscriptions.js';
import type { StandardAnswerService } from '../helpdesk/standard-answers.js';
import type { Analyzer } from '../rag/text-analyzer.js';
import type { AdminRepository } from '../store/admin-repository.js';
import type { Store } from '../store/store.js';
import type { AdminQueries } from './admin-queries.js';
import type { InstructionSentenceFinder } from './documents-to-fix.js';
import type { KnowledgeService } from './knowledge-service.js';
import type { LoginLimiter } from './login-limiter.js';
import type { SourcesPanel } from './source-pages.js';
import type { UploadLimits } from './upload.js';
import type { Views } from './views.js';

/** Everything the admin routes work with, built once by `createAdminRouter`. */
export interface AdminContext {
  readonly store: Store;
  readonly admins: AdminRepository;
  readonly queries: AdminQueries;
  readonly reviews: ReviewService;
  readonly knowledge: KnowledgeService;
  /** Standard answers (create, edit, retire, list) and the askers waiting for one. */
  readonly standardAnswers: StandardAnswerService;
  readonly subscriptions: AnswerSubscriptionService;
  readonly views: Views;
  readonly uploadLimits: UploadLimits;
  readonly loginLimiter: LoginLimiter;
  readonly analyze: Analyzer;
  readonly instructionSentences: InstructionSentenceFinder;
  /** People's groups, for the pilot numbers per group. */
  readonly directory: Directory;
  /** Synced sources and their scheduler (SOURCES_FILE in `serve`); undefined when none. */
  readonly sources?: SourcesPanel | undefined;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** Rows per page of every list. */
export const PAGE_SIZE = 50;
