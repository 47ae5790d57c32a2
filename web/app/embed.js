// Embedding: the options of a page URL, SRDI.mount and <srdi-calculator>; the host page told of
// each new result (onResult, the srdi:result event, postMessage to an iframe's parent).

export function warnOption(k, v) { console.warn('[srdi] option ' + k + '=' + JSON.stringify(v) + ' ignored'); }

// Options from a URL (the page itself, or the page in an iframe) or from SRDI.mount. A bad value
// is reported in the console and ignored, never thrown.
export function cleanConfig(raw) {
  var c = { kiosk: false, origins: [] };
  if (raw.lang != null) { if (raw.lang === 'en' || raw.lang === 'zh') c.lang = raw.lang; else warnOption('lang', raw.lang); }
  if (raw.city != null) { if (typeof raw.city === 'string' && /^[a-z0-9_-]{1,40}$/.test(raw.city)) c.city = raw.city; else warnOption('city', raw.city); }
  // An applicant is one of the engine's (SRDI.schema()), checked when the engine is ready (app.js).
  if (raw.applicant != null) { if (typeof raw.applicant === 'string') c.applicant = raw.applicant; else warnOption('applicant', raw.applicant); }
  if (raw.as_of != null) { if (/^\d{4}-\d{2}-\d{2}$/.test(raw.as_of)) c.as_of = raw.as_of; else warnOption('as_of', raw.as_of); }
  if (raw.kiosk != null) c.kiosk = raw.kiosk === true || raw.kiosk === '1' || raw.kiosk === 'true';
  if (raw.keypad != null) c.keypad = raw.keypad === true || raw.keypad === '1' || raw.keypad === 'true';
  ['idle', 'warn'].forEach(function (k) {
    if (raw[k] == null) return;
    var n = Number(raw[k]);
    if (/^\d+$/.test(String(raw[k])) && n >= 1 && n <= 86400) c[k] = n; else warnOption(k, raw[k]);
  });
  if (raw.origins != null) {
    var list = Array.isArray(raw.origins) ? raw.origins : String(raw.origins).split(',');
    list.forEach(function (o) {
      o = String(o).trim();
      if (/^https?:\/\/[^/]+$/.test(o)) c.origins.push(o); else if (o) warnOption('origins', o);
    });
  }
  if (raw.hide != null) {
    // Parts of the calculator's own chrome a portal hides: its header, its toolbar.
    c.hide = [];
    (Array.isArray(raw.hide) ? raw.hide : String(raw.hide).split(',')).forEach(function (x) {
      x = String(x).trim();
      if (x === 'header' || x === 'toolbar') c.hide.push(x); else if (x) warnOption('hide', x);
    });
  }
  if (raw.policy != null) {
    // The portal's own policy files: same-origin URLs (checked when they are fetched).
    c.policy = [];
    // A comma separates files; an address with a scheme other than http(s) (data:, blob:, …) is
    // one entry, refused as a whole when it is checked.
    var list = String(raw.policy);
    var whole = /^\s*[a-z][a-z0-9+.-]*:/i.test(list) && !/^\s*https?:/i.test(list);
    (Array.isArray(raw.policy) ? raw.policy : whole ? [list] : list.split(',')).forEach(function (x) {
      x = String(x).trim();
      if (x && x.length <= 2048) c.policy.push(x); else if (x) warnOption('policy', x);
    });
  }
  if (typeof raw.onResult === 'function') c.onResult = raw.onResult;
  return c;
}

export function configFromUrl() {
  var q = new URLSearchParams(window.location.search);
  var raw = {};
  ['city', 'applicant', 'lang', 'kiosk', 'keypad', 'as_of', 'idle', 'warn', 'origins', 'hide', 'policy'].forEach(function (k) {
    if (q.has(k)) raw[k] = q.get(k);
  });
  var c = cleanConfig(raw);
  c.policyFromUrl = true;
  // The authoring view: the page's own URL only (not a mount option).
  if (q.has('author')) c.author = q.get('author') === '1';
  return c;
}

