// Hostile input, through the built bin/news.cjs: nothing an article (or its file, or its name)
// contains may reach the terminal raw, hang news, crash it or hide the other articles.
//
// The corpus is written at test time: one folder per hazard, each holding the hostile entry and
// good.md. Every run is checked for what the terminal would see (no control character, only our
// own SGR colours), time (killed after 10 s, expected well within 3 s) and stderr (`news: ` lines,
// no stack trace).

import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, privateCacheDir, ROOT } from '../helpers.js';
import { BIN, hasUtilLinuxScript, scrubbedEnv } from '../spawn.js';

/** Every run is killed after this long; a run that needs it has hung. */
const TIMEOUT_MS = 10_000;
/**
 * Every run must finish well within the timeout: each takes about 0.1 s today, and a quadratic
 * trap that still finishes (marked's email autolinking took 5 s on 80 KB) is a hazard too.
 */
const BUDGET_MS = 8_000;
/** A JavaScript stack frame, as Node prints an uncaught error. */
const STACK_FRAME = '    at ';
/**
 * What must never reach a terminal: C0 controls but newline and tab, DEL, C1 controls, bidi
 * controls (embeddings, overrides, isolates, marks), the zero-width space and the BOM.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing well-formed SGR codes, the only ones allowed.
const SGR = /\u001b\[[0-9;]*m/g;
/** The good article's slug, and a word in it (and in most hostile articles) for `search`. */
const GOOD = 'good';
const WORD = 'gardens';

// ---------------------------------------------------------------------------------------------
// Running news

interface Run {
  /** The command as a shell would take it, from the repository root, to reproduce a failure. */
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
  /** Streams that were not valid UTF-8 (where a raw 8-bit C1 byte could hide). */
  invalid: string[];
}

/** Shell quoting for the reproduction command: bash's $'…' (every non-ASCII character escaped) when needed. */
function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (/^[\x20-\x7e]+$/.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  const escaped = [...arg]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === "'" || char === '\\') return `\\${char}`;
      if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
      if (code > 0xffff) return `\\U${code.toString(16).padStart(8, '0')}`;
      if (code > 0x7f) return `\\u${code.toString(16).padStart(4, '0')}`;
      return char;
    })
    .join('');
  return `$'${escaped}'`;
}

/** Search indexes of this file's runs: never the developer's own ~/.cache. */
const CACHE_DIR = privateCacheDir();

function decode(buffer: Buffer, name: string, invalid: string[]): string {
  try {
    // ignoreBOM keeps a leading BOM in the text, so the check below can see it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    invalid.push(name);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer);
  }
}

