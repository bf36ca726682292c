import { describe, expect, it } from 'vitest';
import { isWebUrl, resolveUrl } from '../../src/feeds/urls.js';

describe('resolveUrl', () => {
  it.each([
    [' https://Example.com/a b ', [], 'https://example.com/a%20b'],
    ['/post', ['https://example.com/blog/'], 'https://example.com/post'],
    ['post', ['https://example.com/blog/'], 'https://example.com/blog/post'],
    ['../up', ['https://example.com/a/b/'], 'https://example.com/a/up'],
    ['post', [undefined, '/relative/base', 'https://example.org/feed.xml'], 'https://example.org/post'],
    ['post', [undefined, '/relative/base'], 'post'],
    ['mailto:someone@example.com', ['https://example.com/'], 'mailto:someone@example.com'],
    ['', ['https://example.com/'], undefined],
    [undefined, ['https://example.com/'], undefined],
  ])('%j against %j → %j', (ref, bases, expected) => {
    expect(resolveUrl(ref, ...bases)).toBe(expected);
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://example.com/x', true],
    [' http://example.com ', true],
    ['urn:example:1', false],
    ['tag:example.com,2030:1', false],
    ['/relative', false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isWebUrl(value)).toBe(expected);
  });
});
