/**
 * What the main thread and a worker thread tell each other, whatever the worker computes: the
 * worker says once that it is `ready` (with what the main thread needs to know about its model)
 * or that it could not load; afterwards every message about a request carries the request's id.
 */
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import {
  ConfigError,
  GeneratorBusyError,
  GeneratorUnavailableError,
  InputError,
  ModelLoadError,
  PolyDeskError,
} from './errors.js';

/** An error as it crosses a thread boundary (structured clone keeps no class). */
export interface WireError {
  readonly name: string;
  readonly message: string;
}

/** The first message of a worker: ready with its description, or why it could not start. */
export type StartMessage<Info> =
  | { readonly type: 'ready'; readonly info: Info }
  | { readonly type: 'load-error'; readonly error: WireError };

/**
 * Main thread → worker: stop working on request `id`, or on its part `part` (one sequence of a
 * batch), because its caller gave up or its deadline passed.
 */
export interface AbortMessage {
  readonly type: 'abort';
  readonly id: number;
  readonly part?: number | undefined;
}

/**
 * Main thread → worker: finish. The worker stops its requests at their next step, releases its
 * session and ends by itself — never `Worker.terminate()` while a forward pass runs: onnxruntime-node
 * then aborts the whole process ("terminate called after throwing an instance of 'Napi::Error'").
 */
export interface CloseMessage {
  readonly type: 'close';
}

const CLASSES: Record<string, new (message: string) => PolyDeskError> = {
  ConfigError,
  InputError,
  ModelLoadError,
  GeneratorUnavailableError,
  GeneratorBusyError,
};

export function toWire(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error again, of PolyDesk's class where it had one, so callers can tell a bad model from a bad input. */
export function fromWire(wire: WireError): Error {
  const Class = CLASSES[wire.name];
  if (Class) return new Class(wire.message);
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/**
 * Called where a native session is created: forward passes hold the thread that runs them for
 * tens of milliseconds to seconds, and the main thread must stay free for Slack's 3-second acks,
 * health checks and every other question.
 */
export function assertWorkerThread(what: string): void {
  if (isMainThread) {
    throw new PolyDeskError(
      'MODEL_LOAD_FAILED',
      `${what} runs only in a worker thread, never on the main thread (use its client, which starts one)`,
    );
  }
}

/**
 * How much lower a model's thread runs than the main thread (nice, Linux). Set in the worker before
 * the session starts, it holds for onnxruntime's own threads too, which inherit it: with fewer cores
 * than busy threads, the event loop that acknowledges Slack and answers health checks gets the CPU
 * first, and the model the rest. Not tuned: any value well above 0 gives the main thread precedence.
 */
const MODEL_THREAD_NICE = 10;

/**
 * Lowers the calling worker thread's priority by MODEL_THREAD_NICE. Linux only: there a nice value
 * belongs to one thread, while elsewhere it would lower the whole process.
 */
export function yieldToMainThread(): void {
  if (process.platform !== 'linux' || isMainThread) return;
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + MODEL_THREAD_NICE));
  } catch {
    // Not permitted here (a sandbox): the thread keeps its priority.
  }
}
