import type { DeliveryChannel } from '../answer/ports.js';
import { ConfigError, describeError } from '../core/errors.js';
import type { Platform } from '../core/types.js';
import { createHandOffs, type ExpertChannel, type HandOffs } from '../helpdesk/escalations.js';
import { type ExpertPlatform, type ExpertRoute, loadExpertRoutes } from '../helpdesk/expert-routes.js';
import type { StandardAnswerPublisher } from '../helpdesk/ports.js';
import type { Runtime } from '../runtime.js';

/** How often replies that did not reach their askers are relayed again. */
const RELAY_RETRY_EVERY_MS = 60_000;

/** "Ask a person" as `serve` wires it: the service, and where the adapters plug their expert side in. */
export interface HandOffWiring {
  readonly handOffs: HandOffs;
  /** An adapter's expert side, once it is built (the service reaches it only through here). */
  register(channel: ExpertChannel | undefined): void;
  /** Starts relaying again, every minute, the replies whose relay failed or was cut short. */
  start(): void;
  stop(): void;
}

/**
 * "Ask a person" when EXPERT_ROUTES_FILE is set (undefined otherwise: no button offers it). The
 * routes are read and checked now, at start: each must reach an expert channel on a platform that
 * runs, or `serve` stops with a message saying which route and what to set.
 */
export async function createHandOffWiring(
  runtime: Runtime,
  options: {
    readonly platforms: ReadonlySet<ExpertPlatform>;
    readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
    readonly publisher?: StandardAnswerPublisher | undefined;
  },
): Promise<HandOffWiring | undefined> {
  const { config, logger, store, metrics } = runtime;
  if (!config.expertRoutesFile) {
    logger('info', 'handoff.disabled', { hint: 'set EXPERT_ROUTES_FILE to offer "Ask a person"' });
    return undefined;
  }
  const routes = await loadExpertRoutes(config.expertRoutesFile);
  checkPlatforms(routes, options.platforms, config.expertRoutesFile);
  const experts = new Map<ExpertPlatform, ExpertChannel>();
  const handOffs = createHandOffs({
    routes,
    experts: (platform) => experts.get(platform),
    deliveries: options.deliveries,
    escalations: store.escalations,
    documents: store.documents,
    directory: runtime.directory,
    guard: runtime.guard,
    publisher: options.publisher,
    observe: {
      handedOff: (route, platform) => metrics.handOffs.inc({ route, platform }),
      resolved: (route, seconds) => {
        metrics.handOffResolutions.inc({ route });
        metrics.handOffResolutionSeconds.observe({ route }, seconds);
      },
      replied: (verdict) => metrics.handOffReplies.inc({ verdict }),
    },
    logger,
  });
  logger('info', 'handoff.routes', { routes: routes.map((r) => r.name) });
  let timer: NodeJS.Timeout | undefined;
  let retrying = false;
  return {
    handOffs,
    register(channel) {
      if (channel) experts.set(channel.platform, channel);
    },
    start() {
      timer ??= setInterval(() => {
        // One pass at a time: a slow one (a platform that is down) is not overtaken by the next.
        if (retrying) return;
        retrying = true;
        handOffs
          .retryRelays()
          .catch((error: unknown) => logger('warn', 'handoff.retry_failed', { error: describeError(error) }))
          .finally(() => {
            retrying = false;
          });
      }, RELAY_RETRY_EVERY_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/** Each route reaches a running platform: a route whose only channel is on a platform that is off helps nobody. */
function checkPlatforms(
  routes: readonly ExpertRoute[],
  running: ReadonlySet<ExpertPlatform>,
  file: string,
): void {
  const problems: string[] = [];
  for (const route of routes) {
    if ((route.slack && running.has('slack')) || (route.teams && running.has('teams'))) continue;
    const wants = route.slack
      ? 'Slack (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN)'
      : 'Teams (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_EMULATOR=1)';
    problems.push(`route "${route.name}" posts to ${wants}, which is not configured`);
  }
  if (problems.length > 0) throw new ConfigError(`EXPERT_ROUTES_FILE ${file}: ${problems.join('; ')}`);
}
