/**
 * A fake Slack Socket Mode endpoint over a real WebSocket (RFC 6455, written out here: a handshake
 * and unfragmented text, ping and close frames are all Slack's protocol needs). `apps.connections.open`
 * on the fake Web API points clients here; the server says `hello`, sends envelopes and records acks.
 */
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FakeSlackServer } from './slack-server.js';

export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export class FakeSocketModeServer {
  readonly acks: SocketAck[] = [];
  private readonly sockets = new Set<Duplex>();
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private connected: (() => void) | undefined;
  private readonly ready: Promise<void>;

  private constructor(private readonly server: Server) {
    this.ready = new Promise((resolve) => {
      this.connected = resolve;
    });
    server.on('upgrade', (req, socket) => this.accept(req.headers['sec-websocket-key'], socket));
  }

  static async start(slack: FakeSlackServer): Promise<FakeSocketModeServer> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    const fake = new FakeSocketModeServer(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    slack.socketUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=fake`;
    return fake;
  }

  /** Resolves once a client has connected and been greeted. */
  whenConnected(): Promise<void> {
    return this.ready;
  }

  /** Sends an envelope (`events_api`, `slash_commands`, `interactive`) and resolves with the client's ack. */
  async send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): Promise<SocketAck> {
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve) => this.waiting.set(envelopeId, resolve));
    this.broadcast({
      envelope_id: envelopeId,
      payload,
      type,
      accepts_response_payload: type !== 'events_api',
      retry_attempt: 0,
      retry_reason: '',
    });
    return acked;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(key: string | undefined, socket: Duplex): void {
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
        buffer = buffer.subarray(frame.length);
        if (frame.opcode === 0x1) this.receive(frame.payload.toString('utf8'));
        else if (frame.opcode === 0x9) socket.write(encodeFrame(0xa, frame.payload));
        else if (frame.opcode === 0x8) socket.end(encodeFrame(0x8, frame.payload.subarray(0, 2)));
      }
    });
    socket.write(
      encodeFrame(
        0x1,
        Buffer.from(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }),
        ),
      ),
    );
    this.connected?.();
  }

  private receive(text: string): void {
    const ack = JSON.parse(text) as SocketAck;
    this.acks.push(ack);
    this.waiting.get(ack.envelope_id)?.(ack);
    this.waiting.delete(ack.envelope_id);
  }

  private broadcast(message: unknown): void {
    const frame = encodeFrame(0x1, Buffer.from(JSON.stringify(message)));
    for (const socket of this.sockets) socket.write(frame);
  }
}

function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** One complete client frame at the start of `buffer` (clients always mask), or undefined if incomplete. */
function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buffer.length < 2) return undefined;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked)
    for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ buffer[maskOffset + (i % 4)]!;
  return { opcode, payload, length: offset + length };
}