function spawnTimed(file: string, args: string[], command: string): Run {
  const started = performance.now();
  const result: SpawnSyncReturns<Buffer> = spawnSync(file, args, {
    cwd: ROOT,
    env: scrubbedEnv(CACHE_DIR),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - started);
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (result.error && !timedOut) throw result.error;
  const invalid: string[] = [];
  return {
    command,
    code: result.status,
    signal: result.signal,
    timedOut,
    ms,
    stdout: decode(result.stdout ?? Buffer.alloc(0), 'stdout', invalid),
    stderr: decode(result.stderr ?? Buffer.alloc(0), 'stderr', invalid),
    invalid,
  };
}

/** The built binary, piped. */
function news(args: string[]): Run {
  return spawnTimed(process.execPath, [BIN, ...args], ['node bin/news.cjs', ...args.map(shellQuote)].join(' '));
}

/** A shell command line (for redirections such as `> /dev/full`). */
function bash(script: string): Run {
  return spawnTimed('bash', ['-c', script], script);
}

/** The built binary under a fresh 80-column pseudo-terminal; stdout and stderr both arrive on stdout. */
function newsUnderTerminal(args: string[]): Run {
  // script runs the line with /bin/sh, so the arguments must not need bash's $'…' quoting.
  const line = `stty cols 80 rows 24; node bin/news.cjs --no-pager ${args.map(shellQuote).join(' ')}`;
  const run = spawnTimed('script', ['-qec', line, '/dev/null'], `script -qec ${shellQuote(line)} /dev/null`);
  // The terminal turns each LF into CR LF; that CR is the terminal's, not news's.
  return { ...run, stdout: run.stdout.replace(/\r\n/g, '\n') };
}

/** One line saying what a run did, for assertion messages. */
function summary(run: Run): string {
  const status = run.timedOut ? 'TIMED OUT' : run.signal ? `killed by ${run.signal}` : `exit ${run.code}`;
  const firstError = run.stderr.split('\n')[0] ?? '';
  return `${run.command} → ${status} in ${run.ms} ms; stderr: ${JSON.stringify(firstError.slice(0, 200))}`;
}

/** Where the first unsafe character is, with some context; '' when there is none. */
function findUnsafe(text: string): string {
  const match = UNSAFE.exec(text);
  if (!match) return '';
  const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const context = text.slice(Math.max(0, match.index - 30), match.index + 30);
  return `U+${code} at offset ${match.index}: ${JSON.stringify(context)}`;
}

type Mode = 'plain' | 'sgr';

/**
 * What every run must satisfy: finished in time without a signal; valid UTF-8; no unsafe
 * character (in `sgr` mode after removing well-formed SGR codes, so any other ESC still fails);
 * every stderr line an own message, no stack trace.
 */
function expectSafe(run: Run, mode: Mode = 'plain', ownStderr = true): void {
  const about = summary(run);
  expect(run.timedOut, `timed out: ${about}`).toBe(false);
  expect(run.ms, `slower than ${BUDGET_MS} ms: ${about}`).toBeLessThan(BUDGET_MS);
  expect(run.signal, `killed: ${about}`).toBeNull();
  expect(run.invalid, `not UTF-8: ${about}`).toEqual([]);
  for (const [name, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    const visible = mode === 'sgr' ? text.replace(SGR, '') : text;
    expect(findUnsafe(visible), `unsafe character on ${name}: ${about}`).toBe('');
  }
  expect(run.stderr, `stack trace: ${about}`).not.toContain(STACK_FRAME);
  if (ownStderr) {
    for (const line of run.stderr.split('\n').slice(0, -1)) {
      expect(line, `stderr line not from news: ${about}`).toMatch(/^news: /);
    }
    if (run.stderr !== '') expect(run.stderr.endsWith('\n'), `stderr without final newline: ${about}`).toBe(true);
  }
}

function expectCode(run: Run, code: number): void {
  expect(run.code, summary(run)).toBe(code);
}

/** A tab-separated `list` or `search` line for `slug`. */
function rowOf(stdout: string, slug: string): string | undefined {
  return stdout.split('\n').find((line) => line.startsWith(`${slug}\t`));
}

function expectShows(text: string, patterns: readonly Pattern[], about: string): void {
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(text, about).toContain(pattern);
    else expect(text, about).toMatch(pattern);
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus

type Pattern = string | RegExp;

/** Safe to show once neutralised: every command exits 0 and shows the article. */
interface Shown {
  kind: 'shown';
  /** In `read` output: the hostile characters neutralised (caret notation, <U+XXXX>) or the text kept. */
  shows: readonly Pattern[];
  /** In the article's `list` line (the title, where the hazard is in it). */
  listShows?: readonly Pattern[];
  /** In `list --json` (tags and other fields `read` does not show). */
  jsonShows?: readonly Pattern[];
  /** Text that must survive `read` whole: present once line breaks are removed. */
  survives?: string;
  /** False when the article does not contain WORD. */
  searchable?: boolean;
  /**
   * The hazard is in the paragraph with WORD, so `search`'s snippet shows it: these patterns (or
   * with `true`, those of `shows`) are checked in its search row too.
   */
  snippet?: true | readonly Pattern[];
  /**
   * Front matter news left out: `read` warns with one line matching this every time, `list` and
   * `search` when they (re)index the file; anything else on stderr is wrong.
   */
  warns?: Pattern;
}

/** Refused: `read` exits 2 with one line naming it; `list` and `search` skip it with one warning. */
interface Refused {
  kind: 'refused';
  /** The file (or argument) as the one stderr line must name it, sanitised. */
  names: Pattern;
}

type Outcome = Shown | Refused;

interface Hazard {
  /** What the tests are called by; also the folder's name unless `folder` says otherwise. */
  name: string;
  /** The folder's name, when it is itself hostile. */
  folder?: string;
  /** The hostile article's slug, as `read` is given it. */
  slug: string;
  /** Writes the hostile entry into `folder`; `root` is outside every hazard's folder. */
  create(folder: string, root: string): void;
  /** What the contract says, decided once the corpus exists (file permissions depend on the user). */
  outcome(folder: string): Outcome;
}

const ESC = '\u001b';
const BEL = '\u0007';

const GOOD_ARTICLE = `---
title: A good article
date: 2020-01-01
---

A calm and harmless paragraph about ${WORD}.
`;

function article(frontMatter: string | undefined, body: string): string {
  const head = frontMatter === undefined ? '' : `---\n${frontMatter}\n---\n\n`;
  return `${head}${body}\n\nIt is also about ${WORD}.\n`;
}

/** An ASCII article of exactly `bytes` bytes, of ordinary words and lines. */
function articleOfSize(title: string, bytes: number): string {
  const head = `---\ntitle: ${title}\n---\n\n`;
  const unit = `Words about ${WORD} fill this line.\n`;
  const room = bytes - head.length;
  const lines = unit.repeat(Math.ceil(room / unit.length)).slice(0, room - 1);
  return `${head}${lines}\n`;
}

const LONG_RUN = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil((900 * 1024) / 36)).slice(0, 900 * 1024);
const EMAIL_RUN = `${'a'.repeat(80_000)}@b`;

function shown(outcome: Omit<Shown, 'kind'>): () => Shown {
  return () => ({ kind: 'shown', ...outcome });
}

function refused(names: Pattern): () => Refused {
  return () => ({ kind: 'refused', names });
}

/** A hostile article `<name>.md` with the given text. */
function file(name: string, text: string | Buffer, outcome: () => Outcome): Hazard {
  return { name, slug: name, create: (folder) => writeFileSync(join(folder, `${name}.md`), text), outcome };
}

const HAZARDS: Hazard[] = [
  // Raw escape sequences in each place an article's text comes from.
  file(
    'esc-body',
    article(undefined, `Before ${WORD} ${ESC}[2J${ESC}[31mred${ESC}[0m after.`),
    shown({ shows: ['^[[2J^[[31mred^[[0m'], snippet: true }),
  ),
  file(
    'esc-title',
    article(`title: "Title ${ESC}[1;31mred${ESC}[0m"`, 'Body.'),
    shown({ shows: ['Title ^[[1;31mred^[[0m'], listShows: ['Title ^[[1;31mred^[[0m'] }),
  ),
  file(
    'esc-tags',
    article(`title: Tagged\ntags: ["a${ESC}[2Jb", "c${ESC}]0;x${BEL}"]`, 'Body.'),
    shown({ shows: ['Tagged'], jsonShows: ['a^[[2Jb', 'c^[]0;x^G'] }),
  ),
  file(
    'esc-banner',
    article(
      `title: Bannered\nbanner:\n  title: "${ESC}]0;pwned${BEL}Consular"\n  text: "Warning ${ESC}[5mblink${ESC}[25m"`,
      'Body.',
    ),
    shown({ shows: ['^[]0;pwned^GConsular', 'Warning ^[[5mblink^[[25m'] }),
  ),
  file(
    'osc52',
    article(undefined, `Copy ${WORD} ${ESC}]52;c;aGVsbG8=${BEL} this.`),
    shown({ shows: ['^[]52;c;aGVsbG8=^G'], snippet: true }),
  ),
  file(
    'osc8',
    article(
      undefined,
      `${WORD}: ${ESC}]8;;https://evil.example/${ESC}\\https://bank.example/${ESC}]8;;${ESC}\\ today.`,
    ),
    shown({ shows: ['^[]8;;https://evil.example/', 'https://bank.example/'], snippet: true }),
  ),
  file(
    'c1-csi',
    article(undefined, `Colour ${WORD} \u009b31mred\u009b0m here.`),
    shown({ shows: ['<U+009B>31mred<U+009B>0m'], snippet: true }),
  ),
  file('bel', article(undefined, `Ring ${WORD} ${BEL}${BEL} bell.`), shown({ shows: ['^G^G'], snippet: true })),
  file(
    'backspace',
    article(undefined, `Total ${WORD}: 100\b\b\b999 dollars.`),
    shown({ shows: ['100^H^H^H999'], snippet: true }),
  ),
  file(
    'carriage-return',
    article('title: "visible\\rhidden title"', 'visible\rhidden text'),
    // A CR may become ^M or a line break (Markdown's line endings), as long as nothing is overwritten.
    shown({ shows: [/visible(\^M|\s)+hidden title/, /visible(\^M|\s)+hidden text/] }),
  ),

  // HTML numeric character references that decode to controls.
  file('entity-esc', article(undefined, `Clear ${WORD} &#27;[2J screen.`), shown({ shows: ['^[[2J'], snippet: true })),
  // HTML maps &#x80;–&#x9f; to Windows-1252 (U+009B → ›); either that or <U+009B> is safe.
  file(
    'entity-csi-hex',
    article(undefined, `Colour ${WORD} &#x9b;31m here.`),
    shown({ shows: [/(<U\+009B>|›)31m/], snippet: true }),
  ),
  file(
    'entity-rlo',
    article(undefined, `Reverse ${WORD} &#x202e;txt.exe here.`),
    shown({ shows: ['<U+202E>txt.exe'], snippet: true }),
  ),
  file(
    'entity-csi-dec',
    article(undefined, `Colour ${WORD} &#155;31m here.`),
    shown({ shows: [/(<U\+009B>|›)31m/], snippet: true }),
  ),

  // YAML double-quoted escapes in front matter.
  file(
    'yaml-escape-e',
    article('title: "\\e[31mred"', 'Body.'),
    shown({ shows: ['^[[31mred'], listShows: ['^[[31mred'] }),
  ),
  file(
    'yaml-escape-osc',
    article('title: "\\x1b]0;title\\x07"', 'Body.'),
    shown({ shows: ['^[]0;title^G'], listShows: ['^[]0;title^G'] }),
  ),
  file(
    'yaml-escape-rlo',
    article('title: "abc\\u202eexe.txt"', 'Body.'),
    shown({ shows: ['abc<U+202E>exe.txt'], listShows: ['abc<U+202E>exe.txt'] }),
  ),

  // The same escapes in TOML and JSON front matter, and character references in YAML.
  file(
    'toml-escape',
    `+++\ntitle = "\\u001b[31mred \\u009b2J"\ntags = ["\\u202etag"]\n+++\n\nBody about ${WORD}.\n`,
    shown({ shows: ['^[[31mred <U+009B>2J'], listShows: ['^[[31mred <U+009B>2J'], jsonShows: ['<U+202E>tag'] }),
  ),
  file(
    'json-escape',
    `{"title": "\\u001b]0;title\\u0007", "summary": "\\u009b31m"}\n\nBody about ${WORD}.\n`,
    shown({ shows: ['^[]0;title^G'], listShows: ['^[]0;title^G'], jsonShows: ['<U+009B>31m'] }),
  ),
  file(
    'reference-escape',
    article('title: "&#27;[31mred &#x9b;2J &#x202e;evil"', 'Body.'),
    // HTML maps &#x9b; to ›, as windows-1252 has it.
    shown({ shows: ['^[[31mred ›2J <U+202E>evil'], listShows: ['^[[31mred ›2J <U+202E>evil'] }),
  ),

  // Bidi controls, zero-width characters, a BOM inside text.
  file(
    'bidi',
    article(
      undefined,
      `Bidi ${WORD} a\u202ab b\u202bc c\u202cd d\u202de e\u202ef f\u2066g g\u2067h h\u2068i i\u2069j.`,
    ),
    shown({
      shows: [
        '<U+202A>',
        '<U+202B>',
        '<U+202C>',
        '<U+202D>',
        '<U+202E>',
        '<U+2066>',
        '<U+2067>',
        '<U+2068>',
        '<U+2069>',
      ],
      // The snippet is cut at 100 cells, before the last few.
      snippet: ['<U+202A>', '<U+202E>'],
    }),
  ),
  file(
    'zero-width',
    article(undefined, `A ${WORD} zero\u200bwidth space.`),
    shown({ shows: ['zerowidth'], snippet: true }),
  ),
  file(
    'bom-inside',
    article(undefined, `A ${WORD} byte\ufefforder mark.`),
    shown({ shows: ['byteorder'], snippet: true }),
  ),

  // Code fences whose language name is hostile.
  file(
    'fence-osc52',
    article(undefined, `\`\`\`${ESC}]52;c;aGk=${BEL}\nfenced code line\n\`\`\``),
    shown({ shows: ['fenced code line'] }),
  ),
  file('fence-bidi', article(undefined, '```js\u202e\nconst bidi = 1;\n```'), shown({ shows: ['const bidi = 1;'] })),

  // Deep nesting: Markdown parsers and YAML parsers recurse per level.
  file('nest-quote', article(undefined, `${'>'.repeat(5000)} deepquote`), shown({ shows: ['deepquote'] })),
  file('nest-list', article(undefined, `${'- '.repeat(2000)}deeplist`), shown({ shows: ['deeplist'] })),
  file(
    'nest-emphasis',
    article(undefined, `${'*'.repeat(3000)}deepemph${'*'.repeat(3000)}`),
    shown({ shows: ['deepemph'] }),
  ),
  // Front matter nested too deeply is left out (a warning on the article); the body is still shown.
  file(
    'nest-yaml-flow',
    article(`title: ${'['.repeat(5000)}`, 'Body.'),
    shown({ shows: ['Body.'], listShows: ['nest-yaml-flow'], warns: /front matter nests too deeply/ }),
  ),
  file(
    'nest-yaml-map',
    article(`title: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`, 'Body.'),
    shown({ shows: ['Body.'], listShows: ['nest-yaml-map'], warns: /front matter is not valid YAML/ }),
  ),

  // Quadratic traps and sizes.
  file('email-autolink', article(undefined, EMAIL_RUN), shown({ shows: ['@b'], survives: EMAIL_RUN })),
  file('long-paragraph', article(undefined, LONG_RUN), shown({ shows: [LONG_RUN.slice(0, 40)], survives: LONG_RUN })),
  file('over-cap', articleOfSize('Over the cap', 1024 * 1024 + 1), refused('over-cap.md')),
  file('huge-3mb', articleOfSize('Three megabytes', 3 * 1024 * 1024), refused('huge-3mb.md')),

  // Files that are not plain article files.
  {
    name: 'fifo',
    slug: 'fifo',
    create: (folder) => makeFifo(join(folder, 'fifo.md')),
    outcome: refused('fifo.md'),
  },
  {
    // A device inside the folder (mknod needs root, as in CI containers; else a FIFO stands in).
    name: 'device',
    slug: 'zero',
    create: (folder) => {
      const made = spawnSync('mknod', [join(folder, 'zero.md'), 'c', '1', '5']);
      if (made.status !== 0) makeFifo(join(folder, 'zero.md'));
    },
    outcome: refused('zero.md'),
  },
  {
    // A link that stays inside the folder is followed, so what it points at must be checked too.
    name: 'link-to-fifo',
    slug: 'piped',
    create: (folder) => {
      makeFifo(join(folder, '.pipe'));
      symlinkSync('.pipe', join(folder, 'piped.md'));
    },
    outcome: refused('piped.md'),
  },
  {
    name: 'link-to-folder',
    slug: 'sub',
    create: (folder) => {
      mkdirSync(join(folder, 'subfolder'));
      symlinkSync('subfolder', join(folder, 'sub.md'));
    },
    outcome: refused('sub.md'),
  },
  {
    name: 'dev-zero',
    slug: 'dev',
    create: (folder) => symlinkSync('/dev/zero', join(folder, 'dev.md')),
    outcome: refused('dev.md'),
  },
  {
    name: 'symlink-loop',
    slug: 'loop',
    create: (folder) => symlinkSync('loop.md', join(folder, 'loop.md')),
    outcome: refused('loop.md'),
  },
  {
    // Links are followed only to files inside the folder (commit b732893): a folder must not reach out.
    name: 'symlink-outside',
    slug: 'outside',
    create: (folder, root) => {
      const target = join(root, 'outside-target.md');
      writeFileSync(target, article('title: From outside', `Outside ${ESC}[2J text.`));
      symlinkSync(target, join(folder, 'outside.md'));
    },
    outcome: refused('outside.md'),
  },
  {
    name: 'directory',
    slug: 'dir',
    create: (folder) => {
      mkdirSync(join(folder, 'dir.md'));
      writeFileSync(join(folder, 'dir.md', 'inner.md'), GOOD_ARTICLE);
    },
    outcome: refused('dir.md'),
  },
  file(
    'invalid-utf8',
    Buffer.concat([
      Buffer.from('Binary '),
      Buffer.from([0xff, 0xfe, 0x9b]),
      Buffer.from(' bytes, a NUL '),
      Buffer.from([0x00]),
      Buffer.from(' and a broken '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(` pair about ${WORD}.\n`),
    ]),
    // Undecodable bytes show as U+FFFD and NUL as ^@: nothing raw, nothing silently lost.
    shown({ shows: ['Binary \ufffd', '^@', 'broken \ufffd(', `pair about ${WORD}`] }),
  ),
  file(
    'crlf-bom',
    `\ufeff---\r\ntitle: Windows Title\r\n---\r\n\r\nFirst line.\r\nSecond line about ${WORD}.\r\n`,
    shown({ shows: ['Windows Title', `First line. Second line about ${WORD}.`], listShows: ['Windows Title'] }),
  ),
  file('empty', '', shown({ shows: ['empty'], listShows: ['empty'], searchable: false })),
  {
    name: 'name-esc',
    slug: `bad${ESC}name`,
    create: (folder) => writeFileSync(join(folder, `bad${ESC}name.md`), GOOD_ARTICLE),
    outcome: refused('bad^[name'),
  },
  {
    name: 'name-newline',
    slug: 'bad\nname',
    create: (folder) => writeFileSync(join(folder, 'bad\nname.md'), GOOD_ARTICLE),
    outcome: refused(/bad(\^J| )name/),
  },
  {
    name: 'unreadable',
    slug: 'locked',
    create: (folder) => {
      writeFileSync(join(folder, 'locked.md'), article('title: Locked away', 'Secret body.'));
      chmodSync(join(folder, 'locked.md'), 0o000);
    },
    // Root (as in CI containers) reads it anyway: then it is an ordinary article.
    outcome: (folder) =>
      canRead(join(folder, 'locked.md')) ? { kind: 'shown', shows: ['Locked away'] } : refused('locked.md')(),
  },
  {
    // Folder names reach stderr (in warnings) and `list --json` (in each article's path).
    name: 'folder-name',
    folder: `folder${ESC}]0;x${BEL}\u202e\u009bname`,
    slug: 'fifo',
    create: (folder) => makeFifo(join(folder, 'fifo.md')),
    outcome: refused(/folder\^\[\]0;x\^G<U\+202E><U\+009B>name\/fifo\.md/),
  },
];

function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
}

function canRead(path: string): boolean {
  try {
    closeSync(openSync(path, 'r'));
    return true;
  } catch {
    return false;
  }
}

let root = '';

function folderOf(name: string): string {
  return join(root, name);
}

function folderOfHazard(hazard: Hazard): string {
  return folderOf(hazard.folder ?? hazard.name);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'news-hostile-'));
  for (const hazard of HAZARDS) {
    const folder = folderOfHazard(hazard);
    mkdirSync(folder);
    writeFileSync(join(folder, `${GOOD}.md`), GOOD_ARTICLE);
    hazard.create(folder, root);
  }
  mkdirSync(folderOf('slugs'));
  writeFileSync(join(folderOf('slugs'), `${GOOD}.md`), GOOD_ARTICLE);
});

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The tests

