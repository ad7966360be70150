/*! Beckon start_session.js part "ui": strings, styles, the dialog and notices. */
// Everything here is built with DOM calls and classes from bg.css: no innerHTML, no style
// attributes and no inline handlers, so a strict Content-Security-Policy on the customer's
// page allows it (see docs/start_session_js.md).
BG._part('ui', (core) => {
  'use strict';

  /** The reference's 16 locale codes. */
  const LOCALES = ['en-us', 'de', 'es', 'es-sp', 'fi', 'fr', 'it', 'nl', 'pt-br', 'pt-pt', 'sv-se', 'tr', 'ja', 'zh-hans', 'zh', 'ru'];

  /**
   * Used when the site's strings cannot be fetched (the site is unreachable, say), so the
   * customer is never shown message ids.
   */
  const ENGLISH = {
    'bg-dialog-title': 'Starting your support session',
    'bg-dialog-close': 'Close',
    'bg-dialog-starting': 'Preparing your session…',
    'bg-dialog-downloading': 'Your download should begin in a moment.',
    'bg-dialog-instructions': 'When the download has finished, open the file to join your support session.',
    'bg-dialog-manual': 'If the download did not start, click here to download the support client.',
    'bg-dialog-failed': 'Your support session could not start.',
    'bg-popup-blocked': 'Your browser blocked the chat window.',
    'bg-popup-open-link': 'Open the chat in a new tab',
    'bg-mobile-title': 'Continue in the support app',
    'bg-mobile-opening': 'Opening the support app…',
    'bg-mobile-install': 'Install the support app',
    'bg-mobile-start': 'I have installed the app: start my session',
  };

  /** @type {Record<string, string>} */
  let strings = ENGLISH;
  // This factory runs while this file's <script> executes: the loader gave it the page's
  // CSP nonce, which the stylesheet needs too.
  const nonce = (document.currentScript && document.currentScript.nonce) || '';
  /** @type {Record<string, Promise<void>>} */
  const loaded = {};
  let ids = 0;

  /**
   * Maps a browser language tag (BCP 47) to the closest reference locale, as the server
   * does for Accept-Language (Locale::from_bcp47), so page and server agree.
   * @param {string} tag @returns {string|undefined}
   */
  function fromTag(tag) {
    const [lang, ...rest] = String(tag).toLowerCase().replace(/_/g, '-').split('-');
    const has = (s) => rest.includes(s);
    switch (lang) {
      case 'en': return 'en-us';
      case 'es': return has('es') ? 'es-sp' : 'es';
      case 'pt': return has('br') ? 'pt-br' : 'pt-pt';
      case 'sv': return 'sv-se';
      case 'zh': return ['hant', 'tw', 'hk', 'mo'].some(has) ? 'zh' : 'zh-hans';
      default: return LOCALES.includes(lang) ? lang : undefined;
    }
  }

  /**
   * options.locale if it is a reference code, else the browser's languages, else en-us.
   * @param {string=} requested
   */
  function locale(requested) {
    const code = String(requested || '').toLowerCase().replace(/_/g, '-');
    if (LOCALES.includes(code)) return code;
    for (const tag of navigator.languages || [navigator.language]) {
      const l = fromTag(tag);
      if (l) return l;
    }
    return 'en-us';
  }

  /** Fetches the localized strings (CORS, no credentials); English if that fails. */
  function loadStrings(code) {
    return fetch(`${core.base()}/api/strings/${code}`, { mode: 'cors', credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({}))
      .then((s) => {
        strings = { ...ENGLISH, ...s };
      });
  }

  /** How long a slow stylesheet may hold the dialog back before it shows with fallbacks. */
  const CSS_WAIT_MS = 3000;

  /**
   * Adds bg.css once. Resolves when it applied, so the dialog never flashes unstyled; or
   * false when it failed or is slow, and the elements get a few fallback styles instead.
   */
  let css;
  function loadCss() {
    css = css || new Promise((resolve) => {
      setTimeout(() => resolve(false), CSS_WAIT_MS);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${core.base()}/assets/css/bg.css`;
      link.nonce = nonce;
      link.addEventListener('load', () => resolve(true));
      link.addEventListener('error', () => {
        css = null;
        link.remove();
        resolve(false);
      });
      document.head.appendChild(link);
    });
    return css;
  }

  /**
   * The strings of the customer's locale and the stylesheet, both ready.
   * @returns {Promise<boolean>} whether bg.css applied
   */
  function prepare(req) {
    const code = locale(req.locale);
    loaded[code] = loaded[code] || loadStrings(code);
    return Promise.all([loadCss(), loaded[code]]).then(([ok]) => ok);
  }

  /** A message in the current locale; `{ $name }` placeholders are replaced from args. */
  function t(id, args = {}) {
    return (strings[id] || ENGLISH[id] || id).replace(/\{\s*\$(\w+)\s*\}/g, (_, k) => (k in args ? String(args[k]) : ''));
  }

  /**
   * Creates an element. Properties are set as DOM properties (never as a style or event
   * attribute); children are nodes or text.
   * @param {string} tag @param {Object=} props @param {...(Node|string)} children
   * @returns {HTMLElement}
   */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k.startsWith('aria-') || k === 'role') el.setAttribute(k, v);
      else el[k] = v;
    }
    el.append(...children.filter((c) => c != null && c !== false));
    return el;
  }

  /** Icons as inline SVG paths (24x24): no image requests, nothing for img-src to allow. */
  const ICONS = {
    close: 'M6 6l12 12M18 6L6 18',
    download: 'M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 19h14',
    alert: 'M12 8v5m0 3.5v.5M10.3 3.9L2.4 18a2 2 0 001.7 3h15.8a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z',
    phone: 'M8 2.5h8a1.5 1.5 0 011.5 1.5v16a1.5 1.5 0 01-1.5 1.5H8A1.5 1.5 0 016.5 20V4A1.5 1.5 0 018 2.5zM11 18.5h2',
  };
  function icon(name, cls) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    const path = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', `beckon-icon ${cls || ''}`);
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  }

  /** Without bg.css (blocked or unreachable) the dialog must still be usable and on top. */
  function fallbackStyles(overlay, box) {
    Object.assign(overlay.style, { position: 'fixed', inset: '0', zIndex: '2147483000', background: 'rgba(0,0,0,.5)' });
    Object.assign(box.style, { background: '#fff', color: '#111', margin: '10vh auto', maxWidth: '680px', padding: '24px' });
  }

  const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),[tabindex]:not([tabindex="-1"])';

  /**
   * A modal dialog (the pattern of github/details-dialog-element): role="dialog",
   * aria-modal, labelled by its title; focus moves in and stays in (Tab wraps), Escape
   * closes, and focus goes back to the element that started it.
   * @param {{title: string, opener: Element|null, styled: boolean}} o
   */
  function dialog(o) {
    const n = ++ids;
    const title = h('h2', { className: 'beckon-title', id: `beckon-title-${n}` }, o.title);
    const close = h('button', { type: 'button', className: 'beckon-close', 'aria-label': t('bg-dialog-close') }, icon('close'));
    // One live region for the dialog's life: content replaced inside it is announced.
    const body = h('div', { className: 'beckon-body', id: `beckon-body-${n}`, 'aria-live': 'polite' });
    const box = h('div', {
      className: 'beckon-dialog',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': title.id,
      'aria-describedby': body.id,
      tabIndex: -1,
    }, h('div', { className: 'beckon-head' }, title, close), body);
    const overlay = h('div', { className: 'beckon-root beckon-overlay' }, box);
    if (!o.styled) fallbackStyles(overlay, box);

    let resolveDone;
    const done = new Promise((r) => { resolveDone = r; });
    const d = {
      box,
      body,
      closed: false,
      done,
      title(text) {
        title.textContent = text;
      },
      /** Replaces the content; the live region announces it. */
      show(...nodes) {
        body.replaceChildren(...nodes);
      },
      close() {
        if (d.closed) return;
        d.closed = true;
        document.removeEventListener('focusin', keepFocus, true);
        overlay.remove();
        // Back to where the customer was, if it is still there to take focus.
        if (o.opener && o.opener.isConnected && o.opener.focus) o.opener.focus();
        resolveDone();
      },
    };

    const focusables = () => [...box.querySelectorAll(FOCUSABLE)].filter((el) => el.getClientRects().length);
    // Focus that leaves the dialog any other way than by closing it is brought back.
    function keepFocus(e) {
      if (!box.contains(e.target)) (focusables()[0] || box).focus();
    }
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        d.close();
      } else if (e.key === 'Tab') {
        const all = focusables();
        if (!all.length) {
          e.preventDefault();
          return;
        }
        const first = all[0];
        const last = all[all.length - 1];
        const at = document.activeElement;
        if (e.shiftKey && (at === first || at === box)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && at === last) {
          e.preventDefault();
          first.focus();
        }
      }
    });
    // A click on the backdrop must not move focus out to the page behind it.
    overlay.addEventListener('mousedown', (e) => {
      if (e.target === overlay) e.preventDefault();
    });
    close.addEventListener('click', () => d.close());

    document.body.append(overlay);
    document.addEventListener('focusin', keepFocus, true);
    close.focus();
    return d;
  }

  /** A status line with a spinner while something is on its way. */
  function busy(text) {
    return h('p', { className: 'beckon-status' }, h('span', { className: 'beckon-spinner', 'aria-hidden': 'true' }), text);
  }

  /** A failure in the dialog: the generic line and, when the server gave one, its message. */
  function error(err) {
    return h('div', { className: 'beckon-error' },
      icon('alert', 'beckon-icon-alert'),
      h('div', null,
        h('p', { className: 'beckon-lead' }, t('bg-dialog-failed')),
        err.localized ? h('p', { className: 'beckon-detail' }, err.message) : null));
  }

  let current = null;
  /**
   * A small non-modal notice at the bottom of the page, announced by screen readers.
   * With a link, focus moves to it (the customer has to act); Escape or the close button
   * dismisses it and focus goes back.
   * @param {string} message @param {{href: string, text: string}=} link @param {Element=} opener
   */
  function notice(message, link, opener, styled) {
    if (current) current.remove();
    const close = h('button', { type: 'button', className: 'beckon-close', 'aria-label': t('bg-dialog-close') }, icon('close'));
    const a = link && h('a', { className: 'beckon-button', href: link.href, target: '_blank', rel: 'noopener' }, link.text);
    const box = h('div', { className: 'beckon-root beckon-notice', role: 'alert' },
      icon('alert', 'beckon-icon-alert'),
      h('div', { className: 'beckon-notice-text' }, h('p', null, message), a),
      close);
    if (!styled) Object.assign(box.style, { position: 'fixed', bottom: '16px', right: '16px', zIndex: '2147483000', background: '#fff', color: '#111', padding: '12px' });
    const dismiss = () => {
      box.remove();
      current = null;
      if (a && opener && opener.isConnected && opener.focus) opener.focus();
    };
    close.addEventListener('click', dismiss);
    if (a) a.addEventListener('click', () => setTimeout(dismiss));
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') dismiss();
    });
    document.body.append(box);
    current = box;
    if (a) a.focus();
    return box;
  }

  return {
    t, h, icon, locale, prepare, dialog, busy, error, notice,
    /** The chat pop-up was blocked and the page asked for no full-window fallback. */
    blocked(url, req) {
      return prepare(req).then((styled) => notice(t('bg-popup-blocked'), { href: url, text: t('bg-popup-open-link') }, req.opener, styled));
    },
    /** A chat could not start: the server's message (or the generic one) in the page. */
    failed(err, req) {
      return prepare(req).then((styled) => notice(err.localized ? err.message : t('bg-dialog-failed'), null, req.opener, styled));
    },
  };
});
