// The service worker's precache list (web/sw.js) against the files under web/: every
// file that the page, its worker and kiosk mode can use is cached at install, and
// nothing that does not exist (one missing file fails the whole install).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const webDir = fileURLToPath(new URL('../../web/', import.meta.url));

// Under web/ but not for the visitor's page, so left out of the precache:
const notPrecached = [
  /^sw\.js$/, // the browser keeps the service worker itself
  /^engine\.d\.ts$/, // types for editors
  /^build\/smp-preview\.html$/, // the single-file build: a second copy of everything
  /^embed\.js$/, // runs in a clinic's own page, which this worker does not control
  /^clinics\.[a-z]+$/, // the docs for clinics' web developers
  /^examples\//, // their live examples of a host page
];

function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? filesUnder(`${dir}/${entry.name}`, `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`]));
}

const scope = 'https://clinic.example/smp/';

// Runs sw.js's install with a fake network (failing for the paths in `failing`) and
// cache; returns the paths it fetched and the paths it stored.
async function install({ failing = [] } = {}) {
  const listeners = {};
  const fetched = [];
  const stored = [];
  const self = {
    addEventListener: (type, listener) => { listeners[type] = listener; },
    skipWaiting: () => {},
    location: { href: `${scope}sw.js` },
  };
  const fetch = async (path, options) => {
    assert.equal(options?.cache, 'no-cache', 'each file is revalidated, not taken from the HTTP cache');
    fetched.push(path);
    return { status: failing.includes(path) ? 404 : 200, statusText: '', headers: {}, blob: async () => path };
  };
  const caches = { open: async () => ({ put: async (url) => { stored.push(url.slice(scope.length) || './'); } }) };
  const Response = class { constructor(body, init) { Object.assign(this, init, { body }); } };
  vm.runInNewContext(readFileSync(`${webDir}/sw.js`, 'utf8'), { self, caches, fetch, Response, URL, console });
  const waits = [];
  listeners.install({ waitUntil: (promise) => waits.push(promise) });
  const outcome = await Promise.allSettled(waits);
  return { fetched, stored, failed: outcome.some(({ status }) => status === 'rejected') };
}

async function precachedByInstall() {
  const { fetched, stored, failed } = await install();
  assert.equal(failed, false, 'the install succeeds');
  assert.deepEqual([...stored].sort(), [...fetched].sort(), 'every file fetched is stored');
  return fetched;
}

test('one file that cannot be fetched stores nothing: the previous offline copy stays whole', async () => {
  const { stored, failed } = await install({ failing: ['build/smp_cascades.bin'] });
  assert.equal(failed, true, 'the install fails');
  assert.deepEqual(stored, []);
});

test('sw.js precaches every file the page uses, and only files that exist', async () => {
  const precached = await precachedByInstall();
  assert.ok(precached.includes('./'), 'the start URL (start_url of the manifest) is precached');
  const files = precached.filter((path) => path !== './');
  assert.equal(new Set(files).size, files.length, 'no file is listed twice');

  const missing = files.filter((path) => !existsSync(`${webDir}/${path}`));
  assert.deepEqual(missing, [], 'listed in sw.js but not under web/ (the whole install would fail)');

  const used = filesUnder(webDir).filter((path) => !notPrecached.some((pattern) => pattern.test(path)));
  const forgotten = used.filter((path) => !files.includes(path));
  assert.deepEqual(forgotten, [], 'under web/ but not in the precache list of web/sw.js (add it there, or to notPrecached here with a reason)');
});

test('the engine, the face model, every locale and the demo photo are among them', async () => {
  const precached = await precachedByInstall();
  for (const path of ['index.html', 'worker.js', 'build/smp_engine.js', 'build/smp_engine.wasm', 'build/smp_cascades.bin', 'demo/demo.json', 'manifest.webmanifest']) {
    assert.ok(precached.includes(path), `${path} is precached`);
  }
  for (const language of ['en', 'es', 'fr', 'de']) assert.ok(precached.includes(`locales/${language}.json`), `locales/${language}.json is precached`);
});
