// A title good enough to describe a completion, read from an article's text without parsing it.

/** A title good enough to describe a completion: the front matter's `title:` line or the first `# heading`. */
export function quickTitle(text: string): string | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
  const line = frontMatter?.[1] ? /^title:[ \t]*(.+?)[ \t]*$/m.exec(frontMatter[1])?.[1] : undefined;
  if (line !== undefined) {
    const quoted = /^"(.*)"$/.exec(line) ?? /^'(.*)'$/.exec(line);
    return quoted?.[1] ?? line;
  }
  return /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(source.slice(frontMatter?.[0].length ?? 0))?.[1];
}
