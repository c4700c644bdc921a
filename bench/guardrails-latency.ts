/**
 * Building blocks of the guardrail latency bench: a sensitive-value registry of synthetic
 * documents, 2,000-character answers made of clean passages, and interleaved timing of several
 * guards on the same answers (so that a noisy shared machine slows all of them alike).
 */
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scanDocumentAtRest } from '../src/guardrails/at-rest-scan.js';
import type { Guard, GuardContext } from '../src/guardrails/guard.js';
import { fingerprintValue, seedFromKey } from '../src/guardrails/fingerprint.js';
import { type RegisteredValue, SensitiveRegistry } from '../src/guardrails/sensitive-registry.js';

const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_PUNCTUATION = '-_.!#@';
/** Prefix of the registry's document ids, to tell its findings from the leakage index's. */
const REGISTERED_DOC = 'registered-';

/** A secret-like value of 16 to 40 characters: letters and digits with an occasional symbol. */
export function secretLikeValue(random: () => number): string {
  const length = 16 + Math.floor(random() * 25);
  let value = '';
  for (let i = 0; i < length; i++) {
    const pool = i > 0 && i < length - 1 && random() < 0.08 ? SECRET_PUNCTUATION : SECRET_CHARS;
    value += pool[Math.floor(random() * pool.length)];
  }
  return value;
}

export interface BuiltRegistry {
  readonly registry: SensitiveRegistry;
  /** A sample of the registered values in plain text, to plant in answers. */
  readonly sample: readonly string[];
  readonly values: number;
  /** Fingerprinting every value (done at ingest, stored with the document). */
  readonly fingerprintMs: number;
  /** Building the lookup tables from the stored fingerprints (done when the guard refreshes). */
  readonly buildMs: number;
  /** Growth of `heapUsed` after a full GC: the fingerprints the registry keeps. */
  readonly heapBytes: number;
  /** Growth of `arrayBuffers` after a full GC: the registry's typed-array hash tables. */
  readonly arrayBufferBytes: number;
}

/** A registry of `docs` documents with `perDoc` random secret-like values each, under a random key. */
export function buildRegistry(
  docs: number,
  perDoc: number,
  sampleSize: number,
  random: () => number,
): BuiltRegistry {
  const seed = seedFromKey(randomBytes(32));
  const sampleEvery = Math.max(1, Math.floor((docs * perDoc) / sampleSize));
  const sample: string[] = [];
  fullGc();
  const before = process.memoryUsage();
  let started = performance.now();
  const values: RegisteredValue[] = [];
  for (let d = 0; d < docs; d++) {
    for (let k = 0; k < perDoc; k++) {
      const value = secretLikeValue(random);
      const fingerprint = fingerprintValue(seed, value);
      if (!fingerprint) throw new Error(`value too short to register: ${value.length} characters`);
      if (values.length % sampleEvery === 0 && sample.length < sampleSize) sample.push(value);
      values.push({ docId: `${REGISTERED_DOC}${d}`, type: k === 0 ? 'password' : 'secret', fingerprint });
    }
  }
  const fingerprintMs = performance.now() - started;
  started = performance.now();
  const registry = new SensitiveRegistry(seed, values);
  const buildMs = performance.now() - started;
  fullGc();
  const after = process.memoryUsage();
  return {
    registry,
    sample,
    values: registry.size,
    fingerprintMs,
    buildMs,
    heapBytes: after.heapUsed - before.heapUsed,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
  };
}

/**
 * Answers of exactly `chars` characters made of consecutive passages (so each answer is mostly in
 * one language, as a real one is).
 */
export function makeAnswers(passages: readonly string[], chars: number): string[] {
  const answers: string[] = [];
  let text = '';
  for (const passage of passages) {
    text += `${passage}\n\n`;
    if (text.length >= chars) {
      answers.push(text.slice(0, chars));
      text = '';
    }
  }
  return answers;
}

/** The answer with `value` put in place of the words at a random word boundary; the length is kept. */
export function plant(answer: string, value: string, random: () => number): string {
  const room = answer.length - value.length - 2;
  let at = Math.floor(random() * room);
  const space = answer.lastIndexOf(' ', at);
  if (space > 0) at = space;
  return `${answer.slice(0, at)} ${value} ${answer.slice(at + value.length + 2)}`;
}

export interface TimedGuard {
  readonly name: string;
  readonly guard: Guard;
}

export interface GuardTiming {
  /** Every check, in ms. */
  readonly latencies: number[];
  /** Per answer, its fastest check over the passes: the answer's own cost, without the machine's noise. */
  readonly bestPerAnswer: number[];
  /** Answers whose verdict (last pass) reports a registered value. */
  answersWithRegistryHit: number;
  /** Indices of the answers whose verdict (last pass) reports a leaked passage. */
  readonly answersWithLeakage: number[];
}

/**
 * Checks every answer with every guard, `passes` times, guard after guard on the same answer, after
 * one warm-up pass. `contexts[i]` is answer i's reader, sources and language.
 */
export async function timeGuards(
  guards: readonly TimedGuard[],
  answers: readonly string[],
  contexts: readonly GuardContext[],
  passes: number,
): Promise<Map<string, GuardTiming>> {
  const results = new Map<string, GuardTiming>(
    guards.map((g) => [
      g.name,
      {
        latencies: [],
        bestPerAnswer: answers.map(() => Number.POSITIVE_INFINITY),
        answersWithRegistryHit: 0,
        answersWithLeakage: [],
      },
    ]),
  );
  for (const [i, answer] of answers.entries())
    for (const g of guards) await g.guard.check(answer, contexts[i]!);
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, answer] of answers.entries()) {
      for (const g of guards) {
        const t = performance.now();
        const verdict = await g.guard.check(answer, contexts[i]!);
        const ms = performance.now() - t;
        const result = results.get(g.name)!;
        result.latencies.push(ms);
        result.bestPerAnswer[i] = Math.min(result.bestPerAnswer[i]!, ms);
        if (pass < passes - 1) continue;
        if (verdict.findings.some((f) => f.docId?.startsWith(REGISTERED_DOC)))
          result.answersWithRegistryHit += 1;
        if (verdict.findings.some((f) => f.type === 'leakage')) result.answersWithLeakage.push(i);
      }
    }
  }
  return results;
}

/**
 * Scans documents of `chars` characters made of the passages with one of the positives after every
 * third passage, after one warm-up scan: the time per document and the findings in all.
 */
export async function timeAtRestScan(
  passages: readonly string[],
  positives: readonly string[],
  chars: number,
): Promise<{ latencies: number[]; findings: number }> {
  const documents: string[] = [];
  let text = '';
  for (const [i, passage] of passages.entries()) {
    text += `${passage}\n\n`;
    if (i % 3 === 2) text += `${positives[i % positives.length]!}\n\n`;
    if (text.length >= chars) {
      documents.push(text.slice(0, chars));
      text = '';
    }
  }
  await scanDocumentAtRest(documents[0]!);
  const latencies: number[] = [];
  let findings = 0;
  for (const document of documents) {
    const t = performance.now();
    findings += (await scanDocumentAtRest(document)).length;
    latencies.push(performance.now() - t);
  }
  return { latencies, findings };
}

/** A full garbage collection, so that heap figures compare live objects only. */
export function fullGc(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** A small seeded PRNG, so that the synthetic values and answers are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
