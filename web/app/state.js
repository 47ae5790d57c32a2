// What the page gives every calculator (the form's words, the samples and source texts), and the
// state of one calculator, shared by its parts (web/app/app.js puts them together).

export var FORM = window.SRDI_FORM;
export var DATA = window.SRDI_DATA || { samples: [], sources: [] };

// The state of one calculator inside `host`: the whole page, or a widget in a shadow root
// (SRDI.mount). The parts add their functions to this object; nothing of it is page-wide, since
// a portal may mount several calculators on one page.
export function createState(host, shadow, config) {
  var scope = shadow || document;
  var cleanups = [];
  return {
    host: host,
    shadow: shadow,
    // {lang, kiosk, city, applicant, as_of, idle, warn, onResult, …} (embed.js, cleanConfig)
    config: config,
    // Where the calculator's ids live.
    scope: scope,
    // Carries data-srdi-state.
    root: shadow ? shadow.host : document.documentElement,
    $: function (id) { return scope.getElementById(id); },
    lang: config.lang === 'en' ? 'en' : 'zh',
    // After destroy(): no more evaluation, even from a late change event.
    destroyed: false,
    // Listeners outside the calculator, removed by destroy().
    cleanups: cleanups,
    listen: function (target, type, fn, capture) {
      target.addEventListener(type, fn, capture);
      cleanups.push(function () { target.removeEventListener(type, fn, capture); });
    },

    // SRDI.schema(), parsed; name -> schema field; type -> schema event type.
    schema: null,
    fieldSpec: {},
    eventSpec: {},
    // The events list, in profile order: {type, values: {param: raw}}.
    events: [],
    // The last successful evaluation (parsed), and the profile text it was made from.
    lastResult: null,
    lastProfileText: '',
    // The citations of the current render (for the source viewer), and the result's own list:
    // its citations are indices into it (format 2).
    citations: [],
    citeTable: [],
    // The loaded profile named its applicant (kept on save even if 'enterprise').
    applicantGiven: false,
    // Contested readings the user picked (reading id -> option id); kept until changed.
    readingChoice: {},
    // The loaded profile's text fields (name, city) exactly as written, kept until the user edits the
    // field: a text input strips line breaks, and a select cannot say "" apart from 未填写.
    loadedText: {},
    // What became of the portal's own policy files (option `policy`).
    policyNotices: [],
    // The authoring view (web/author.js), index.html?author=1 only.
    authorPanel: null,
  };
}