/** stderr of a shown article: empty, or (for front matter left out) its warnings, required when `always`. */
function expectWarnings(run: Run, outcome: Shown, about: string, always: boolean): void {
  if (outcome.warns === undefined) {
    expect(run.stderr, about).toBe('');
    return;
  }
  const said = lines(run.stderr);
  if (always) expect(said.length, about).toBeGreaterThan(0);
  for (const line of said) expectShows(line, [/^news: warning: /, outcome.warns], about);
}

describe.each(HAZARDS)('hostile $name', (hazard) => {
  const dir = () => ['--dir', folderOfHazard(hazard)];

  it('read: neutralised and exit 0, or refused with one line naming it and exit 2', () => {
    const outcome = hazard.outcome(folderOfHazard(hazard));
    const run = news([...dir(), 'read', hazard.slug]);
    expectSafe(run);
    const about = summary(run);
    if (outcome.kind === 'shown') {
      expectCode(run, 0);
      expectWarnings(run, outcome, about, true);
      expectShows(run.stdout, outcome.shows, about);
      if (outcome.survives !== undefined) expect(run.stdout.replace(/\s+/g, ''), about).toContain(outcome.survives);
    } else {
      expectCode(run, 2);
      expect(run.stdout, about).toBe('');
      expect(lines(run.stderr), about).toHaveLength(1);
      expectShows(run.stderr, [/^news: /, outcome.names], about);
    }
  });

  it('list: good.md still listed; the hostile one listed (exit 0) or skipped with one warning (exit 2)', () => {
    const outcome = hazard.outcome(folderOfHazard(hazard));
    const run = news([...dir(), 'list']);
    expectSafe(run);
    const about = summary(run);
    expect(rowOf(run.stdout, GOOD), about).toBeDefined();
    if (outcome.kind === 'shown') {
      expectCode(run, 0);
      expectWarnings(run, outcome, about, false);
      const row = rowOf(run.stdout, hazard.slug);
      expect(row, about).toBeDefined();
      expectShows(row ?? '', outcome.listShows ?? [], about);
    } else {
      expectCode(run, 2);
      expect(lines(run.stderr), about).toHaveLength(1);
      expectShows(run.stderr, [/^news: warning: /, outcome.names], about);
    }
  });

  it('search: good.md still found; exit 0, or 2 with one warning when the hostile one is skipped', () => {
    const outcome = hazard.outcome(folderOfHazard(hazard));
    const run = news([...dir(), 'search', WORD]);
    expectSafe(run);
    const about = summary(run);
    expect(rowOf(run.stdout, GOOD), about).toBeDefined();
    if (outcome.kind === 'shown') {
      expectCode(run, 0);
      expectWarnings(run, outcome, about, false);
      const row = rowOf(run.stdout, hazard.slug);
      if (outcome.searchable !== false) expect(row, about).toBeDefined();
      if (outcome.snippet !== undefined) {
        expectShows(row ?? '', outcome.snippet === true ? outcome.shows : outcome.snippet, about);
      }
    } else {
      expectCode(run, 2);
      expect(lines(run.stderr), about).toHaveLength(1);
      expectShows(run.stderr, [/^news: warning: /, outcome.names], about);
    }
  });

  it('list --json: good.md still listed; fields read does not show are neutralised too', () => {
    const outcome = hazard.outcome(folderOfHazard(hazard));
    const run = news([...dir(), 'list', '--json']);
    expectSafe(run);
    const about = summary(run);
    expectCode(run, outcome.kind === 'shown' ? 0 : 2);
    const rows = JSON.parse(run.stdout) as { slug: string }[];
    expect(
      rows.some((entry) => entry.slug === GOOD),
      about,
    ).toBe(true);
    if (outcome.kind === 'shown') {
      const row = rows.find((entry) => entry.slug === hazard.slug);
      expect(row, about).toBeDefined();
      expectShows(JSON.stringify(row), outcome.jsonShows ?? [], about);
    }
  });
});

