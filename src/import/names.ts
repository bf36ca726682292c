// Class and id naming conventions that mark page boilerplate: share bars, related stories, ads, captions, bylines…

import { classAndId } from './dom.js';

/**
 * Parts of class and id names that mark boilerplate on sites of every kind (WordPress themes, news
 * CMSs, ad and social plugins): "social-share", "related-stories", "article__media-caption",
 * "newsletterSignup". Names are split at spaces, dashes, underscores and camelCase humps, and
 * a part must match whole, so "shareholder" or "adapter" never match "share" or "ad".
 */
const BOILERPLATE_NAME_PARTS = new Set([
  // share and follow
  'share',
  'sharing',
  'sharebar',
  'shares',
  'social',
  'socials',
  'addthis',
  'sharethis',
  'follow',
  // newsletters, subscriptions, paywalls
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'optin',
  'paywall',
  'registration',
  // related and recommended stories
  'related',
  'recommended',
  'recommendation',
  'recommendations',
  'recirc',
  'recirculation',
  'trending',
  'popular',
  'mostread',
  'outbrain',
  'taboola',
  'rail',
  'teasers',
  'promo',
  'promos',
  'promoted',
  // advertising
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'commercial',
  // comments
  'comment',
  'comments',
  'disqus',
  // images, galleries and their captions
  'caption',
  'captions',
  'figcaption',
  'credit',
  'credits',
  'gallery',
  'slideshow',
  'carousel',
  'slidecount',
  'lightbox',
  'swiper',
  // bylines, datelines, author boxes
  'byline',
  'bylines',
  'dateline',
  'timestamp',
  'author',
  'authors',
  'bio',
  'submitted',
  // tags, breadcrumbs, navigation, notices
  'tags',
  'tagged',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'toolbar',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  // pop-up cards opening from links
  'tooltip',
  'tooltips',
  'popover',
  'hovercard',
  'rollover',
  'flyout',
]);

/** Two-part names that mark boilerplate only together ("read-more", "more-stories", "sign-up"). */
const BOILERPLATE_NAME_PAIRS = [
  ['read', 'more'],
  ['more', 'stories'],
  ['sign', 'up'],
  ['see', 'also'],
  ['also', 'read'],
  ['most', 'read'],
  ['post', 'meta'],
  ['entry', 'meta'],
  ['article', 'meta'],
  ['story', 'meta'],
  ['publish', 'info'],
  ['skip', 'link'],
];

/** Pop-ups that open from a link (people cards, tooltips): their text is inside the sentence's link. */
const POPUP_NAME_PARTS = new Set(['tooltip', 'tooltips', 'popover', 'hovercard', 'rollover', 'flyout']);

function namePartsOf(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when the element's class or id names a pop-up card opening from a link. */
export function hasPopupName(element: Element): boolean {
  return namePartsOf(classAndId(element)).some((part) => POPUP_NAME_PARTS.has(part));
}

/** True when a class or id value names boilerplate. */
export function isBoilerplateName(name: string): boolean {
  const parts = namePartsOf(name);
  if (parts.some((part) => BOILERPLATE_NAME_PARTS.has(part))) return true;
  return BOILERPLATE_NAME_PAIRS.some(([first, second]) => {
    for (let index = 0; index + 1 < parts.length; index++) {
      if (parts[index] === first && parts[index + 1] === second) return true;
    }
    return false;
  });
}

/** True when the element's class or id names boilerplate; `memo` keeps verdicts across one page. */
export function hasBoilerplateName(element: Element, memo = new Map<string, boolean>()): boolean {
  for (const name of [element.getAttribute('class'), element.getAttribute('id')]) {
    if (!name) continue;
    // Pages repeat the same class on hundreds of elements: each value is judged once.
    let verdict = memo.get(name);
    if (verdict === undefined) {
      verdict = isBoilerplateName(name);
      memo.set(name, verdict);
    }
    if (verdict) return true;
  }
  return false;
}
