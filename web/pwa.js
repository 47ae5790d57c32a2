// Offline use of the served page: registers the service worker (sw.js) and tells the page when a
// newer version of the site (e.g. new policy data) has been downloaded and is waiting. Loaded last,
// as a classic script. It shows nothing itself: it dispatches `srdi:update-available` on window,
// and the page offers the update, then calls `SRDI_PWA.applyUpdate()`, which lets the new version
// take over and reloads the page under it.
//
// Not registered from file:// (the single offline file does not even include this script), nor in
// kiosk mode (?kiosk=1), which must leave nothing behind. Never throws: problems go to console.warn.
(function () {
  'use strict';

  var state = {
    registration: null,
    updateAvailable: false,
    reloading: false,
    // The waiting worker already announced, so one new version is announced once.
    announced: null,
  };

  function warn(what, e) {
    try {
      console.warn('[srdi pwa] ' + what + ':', e && e.message ? e.message : e);
    } catch (ignored) {
      // Nothing to do: the console itself failed.
    }
  }

  function announce(worker) {
    try {
      if (!worker || state.announced === worker) return;
      state.announced = worker;
      state.updateAvailable = true;
      var event;
      try {
        event = new CustomEvent('srdi:update-available', { detail: {} });
      } catch (e) {
        event = document.createEvent('CustomEvent');
        event.initCustomEvent('srdi:update-available', false, false, {});
      }
      window.dispatchEvent(event);
    } catch (e) {
      warn('announcing the update failed', e);
    }
  }

  // A worker that reaches `installed` while this page is controlled by an older one is an update.
  function watchInstalling(worker) {
    try {
      if (!worker) return;
      var check = function () {
        try {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
        } catch (e) {
          warn('checking the new worker failed', e);
        }
      };
      worker.addEventListener('statechange', check);
      check();
    } catch (e) {
      warn('watching the new worker failed', e);
    }
  }

  function reloadOnce() {
    try {
      if (state.reloading) return;
      state.reloading = true;
      window.location.reload();
    } catch (e) {
      warn('reloading failed', e);
    }
  }

  function applyUpdate() {
    try {
      var reg = state.registration;
      var worker = reg && (reg.waiting || reg.installing);
      if (!worker) return false;
      navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
      var send = function () {
        try {
          if (worker.state === 'installed') worker.postMessage({ type: 'srdi:skip-waiting' });
          // Should the page not be controlled (so no controllerchange comes), reload on activation.
          else if (worker.state === 'activated') reloadOnce();
        } catch (e) {
          warn('asking the new worker to take over failed', e);
        }
      };
      worker.addEventListener('statechange', send);
      send();
      return true;
    } catch (e) {
      warn('applying the update failed', e);
      return false;
    }
  }

  window.SRDI_PWA = {
    applyUpdate: applyUpdate,
    get updateAvailable() {
      return state.updateAvailable;
    },
  };

  // kiosk=1 (or kiosk=true, as web/app/embed.js reads it).
  function kiosk() {
    try {
      var k = new URLSearchParams(window.location.search).get('kiosk');
      return k === '1' || k === 'true';
    } catch (e) {
      return /[?&]kiosk=(1|true)(&|$)/.test(window.location.search || '');
    }
  }

  try {
    var protocol = window.location.protocol;
    if (protocol !== 'http:' && protocol !== 'https:') return;
    if (kiosk()) return;
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker) return;
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      try {
        state.registration = reg;
        // A version downloaded during an earlier visit may already be waiting.
        if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
        if (reg.installing) watchInstalling(reg.installing);
        reg.addEventListener('updatefound', function () {
          watchInstalling(reg.installing);
        });
      } catch (e) {
        warn('watching the registration failed', e);
      }
    }).catch(function (e) {
      warn('registering the service worker failed', e);
    });
  } catch (e) {
    warn('setting up offline use failed', e);
  }
})();
