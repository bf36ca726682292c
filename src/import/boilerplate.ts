// General rules that remove from an extracted article what is not its text: captions, bylines, ads, share and story lists.
//
// Readability picks the right container on most pages but keeps what sits inside it. Each rule
// here is one pattern found across news sites in general — a naming convention, a structure or a
// phrase every newsroom uses — never a site's own markup. Every rule can be switched off by name,
// which is how scripts/eval.ts measures what each one is worth.

import {
  articleTextLength,
  BlockList,
  describePage,
  outermostWrapper,
  removeBlocks,
  removeFromPage,
  removeGuarded,
  removeTailBlocks,
} from './blocks.js';
import { linkDensity, normalizedText } from './dom.js';
import { hasBoilerplateName, hasPopupName } from './names.js';
import {
  AD_LABEL,
  BYLINE_START,
  CALL_TO_ACTION,
  CAPTION_LABEL,
  isDateLine,
  isMetaLine,
  PHOTO_CREDIT,
  READ_MORE_PREFIX,
  REPORTING_CREDIT,
  SENTENCE_END,
  TAG_LIST_LABEL,
  UI_LABEL,
  URL_ONLY,
} from './patterns.js';

export interface BoilerplateContext {
  /** The article's title, to recognise it repeated in the body. */
  title?: string;
  /** The page's keywords, to recognise a tag list. */
  tags: string[];
}

export interface BoilerplateRule {
  name: string;
  /** The pattern, in one sentence. */
  description: string;
  /**
   * "page" rules run on the whole cleaned page before Readability chooses the article (they need
   * class names, which Readability rewrites, and they spare it bad candidates); "article" rules run
   * on the article Readability chose.
   */
  stage: 'page' | 'article';
  apply(input: RuleInput): void;
}

/** What a rule works on: the page's body or the article, what is known of the page, its text blocks. */
export interface RuleInput {
  root: Element;
  context: BoilerplateContext;
  blocks: BlockList;
}

/** Runs the enabled rules of `stage` in order on `root`; `enabled` says which (all by default). */
export function removeBoilerplate(
  stage: BoilerplateRule['stage'],
  root: Element,
  context: BoilerplateContext,
  enabled: (name: string) => boolean = () => true,
): void {
  const input: RuleInput = { root, context, blocks: new BlockList(root) };
  for (const rule of BOILERPLATE_RULES) {
    if (rule.stage === stage && enabled(rule.name)) rule.apply(input);
  }
}

