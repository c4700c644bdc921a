/**
 * A fake OpenAI-compatible server on 127.0.0.1 speaking the streaming chat-completions wire format
 * (server-sent events, `data: {...}` chunks, `data: [DONE]`), with failure scenarios: a stream that
 * breaks in the middle, 429 with Retry-After, 500, a server that hangs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scenario =
  | { readonly kind: 'stream'; readonly chunks: readonly string[] }
  /** Sends `chunks`, then destroys the connection without finishing. */
  | { readonly kind: 'break'; readonly chunks: readonly string[] }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  /** Sends `chunks` (maybe none: not even headers), then nothing more. */
  | { readonly kind: 'hang'; readonly chunks?: readonly string[] }
  /** Sends `chunk` every `everyMs` and never finishes: a server that is alive but too slow. */
  | { readonly kind: 'trickle'; readonly chunk: string; readonly everyMs: number };

export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {
    model: string;
    stream: boolean;
    max_tokens?: number;
    messages: { role: string; content: string }[];
    [key: string]: unknown;
  };
}

export interface FakeOpenAiServer {
  /** e.g. `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Scenarios for the next requests, in order; after them `fallback` answers. */
  enqueue(...scenarios: Scenario[]): void;
  close(): Promise<void>;
}

/** Splits text into small chunks the way a server streams tokens. */
export function chunked(text: string, size = 3): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

function sse(
  res: http.ServerResponse,
  model: string,
  content: string | undefined,
  finish: string | null,
): void {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }],
  };
  res.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

export async function startFakeOpenAiServer(
  fallback: (request: RecordedRequest) => Scenario = () => ({ kind: 'stream', chunks: chunked('OK [1]') }),
): Promise<FakeOpenAiServer> {
  const queue: Scenario[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const request: RecordedRequest = {
        path: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(raw) as RecordedRequest['body'],
      };
      requests.push(request);
      const scenario = queue.shift() ?? fallback(request);
      const model = request.body.model;
      if (scenario.kind === 'status') {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (scenario.retryAfter !== undefined) headers['retry-after'] = scenario.retryAfter;
        res
          .writeHead(scenario.status, headers)
          .end(JSON.stringify({ error: { message: `fake ${scenario.status}` } }));
        return;
      }
      if (scenario.kind === 'hang' && !scenario.chunks) return; // never answers
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
      sse(res, model, '', null);
      if (scenario.kind === 'trickle') {
        const timer = setInterval(() => sse(res, model, scenario.chunk, null), scenario.everyMs);
        res.on('close', () => clearInterval(timer));
        return;
      }
      for (const piece of scenario.chunks ?? []) sse(res, model, piece, null);
      if (scenario.kind === 'break') {
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (scenario.kind === 'hang') return;
      sse(res, model, undefined, 'stop');
      res.write(
        `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { prompt_tokens: 42, completion_tokens: scenario.chunks.length, total_tokens: 42 + scenario.chunks.length } })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...scenarios) => queue.push(...scenarios),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
