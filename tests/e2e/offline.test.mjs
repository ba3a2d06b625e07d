// Offline: the installable web app and the single-file build.
// - After one visit (the service worker allowed), the page still works with the network
//   off and its server gone: Ready, the demo photo opens with dots on the head, and
//   kiosk and French addresses load too.
// - web/build/smp-preview.html opened from file:// does the same with no request at all
//   beyond the file itself and its worker's blob: URL.
// - The manifest parses in Chromium with the fields and icons an install needs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve-web.mjs';
import { headBox, openPage, pixelDiff, screenshot, settle, startSession, waitForText, waitReady } from './support.mjs';

const webFile = (path) => new URL(`../../web/${path}`, import.meta.url);
const demo = JSON.parse(readFileSync(webFile('demo/demo.json'), 'utf8'));
const french = JSON.parse(readFileSync(webFile('locales/fr.json'), 'utf8'));

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

// Opens the demo photo and checks that the preview put dots on the head: the result
// differs from the photo inside the head box.
async function demoShowsDots(page) {
  await page.click('#demo-button');
  await page.waitForSelector('#workspace:not([hidden])');
  await settle(page);
  const [width, height] = await page.evaluate(() => {
    const canvas = document.querySelector('canvas.stage-after');
    return [canvas.width, canvas.height];
  });
  const handles = Object.fromEntries(Object.entries(demo.handles).map(([name, [x, y]]) => [name, [Math.round(x * width), Math.round(y * height)]]));
  const { differing, total } = await pixelDiff(page, 'before', 'after', headBox(handles));
  assert.ok(differing > 0.05 * total, `dots change ${differing} of ${total} pixels in the head box`);
}

test('after one visit the page works with the network off and its server gone', async () => {
  // Its own server, to stop; SMP_E2E_WEB_ROOT: another copy of web/, as in support.mjs.
  const server = await startServer({ port: 0, ...(process.env.SMP_E2E_WEB_ROOT && { root: process.env.SMP_E2E_WEB_ROOT }) });
  const visit = { ...session, server, requests: [] };
  const { page, context, problems, close } = await openPage(visit, { serviceWorkers: 'allow' });
  try {
    await waitReady(page);
    // Active (so its install, which caches every file, is done) and in control of this page.
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      const cache = await caches.open('smp-preview');
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    for (const path of ['/', '/index.html', '/worker.js', '/build/smp_engine.wasm', '/build/smp_cascades.bin', '/locales/fr.json', '/demo/demo.json']) {
      assert.ok(cached.includes(path), `${path} is cached (cached: ${cached.join(', ')})`);
    }

    await context.setOffline(true);
    await server.close();
    const before = visit.requests.length;
    await page.reload();
    await waitReady(page);
    await demoShowsDots(page);
    await waitForText(page, '#measurements', 'cm above the glabella'); // the face model is cached too
    assert.ok(visit.requests.length > before, 'the offline page still made its requests (answered from the cache)');
    await screenshot(page, 'offline-reloaded-demo');

    await page.goto(new URL('?kiosk=1', server.url).href);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.body.classList.contains('kiosk')), true, 'kiosk mode is on');

    await page.goto(new URL('?lang=fr', server.url).href);
    await waitForText(page, '#status', french['status.ready']);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await demoShowsDots(page);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await server.close();
  }
});

test('the single-file build works from file:// and asks for nothing', async () => {
  const opened = { ...session, requests: [] };
  const url = pathToFileURL(new URL('../../web/build/smp-preview.html', import.meta.url).pathname).href;
  const { page, problems, close } = await openPage(opened, { url });
  try {
    await waitReady(page);
    await demoShowsDots(page);
    // Heights in cm come from the face found by the face model, inline too.
    await waitForText(page, '#measurements', 'cm above the glabella');
    await screenshot(page, 'single-file-demo');
    const elsewhere = opened.requests.filter((address) => !/^(file|blob|data):/.test(address));
    assert.deepEqual(elsewhere, [], 'no request beyond file:, blob: and data:');
    assert.ok(opened.requests.some((address) => address.startsWith('blob:')), 'the engine worker starts from a blob: URL');
    assert.equal(opened.requests.filter((address) => address.startsWith('file:')).length, 1, 'only the file itself is read');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the manifest has what an install needs, and its icons their declared sizes', async () => {
  const { page, context, problems, close } = await openPage(session, { serviceWorkers: 'allow' });
  try {
    const response = await fetch(new URL('manifest.webmanifest', session.server.url));
    assert.equal(response.status, 200);
    const manifest = JSON.parse(await response.text());
    assert.ok(manifest.name && manifest.short_name, 'name and short_name');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
    const themeMeta = await page.getAttribute('meta[name="theme-color"]', 'content');
    assert.equal(themeMeta, manifest.theme_color, 'the page\'s theme colour is the manifest\'s');

    const icons = manifest.icons;
    for (const [sizes, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
      assert.ok(icons.some((icon) => icon.sizes === sizes && icon.purpose === purpose && icon.type === 'image/png'), `a ${sizes} ${purpose} PNG`);
    }
    assert.ok(icons.some((icon) => icon.type === 'image/svg+xml' && icon.sizes === 'any'), 'an SVG icon');
    const loaded = await page.evaluate((sources) => Promise.all(sources.map(async (src) => {
      const image = new Image();
      image.src = new URL(src, document.baseURI).href;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    })), icons.map((icon) => icon.src));
    icons.forEach((icon, i) => {
      if (icon.sizes !== 'any') assert.equal(loaded[i].join('x'), icon.sizes, `${icon.src} is ${icon.sizes}`);
      else assert.ok(loaded[i][0] > 0, `${icon.src} loads`);
    });

    // Chromium's own reading of the manifest and of what an install needs (a normal
    // profile; these test contexts are incognito, which alone forbids installing).
    const cdp = await context.newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'Chromium parses the manifest without errors');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito'), []);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
