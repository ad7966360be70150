/*! Beckon start_session.js part "start": the start request, and click-to-chat. */
// Loaded by the loader on the first BG.start of either type. Parts run only in browsers
// that BG.start works in, so they use modern syntax; the loader itself stays ES5 so that an
// old browser never sees a syntax error on the customer's page.
BG._part('start', (core) => {
  'use strict';

  // The reference requires a standards-mode page; this file runs once, so this warns once.
  if (document.compatMode === 'BackCompat') {
    console.warn('BG: this page is in quirks mode; start_session.js needs <!DOCTYPE html>.');
  }

  /** A site that never answers must still end in an error the page hears about. */
  const TIMEOUT_MS = 30000;

  /**
   * POSTs the start request. Form-encoded with an Accept header is a CORS "simple request":
   * no preflight, no credentials.
   * @returns {Promise<{lsid: string, start_type: string, url: string, download_url: string,
   *   chat_url: string, locale: string, queue: string, nobody_available: boolean}>}
   */
  function post(req) {
    const body = new URLSearchParams(req.params);
    for (const skill of req.skills) body.append('skills', skill);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    const unreachable = (why) =>
      core.fault('network', `BG.start: could not start a session at ${core.base()} (${why})`);
    return fetch(`${core.base()}/api/start_session`, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { Accept: 'application/json' },
      body,
      signal: abort.signal,
    })
      .then(
        (res) => res.json().then(
          (answer) => {
            if (res.ok && answer.url) return answer;
            // A refusal: its message is already in the customer's language, so the page
            // can show it and the dialog does.
            const e = answer.error || {};
            const err = core.fault(e.code || `http_${res.status}`, e.message || `HTTP ${res.status}`, e.field);
            err.status = res.status;
            err.detail = e.detail;
            err.localized = Boolean(e.message);
            throw err;
          },
          () => { throw unreachable(`HTTP ${res.status}`); },
        ),
        (e) => { throw unreachable(e.message); },
      )
      .finally(() => clearTimeout(timer));
  }

  /** Points the pop-up (opened in the click by the loader) at the chat, or falls back. */
  function chat(req, started) {
    const popup = req.popup;
    return started.then(
      (s) => {
        if (popup) {
          // Closed by the customer while we waited: they changed their mind.
          if (!popup.closed) popup.location.replace(s.url);
        } else if (req.mobile || req.fallback) {
          window.location.assign(s.url);
        } else {
          return core.part('ui').then((ui) => ui.blocked(s.url, req));
        }
        return undefined;
      },
      (e) => {
        // Never leave an empty pop-up: close it and tell the customer in the page.
        if (popup) popup.close();
        core.report(req.fail, e);
        return core.part('ui').then((ui) => ui.failed(e, req), () => {});
      },
    );
  }

  return {
    /** Runs one start; resolves when it is over (for FULL: when the dialog closes). */
    run(req) {
      const started = post(req);
      if (req.type === 'chat') return chat(req, started);
      // The dialog reports failures itself; until it has them, they are not unhandled.
      started.catch(() => {});
      return core.part('full').then((full) => full.run(req, started));
    },
  };
});
