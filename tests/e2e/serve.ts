// A server on 127.0.0.1 in a process of its own, answering from a table, for end-to-end runs of the
// built binary: the runs block this process (spawnSync), so the server cannot share its event loop.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the server answers one path. */
export interface Route {
  status?: number;
  type?: string;
  body?: string;
  /** Answered 304 when the request carries it back. */
  etag?: string;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  location?: string;
}

const SERVER = `
const { createServer } = require('node:http');
const { appendFileSync, readFileSync } = require('node:fs');
const [routesFile, logFile] = process.argv.slice(1);
const server = createServer((request, response) => {
  const routes = JSON.parse(readFileSync(routesFile, 'utf8'));
  appendFileSync(logFile, JSON.stringify({ path: request.url, etag: request.headers['if-none-match'] ?? null }) + '\\n');
  const route = routes[request.url];
  const answer = () => {
    if (!route) { response.writeHead(404); response.end(); return; }
    if (route.etag && request.headers['if-none-match'] === route.etag) { response.writeHead(304); response.end(); return; }
    const headers = { 'content-type': route.type ?? 'application/rss+xml' };
    if (route.etag) headers.etag = route.etag;
    if (route.location) headers.location = route.location;
    response.writeHead(route.status ?? 200, headers);
    response.end(route.body ?? '');
  };
  if (route?.delayMs) setTimeout(answer, route.delayMs); else answer();
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

export class ServerProcess {
  private child: ChildProcess | undefined;
  private readonly routesFile: string;
  private readonly logFile: string;
  private readonly dir: string;
  base = '';

  constructor(routes: Record<string, Route> = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'news-e2e-server-'));
    this.routesFile = join(this.dir, 'routes.json');
    this.logFile = join(this.dir, 'requests.log');
    writeFileSync(this.logFile, '');
    this.setRoutes(routes);
  }

  /** Changes what the server answers, from its next request on. */
  setRoutes(routes: Record<string, Route>): void {
    writeFileSync(this.routesFile, JSON.stringify(routes));
  }

  async start(): Promise<this> {
    const child = spawn(process.execPath, ['-e', SERVER, this.routesFile, this.logFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout?.setEncoding('utf8').once('data', (data: string) => resolve(data.trim()));
      child.once('error', reject);
    });
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Every request so far: its path and the ETag it sent back. */
  requests(): { path: string; etag: string | null }[] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  }

  stop(): void {
    this.child?.kill('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