describe('hostile arguments', () => {
  const dir = () => ['--dir', folderOf('slugs')];

  it.each(
    (
      [
        ['../good', 2, /^news: \.\.\/good: cannot be read \(ENOENT\)/],
        ['/no/such/good.md', 2, /^news: \/no\/such\/good\.md: cannot be read \(ENOENT\)/],
        ['.good', 2, /^news: .*'\.good' is not an article name/],
        [`${ESC}[2J`, 2, /^news: .*'\^\[\[2J'/],
        [`${ESC}]52;c;aGk=${BEL}`, 2, /^news: .*'\^\[\]52;c;aGk=\^G'/],
        ['\u202egood', 2, /^news: .*'<U\+202E>good'/],
        ['good.md', 1, /^news: .*did you mean good\b/],
        ['', 2, /^news: /],
      ] as const
    ).map(([slug, code, message]) => [shellQuote(slug), code, slug, message] as const),
  )('read %s exits %i with one line, nothing on stdout', (_label, code, slug, message) => {
    const run = news([...dir(), 'read', slug]);
    expectSafe(run);
    const about = summary(run);
    expectCode(run, code);
    expect(run.stdout, about).toBe('');
    expect(lines(run.stderr), about).toHaveLength(1);
    expect(run.stderr, about).toMatch(message);
  });

  it.each(
    (
      [
        [`${ESC}]52;c;aGk=${BEL}`, /^news: note: .*'\^\[\]52;c;aGk=\^G'/],
        ['\u202e\u009b31m', /^news: note: .*'<U\+202E><U\+009B>31m'/],
      ] as const
    ).map(([query, message]) => [shellQuote(query), query, message] as const),
  )('search %s exits 1 with one line, nothing on stdout', (_label, query, message) => {
    const run = news([...dir(), 'search', query]);
    expectSafe(run);
    const about = summary(run);
    expectCode(run, 1);
    expect(run.stdout, about).toBe('');
    expect(lines(run.stderr), about).toHaveLength(1);
    expect(run.stderr, about).toMatch(message);
  });

  it('list still lists good.md', () => {
    const run = news([...dir(), 'list']);
    expectSafe(run);
    expectCode(run, 0);
    expect(run.stderr).toBe('');
    expect(rowOf(run.stdout, GOOD), summary(run)).toBeDefined();
  });

  it('read good > /dev/full exits 2 with one line', () => {
    const run = bash(`node bin/news.cjs --dir ${shellQuote(folderOf('slugs'))} read ${GOOD} > /dev/full`);
    expectSafe(run);
    const about = summary(run);
    expectCode(run, 2);
    expect(run.stdout, about).toBe('');
    expect(lines(run.stderr), about).toEqual([expect.stringMatching(/^news: cannot write the output/)]);
  });
});

