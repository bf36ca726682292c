// Fetching politely: at most N tasks at once, one per host at a time, results in the order given.

import { describe, expect, it } from 'vitest';
import { hostKey, runScheduled } from '../../src/feeds/schedule.js';

/** Tasks that record when they run, each ending after `ms`; reports the most at once, overall and per key. */
function recorder(keys: readonly string[], ms = 5) {
  let running = 0;
  let most = 0;
  const perKey = new Map<string, number>();
  let mostPerKey = 0;
  const started: number[] = [];
  const tasks = keys.map((key, index) => ({
    key,
    run: async () => {
      started.push(index);
      running += 1;
      most = Math.max(most, running);
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
      mostPerKey = Math.max(mostPerKey, perKey.get(key) as number);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      perKey.set(key, (perKey.get(key) as number) - 1);
      return `${key}#${index}`;
    },
  }));
  return { tasks, report: () => ({ most, mostPerKey, started }) };
}

describe('runScheduled', () => {
  it.each([1, 2, 4, 8])('runs at most %i at once, and gives the results in the order of the tasks', async (jobs) => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const { tasks, report } = recorder(keys);
    const results = await runScheduled(tasks, jobs);
    expect(results).toEqual(keys.map((key, index) => `${key}#${index}`));
    expect(report().most).toBe(Math.min(jobs, keys.length));
  });

  it('never runs two tasks of one host at once, and starts the others meanwhile', async () => {
    const { tasks, report } = recorder(['a', 'a', 'a', 'b', 'c']);
    await runScheduled(tasks, 4);
    expect(report().mostPerKey).toBe(1);
    expect(report().started.slice(0, 3)).toEqual([0, 3, 4]);
  });

  it('rejects with the first failure once every task has ended', async () => {
    const ended: string[] = [];
    const tasks = ['a', 'b', 'c'].map((key) => ({
      key,
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, key === 'c' ? 20 : 1));
        ended.push(key);
        if (key === 'a') throw new Error('a failed');
        return key;
      },
    }));
    await expect(runScheduled(tasks, 3)).rejects.toThrow('a failed');
    expect(ended.sort()).toEqual(['a', 'b', 'c']);
  });

  it('ends at once with no tasks', async () => {
    expect(await runScheduled([], 4)).toEqual([]);
  });

  it.each([
    ['https://Courier.example/rss', 'courier.example'],
    ['http://127.0.0.1:8080/feed', '127.0.0.1:8080'],
    ['https://courier.example:443/x', 'courier.example'],
  ])('keys %s by %s', (url, key) => {
    expect(hostKey(url)).toBe(key);
  });
});
