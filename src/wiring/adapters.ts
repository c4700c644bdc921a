import type { RequestHandler, Router } from 'express';
import { createAdmin } from '../admin/admin-router.js';
import type { SourcesPanel } from '../admin/source-pages.js';
import { ensureFirstAdmin } from '../admin/first-admin.js';
import type { DeliveryChannel } from '../answer/ports.js';
import type { ReviewService } from '../answer/review-service.js';
import { createSlackAdapter } from '../bot/slack/slack-adapter.js';
import { createTeamsAdapter } from '../bot/teams/teams-adapter.js';
import { GraphThreadReader } from '../bot/teams/graph-thread-reader.js';
import type { CheckedText } from '../core/checked-text.js';
import { createAnswerSubscriptions } from '../helpdesk/answer-subscriptions.js';
import type { HandOffs } from '../helpdesk/escalations.js';
import type { Platform } from '../core/types.js';
import type { Runtime } from '../runtime.js';
import type { ReadinessCheck } from '../server.js';
import { conversationLog } from './conversation-log.js';
import { createHandOffWiring } from './hand-off.js';
import { instructionSentences } from './instruction-sentences.js';

export interface Adapters {
  readonly mounts: { path: string; method: 'post' | 'use'; handler: RequestHandler | Router }[];
  readonly readiness: ReadinessCheck[];
  /** How an approved or rejected held answer reaches its platform. */
  delivery(platform: Platform): DeliveryChannel | undefined;
  /** Decisions on held answers (the local chat page reads approved ones through it). */
  readonly reviews: ReviewService;
  /** "Ask a person" (EXPERT_ROUTES_FILE), for the chat page too; undefined when not configured. */
  readonly handOff: HandOffs | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the chat adapters and the admin UI that the configuration enables. */
export async function createAdapters(
  runtime: Runtime,
  extras: { readonly sources?: SourcesPanel | undefined } = {},
): Promise<Adapters> {
  const { config, logger, store } = runtime;
  const mounts: Adapters['mounts'] = [];
  const deliveries = new Map<Platform, DeliveryChannel>();
  const starters: (() => Promise<void>)[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const teamsOn = Boolean(config.teams.appId || config.teams.emulator);
  const handOff = await createHandOffWiring(runtime, {
    platforms: new Set([
      ...(config.slack.botToken ? ['slack' as const] : []),
      ...(teamsOn ? ['teams' as const] : []),
    ]),
    deliveries: (platform) => deliveries.get(platform),
    publisher: runtime.standardAnswers,
  });
  if (handOff) {
    starters.push(async () => handOff.start());
    stoppers.push(async () => handOff.stop());
  }
  // "Tell me when it's answered" under a not-found; the admin UI's "Answer this" tells them.
  const subscriptions = createAnswerSubscriptions({
    repository: store.subscriptions,
    guard: runtime.guard,
    directory: runtime.directory,
    deliveries: (platform) => deliveries.get(platform),
    logger,
  });

  if (config.slack.botToken) {
    const slack = await createSlackAdapter({
      botToken: config.slack.botToken,
      signingSecret: config.slack.signingSecret,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      answers: runtime.answers,
      directory: runtime.directory,
      claims: store.events,
      feedback: store.feedback,
      logger,
      popularQuestions: (language, limit) => checkedPopular(runtime, language, limit),
      handOff: handOff?.handOffs,
      subscriptions,
      summaries: runtime.summaries,
    });
    handOff?.register(slack.expert);
    // Bolt verifies signatures over the raw body: mounted before any body parser.
    if (slack.handler)
      mounts.push({ path: '/slack/events', method: 'post', handler: slack.handler as RequestHandler });
    deliveries.set('slack', slack.delivery);
    starters.push(() => slack.start());
    stoppers.push(() => slack.stop());
  } else {
    logger('info', 'slack.disabled', {
      hint: 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)',
    });
  }

  // Teams with an Azure Bot's app id, or the Emulator's unauthenticated mode only when asked for:
  // otherwise /api/messages is not mounted at all.
  if (teamsOn) {
    const teams = createTeamsAdapter({
      ...config.teams,
      answers: runtime.answers,
      directory: runtime.directory,
      claims: store.events,
      feedback: store.feedback,
      history: conversationLog(store),
      logger,
      handOff: handOff?.handOffs,
      subscriptions,
      summaries: runtime.summaries,
      threadSource: config.teams.graph
        ? new GraphThreadReader({
            clientId: config.teams.appId!,
            clientSecret: config.teams.appPassword!,
            tenantId: config.teams.appType === 'SingleTenant' ? config.teams.tenantId : undefined,
            graphUrl: config.teams.graph.graphUrl,
            loginUrl: config.teams.graph.loginUrl,
            logger,
          })
        : undefined,
    });
    handOff?.register(teams.expert);
    mounts.push({ path: '/api/messages', method: 'post', handler: teams.handler as RequestHandler });
    deliveries.set('teams', teams.delivery);
    stoppers.push(() => teams.stop(30_000));
  } else {
    logger('info', 'teams.disabled', {
      hint: 'set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (or TEAMS_EMULATOR=1 for the Bot Framework Emulator)',
    });
  }

  await ensureFirstAdmin(store, config.adminPassword, logger);
  const admin = createAdmin({
    store,
    ingest: runtime.ingestDeps,
    index: runtime.index,
    deliveries: (platform) => deliveries.get(platform),
    guard: runtime.guard,
    instructionSentences,
    directory: runtime.directory,
    maxFileBytes: config.maxFileBytes,
    logger,
    subscriptions,
    sources: extras.sources,
  });
  // Uploads read the raw request: no body parser in front of /admin.
  mounts.push({ path: '/admin', method: 'use', handler: admin.router });

  return {
    mounts,
    readiness: [],
    delivery: (platform) => deliveries.get(platform),
    reviews: admin.reviews,
    handOff: handOff?.handOffs,
    async start() {
      for (const start of starters) await start();
    },
    async stop() {
      for (const stop of stoppers) await stop().catch(() => {});
    },
  };
}

/**
 * The most asked questions as suggested prompts: other people's words, so each passes the guard
 * for an anonymous reader first, and only those it allows unchanged are offered.
 */
async function checkedPopular(runtime: Runtime, language: string, limit: number): Promise<CheckedText[]> {
  const questions = await runtime.store.questions.popular(limit * 2, language);
  const readers = [{ email: 'slack:any-member', groups: ['all'] }];
  const verdicts = await Promise.all(
    questions.map((q) => runtime.guard.check(q, { readers, sources: [], language })),
  );
  return verdicts
    .filter((v) => v.action === 'allow')
    .map((v) => v.text)
    .slice(0, limit);
}
