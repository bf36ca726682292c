// Synthetic saved web pages for benchmarking `news import`: the shape of a news site's article page
// (head full of metadata, scripts and styles, menus, the story, related stories, comments, footer)
// at a given size, made of pseudo-words so that no page reads as news. Deterministic: the same
// index and size give byte-identical pages on every machine.

import { createRandom } from './corpus.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'zi', 'pe', 'sa', 'do', 'fu', 'gri', 'bel', 'tor', 'wen'];

export function pseudoWord(random) {
  const count = 1 + Math.floor(random() * 3);
  let word = '';
  for (let index = 0; index < count; index++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word;
}

export function sentence(random, words) {
  const parts = Array.from({ length: words }, () => pseudoWord(random));
  const text = parts.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random) {
  return Array.from({ length: 3 + Math.floor(random() * 3) }, () =>
    sentence(random, 8 + Math.floor(random() * 12)),
  ).join(' ');
}

/** A minified-looking script of about `bytes` bytes: what most of a real page's weight is. */
function script(random, bytes) {
  let code = '';
  while (code.length < bytes) {
    code += `var ${pseudoWord(random)}=function(a,b){return a+"${pseudoWord(random)}"+b*${Math.floor(random() * 1000)}};`;
  }
  return code;
}

function menu(random, items) {
  return `<ul class="menu">${Array.from({ length: items }, () => `<li><a href="/${pseudoWord(random)}">${pseudoWord(random)}</a></li>`).join('')}</ul>`;
}

/**
 * Page number `index`, about `bytes` long (within a few per cent): a fifth of it the story, the
 * rest the page around it, as on news sites.
 */
export function makePage(index, bytes = 150_000) {
  const random = createRandom(index + 1);
  const title = sentence(random, 8).slice(0, -1);
  const story = [];
  let storyBytes = 0;
  while (storyBytes < bytes / 5) {
    const text =
      story.length > 0 && story.length % 5 === 0
        ? `<h2>${sentence(random, 4).slice(0, -1)}</h2>`
        : `<p>${paragraph(random)}</p>`;
    story.push(text);
    storyBytes += text.length;
  }
  const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | Synthetic Bench Gazette</title>
<meta property="og:site_name" content="Synthetic Bench Gazette">
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2024-03-${String((index % 28) + 1).padStart(2, '0')}T09:30:00+01:00">
<meta name="description" content="${sentence(random, 12)}">
<link rel="canonical" href="https://bench.example/story/${index}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2024-03-01T09:30:00+01:00","author":{"@type":"Person","name":"Bench Writer"}}</script>
<style>${'.x{color:red}'.repeat(200)}</style>
`;
  const around = (filler) => `</head>
<body>
<header class="site-header">${menu(random, 40)}</header>
<div class="cookie-consent">${sentence(random, 20)}</div>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Bench Writer</p>
<div class="article-body">
${story.join('\n')}
<div class="share-bar"><a href="https://social.example/share">Share</a></div>
</div>
</article>
<aside class="related-stories"><h3>Related</h3>${menu(random, 12)}</aside>
<section class="comments">${Array.from({ length: 8 }, () => `<div class="comment"><p>${sentence(random, 15)}</p></div>`).join('')}</section>
</main>
<footer>${menu(random, 30)}</footer>
<script>${filler}</script>
</body>
</html>
`;
  const without = head.length + around('').length;
  return head + around(script(random, Math.max(0, bytes - without)));
}
