// The service worker of the served page: keeps every file of the site in one versioned cache so
// the calculator opens with no network once it has been opened once. scripts/build_web.js writes
// build/web/sw.js from this file, replacing the version (a hash of every file of the site, so new
// policy data = a new version = a new cache) and the list of files. The single offline file
// (srdi-offline.html) never registers it.
//
// A new version installs in the background and then waits: it takes over only when the page asks
// ({type: 'srdi:skip-waiting'}, sent by web/pwa.js once the user accepts the update), so a page is
// never served a mix of two versions. Only same-origin GETs are answered; nothing is ever sent to
// another origin, and nothing but the site's own files is stored.
'use strict';

const VERSION = '__SRDI_VERSION__';
const PRECACHE = __SRDI_PRECACHE__;
const PREFIX = 'srdi-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // cache: 'reload' skips the HTTP cache, so the new version stores the server's new files.
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload', credentials: 'same-origin' })))),
  );
  // No skipWaiting() here: the page decides when the new version takes over.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith(PREFIX) && key !== CACHE)
        .map((key) => caches.delete(key))))
      // The first install controls the open page at once (there is no older version to mix with).
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'srdi:skip-waiting') {
    self.skipWaiting();
  } else if (data.type === 'srdi:get-version') {
    const reply = { type: 'srdi:version', version: VERSION };
    if (event.ports && event.ports[0]) event.ports[0].postMessage(reply);
    else if (event.source) event.source.postMessage(reply);
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  let url;
  try {
    url = new URL(request.url);
  } catch (e) {
    return;
  }
  // Anything cross-origin is none of this worker's business: the browser handles it untouched.
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE)
      // A page opened with parameters (?kiosk=1, ?city=...) is still the cached page.
      .then((cache) => cache.match(request, { ignoreSearch: request.mode === 'navigate' }))
      .then((hit) => hit || fetch(request)),
  );
});
