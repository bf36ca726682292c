// End-to-end runs of the built bin/news.cjs (pretest builds dist/) with a scrubbed environment.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPE, lines, privateCacheDir, ROOT, runCli, stripAnsi } from '../helpers.js';
import { BIN, hasUtilLinuxScript, runNews, runShell, runUnderTerminal, scrubbedEnv, shellQuote } from '../spawn.js';

const HEADLINE = 'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official';
/** A JavaScript stack frame, as Node prints an uncaught error. */
const STACK_FRAME = '    at ';
/** Anything that starts an escape sequence: 7-bit ESC or 8-bit CSI. */
const ANY_ESCAPE = new RegExp(ESCAPE.source, 'g');
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing our own SGR codes.
const SGR = /\u001b\[[0-9;]*m/;

/** Search indexes of this file's runs: never the developer's own ~/.cache. */
const CACHE_DIR = privateCacheDir();
const env = (extra: Record<string, string> = {}) => scrubbedEnv(CACHE_DIR, extra);
const news = (args: string[], extra: Record<string, string> = {}) => runNews(args, env(extra));
const bash = (script: string, extra: Record<string, string> = {}) => runShell(script, env(extra));
const underTerminal = (command: string, extra: Record<string, string> = {}) => runUnderTerminal(command, env(extra));

describe('news, piped', () => {
  it('reads the bundled article as plain text within 80 cells', () => {
    const { code, stdout, stderr } = news(['read', 'abe-putin']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ESCAPE);
    expect(stdout).toContain(HEADLINE);
    expect(stdout).toContain('Lavrov');
    for (const line of stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('lists articles as JSON', () => {
    const { code, stdout, stderr } = news(['list', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const articles: unknown = JSON.parse(stdout);
    expect(articles).toEqual([expect.objectContaining({ slug: 'abe-putin', date: '2016-05-06', title: HEADLINE })]);
  });

  it('prints search hits as slug, date, title and snippet separated by tabs', () => {
    const { code, stdout, stderr } = news(['search', 'peace treaty']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ESCAPE);
    const rows = lines(stdout).map((line) => line.split('\t'));
    expect(rows).toHaveLength(1);
    const [slug, date, title, snippet] = rows[0] ?? [];
    expect(rows[0]).toHaveLength(4);
    expect([slug, date, title]).toEqual(['abe-putin', '2016-05-06', HEADLINE]);
    expect(snippet).toMatch(/peace treaty/i);
  });

  it('exits 1 with one note when a search finds nothing', () => {
    const { code, stdout, stderr } = news(['search', 'zzzzqqq']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([expect.stringContaining('zzzzqqq')]);
  });

  it('exits 1 with one line for an unknown article', () => {
    const { code, stdout, stderr } = news(['read', 'nope']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([expect.stringMatching(/^news: no article named 'nope'; .*news list/)]);
  });

  it('suggests the closest article for a near miss', () => {
    const { code, stderr } = news(['read', 'abe-puti']);
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([expect.stringContaining('did you mean abe-putin?')]);
  });

  it('reads a path as that file, never as a slug: a missing one is exit 2 naming it', () => {
    const { code, stdout, stderr } = news(['read', '../no-such-dir/passwd']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual(['news: ../no-such-dir/passwd: cannot be read (ENOENT); check the file']);
  });

  it('reads a name ending in .md from the current folder when that file exists, else as a slug', () => {
    const here = bash(
      `cd ${shellQuote(join(ROOT, 'tests/fixtures/articles'))} && node ${shellQuote(BIN)} read sample.md`,
    );
    expect(here.code).toBe(0);
    expect(here.stdout).toContain('Fixture: a synthetic article that uses every feature');
    const elsewhere = news(['read', 'sample.md']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^news: no file 'sample\.md' here, and no article named 'sample\.md'/);
  });

  it('reads standard input for -', () => {
    const run = bash(`printf '# Synthetic piped article\\n\\nFrom a pipe.\\n' | node ${shellQuote(BIN)} read -`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Synthetic piped article');
    expect(run.stdout).toContain('From a pipe.');
  });

  it.each([
    [['--bogus']],
    [['list', '--bogus']],
    [['read', 'abe-putin', '--bogus']],
    [['--width', '5', 'read', 'abe-putin']],
    [['--color', 'sometimes', 'list']],
  ])('exits 2 with exactly one line on stderr for bad usage: %j', (args) => {
    const { code, stdout, stderr } = news(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^news: .*--help' for usage\)\n$/);
  });

  it('never prints a stack trace or an escape code on stderr', () => {
    const runs = [
      news(['read', 'abe-putin']),
      news(['read', 'nope']),
      news(['read', '../etc/passwd']),
      news(['read', '\u001b[31mred']),
      news(['search', 'zzzzqqq']),
      news(['--bogus']),
      news(['--dir', '/nonexistent/folder', 'list']),
      news([]),
      bash('node bin/news.cjs read abe-putin > /dev/full'),
    ];
    for (const { stderr } of runs) {
      expect(stderr).not.toContain(STACK_FRAME);
      expect(stderr).not.toMatch(ESCAPE);
    }
  });
});

describe('news, loading its separately bundled libraries', () => {
  it.each([
    ['read sample --width 40', 'Wide text: 日本語のテキストは二つのセル'],
    ['read sample --color always', '\u001b[1mstrong words\u001b[22m'],
    ['list --color always', '\u001b[1m\u001b[36msample'],
    ['search alpha --color always', '\u001b[1m\u001b[33mAlpha'],
  ])('news %s works from dist/ (string-width, chalk, marked, yaml)', (args, expected) => {
    const { code, stdout, stderr } = news(['--dir', join(ROOT, 'tests/fixtures/articles'), ...args.split(' ')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(expected);
  });
});

describe('news, into a reader that stops early', () => {
  let folder: string;
  beforeAll(() => {
    // Larger than any pipe buffer, so news is still writing when head has gone: EPIPE for real.
    folder = mkdtempSync(join(tmpdir(), 'news-e2e-'));
    const paragraphs = Array.from({ length: 4000 }, (_, index) => `Paragraph ${index} fills the pipe with words.`);
    writeFileSync(join(folder, 'long.md'), `---\ntitle: Long\n---\n\n${paragraphs.join('\n\n')}\n`);
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    ['read abe-putin | head -1', 'Notice: Consular assistance in Russia\n'],
    ['list | head -c1', 'a'],
  ])('news %s exits 0 with nothing on stderr', (command, expected) => {
    const { code, stdout, stderr } = bash(`set -o pipefail; node bin/news.cjs ${command}`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(expected);
  });

  it.each([
    ['read long', 'head -1', 'Long\n'],
    ['read long', 'head -c1', 'L'],
    ['search paragraph', 'head -c1', 'l'],
    ['read long', '(sleep 0.2; head -c1)', 'L'],
  ])('news %s | %s, with more output than a pipe holds, exits 0 with nothing on stderr', (args, reader, expected) => {
    const { code, stdout, stderr } = bash(
      `set -o pipefail; node bin/news.cjs --dir ${shellQuote(folder)} ${args} | ${reader}`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(expected);
  });
});

describe('the bash completion script, with the built news', () => {
  it('completes tags, sections and speakers from the library, escaped for the shell', () => {
    const complete = (words: string[]) =>
      `COMP_WORDS=(${words.map(shellQuote).join(' ')}); COMP_CWORD=${words.length - 1}; _news; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const script = [
      `news() { ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"; }`,
      'source <(news completion bash)',
      complete(['news', 'list', '--tag', 'K']),
      complete(['news', 'read', 'abe-putin', '--section', 'l']),
      complete(['news', 'quotes', '--speaker', 'V']),
      complete(['news', 'completion', '']),
    ].join('\n');
    const { code, stdout, stderr } = bash(script);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual(['Kuril\\ Islands', 'lingering-tensions', 'Vladimir\\ Putin', 'bash', 'zsh', 'fish']);
  });
});

describe('the build', () => {
  it('writes a man page that man can show, naming every command', () => {
    const page = readFileSync(join(ROOT, 'dist/news.1'), 'utf8');
    for (const command of ['list', 'read', 'search', 'completion']) expect(page).toContain(`news ${command}`);
    const man = spawnSync('man', ['-l', join(ROOT, 'dist/news.1')], { encoding: 'utf8', env: env() });
    if (man.error === undefined) expect(man.stdout).toMatch(/NEWS\(1\)/);
  });

  it('writes V8 code caches that this Node accepts: main.cjs for each command, and each library it loads', () => {
    // bin/news.cjs, required rather than run, hands out its loader; reading a folder loads yaml and marked,
    // and a body with character references, footnotes and HTML the libraries for them.
    const script = `
      const { readFileSync } = require('node:fs');
      const { MAIN, loadMain } = require(${JSON.stringify(BIN)});
      const cache = (name) => readFileSync(MAIN + '.' + name + '.cache');
      const accepted = {};
      const names = loadMain(undefined).exports.COMMANDS.map((command) => command.name);
      for (const name of [...names, 'other']) {
        loadMain(cache(name)).scripts.get(MAIN).cachedDataRejected === false && (accepted[name] = true);
      }
      const { exports, scripts } = loadMain(cache('read'));
      const io = exports.createStreamIo({ isTTY: false, write: (_c, done) => done(), on() {} }, 2);
      const read = (dir, slug) => exports.main(['--no-cache', '--dir', dir, 'read', slug], io, {}, { bundled: { dir: ${JSON.stringify(join(ROOT, 'articles'))} } });
      read(${JSON.stringify(join(ROOT, 'tests/fixtures/articles'))}, 'sample')
        .then(() => read(${JSON.stringify(join(ROOT, 'tests/fixtures/sites'))}, 'site-post'))
        .then(() => console.log(JSON.stringify({ accepted, files: [...scripts].map(([file, s]) => [file.split('dist/')[1], s.cachedDataRejected]) })));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: env() });
    expect(result.stderr).toBe('');
    const { accepted, files } = JSON.parse(result.stdout);
    expect(Object.keys(accepted).sort()).toEqual(
      [
        '__complete-slugs',
        '__complete-values',
        'completion',
        'feed',
        'fetch',
        'import',
        'list',
        'other',
        'quotes',
        'read',
        'remove',
        'search',
      ].sort(),
    );
    expect(files).toEqual([
      ['main.cjs', false],
      ['vendor/parse.cjs', false],
      ['vendor/yaml.cjs', false],
      ['vendor/body.cjs', false],
      ['vendor/marked.cjs', false],
      ['vendor/entities/decode.cjs', false],
      ['vendor/marked-footnote.cjs', false],
      ['vendor/linkedom.cjs', false],
    ]);
  });

  it('loads no HTML parser or table of character names for a body that needs neither', () => {
    // An autolink, a comparison and an HTML comment look like HTML to a regex, but are not.
    const folder = mkdtempSync(join(tmpdir(), 'news-e2e-'));
    writeFileSync(
      join(folder, 'plain.md'),
      '# Plain\n\nSee <https://example.test/> if a < b.\n\n<!-- more -->\n\nDone &#8212; now.\n',
    );
    const script = `
      const { loadMain } = require(${JSON.stringify(BIN)});
      const { exports, scripts } = loadMain(undefined);
      const io = exports.createStreamIo({ isTTY: false, write: (_c, done) => done(), on() {} }, 2);
      exports.main(['--no-cache', '--dir', ${JSON.stringify(folder)}, 'read', 'plain'], io, {}, { bundled: { dir: ${JSON.stringify(join(ROOT, 'articles'))} } })
        .then(() => console.log(JSON.stringify([...scripts.keys()].map((file) => file.split('dist/')[1]))));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: env() });
    rmSync(folder, { recursive: true, force: true });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      'main.cjs',
      'vendor/parse.cjs',
      'vendor/yaml.cjs',
      'vendor/body.cjs',
      'vendor/marked.cjs',
    ]);
  });

  it('gives news import its own file and libraries, each with a code cache this Node accepts', () => {
    const script = `
      const { readFileSync } = require('node:fs');
      const { MAIN, loadMain } = require(${JSON.stringify(BIN)});
      const { exports, scripts } = loadMain(readFileSync(MAIN + '.import.cache'));
      const io = exports.createStreamIo({ isTTY: false, write: (_c, done) => done(), on() {} }, 2);
      const pages = ['page.html', 'feed.xml'].map((name) => ${JSON.stringify(join(ROOT, 'scripts/warm-up'))} + '/' + name);
      exports.main(['import', '--dry-run', '--to', '/nonexistent/library', ...pages], io, {}, { bundled: { dir: ${JSON.stringify(join(ROOT, 'articles'))} } })
        .then((code) => console.log(JSON.stringify({ code, files: [...scripts].map(([file, s]) => [file.split('dist/')[1], s.cachedDataRejected]) })));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: env() });
    expect(result.stderr).toBe('');
    const { code, files } = JSON.parse(result.stdout);
    expect(code).toBe(0);
    expect(Object.fromEntries(files)).toEqual({
      'main.cjs': false,
      'import.cjs': false,
      'vendor/yaml.cjs': false,
      'vendor/entities/decode.cjs': false,
      'vendor/linkedom.cjs': false,
      'vendor/parse.cjs': false,
      'vendor/@mozilla/readability.cjs': false,
      'vendor/@joplin/turndown-plugin-gfm.cjs': false,
      'vendor/turndown.cjs': false,
      'vendor/fast-xml-parser.cjs': false,
    });
  });

  it.each([
    [['feed', 'list', '--json'], 'feed.cjs', ''],
    [['fetch'], 'fetch.cjs', "news: note: no feeds yet; subscribe with 'news feed add <address>'\n"],
  ])('gives news %j its own file, which loads no HTML or XML parser to do nothing', (argv, own, stderr) => {
    const folder = mkdtempSync(join(tmpdir(), 'news-e2e-feeds-'));
    writeFileSync(join(folder, 'feeds.yaml'), '[]\n');
    const script = `
      const { readFileSync } = require('node:fs');
      const { MAIN, loadMain } = require(${JSON.stringify(BIN)});
      const { exports, scripts } = loadMain(readFileSync(MAIN + '.' + ${JSON.stringify(argv[0])} + '.cache'));
      const io = exports.createStreamIo({ isTTY: false, write: (_c, done) => done(), on() {} }, 2);
      const env = { NEWS_CONFIG_DIR: ${JSON.stringify(folder)}, NEWS_STATE_DIR: ${JSON.stringify(join(folder, 'state'))}, NEWS_LIBRARY: ${JSON.stringify(join(folder, 'library'))} };
      exports.main(${JSON.stringify(argv)}, io, env, { bundled: { dir: ${JSON.stringify(join(ROOT, 'articles'))} } })
        .then((code) => console.log(JSON.stringify({ code, files: [...scripts].map(([file, s]) => [file.split('dist/')[1], s.cachedDataRejected]) })));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: env() });
    rmSync(folder, { recursive: true, force: true });
    expect(result.stderr).toBe(stderr);
    const { code, files } = JSON.parse(result.stdout);
    expect(code).toBe(0);
    expect(Object.fromEntries(files)).toEqual({
      'main.cjs': false,
      [own]: false,
      'vendor/subscriptions.cjs': false,
      'vendor/yaml.cjs': false,
    });
  });

  it('writes bundles in pure ASCII, which bin/news.cjs reads as Latin-1 and V8 holds as one-byte strings', () => {
    for (const file of [
      'main.cjs',
      'index-worker.cjs',
      'import.cjs',
      'feed.cjs',
      'fetch.cjs',
      'vendor/subscriptions.cjs',
      'vendor/yaml.cjs',
      'vendor/marked.cjs',
      'vendor/string-width.cjs',
      'vendor/body.cjs',
      'vendor/linkedom.cjs',
      'vendor/entities/decode.cjs',
      'vendor/marked-footnote.cjs',
      'vendor/@mozilla/readability.cjs',
      'vendor/turndown.cjs',
      'vendor/@joplin/turndown-plugin-gfm.cjs',
      'vendor/fast-xml-parser.cjs',
    ]) {
      expect(readFileSync(join(ROOT, 'dist', file), 'latin1'), file).not.toMatch(/[^\0-\x7f]/);
    }
  });
});

describe('news, interrupted', () => {
  it('ends promptly with status 130 on Ctrl-C while blocked writing to a pipe nobody reads', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'news-e2e-'));
    const paragraphs = Array.from({ length: 20000 }, (_, index) => `Paragraph ${index} fills the pipe with words.`);
    writeFileSync(join(folder, 'long.md'), `# Long\n\n${paragraphs.join('\n\n')}\n`);
    const child = spawn(process.execPath, [BIN, '--dir', folder, 'read', 'long'], {
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Nobody reads stdout, so news waits for the pipe to drain; give it time to get there.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const sent = Date.now();
    child.kill('SIGINT');
    const ended = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Either way the shell reports 130: news's own exit(130), or death by SIGINT mid-write.
    expect(ended.code === 130 || ended.signal === 'SIGINT').toBe(true);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(stderr).toBe('');
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('news, started into a pipe', () => {
  let probe: string;
  beforeAll(() => {
    // Writes Node's list of the built-in modules the process loaded to NEWS_PROBE_OUT, as it exits.
    probe = join(mkdtempSync(join(tmpdir(), 'news-probe-')), 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => { require('node:fs').writeFileSync(process.env.NEWS_PROBE_OUT, process.moduleLoadList.join('\\n')); });\n",
    );
  });
  afterAll(() => {
    rmSync(join(probe, '..'), { recursive: true, force: true });
  });

  // stderr piped, and stderr on a character device: the terminal of `news read x | less` is one.
  it.each([
    ['list', 'pipe'],
    ['search Putin --json', 'pipe'],
    ['read abe-putin', 'pipe'],
    ['read abe-putin --color always', 'pipe'],
    ['list', 'device'],
    ['search Putin', 'device'],
    ['read abe-putin', 'device'],
    ['quotes abe-putin', 'device'],
  ])(
    'news %s (stderr: %s) loads none of the modules only a terminal or a subprocess needs (each costs milliseconds)',
    (args, stderrTo) => {
      const list = join(probe, '..', `loaded-${stderrTo}`);
      const device = stderrTo === 'device' ? openSync('/dev/null', 'w') : 'pipe';
      const { status, stdout } = spawnSync(process.execPath, ['--require', probe, BIN, ...args.split(' ')], {
        cwd: ROOT,
        env: env({ NEWS_PROBE_OUT: list }),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', device],
      });
      if (typeof device === 'number') closeSync(device);
      expect(status).toBe(0);
      expect(stdout).not.toBe('');
      const loaded = readFileSync(list, 'utf8').split('\n');
      expect(loaded).toContain('NativeModule fs');
      for (const heavy of ['tty', 'net', 'child_process', 'stream'])
        expect(loaded).not.toContain(`NativeModule ${heavy}`);
    },
  );
});

describe('news --help and --version, printed from what the build wrote', () => {
  it.each([['--help'], ['-h'], ['--version'], ['-V']])(
    'news %s prints what the CLI itself prints, and exits 0',
    (flag) => {
      const prebuilt = news([flag]);
      // One more argument, changing nothing here, makes bin/news.cjs run the CLI.
      const cli = news([flag, '--no-pager']);
      expect(prebuilt).toEqual({ code: 0, stdout: cli.stdout, stderr: '' });
      expect(cli).toEqual({ code: 0, stdout: cli.stdout, stderr: '' });
    },
  );

  it('holds the version from package.json and the help commander prints into a pipe', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(news(['--version']).stdout).toBe(`${version}\n`);
    expect(news(['--help']).stdout).toBe((await runCli(['--help'])).stdout);
  });
});

describe('news, writing to a full disk', () => {
  it.each([['read abe-putin'], ['list --json'], ['search Putin'], ['--help'], ['--version']])(
    'news %s > /dev/full exits 2 with one line on stderr',
    (args) => {
      const { code, stdout, stderr } = bash(`node bin/news.cjs ${args} > /dev/full`);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(lines(stderr)).toEqual([expect.stringMatching(/^news: cannot write the output \(ENOSPC\)/)]);
    },
  );
});

describe.skipIf(!hasUtilLinuxScript)('news under a pseudo-terminal', () => {
  const READ = 'stty cols 70 rows 24; node bin/news.cjs --no-pager read abe-putin';

  /** What a reader sees: our SGR codes gone, and the CR the terminal adds before each LF. */
  function visibleLines(output: string): string[] {
    return stripAnsi(output).replace(/\r\n/g, '\n').split('\n');
  }

  it('adds nothing of its own but a carriage return before each newline', () => {
    // The baseline for the NO_COLOR test below: any escape code in the output comes from news.
    const { code, stdout } = underTerminal("printf 'x\\n'");
    expect(code).toBe(0);
    expect(stdout).toBe('x\r\n');
  });

  it('shows the article styled: colour, a banner box, every line within 70 cells', () => {
    const { code, stdout } = underTerminal(READ);
    expect(code).toBe(0);
    expect(stdout).toMatch(SGR);
    expect(stdout).toContain('╭─ Notice');
    const visible = visibleLines(stdout);
    expect(visible.join('\n')).not.toMatch(ESCAPE);
    expect(visible.join('\n')).not.toContain('\r');
    expect(visible).toContain(`╰${'─'.repeat(68)}╯`);
    expect(visible.join('\n')).toContain('Lavrov');
    for (const line of visible) expect(stringWidth(line), line).toBeLessThanOrEqual(70);
  });

  it('keeps the styled layout without any escape code when NO_COLOR is set', () => {
    const { code, stdout } = underTerminal(READ, { NO_COLOR: '1' });
    expect(code).toBe(0);
    expect(stdout.match(ANY_ESCAPE)).toBeNull();
    expect(stdout).toContain('╭─ Notice');
    const visible = visibleLines(stdout);
    expect(visible).toContain(`╰${'─'.repeat(68)}╯`);
    for (const line of visible) expect(stringWidth(line), line).toBeLessThanOrEqual(70);
  });

  it('wraps --help to the terminal, not to the 80 columns of the prebuilt help', () => {
    const { code, stdout } = underTerminal('stty cols 120 rows 24; node bin/news.cjs --help');
    expect(code).toBe(0);
    const visible = lines(visibleLines(stdout).join('\n'));
    // Commander's own lines, before the examples and variables (which are never wrapped).
    const commands = visible.slice(0, visible.indexOf('Examples:'));
    expect(commands).toContain('Commands:');
    for (const line of commands) expect(stringWidth(line), line).toBeLessThanOrEqual(120);
    expect(Math.max(...commands.map((line) => stringWidth(line)))).toBeGreaterThan(80);
  });

  it('lists articles as a table within 70 cells', () => {
    const { code, stdout } = underTerminal('stty cols 70 rows 24; node bin/news.cjs list');
    expect(code).toBe(0);
    expect(stdout).toMatch(SGR);
    const visible = lines(visibleLines(stdout).join('\n'));
    expect(visible).toHaveLength(1);
    expect(visible[0]).toMatch(/^2016-05-06 {2}abe-putin {2}\d+ min {2}Japan’s Abe/);
    for (const line of visible) expect(stringWidth(line), line).toBeLessThanOrEqual(70);
  });

  it('pages an article taller than the screen through NEWS_PAGER, colours kept, early quit not an error', () => {
    const { code, stdout } = underTerminal(
      "stty cols 70 rows 10; NEWS_PAGER='head -3' node bin/news.cjs read abe-putin",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(SGR);
    expect(lines(visibleLines(stdout).join('\n'))).toHaveLength(3);
  });

  it('prints directly when the pager cannot start', () => {
    const { code, stdout } = underTerminal(
      'stty cols 70 rows 10; NEWS_PAGER=/no/such/pager node bin/news.cjs read abe-putin',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Kawamura insisted');
  });

  it('prints output that fits on the screen without a pager', () => {
    const { code, stdout } = underTerminal("stty cols 70 rows 24; NEWS_PAGER='head -0' node bin/news.cjs list");
    expect(code).toBe(0);
    expect(stdout).toContain('abe-putin');
  });
});

describe('completion scripts from the built news', () => {
  it('keep every hint commands set on their options and arguments (rendered by a bundle of their own)', () => {
    const { code, stdout } = news(['completion', 'bash']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n\s*import\) \(\(news_arguments >= 0\)\) && _news_reply_files ;;/);
    expect(stdout).toContain('--library');
    expect(stdout).toMatch(/--tag\)[^\n]*tags/);
  });
});
