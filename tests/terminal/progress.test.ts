import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/terminal/progress.js';
import { FIXTURES } from '../helpers.js';

const _ARTICLES = join(FIXTURES, 'articles');
const _BROKEN = join(FIXTURES, 'broken');

function _lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('index progress', () => {
  function recorder() {
    const sink = {
      isTTY: true,
      text: '',
      write(text: string) {
        sink.text += text;
      },
    };
    return sink;
  }

  it('stays silent for the first second, then redraws one line at most ten times a second', () => {
    const sink = recorder();
    let now = 0;
    const progress = progressLine(sink, () => now);
    now = 900;
    progress.update(10, 100);
    expect(sink.text).toBe('');
    now = 1000;
    progress.update(20, 100);
    expect(sink.text).toBe('\rnews: indexing articles: 20 of 100\u001b[K');
    now = 1050;
    progress.update(30, 100);
    now = 1100;
    progress.update(40, 100);
    expect(sink.text).toBe('\rnews: indexing articles: 20 of 100\u001b[K\rnews: indexing articles: 40 of 100\u001b[K');
    progress.done();
    expect(sink.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('clears nothing when it never drew', () => {
    const sink = recorder();
    const progress = progressLine(sink, () => 0);
    progress.update(1, 2);
    progress.done();
    expect(sink.text).toBe('');
  });
});
