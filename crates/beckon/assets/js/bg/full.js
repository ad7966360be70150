/*! Beckon start_session.js part "full": the full-client dialog (download, or the app). */
// The reference's five displays, as Beckon has them (docs/start_session_js.md):
// ClickOnce is gone with Internet Explorer, so every desktop browser gets the JavaScript
// launch (a download and instructions) with a manual link; phones and tablets get the app.
BG._part('full', (core) => {
  'use strict';

  /** How long the page may stay visible before we conclude the app did not open. */
  const APP_WAIT_MS = 1500;

  /**
   * Desktop: download the client for this session (download_url + "/file") through a
   * hidden iframe, so the page stays put whatever the answer is, and explain what to do.
   */
  function download(ui, d, s) {
    const { h, t } = ui;
    // ClickOnce ran only in Internet Explorer, the one browser with document.documentMode.
    // IE is retired; if one still runs this, it gets the JavaScript launch like the rest.
    if (document.documentMode) console.info('BG: ClickOnce is not offered; using the download.');
    d.box.dataset.launch = 'javascript';

    const file = `${s.download_url}/file`;
    // A page whose CSP has no frame-src for the site blocks the iframe: the manual link
    // then opens the file in a new tab (a download closes that tab again).
    let framed = true;
    const onViolation = (e) => {
      if (String(e.blockedURI).startsWith(core.base())) framed = false;
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    d.done.then(() => document.removeEventListener('securitypolicyviolation', onViolation));

    const frame = h('iframe', { className: 'beckon-frame', title: 'download', tabIndex: -1, 'aria-hidden': 'true' });
    const manual = h('a', { className: 'beckon-manual', href: file, target: '_blank', rel: 'noopener' }, t('bg-dialog-manual'));
    manual.addEventListener('click', (e) => {
      if (!framed) return;
      e.preventDefault();
      frame.src = file; // setting src again downloads again
    });
    d.show(
      h('div', { className: 'beckon-step' },
        ui.icon('download', 'beckon-icon-big'),
        h('div', null,
          h('p', { className: 'beckon-lead' }, t('bg-dialog-downloading')),
          h('p', null, t('bg-dialog-instructions')))),
      s.nobody_available ? h('p', { className: 'beckon-note' }, t('bg-chat-nobody-available')) : null,
      h('p', { className: 'beckon-manual-line' }, manual),
    );
    // Outside the live region, and loaded once in the page so the navigation is ours.
    d.box.append(frame);
    frame.src = file;
  }

  /**
   * Phones and tablets: open the support app for this session. If the page is still
   * visible after APP_WAIT_MS the app is not installed: offer the store, and a second link
   * that opens the app once it is.
   */
  function app(ui, d, s) {
    const { h, t } = ui;
    // beckon://start?ticket=<client ticket> (docs/customer_client.md). Without one (the site
    // could not issue it) the session's page: it offers the chat.
    const appUrl = s.app_url || s.url;
    // Where "install" leads: the store an administrator configured for this platform, else
    // the session's download page (which offers the chat instead).
    const ios = /iPhone|iPad|iPod/.test(navigator.userAgent);
    const storeUrl = (s.app_store_urls && (ios ? s.app_store_urls.ios : s.app_store_urls.android)) || s.url;
    d.box.dataset.launch = 'app';
    d.show(ui.busy(t('bg-mobile-opening')));

    const offer = () => {
      if (d.closed) return;
      d.show(
        h('div', { className: 'beckon-step' },
          ui.icon('phone', 'beckon-icon-big'),
          h('div', { className: 'beckon-actions' },
            h('a', { className: 'beckon-button', href: storeUrl, target: '_blank', rel: 'noopener' }, t('bg-mobile-install')),
            h('a', { className: 'beckon-button beckon-secondary', href: appUrl }, t('bg-mobile-start')))),
      );
    };
    const whenVisible = () => {
      if (document.visibilityState === 'visible') {
        document.removeEventListener('visibilitychange', whenVisible);
        offer();
      }
    };
    // If the app opened, the page is hidden now: offer the links when the customer is back.
    setTimeout(() => {
      document.addEventListener('visibilitychange', whenVisible);
      whenVisible();
    }, APP_WAIT_MS);
    window.location.href = appUrl;
  }

  return {
    /**
     * Shows the dialog at once ("preparing") and fills it when the start request answers.
     * Resolves when the customer closes it.
     */
    run(req, started) {
      return core.part('ui').then((ui) => ui.prepare(req).then((styled) => {
        const d = ui.dialog({
          title: ui.t(req.mobile ? 'bg-mobile-title' : 'bg-dialog-title'),
          opener: req.opener,
          styled,
        });
        d.show(ui.busy(ui.t('bg-dialog-starting')));
        started.then(
          (s) => {
            if (!d.closed) (req.mobile ? app : download)(ui, d, s);
          },
          (e) => {
            core.report(req.fail, e);
            d.title(ui.t('bg-dialog-title')); // not "continue in the app": there is no session
            const ok = ui.h('button', { type: 'button', className: 'beckon-button' }, ui.t('bg-dialog-close'));
            ok.addEventListener('click', () => d.close());
            d.show(ui.error(e), ui.h('div', { className: 'beckon-end' }, ok));
          },
        );
        return d.done;
      }));
    },
  };
});
