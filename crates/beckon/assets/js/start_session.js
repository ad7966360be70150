/*! Beckon start_session.js (BG API): docs/start_session_js.md */
// On every customer page, so tiny and idle until BG.start. Holds what must run in the click:
// option checks (so mistakes throw) and the chat pop-up (blockers allow it only then).
(function (window, document) {
  'use strict';
  if (window.BG && BG._part) return; // included twice: the first copy holds the state

  var me = document.currentScript || {};
  var protocol = /^http:/.test(me.src) ? 'http:' : 'https:'; // as this file came
  var site = '';
  var busy;
  var parts = {}; // name: Promise of a part's exports
  var waiting = {};

  function fault(code, message, field) {
    var e = Error(message);
    e.code = code;
    e.field = field;
    return e;
  }

  function bad(field, rule) {
    throw fault('invalid_option', 'BG.start: ' + field + ' ' + rule, field);
  }

  function isObj(v) {
    return v !== null && typeof v == 'object';
  }

  // BG.start's options as /api/start_session parameters.
  function prepare(type, o) {
    if (!site) throw fault('not_configured', 'BG.start: call BG.setSite("support.example.com") first');
    if (type != 'chat' && type != 'full') bad('startType', 'must be BG.START_TYPE.CHAT or BG.START_TYPE.FULL');
    if (!isObj(o)) bad('options', 'must be an object');
    var params = { start_type: type };
    var skills = [];
    // Numbers as text (custom_field2: 123); an alias and its name must agree.
    function put(name, v, field, digits) {
      if (v == null) return;
      if (typeof v == 'number') v = '' + v;
      if (typeof v != 'string') bad(field, digits || 'must be a string');
      if (digits && !/^\d+$/.test(v)) bad(field, digits);
      if (name in params && params[name] != v) bad(field, 'conflicts with another option');
      params[name] = v;
    }
    function obj(name) {
      var v = o[name];
      if (v !== undefined && !isObj(v)) bad('options.' + name, 'must be an object');
      return v || {};
    }

    if ((o.sessionKey !== undefined) + (o.rep !== undefined) + (o.issue !== undefined) != 1) {
      bad('options', 'needs exactly one of sessionKey, rep or issue');
    }
    put('short_key', o.sessionKey, 'options.sessionKey', 'must be numeric');

    var rep = o.rep;
    if (rep !== undefined) {
      if (!isObj(rep) || rep.id == null || !rep.name) bad('options.rep', 'needs both id and name');
      put('id', rep.id, 'options.rep.id', 'must be an integer');
      put('name', rep.name, 'options.rep.name');
    }

    var issue = o.issue;
    var field = 'options.issue';
    if (issue !== undefined) {
      var id = issue && issue.id;
      var code = issue && issue.codeName;
      if (!isObj(issue) || issue.nodeType && issue.nodeName.toUpperCase() != 'FORM') bad(field, 'must be a form or an object');
      if (issue.nodeType) {
        field += ' form input';
        id = code = null;
        // What the form would submit, minus unknown inputs (as the reference says).
        new FormData(issue).forEach(function (v, name) {
          if (name == 'id') id = v;
          else if (name == 'codeName') code = v;
          else if (name == 'skills') skills.push(v); // a comma list: the server merges
          else if (/^(customer|session\.custom)\.\w/.test(name)) put(name, v, field + ' ' + name);
        });
      }
      if ((id != null && id !== '') == (code != null && code !== '')) bad(field, 'needs either id or codeName');
      params.issue_menu = '1';
      put('id', id, field + ' id', 'must be an integer');
      put('codeName', code, field + ' codeName');
    }

    var s = o.skills;
    if (s !== undefined) {
      if (!Array.isArray(s) || s.some(function (x) { return typeof x != 'string'; })) bad('options.skills', 'must be an array of strings');
      skills = skills.concat(s);
    }

    var k;
    var customer = obj('customer');
    var attributes = obj('attributes');
    var aliases = {
      locale: 'locale',
      chatLocale: 'chat_locale',
      customerName: 'customer.name',
      companyName: 'customer.company',
      companyCode: 'customer.company_code',
      details: 'customer.details',
      externalKey: 'session.custom.external_key',
    };
    for (k in customer) put('customer.' + k, customer[k], 'options.customer.' + k);
    for (k in attributes) put('session.custom.' + k, attributes[k], 'options.attributes.' + k);
    for (k in aliases) put(aliases[k], o[k], 'options.' + k);

    if (type == 'chat') params.c2cjs = '1';
    return { type: type, params: params, skills: skills, locale: o.locale, fallback: obj('uiOptions').fallbackToFullWindow !== false };
  }

  // Always after BG.start returns, so the page sees one order of events.
  function report(fail, err) {
    setTimeout(function () {
      fail ? fail(err) : console.error('BG.start failed:', err);
    });
  }

  function base() {
    return protocol + '//' + site;
  }

  // A classic <script>: /assets has no CORS for import().
  function part(name) {
    return parts[name] || (parts[name] = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      waiting[name] = resolve;
      s.src = base() + '/assets/js/bg/' + name + '.js';
      s.nonce = me.nonce || ''; // for nonce-based CSPs
      s.addEventListener('load', function () {
        s.remove();
      });
      s.addEventListener('error', function () {
        s.remove();
        delete parts[name];
        reject(fault('load_failed', 'BG.start: could not load ' + s.src));
      });
      document.head.appendChild(s);
    }));
  }

  window.BG = {
    START_TYPE: Object.freeze({ CHAT: 'chat', FULL: 'full' }),

    /** @param {string} host host[:port], no protocol */
    setSite: function (host) {
      if (typeof host != 'string' || !/^[\w.:[\]-]+$/.test(host)) throw Error('BG.setSite: expected "host" or "host:port"');
      site = host;
    },

    /** @param {'http'|'https'} p */
    setProtocol: function (p) {
      if (!/^https?$/.test(p)) throw Error('BG.setProtocol: expected "http" or "https"');
      protocol = p + ':';
    },

    /** Bad options throw (or go to sessionStartFailed); later failures never throw. */
    start: function (startType, options) {
      var fail = isObj(options) && options.sessionStartFailed;
      fail = typeof fail == 'function' && fail;
      var ua = navigator.userAgent;
      var popup = null;
      var req;
      try {
        req = prepare(startType, options);
      } catch (e) {
        if (!fail) throw e;
        return report(fail, e);
      }
      req.fail = fail;
      if (busy) return; // a double click
      busy = 1;
      // Phones, tablets (iPadOS says "Macintosh"; others: touch, small screen): no pop-up.
      req.mobile = /Mobi|Android|iPhone|iPad|iPod|Silk|Kindle/.test(ua) ||
        (navigator.maxTouchPoints > 1 && (/Mac/.test(ua) || Math.min(screen.width, screen.height) < 768));
      req.opener = document.activeElement;
      if (req.type == 'chat' && !req.mobile) {
        try {
          popup = window.open('', 'clickToChat', 'width=640,height=480');
          popup.opener = null; // so the chat cannot redirect this page
        } catch (e) { /* blocked */ }
      }
      req.popup = popup;
      Promise.all((req.type == 'full' ? ['start', 'ui', 'full'] : ['start']).map(part))
        .then(function (m) {
          return m[0].run(req);
        })
        .catch(function (e) {
          if (popup) popup.close(); // never an empty pop-up
          report(req.fail, e);
        })
        .then(function () {
          busy = 0;
        });
    },
  };

  // How parts (assets/js/bg/*.js) reach us without another global. Hidden: not API.
  Object.defineProperty(BG, '_part', {
    value: function (name, make) {
      if (waiting[name]) waiting[name](make({ base: base, part: part, report: report, fault: fault }));
      delete waiting[name];
    },
  });
})(window, document);
