// Running the built binary (and shells around it) for end-to-end tests, always with a scrubbed environment.

import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const BIN = join(ROOT, 'bin/news.cjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A library folder that never exists, so no run reads the developer's ~/.local/share/news/articles. */
export const NO_LIBRARY = '/nonexistent/news-library';

/**
 * Only PATH, HOME, a library folder that does not exist and the given index cache (plus `extra`),
 * so nothing from the developer's shell decides colour or width, no run writes to ~/.cache and no
 * run reads the developer's library. Without a cache, news indexes in memory.
 */
export function scrubbedEnv(cacheDir?: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    NEWS_LIBRARY: NO_LIBRARY,
    ...(cacheDir === undefined ? {} : { NEWS_CACHE_DIR: cacheDir }),
    ...extra,
  };
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const result = spawnSync(file, [...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The built binary, piped. */
export function runNews(args: readonly string[], env: NodeJS.ProcessEnv): Run {
  return run(process.execPath, [BIN, ...args], env);
}

/** A bash command line, for redirections such as `> /dev/full` or `| head -1`. */
export function runShell(script: string, env: NodeJS.ProcessEnv): Run {
  return run('bash', ['-c', script], env);
}

/** Runs `command` under a fresh pseudo-terminal; its stdout and stderr both arrive on our stdout. */
export function runUnderTerminal(command: string, env: NodeJS.ProcessEnv): Run {
  return run('script', ['-qec', command, '/dev/null'], env);
}

/** `script -qec` is util-linux's; BSD and macOS `script` take other arguments. */
export const hasUtilLinuxScript = (() => {
  const result = spawnSync('script', ['--version'], { encoding: 'utf8', env: scrubbedEnv() });
  return result.status === 0 && result.stdout.includes('util-linux');
})();

/** The built binary, started without waiting for it: for processes that must run at once. */
export function startNews(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `text` quoted for sh, so paths with spaces or quotes survive a command line. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
