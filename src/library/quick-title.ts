// A title good enough to describe a completion, read from an article's text without parsing it.

/** The front matter block (YAML `---`, TOML `+++`) and the line that names the title in it. */
const BLOCKS: [block: RegExp, title: RegExp][] = [
  [/^\s*---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/, /^title:[ \t]*(.+?)[ \t]*$/m],
  [/^\s*\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/, /^title[ \t]*=[ \t]*(.+?)[ \t]*$/m],
];

/**
 * A title good enough to describe a completion, on every Tab, so without a YAML or TOML parser:
 * the front matter's `title` line (YAML or TOML, quotes taken off) or the first `# heading`. JSON
 * front matter and titles written over several lines get the heading, or no title.
 */
export function quickTitle(text: string): string | undefined {
  const source = text.replace(/^\uFEFF/, '');
  let rest = source;
  for (const [block, title] of BLOCKS) {
    const found = block.exec(source);
    if (!found) continue;
    const line = found[1] ? title.exec(found[1])?.[1] : undefined;
    if (line !== undefined) {
      const quoted = /^"(.*)"$/.exec(line) ?? /^'(.*)'$/.exec(line);
      return quoted?.[1] ?? line;
    }
    rest = source.slice(found[0].length);
    break;
  }
  return /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(rest)?.[1];
}
