/**
 * A client that POSTs a large body the way an attacker would: piece by piece over one raw HTTP
 * connection, yielding to the event loop after each piece so that the server under test (in this
 * process) reads as the bytes come. It stops sending as soon as the server answers or closes the
 * connection, and says how much it had sent by then.
 */
import http from 'node:http';

export interface OversizedPost {
  readonly url: string;
  readonly body: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send `Content-Length` (default) or stream it chunked, with no length announced. */
  readonly declareLength?: boolean;
  readonly pieceBytes?: number;
}

export interface OversizedOutcome {
  /** The response status, when a response came back. */
  readonly status: number | undefined;
  /** Bytes of the body written before the server answered or closed the connection. */
  readonly sent: number;
}

export async function postOversized(post: OversizedPost): Promise<OversizedOutcome> {
  const { body } = post;
  const pieceBytes = post.pieceBytes ?? 64 * 1024;
  const request = http.request(post.url, {
    method: 'POST',
    agent: false,
    headers: {
      ...post.headers,
      ...(post.declareLength === false ? {} : { 'content-length': String(body.length) }),
    },
  });
  let status: number | undefined;
  let stopped = false;
  const settled = new Promise<void>((resolve) => {
    request.on('response', (response) => {
      status = response.statusCode;
      stopped = true;
      response.resume();
      response.on('end', resolve).on('error', () => resolve());
    });
    request.on('error', () => {
      stopped = true;
      resolve();
    });
    request.on('close', () => {
      stopped = true;
      resolve();
    });
  });
  request.flushHeaders();
  let sent = 0;
  while (!stopped && sent < body.length) {
    const piece = body.subarray(sent, Math.min(sent + pieceBytes, body.length));
    const written = await new Promise<boolean>((resolve) => request.write(piece, (error) => resolve(!error)));
    if (!written) break;
    sent += piece.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!stopped) request.end();
  await settled;
  request.destroy();
  return { status, sent };
}