describe('hostile articles with --color always, piped: only well-formed SGR codes', () => {
  it.each([
    ['c1-csi', ['read', 'c1-csi'], 0, '<U+009B>31mred'],
    ['backspace', ['read', 'backspace'], 0, '100^H^H^H999'],
    ['esc-banner', ['read', 'esc-banner'], 0, '^[]0;pwned^GConsular'],
    ['yaml-escape-e', ['list'], 0, '^[[31mred'],
    ['entity-esc', ['search', WORD], 0, '^[[2J'],
    ['name-esc', ['list'], 2, 'bad^[name'],
  ])('%s: news %j', (name, args, code, shows) => {
    const run = news(['--dir', folderOf(name), '--color', 'always', ...args]);
    expectSafe(run, 'sgr');
    const about = summary(run);
    expectCode(run, code);
    expect(`${run.stdout}${run.stderr}`.replace(SGR, ''), about).toContain(shows);
    // The terminal layout, forced into the pipe: the good article's title, not a tab-separated row.
    if (args[0] !== 'read') expect(run.stdout.replace(SGR, ''), about).toContain('A good article');
  });
});

describe.skipIf(!hasUtilLinuxScript)('hostile articles under a pseudo-terminal: only well-formed SGR codes', () => {
  it.each([
    ['esc-body', ['read', 'esc-body'], 0, '^[[2J^[[31mred'],
    ['osc52', ['read', 'osc52'], 0, '^[]52;c;aGVsbG8=^G'],
    ['yaml-escape-osc', ['read', 'yaml-escape-osc'], 0, '^[]0;title^G'],
    ['bidi', ['read', 'bidi'], 0, '<U+202E>'],
    ['osc8', ['search', WORD], 0, '^[]8;;https://evil.example/'],
    ['name-esc', ['list'], 2, 'bad^[name'],
    ['fifo', ['read', 'fifo'], 2, 'fifo.md'],
  ])('%s: news %j', (name, args, code, shows) => {
    const run = newsUnderTerminal(['--dir', folderOf(name), ...args]);
    // stderr arrives on the terminal too, so its lines are checked in stdout, not on their own.
    expectSafe(run, 'sgr', false);
    const about = summary(run);
    expectCode(run, code);
    expect(run.stderr, about).toBe('');
    expect(run.stdout.replace(SGR, ''), about).toContain(shows);
  });
});
