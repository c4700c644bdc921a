import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type RequestHandler } from 'express';
import type { AnswerService, Directory } from './answer/ports.js';
import { ConfigError } from './core/errors.js';
import type { Logger } from './core/log.js';
import { type WebChatOptions, createWebChat } from './bot/web/web-chat.js';
import type { Metrics } from './metrics.js';

/** Something that can say whether the process should get traffic. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<boolean>;
}

export interface ServerDeps {
  readonly answers: AnswerService;
  readonly directory: Directory;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly readiness: readonly ReadinessCheck[];
  /**
   * The local chat page (`/`, `/api/chat`): who may use it, its question limit, how it learns about
   * held answers and records ratings. Without it the page is not mounted (404).
   */
  readonly webChat?: WebChatOptions | undefined;
  /**
   * Which proxies' X-Forwarded-For/-Proto are believed (TRUST_PROXY): default none, so a client
   * cannot choose the address that the sign-in limiter and the logs see.
   */
  readonly trustProxy?: false | number | readonly string[] | undefined;
  /** Extra routes mounted by adapters: Slack at /slack/events, Teams at /api/messages, admin at /admin. */
  readonly mounts?: readonly {
    path: string;
    method: 'post' | 'use';
    handler: RequestHandler | express.Router;
  }[];
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Tracks requests in flight so SIGTERM can let them finish. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  enter(): void {
    this.count += 1;
  }
  leave(): void {
    this.count -= 1;
    if (this.count === 0) for (const w of this.waiters.splice(0)) w();
  }
  get size(): number {
    return this.count;
  }
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

export function createExpressApp(deps: ServerDeps, inFlight: InFlight): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', Array.isArray(deps.trustProxy) ? [...deps.trustProxy] : (deps.trustProxy ?? false));
  app.use((req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      inFlight.enter();
      let left = false;
      const leave = () => {
        if (!left) {
          left = true;
          inFlight.leave();
        }
      };
      res.on('finish', leave);
      res.on('close', leave);
    }
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      deps.readiness.map(async (r) => [r.name, await r.check().catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  app.get('/metrics', async (_req, res) => {
    const { registry } = deps.metrics;
    if (!registry) {
      res.status(404).json({ error: 'metrics are not collected by this process' });
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  for (const mount of deps.mounts ?? []) {
    if (mount.method === 'post') app.post(mount.path, mount.handler as RequestHandler);
    else app.use(mount.path, mount.handler);
  }
  if (deps.webChat)
    app.use(
      createWebChat({
        ...deps.webChat,
        answers: deps.answers,
        directory: deps.directory,
        logger: deps.logger,
      }),
    );
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(((error, _req, res, _next) => {
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500)
      deps.logger('error', 'http.error', { error: error instanceof Error ? error.name : 'unknown' });
    if (!res.headersSent)
      res
        .status(status)
        .json({ error: status === 500 ? 'internal error' : String(error.message ?? 'bad request') });
  }) as express.ErrorRequestHandler);
  return app;
}

export interface RunningServer {
  readonly port: number;
  readonly inFlight: InFlight;
  /** Stops accepting connections and waits (up to `graceMs`) for requests in flight. */
  close(graceMs?: number): Promise<void>;
}

/**
 * What a person can do about a port that cannot be opened; other errors pass unchanged. A
 * ConfigError, so that `serve` exits with code 2 and this one line instead of a stack.
 */
export function listenError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (code === 'EADDRINUSE')
    return new ConfigError(
      `cannot listen on ${where}: the port is already in use (EADDRINUSE). Is another PolyDesk running? ` +
        `Stop it, or set PORT to a free port (e.g. PORT=${port === 3000 ? 3001 : 3000}); \`ss -ltnp 'sport = :${port}'\` shows who holds it`,
      { cause: error },
    );
  if (code === 'EACCES')
    return new ConfigError(
      `cannot listen on ${where}: permission denied (EACCES). Ports below 1024 need root or CAP_NET_BIND_SERVICE: ` +
        'set PORT=3000 (or another port from 1024) and let a reverse proxy serve 443',
      { cause: error },
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new ConfigError(
      `cannot listen on ${where}: ${host} is not an address of this machine (${code}). ` +
        'Set HOST to one of its addresses, 127.0.0.1 (this machine only) or 0.0.0.0 (all)',
      { cause: error },
    );
  return error;
}

export async function listen(
  app: Express,
  inFlight: InFlight,
  port: number,
  host: string,
): Promise<RunningServer> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, port, host)));
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    inFlight,
    async close(graceMs = 30_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await inFlight.idle(graceMs);
      server.closeAllConnections();
      await closed;
    },
  };
}
