// Building the chat page's elements with DOM APIs only: text is always inserted as text
// nodes, never parsed as HTML, and links are made from http(s) URLs found in the text.

/**
 * Creates an element. `props`: `class`, `text`, `on` (event listeners), anything else is set
 * as an attribute (`true` as an empty one; null/false skipped). Children may be strings
 * (inserted as text) or nodes.
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'on') for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
    else if (k === 'style' || k.startsWith('on')) throw new Error(`refusing attribute ${k}`);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

// A URL runs until whitespace or a character that cannot be part of one in running text.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`\u00a0\u2028\u2029]+/gi;
const TRAILING = /[.,;:!?'"*_~\]}>]+$/;

/** Drops punctuation that ends the sentence rather than the URL, and unbalanced ")". */
function trimUrl(url) {
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    if (url.endsWith(')') && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
      url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

/** The href of a URL when it is http or https, else null. */
export function safeHref(text) {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Text as nodes, with http(s) URLs as links that open in a new tab without an opener. */
export function linkify(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    const href = safeHref(url);
    if (!href || url.length < 10) continue;
    if (m.index > last) frag.append(text.slice(last, m.index));
    frag.append(h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, url));
    last = m.index + url.length;
  }
  if (last < text.length) frag.append(text.slice(last));
  return frag;
}
