import { describe, expect, it } from 'vitest';
import { cachedOrLoad, loadingCache } from '../../src/core/loading-cache.js';

describe('loadingCache', () => {
  it('loads a missing key once for concurrent callers, then serves it until it expires', async () => {
    let clock = 1_000;
    const cache = loadingCache<string, string>(60_000, 10, () => clock);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `value ${loads}`;
    };
    const [a, b] = await Promise.all([cachedOrLoad(cache, 'k', load), cachedOrLoad(cache, 'k', load)]);
    expect([a, b, loads]).toEqual(['value 1', 'value 1', 1]);
    clock += 59_000;
    expect(await cachedOrLoad(cache, 'k', load)).toBe('value 1');
    clock += 2_000;
    expect(await cachedOrLoad(cache, 'k', load)).toBe('value 2');
  });

  it('does not keep a failed load: the next call tries again', async () => {
    const cache = loadingCache<string, string>(60_000, 10);
    await expect(
      cachedOrLoad(cache, 'k', async () => Promise.reject(new Error('slack down'))),
    ).rejects.toThrow('slack down');
    expect(await cachedOrLoad(cache, 'k', async () => 'ok')).toBe('ok');
  });

  it('keeps at most max entries, dropping the least recently used', async () => {
    const cache = loadingCache<string, number>(60_000, 2);
    await cachedOrLoad(cache, 'a', async () => 1);
    await cachedOrLoad(cache, 'b', async () => 2);
    await cachedOrLoad(cache, 'a', async () => 10); // a is used again: b is now the oldest use
    await cachedOrLoad(cache, 'c', async () => 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
  });
});