const HEADING = /^h[1-6]$/;

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const BOILERPLATE_RULES: BoilerplateRule[] = [
  {
    name: 'boilerplateNames',
    stage: 'page',
    description:
      'Elements named by widespread conventions for share bars, newsletters, related stories, ads, comments, galleries, captions, bylines, author boxes, tags and cookie notices.',
    apply({ root }) {
      const page = describePage(root);
      const memo = new Map<string, boolean>();
      for (const element of Array.from(root.querySelectorAll('[class], [id]'))) {
        if (!root.contains(element)) continue;
        if (!hasBoilerplateName(element, memo)) continue;
        if (hasPopupName(element)) {
          element.remove();
          continue;
        }
        // Inside a paragraph a named span is part of a sentence (a linked author, a date).
        const paragraph = element.parentElement?.closest('p');
        if (paragraph && normalizedText(element).length < normalizedText(paragraph).length * 0.9) continue;
        removeFromPage(element, page);
      }
    },
  },
  {
    name: 'figures',
    stage: 'page',
    description:
      'Figures and their captions: images are reduced to alt text, and captions and credits are not the story.',
    apply({ root }) {
      const page = describePage(root);
      for (const element of Array.from(root.querySelectorAll('figcaption, figure'))) {
        if (!root.contains(element)) continue;
        // A figure that holds paragraphs is used as a plain container.
        if (element.localName === 'figure' && element.querySelectorAll('p').length > 2) continue;
        removeFromPage(element, page);
      }
    },
  },
  {
    name: 'captionCredits',
    stage: 'article',
    description:
      'A short block that ends with a photo credit ("(X Photo/…)", "Credit: …", "Photo: …") or starts "In this … photo" is a caption.',
    apply({ root, blocks }) {
      removeBlocks(
        blocks,
        root,
        (_block, text) => text.length <= 400 && (PHOTO_CREDIT.test(text) || CAPTION_LABEL.test(text)),
      );
    },
  },
  {
    name: 'adLabels',
    stage: 'article',
    description: 'Blocks whose whole text is an advertising label or a "continue reading below" notice.',
    apply({ root, blocks }) {
      removeBlocks(blocks, root, (_block, text) => AD_LABEL.test(text));
    },
  },
  {
    name: 'interfaceLabels',
    stage: 'article',
    description:
      'Blocks whose whole text is an interface label: Share, Print, Comments, Sign in, Skip to content, Read more…',
    apply({ root, blocks }) {
      removeBlocks(blocks, root, (_block, text) => UI_LABEL.test(text));
    },
  },
  {
    name: 'readMoreLinks',
    stage: 'article',
    description:
      'Short link blocks introduced by "Read more:", "See also:", "Related:" and their equivalents are promotions of other stories.',
    apply({ root, blocks }) {
      removeBlocks(
        blocks,
        root,
        (block, text) => text.length <= 250 && READ_MORE_PREFIX.test(text) && block.querySelector('a') !== null,
      );
    },
  },
  {
    name: 'linkBlocks',
    stage: 'article',
    description:
      'Headline-like blocks (short, no closing full stop) made mostly of link text, and lists of short link items, are story lists and menus.',
    apply({ root, blocks }) {
      const total = articleTextLength(root);
      for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
        if (!root.contains(list)) continue;
        const items = Array.from(list.children).filter((item) => item.localName === 'li');
        if (items.length < 2) continue;
        const linkItems = items.filter((item) => linkDensity(item) > 0.8 && normalizedText(item).length <= 150);
        if (linkItems.length >= items.length * 0.8 && removeGuarded(list, total)) blocks.invalidate();
      }
      removeBlocks(blocks, root, (block, text) => {
        if (HEADING.test(block.localName)) return false;
        if (text.length <= 200 && !SENTENCE_END.test(text) && linkDensity(block) > 0.8) return true;
        // Several links with next to no other text: a run of headlines, whatever its length.
        return block.getElementsByTagName('a').length >= 3 && linkDensity(block) > 0.9;
      });
    },
  },
  {
    name: 'datelines',
    stage: 'article',
    description:
      'Short paragraphs that are only a date or time, or a "Posted … / Updated …" line, are datelines (a dated heading or list item is content).',
    apply({ root, blocks }) {
      removeBlocks(
        blocks,
        root,
        (block, text) => !HEADING.test(block.localName) && block.localName !== 'li' && isDateLine(text),
      );
    },
  },
  {
    name: 'metaLines',
    stage: 'article',
    description:
      'Short lines that carry a post\'s meta data: a date with "Posted by:", "Category:" or "Tags:", or two such labels.',
    apply({ root, blocks }) {
      removeBlocks(blocks, root, (_block, text) => isMetaLine(text));
    },
  },
  {
    name: 'bylines',
    stage: 'article',
    description:
      'Among the first and last blocks, short lines starting "By", "Posted", "Published", "Updated" (and their equivalents) are bylines.',
    apply({ root, blocks }) {
      removeBlocks(
        blocks,
        root,
        (_block, text, index, count) =>
          (index < 4 || index >= count - 3) &&
          text.length <= 120 &&
          BYLINE_START.test(text) &&
          !/[.!?]["”’]?$/.test(text.replace(/\b(?:[A-Z]|Jr|Sr|Dr|St)\.$/, '')),
      );
    },
  },
  {
    name: 'callsToAction',
    stage: 'article',
    description:
      'Among the last blocks, short calls to action: follow us, subscribe to the newsletter, click here, share this.',
    apply({ root, blocks }) {
      removeTailBlocks(blocks, root, (text) => CALL_TO_ACTION.test(text));
    },
  },
  {
    name: 'reportingCredits',
    stage: 'article',
    description:
      'Among the last blocks, wire-service credits: "(Reporting by …; Editing by …)", "… contributed to this report".',
    apply({ root, blocks }) {
      removeTailBlocks(blocks, root, (text) => REPORTING_CREDIT.test(text));
    },
  },
  {
    name: 'titleRepeat',
    stage: 'article',
    description: 'A block near the top that repeats the title.',
    apply({ root, context, blocks }) {
      if (!context.title) return;
      const title = comparable(context.title);
      removeBlocks(blocks, root, (_block, text, index) => index < 5 && comparable(text) === title);
    },
  },
  {
    name: 'urlBlocks',
    stage: 'article',
    description: 'Blocks whose text is a bare URL (share links, canonical links printed on the page).',
    apply({ root, blocks }) {
      removeBlocks(blocks, root, (_block, text) => URL_ONLY.test(text));
    },
  },
  {
    name: 'tagLists',
    stage: 'article',
    description: 'Blocks labelled "Tags:", "Topics:", "Filed under:", or made of the page\'s own keywords.',
    apply({ root, context, blocks }) {
      const keywords = new Set(context.tags.map(comparable));
      removeBlocks(blocks, root, (_block, text) => {
        if (TAG_LIST_LABEL.test(text) && text.length <= 400) return true;
        if (keywords.size < 2) return false;
        const parts = text
          .split(/\s*[,;|•·]\s*/)
          .map(comparable)
          .filter(Boolean);
        return parts.length >= 2 && parts.filter((part) => keywords.has(part)).length >= parts.length * 0.8;
      });
    },
  },
  {
    name: 'emptySections',
    stage: 'article',
    description: 'A heading left with nothing under it (its story list or widget removed) goes too.',
    apply({ root, blocks }) {
      const elements = blocks.current().map(({ element }) => element);
      elements.forEach((block, index) => {
        if (!HEADING.test(block.localName)) return;
        const next = elements[index + 1];
        const level = Number(block.localName.slice(1));
        const nextIsHeading =
          next !== undefined && HEADING.test(next.localName) && Number(next.localName.slice(1)) <= level;
        if (next === undefined || nextIsHeading) outermostWrapper(block, root).remove();
      });
    },
  },
];
