// The offline copy of the page: every file that the page, its engine worker and kiosk
// mode can use is cached at install, so that after one visit the app runs with the
// network off (a tablet in airplane mode). Same-origin GETs go to the network first and
// fall back to the cache, and every good answer refreshes the cache: updates show as
// soon as the device is online, with no version to bump. Each page load online also
// refreshes the whole offline copy at once (all files or none), so a tablet that goes
// offline never mixes a new engine with an old face model or page. The query is
// ignored when matching, since ?kiosk=1 or ?lang=es asks for the same file.
// Adding a file to the list also changes this script, which is what makes browsers
// install it again. tests/web/precache.test.mjs checks the list against web/.
const cacheName = 'smp-preview';

const precacheFiles = [
  './',
  'index.html',
  'manifest.webmanifest',
  'style.css',
  'camera.css',
  'practitioner.css',
  'sheet.css',
  'branding.css',
  'kiosk.css',
  'app.js',
  'worker.js',
  'engine.js',
  'browser-decode.js',
  'camera.js',
  'app/apply-design.js',
  'app/assets.js',
  'app/branding.js',
  'app/config.js',
  'app/controls.js',
  'app/design-code.js',
  'app/design.js',
  'app/embed-api.js',
  'app/export.js',
  'app/face-picker.js',
  'app/guides.js',
  'app/hairline-shape.js',
  'app/i18n.js',
  'app/idle-reset.js',
  'app/intake.js',
  'app/kiosk-dialog.js',
  'app/kiosk.js',
  'app/measurements.js',
  'app/offline.js',
  'app/placement.js',
  'app/practitioner.js',
  'app/preview-client.js',
  'app/sheet.js',
  'app/skin-tone.js',
  'app/stage.js',
  'app/thumbnails.js',
  'app/view.js',
  'app/warnings.js',
  'app/wipe.js',
  'build/smp_engine.js',
  'build/smp_engine.wasm',
  'build/smp_cascades.bin',
  'locales/en.json',
  'locales/es.json',
  'locales/fr.json',
  'locales/de.json',
  'demo/demo.json',
  'demo/demo-shaved-head.jpg',
  'icons/icon.svg',
  'icons/icon-maskable.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon-maskable-192.png',
  'icons/icon-maskable-512.png',
  'icons/apple-touch-icon.png',
];

self.addEventListener('install', (event) => {
  self.skipWaiting(); // nothing in a newer copy depends on the older one still running
  event.waitUntil(refreshOfflineCopy());
});

// Every precached file fetched afresh (revalidated: unchanged files cost a 304), then
// stored together; one failure stores nothing and keeps the previous copy whole.
async function refreshOfflineCopy() {
  const responses = await Promise.all(precacheFiles.map(async (file) => {
    const response = await fetch(file, { cache: 'no-cache' });
    if (response.status !== 200) throw new Error(`${file}: HTTP ${response.status}`);
    // Read at once: an unread body holds its connection, and the browser opens only a
    // few per server, so waiting for all of them unread would wait forever.
    const body = await response.blob();
    const { status, statusText, headers } = response;
    return [new URL(file, self.location.href).href, new Response(body, { status, statusText, headers })];
  }));
  const cache = await caches.open(cacheName);
  await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
}

// Takes over the page that registered it, so that this very visit is cached for later.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(event));
});

async function networkFirst(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    // Only whole, good answers are kept (not a 404, nor a 206 range).
    if (response.status === 200) event.waitUntil(keep(request, response.clone()));
    if (request.mode === 'navigate' && response.ok) {
      event.waitUntil(refreshOfflineCopy().catch((error) => console.warn(`smp-preview: the offline copy was not refreshed (${error.message}).`)));
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { cacheName, ignoreSearch: true });
    if (cached) return cached;
    throw offline;
  }
}

// Stored under the address without its query: one copy per file, however it is asked for.
async function keep(request, response) {
  const url = new URL(request.url);
  url.search = '';
  const cache = await caches.open(cacheName);
  await cache.put(url.href, response);
}
