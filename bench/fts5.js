// Owns the SQLite FTS5 anchor of `npm run bench -- --library N --sqlite DIR`: the same folder indexed
// by better-sqlite3's FTS5 (the embedded-database route news did not take), and a ranked query over it.
// better-sqlite3 is never a dependency of news: DIR is where it was installed by hand, outside the repo
// (`npm install better-sqlite3@12` in a scratch folder; it compiles from source without a prebuilt binary).
//
//   node bench/fts5.js build --sqlite DIR --dir FOLDER --db FILE   one transaction, as the anchors
//   node bench/fts5.js query --sqlite DIR --db FILE WORD           ten best hits with a snippet, piped lines
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `usage: node bench/fts5.js build --sqlite DIR --dir FOLDER --db FILE
       node bench/fts5.js query --sqlite DIR --db FILE WORD`;

/** better-sqlite3 from the folder it was installed in (its node_modules, or the package itself). */
function loadSqlite(dir) {
  const require = createRequire(join(resolve(dir), 'noop.js'));
  return require('better-sqlite3');
}

/** Title and body of an article file: the front matter's `title:` and everything after it, as text. */
function splitArticle(text) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const front = match ? match[1] : '';
  const title = /^title:\s*"?(.*?)"?\s*$/m.exec(front)?.[1] ?? '';
  return { title, body: match ? text.slice(match[0].length) : text };
}

function build(Database, folder, dbPath) {
  rmSync(dbPath, { force: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE VIRTUAL TABLE articles USING fts5(slug UNINDEXED, title, body)');
  const insert = db.prepare('INSERT INTO articles (slug, title, body) VALUES (?, ?, ?)');
  const names = readdirSync(folder).filter((name) => name.endsWith('.md'));
  db.transaction(() => {
    for (const name of names) {
      const { title, body } = splitArticle(readFileSync(join(folder, name), 'utf8'));
      insert.run(name.slice(0, -3), title, body);
    }
  })();
  db.close();
  return names.length;
}

function query(Database, dbPath, word) {
  const db = new Database(dbPath, { readonly: true });
  const rows = db
    .prepare(
      "SELECT slug, title, snippet(articles, 2, '', '', '…', 12) AS snippet FROM articles WHERE articles MATCH ? ORDER BY bm25(articles, 0, 12, 1) LIMIT 10",
    )
    .all(word);
  process.stdout.write(rows.map((row) => `${row.slug}\t${row.title}\t${row.snippet}\n`).join(''));
  db.close();
  return rows.length;
}

function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { sqlite: { type: 'string' }, dir: { type: 'string' }, db: { type: 'string' } },
  });
  const [mode, word] = positionals;
  if (values.sqlite === undefined || values.db === undefined || !existsSync(values.sqlite)) {
    console.error(`fts5: --sqlite DIR (where better-sqlite3 is installed) and --db FILE are required\n${USAGE}`);
    return 2;
  }
  const Database = loadSqlite(values.sqlite);
  if (mode === 'build' && values.dir !== undefined) {
    build(Database, values.dir, values.db);
    return 0;
  }
  if (mode === 'query' && word !== undefined) return query(Database, values.db, word) > 0 ? 0 : 1;
  console.error(USAGE);
  return 2;
}

process.exitCode = main();
