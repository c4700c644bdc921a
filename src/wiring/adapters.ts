import type { RequestHandler, Router } from 'express';
import type { Runtime } from '../runtime.js';
import type { ReadinessCheck } from '../server.js';

export interface Adapters {
  readonly mounts: { path: string; method: 'post' | 'use'; handler: RequestHandler | Router }[];
  readonly readiness: ReadinessCheck[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the chat adapters and the admin UI that the configuration enables. */
export async function createAdapters(_runtime: Runtime): Promise<Adapters> {
  return { mounts: [], readiness: [], start: async () => {}, stop: async () => {} };
}