// In an iframe: the host page talks to the calculator with postMessage (docs/embedding.md).
// Only the origins the host named in `origins=` are heard and written to.
export function connectParent(app, config) {
  var origins = config.origins;
  var post = function (message) {
    origins.forEach(function (o) {
      try { window.parent.postMessage(message, o); } catch (e) { console.warn('[srdi] postMessage failed:', e); }
    });
  };
  var readySent = false;
  var sendReady = function () {
    if (readySent) return;
    readySent = true;
    post({ type: 'srdi:ready', version: window.SRDI.version });
  };
  // The first result comes right after the engine is ready: 'ready' always goes out first.
  config.onResult = function (summary) { sendReady(); post({ type: 'srdi:result', summary: summary }); };
  // The content's height, whenever it changes, so the host can size the frame (no inner scrollbar).
  var lastHeight = 0, pending = false;
  var sendHeight = function () {
    pending = false;
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (!readySent || height === lastHeight) return;
    lastHeight = height;
    post({ type: 'srdi:resize', height: height });
  };
  var onResize = function () { if (!pending) { pending = true; requestAnimationFrame(sendHeight); } };
  if (typeof ResizeObserver === 'function') new ResizeObserver(onResize).observe(document.body);
  window.addEventListener('resize', onResize);
  var readyThenHeight = sendReady;
  sendReady = function () { var first = !readySent; readyThenHeight(); if (first) onResize(); };
  window.addEventListener('message', function (e) {
    if (e.source !== window.parent) return;
    if (origins.indexOf(e.origin) < 0) {
      console.warn('[srdi] message from ' + e.origin + ' ignored: not in the allowed origins');
      return;
    }
    var m = e.data;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') {
      console.warn('[srdi] malformed message ignored:', m);
      return;
    }
    if (m.type === 'srdi:set-profile') {
      if (!m.profile || (typeof m.profile !== 'object' && typeof m.profile !== 'string')) {
        console.warn('[srdi] srdi:set-profile without a profile ignored');
        return;
      }
      app.setProfile(m.profile).then(function (r) {
        if (!r.ok) post({ type: 'srdi:profile-rejected', errors: r.errors });
      });
    } else if (m.type === 'srdi:clear') {
      app.clear();
    } else {
      console.warn('[srdi] unknown message type ignored: ' + m.type);
    }
  });
  window.SRDI.ready.then(sendReady);
}

export function embedPart(app) {
  // What a host page needs to show: verdicts and totals, with the data-version stamp.
  function summaryOf(r) {
    return {
      as_of: r.as_of,
      criteria: r.criteria.version,
      size: r.size.class,
      // With each rung, what it lacks in words and the fields whose blank leaves it undetermined.
      tiers: r.tiers.map(function (x) {
        return { id: x.id, title: x.title, verdict: x.verdict, held: x.held,
          gaps: (x.unmet || []).map(function (u) { return u.gap && u.gap.text ? u.gap.text : u.title; }),
          missing: (x.verdict === 'undetermined' ? x.missing || [] : []).map(function (m) { return app.fieldLabel(m); }) };
      }),
      awards: r.awards.documents.map(function (d) {
        return { policy: d.policy, jurisdiction: d.jurisdiction, status: d.status, in_force: d.in_force,
          certain: d.totals.certain, upper_bound: d.totals.upper_bound, unquantified: d.totals.unquantified };
      }),
      data_version: { engine: r.engine.version, policies: r.policies },
    };
  }
  var lastSummaryText = '';
  function emitResult(r) {
    var summary = summaryOf(r);
    var text = JSON.stringify(summary);
    if (text === lastSummaryText) return;  // only when the result changes
    lastSummaryText = text;
    if (typeof app.config.onResult === 'function') {
      try { app.config.onResult(summary); } catch (e) { console.warn('[srdi] onResult failed:', e); }
    }
    if (app.shadow) app.shadow.host.dispatchEvent(new CustomEvent('srdi:result', { detail: summary, bubbles: true, composed: true }));
  }

  return {
    emitResult: emitResult,
  };
}
