// The page's script (bundled by scripts/build_web.js into build/web/app.js, a classic script):
// SRDI.mount, the <srdi-calculator> element, and the calculator of the page itself.
// Needs window.SRDI (srdi-lib.js), SRDI_FORM (form.js), SRDI_DATA (data.js) loaded before it.
'use strict';
import { createApp } from './app.js';
import { cleanConfig, configFromUrl, connectParent } from './embed.js';

// SRDI.mount(element, options): the whole calculator inside `element`, in a shadow root, so the
// host's styles neither reach in nor are touched. Returns {unmount, setProfile, clear}.
function mount(element, options) {
  if (!element || element.nodeType !== 1) throw new TypeError('SRDI.mount(element, options): element must be a DOM element');
  if (element.__srdiMount) element.__srdiMount.unmount();
  var shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  if (window.SRDI_CSS && 'adoptedStyleSheets' in shadow) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(window.SRDI_CSS);
    shadow.adoptedStyleSheets = [sheet];
  }
  var container = document.createElement('div');
  container.className = 'srdi-root';
  shadow.appendChild(container);
  var app = createApp(container, shadow, cleanConfig(options || {}));
  var handle = {
    setProfile: app.setProfile,
    clear: app.clear,
    unmount: function () {
      app.destroy();
      shadow.innerHTML = '';
      if ('adoptedStyleSheets' in shadow) shadow.adoptedStyleSheets = [];
      element.removeAttribute('data-srdi-state');
      element.__srdiMount = null;
    },
  };
  element.__srdiMount = handle;
  return handle;
}

if (window.SRDI) {
  window.SRDI.mount = mount;
  window.SRDI.unmount = function (element) { if (element && element.__srdiMount) element.__srdiMount.unmount(); };
}

// The one-line embed: <srdi-calculator city="jinan" lang="zh"></srdi-calculator>, its attributes
// the options of SRDI.mount (docs/embedding.md). Changing an attribute mounts it afresh.
var ELEMENT_OPTIONS = ['city', 'applicant', 'lang', 'kiosk', 'as_of', 'idle', 'warn', 'hide', 'policy'];
if (window.SRDI && window.customElements && !window.customElements.get('srdi-calculator')) {
  var SrdiCalculator = function () { return Reflect.construct(HTMLElement, [], SrdiCalculator); };
  SrdiCalculator.prototype = Object.create(HTMLElement.prototype);
  SrdiCalculator.prototype.constructor = SrdiCalculator;
  Object.setPrototypeOf(SrdiCalculator, HTMLElement);
  Object.defineProperty(SrdiCalculator, 'observedAttributes', { get: function () { return ELEMENT_OPTIONS; } });
  SrdiCalculator.prototype.options = function () {
    var o = {}, self = this;
    ELEMENT_OPTIONS.forEach(function (k) { if (self.hasAttribute(k)) o[k] = self.getAttribute(k); });
    return o;  // results arrive as 'srdi:result' events on the element, as with SRDI.mount
  };
  SrdiCalculator.prototype.connectedCallback = function () { this.handle = mount(this, this.options()); };
  SrdiCalculator.prototype.disconnectedCallback = function () { if (this.handle) this.handle.unmount(); this.handle = null; };
  SrdiCalculator.prototype.attributeChangedCallback = function () { if (this.handle) this.handle = mount(this, this.options()); };
  SrdiCalculator.prototype.setProfile = function (p) { return this.handle ? this.handle.setProfile(p) : Promise.resolve({ ok: false, errors: [] }); };
  SrdiCalculator.prototype.clear = function () { return this.handle ? this.handle.clear() : Promise.resolve(); };
  window.customElements.define('srdi-calculator', SrdiCalculator);
}

// The page itself (index.html, srdi-offline.html): the calculator fills #srdi-app.
var pageHost = document.getElementById('srdi-app');
if (pageHost) {
  var pageConfig = configFromUrl();
  var pageApp = createApp(pageHost, null, pageConfig);
  if (window.parent !== window) connectParent(pageApp, pageConfig);
}
