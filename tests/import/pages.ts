// Small synthetic news pages for the tests: an invented paper (Example Gazette), invented stories.

/** Paragraphs long enough for Readability to take the container holding them as the article. */
export const STORY_PARAGRAPHS = [
  'The Riverton town council voted on Tuesday evening to restore the old stone bridge over the Mill River, ending a debate that had lasted, by most accounts, for the better part of a decade.',
  'Council members said the repairs would begin in the spring, once the water level drops, and that the crossing would stay open to walkers and cyclists for most of the work.',
  'Engineers who surveyed the bridge last autumn found that the arches were sound, but that the parapets, the drainage and the road surface needed to be rebuilt from the ground up.',
  'Residents who spoke at the meeting were divided. Some praised the plan, saying the bridge was part of the town’s character, while others asked whether the money, raised from a local levy, could be better spent.',
  'The mayor, who has supported the restoration since her first campaign, said she was pleased with the result and thanked the volunteers who had collected signatures across the valley.',
];

export const STORY_TITLE = 'Riverton council votes to restore the old stone bridge';

export interface PageParts {
  /** Extra markup for <head> (meta, JSON-LD, title). */
  head?: string;
  /** The <title> text; defaults to the story title. */
  title?: string;
  /** Markup in the story's container, before its paragraphs. */
  before?: string;
  /** Markup between the second and third paragraphs. */
  middle?: string;
  /** Markup in the story's container, after its paragraphs. */
  after?: string;
  /** Markup after the article, in <body>. */
  outside?: string;
  /** Attributes of <html>. */
  htmlAttributes?: string;
}

export function storyParagraphs(): string {
  return STORY_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');
}

/** A whole page: site header and menu, one article, a footer. */
export function articlePage(parts: PageParts = {}): string {
  const paragraphs = STORY_PARAGRAPHS.map((text) => `<p>${text}</p>`);
  paragraphs.splice(2, 0, parts.middle ?? '');
  return `<!doctype html>
<html ${parts.htmlAttributes ?? 'lang="en"'}>
<head>
<meta charset="utf-8">
<title>${parts.title ?? STORY_TITLE}</title>
${parts.head ?? ''}
</head>
<body>
<header class="site-header"><a href="/">Example Gazette</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
</header>
<main>
<article>
<h1>${STORY_TITLE}</h1>
<div class="story-body">
${parts.before ?? ''}
${paragraphs.join('\n')}
${parts.after ?? ''}
</div>
</article>
${parts.outside ?? ''}
</main>
<footer class="site-footer"><p>Example Gazette, 1 Harbour Street, Riverton</p></footer>
</body>
</html>`;
}
