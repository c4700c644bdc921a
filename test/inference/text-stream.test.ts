import { describe, expect, it } from 'vitest';
import { TextStream } from '../../src/inference/onnx/text-stream.js';

// Ids are bytes; decoding is UTF-8 with replacement characters, like a byte-level tokenizer.
const decode = (ids: readonly number[]) => Buffer.from(ids).toString('utf8');
const bytes = (text: string) => [...Buffer.from(text, 'utf8')];

describe('TextStream', () => {
  it('never releases half a character', () => {
    const stream = new TextStream(decode);
    const deltas = bytes('日本語 ok ไทย').map((b) => stream.push(b));
    expect(deltas.join('')).toBe('日本語 ok ไทย');
    for (const d of deltas) expect(d).not.toContain('\uFFFD');
  });

  it('holds back a possible stop string and releases it when it turns out not to be one', () => {
    const stream = new TextStream(decode, ['<|user|>']);
    const deltas = bytes('a <|us').map((b) => stream.push(b));
    expect(deltas.join('')).toBe('a ');
    expect(stream.finish()).toBe('<|us');
    expect(stream.text).toBe('a <|us');
  });

  it('cuts exactly before a stop string', () => {
    const stream = new TextStream(decode, ['END']);
    let out = '';
    for (const b of bytes('done. END more')) {
      out += stream.push(b);
      if (stream.stopped) break;
    }
    out += stream.finish();
    expect(out).toBe('done. ');
    expect(stream.stopped).toBe(true);
  });

  it('drops an unfinished character at the very end', () => {
    const stream = new TextStream(decode);
    for (const b of bytes('ab日').slice(0, 4)) stream.push(b);
    expect(stream.finish()).toBe('');
    expect(stream.text).toBe('ab');
  });
});
