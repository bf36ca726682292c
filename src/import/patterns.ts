// Text patterns of news-page boilerplate: ad labels, photo credits, bylines, datelines, calls to action.
//
// Each is a phrase or a shape that newsrooms use everywhere (several languages where it was cheap),
// matched against one block's whole text, never a site's own wording.

/** An advertising label or a "the story goes on" notice standing alone. */
export const AD_LABEL =
  /^(?:advertisement|advertising|advert|ads?|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)|anzeige|werbung|publicidad|publicité|pubblicità|reklama|реклама|广告|(?:the )?(?:story|article) continues below(?: (?:this )?(?:ad|advertisement))?|continue reading(?: below)?|scroll (?:down )?to continue(?: with content)?|content continues below)[\s.:…-]*$/i;

/** Words of an interface, not of an article, when they are all a block says. */
export const UI_LABEL =
  /^(?:share(?: this(?: article| story)?)?|print|email|e-mail|comments?|\d+ comments?|leave a (?:comment|reply)|post a comment|sign in|log in|login|register|subscribe|skip to (?:main )?content|close|caption|tags|topics|menu|search|next|previous|prev|back to top|load more|show more|read more|see more|view comments|related(?: stories| articles| content)?|more on this(?: story)?|trending(?: now)?)[\s.:…!-]*$/i;

/** A photo credit closing a caption: "(X Photo/…)", "(Photo by …)", "Credit: …", "(Image: …)", "Photo: …". */
export const PHOTO_CREDIT =
  /(?:\((?:[A-Z]+ )?(?:photo|image|foto|picture|pic)s?\s*(?:by|credit)?\s*[:/][^)]{1,80}\)|\((?:photo|image|picture)s? by [^)]{1,80}\)|\b(?:photo|image|picture|pic)s?\s*(?:credit|courtesy)?\s*:\s*[^.]{1,80}|\bcredit\s*:\s*[^.]{1,80}|\bphotograph(?:y)?(?: by|:)\s*[^.]{1,80}|\bfile photo\b[^.]{0,80})\s*\)?\s*$/i;

/** The wire services' caption opening: "In this March 3, 2020, file photo, …". */
export const CAPTION_LABEL = /^in this [\w.,' -]{0,40}\b(?:photo|image|picture|handout)\b/i;

/** How a byline or a dateline starts, in the languages of the news sites we read most. */
export const BYLINE_START =
  /^(?:by|from|written by|posted(?: by| on| at)?|published(?: on| at| by)?|updated(?: on| at)?|last updated|first published|von|par|por|publicado(?: por| em| el)?|di|door|af|av|przez)\b\s*:?/i;

const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre';

const DATE_PARTS = new RegExp(
  [
    '\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b',
    '\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?',
    `\\b(?:${MONTH_NAMES})\\.?(?=[\\s,\\d]|$)`,
    '\\b\\d{1,4}(?:st|nd|rd|th)?\\b',
    '\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?(?=[\\s,]|$)',
    '\\b(?:today|yesterday|ago|hours?|minutes?|days?|at|on|am|um|le|el|de|às|alle|et|an?|edt|est|cst|cdt|pst|pdt|gmt|utc|bst|cet|cest|hst|ist|et|pt|ct)\\b',
    '\\b(?:segunda|terça|quarta|quinta|sexta)-feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  ].join('|'),
  'gi',
);

/** Something only a date or a time has: a month's name next to a number, d/m/y, or hh:mm. */
const DATE_SIGNAL = new RegExp(
  `\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\b\\d{1,2}:\\d{2}\\b|\\b(?:${MONTH_NAMES})\\.?\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:de\\s+)?(?:${MONTH_NAMES})\\b`,
  'i',
);

/** Labels of a post's meta line: "Posted by:", "Category:", "Tags:" and their equivalents. */
const META_LABEL =
  /(?:^|[\s|•·-])(?:tags?|tagged|categor(?:y|ies|ia|ie|ías)|filed under|posted by|published by|written by|publicado por|postado por|autor|author|veröffentlicht von)\s*:/gi;

/** A post's meta line: a date with a meta label, or two meta labels ("05/10/2018 - Posted by: … - Category: …"). */
export function isMetaLine(text: string): boolean {
  if (text.length > 250) return false;
  const labels = text.match(META_LABEL)?.length ?? 0;
  return labels >= 2 || (labels === 1 && DATE_SIGNAL.test(text));
}

const BYLINE_WORDS = /\b(?:by|posted|published|updated|original|staff|correspondent|reporter|editor|writer)\b/gi;

/** True when `text` is a date, a time or a "Posted … / Updated …" line with little else. */
export function isDateLine(text: string): boolean {
  if (text.length > 120 || !DATE_SIGNAL.test(text)) return false;
  const rest = text.replace(DATE_PARTS, ' ').replace(BYLINE_WORDS, ' ');
  const words = rest.match(/[\p{L}]{2,}/gu) ?? [];
  return words.length <= 1 && rest.replace(/[\s\p{P}\p{S}]/gu, '').length <= 12;
}

/** A call to action that closes articles: follow us, subscribe, get the newsletter, share this. */
export const CALL_TO_ACTION = new RegExp(
  [
    '\\bfollow (?:us|him|her|them|me|@\\w+)',
    '\\bsubscribe to (?:our|the) [\\w .-]{0,40}(?:channel|podcast|magazine|feed)\\b',
    '\\b(?:subscribe|sign up|signup|register) (?:to|for) (?:our|the|this) [\\w ]{0,30}newsletter',
    '\\bnewsletters?\\b.{0,60}\\b(?:inbox|sign up|subscribe)\\b|\\b(?:inbox|sign up|subscribe)\\b.{0,60}\\bnewsletters?\\b',
    '\\bclick here\\b',
    '\\bjoin (?:us|our)\\b',
    '\\bshare (?:it|this)(?: story| article)? with\\b',
    '\\blike this (?:story|article)\\b',
    '\\bif you (?:enjoyed|liked) this\\b',
    '\\bdelivered (?:to|right (?:to|in)) your inbox\\b',
    '\\b(?:breaking news|news) alerts\\b',
    '\\baffiliate (?:links?|commission)\\b',
    '\\b(?:download|get) (?:our|the) (?:free )?app\\b',
  ].join('|'),
  'i',
);

/** Wire-service credits closing a story: "(Reporting by …; Editing by …)", "… contributed to this report." */
export const REPORTING_CREDIT =
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b|\bcontributed (?:reporting )?to this (?:report|story|article)\W*$/i;

export const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;

export const TAG_LIST_LABEL =
  /^(?:tags?|tagged(?: with)?|topics?|keywords?|categories|category|filed under|related topics|more (?:on|about))\s*:/i;

export const READ_MORE_PREFIX =
  /^(?:read more|read also|also read|read next|see also|see more|related|more|also on|also see|watch|listen|recommended|don'?t miss|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|leia também|leia mais|lee también|ver también|leggi anche|czytaj też|läs också|les også)\b\s*[:|»>-]/i;

/** A sentence ends with a full stop, a question or exclamation mark, maybe inside quotes. */
export const SENTENCE_END = /[.!?。！？]["'”’»)]*$/;
