import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Largest request body the chat endpoints read before they know who sent it (the signature or the
 * token is checked over the whole body). Slack's events and interactivity payloads and Bot Framework
 * activities are a few kilobytes; a card's longest submit stays far below this.
 */
export const MAX_UNAUTHENTICATED_BODY_BYTES = 1024 * 1024;

/** A body read within its limit, or the reason it was not. */
export type BodyRead =
  | { readonly status: 'read'; readonly body: Buffer }
  | { readonly status: 'too_large' }
  | { readonly status: 'aborted' };

/**
 * Reads a request body, counting bytes as they arrive: a `Content-Length` above `limit` is refused
 * before anything is read, and a body that grows past it (chunked, or lying about its length) stops
 * being read as soon as it does. Memory stays bounded by `limit`, whatever the client sends.
 */
export function readBoundedBody(
  req: IncomingMessage,
  limit = MAX_UNAUTHENTICATED_BODY_BYTES,
): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ status: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        chunks.length = 0;
        finish({ status: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ status: 'read', body: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ status: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}

/** How long a refused connection stays half-open so that its client reads the 413 before the reset. */
const LINGER_MS = 2_000;

/**
 * Answers 413 to a body over the limit and ends the connection: the answer goes out, the connection
 * is half-closed at once and dropped `LINGER_MS` later. Closing it outright with unread bytes would
 * reset it, and the client could lose the answer. Nothing more is buffered: a body refused while it
 * was read stays unread; one refused by its `Content-Length` alone is discarded by Node as it comes
 * in, until the connection is dropped.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, body?: unknown): void {
  const socket = req.socket;
  req.pause();
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  const text = body === undefined ? '' : JSON.stringify(body);
  res.once('finish', () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
  res.writeHead(413, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
