// The chat page's strings and dates, in the session's language.
//
// The server puts every `bg-*` message of the session's locale into
// <script type="application/json" id="chat-strings"> and the BCP 47 tag into <html lang>.
// A missing message shows as its id, so that a gap in a catalog is visible (and tested).

/** @type {Record<string, string>} */
let strings = {};
try {
  strings = JSON.parse(document.getElementById('chat-strings')?.textContent || '{}');
} catch {
  strings = {};
}

/** The page's language tag, or undefined for the browser's own. */
export const lang = supported(document.documentElement.lang) || undefined;

function supported(tag) {
  try {
    return tag && Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : '';
  } catch {
    return '';
  }
}

/** Formats a catalog pattern, replacing `{ $name }` placeholders with `args`. */
export function t(id, args = {}) {
  const pattern = Object.hasOwn(strings, id) ? strings[id] : id;
  return pattern.replace(/\{\s*\$([\w-]+)\s*\}/g, (_, k) => (Object.hasOwn(args, k) ? String(args[k]) : ''));
}

const timeOnly = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const full = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'medium' });

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Fills a <time> element for an instant (ms since the epoch, UTC): short text, full title. */
export function setTime(el, ms) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return el;
  el.dateTime = d.toISOString();
  el.textContent = (sameDay(d, new Date()) ? timeOnly : dayAndTime).format(d);
  el.title = full.format(d);
  return el;
}

/** Joins names the way the language lists things ("Ann and Bob"). */
export function listOf(names) {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
