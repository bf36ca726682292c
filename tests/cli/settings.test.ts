import { describe, expect, it } from 'vitest';
import {
  type ColorChoice,
  type Env,
  type PagerFlags,
  resolveLibraryDir,
  resolveOutputSettings,
  resolvePager,
  resolveSettings,
} from '../../src/cli/settings.js';

describe('colour decision', () => {
  // flag × NO_COLOR × FORCE_COLOR × TTY → colour?
  const table: [ColorChoice | undefined, Env, boolean, boolean][] = [
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    ['auto', {}, true, true],
    ['auto', {}, false, false],
    ['always', {}, false, true],
    ['always', { NO_COLOR: '1' }, false, true],
    ['never', {}, true, false],
    ['never', { FORCE_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, false, false],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { TERM: 'dumb' }, true, false],
    [undefined, { TERM: 'dumb', FORCE_COLOR: '1' }, false, true],
  ];
  it.each(table)('--color %s with %j on tty=%s → %s', (color, env, isTTY, expected) => {
    const settings = resolveOutputSettings(color ? { color } : {}, env, { isTTY, columns: 80 });
    expect(settings.color).toBe(expected);
  });

  it('uses the styled layout on a terminal even without colour, and plain in a pipe', () => {
    expect(resolveOutputSettings({}, { NO_COLOR: '1' }, { isTTY: true, columns: 80 })).toMatchObject({
      color: false,
      styled: true,
    });
    expect(resolveOutputSettings({}, {}, { isTTY: false })).toMatchObject({ color: false, styled: false });
    expect(resolveOutputSettings({ color: 'always' }, {}, { isTTY: false })).toMatchObject({ styled: true });
  });
});

describe('width decision', () => {
  const table: [string, number | undefined, Env, boolean, number | undefined, number][] = [
    ['--width wins on a terminal', 50, {}, true, 200, 50],
    ['--width wins in a pipe', 130, { COLUMNS: '60' }, false, undefined, 130],
    ['terminal columns', undefined, {}, true, 72, 72],
    ['terminal capped at the reading measure', undefined, {}, true, 200, 100],
    ['narrow terminal is floored', undefined, {}, true, 10, 20],
    ['terminal without columns uses COLUMNS', undefined, { COLUMNS: '66' }, true, undefined, 66],
    ['pipe defaults to 80', undefined, {}, false, undefined, 80],
    ['pipe honours COLUMNS', undefined, { COLUMNS: '120' }, false, undefined, 120],
    ['pipe ignores junk COLUMNS', undefined, { COLUMNS: 'wide' }, false, undefined, 80],
    ['pipe ignores zero COLUMNS', undefined, { COLUMNS: '0' }, false, undefined, 80],
  ];
  it.each(table)('%s', (_name, width, env, isTTY, columns, expected) => {
    const flags = width === undefined ? {} : { width };
    expect(resolveOutputSettings(flags, env, { isTTY, columns }).width).toBe(expected);
  });
});

describe('pager decision', () => {
  // flags × env × TTY → pager argv (or none)
  const table: [string, PagerFlags, Env, boolean, string[] | undefined][] = [
    ['piped: never', {}, { PAGER: 'most' }, false, undefined],
    ['terminal: less -R by default', {}, {}, true, ['less', '-R']],
    ['PAGER', {}, { PAGER: 'most -s' }, true, ['most', '-s']],
    ['NEWS_PAGER before PAGER', {}, { NEWS_PAGER: 'bat --plain', PAGER: 'most' }, true, ['bat', '--plain']],
    ['empty NEWS_PAGER: none', {}, { NEWS_PAGER: '', PAGER: 'most' }, true, undefined],
    ['cat: none', {}, { PAGER: 'cat' }, true, undefined],
    ['--pager before NEWS_PAGER', { pager: 'more' }, { NEWS_PAGER: 'most' }, true, ['more']],
    ['--no-pager', { pager: false }, { NEWS_PAGER: 'most' }, true, undefined],
    ['--json implies --no-pager', { json: true }, {}, true, undefined],
  ];
  it.each(table)('%s', (_name, flags, env, isTTY, argv) => {
    expect(resolvePager(flags, env, { isTTY })?.argv).toEqual(argv);
  });

  it.each([
    [{}, { LESS: 'FRX', LESSCHARSET: 'utf-8' }],
    [{ LESS: '-i', LESSCHARSET: 'latin1' }, {}],
  ])('sets LESS=FRX and LESSCHARSET=utf-8 unless the user set them (%j)', (env, extra) => {
    expect(resolvePager({}, env, { isTTY: true })?.env).toEqual(extra);
  });
});

describe('the library folder', () => {
  it.each<[Env, string | undefined]>([
    [{ NEWS_LIBRARY: '/lib', XDG_DATA_HOME: '/data', HOME: '/home/u' }, '/lib'],
    [{ XDG_DATA_HOME: '/data', HOME: '/home/u' }, '/data/news/articles'],
    [{ XDG_DATA_HOME: 'relative', HOME: '/home/u' }, '/home/u/.local/share/news/articles'],
    [{ HOME: '/home/u' }, '/home/u/.local/share/news/articles'],
    [{ HOME: 'relative' }, undefined],
    [{}, undefined],
  ])('%j → %s', (env, dir) => {
    expect(resolveLibraryDir(env)).toBe(dir);
  });

  it('is read after --dir and NEWS_PATH, before the bundled articles', () => {
    const settings = resolveSettings(
      { dir: ['/a'], cache: false },
      true,
      { NEWS_PATH: '/b', NEWS_LIBRARY: '/lib' },
      { isTTY: false },
      { bundled: { dir: '/bundled' } },
    );
    expect(settings.library.folders.map((folder) => [folder.path, folder.origin])).toEqual([
      ['/a', '--dir'],
      ['/b', 'NEWS_PATH'],
      ['/lib', 'library'],
      ['/bundled', 'bundled'],
    ]);
    expect(settings.import.libraryDir).toBe('/lib');
  });

  it('caps a source at 10 MiB unless NEWS_MAX_IMPORT_BYTES says otherwise', () => {
    const settingsWith = (env: Env) =>
      resolveSettings({ dir: [], cache: false }, true, env, { isTTY: false }, { bundled: { dir: '/bundled' } });
    expect(settingsWith({}).import.maxBytes).toBe(10 * 1024 * 1024);
    expect(settingsWith({ NEWS_MAX_IMPORT_BYTES: '2048' }).import.maxBytes).toBe(2048);
    expect(() => settingsWith({ NEWS_MAX_IMPORT_BYTES: '2 MB' })).toThrow(/NEWS_MAX_IMPORT_BYTES='2 MB'/);
  });
});
