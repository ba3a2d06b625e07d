// Shared by the browser tests: one server (scripts/serve-web.mjs on port 0) and one
// headless Chromium per test file (node --test runs files in their own processes),
// pages that record every request and fail on console errors and page errors, and
// helpers that read the app through its DOM contract (see web/index.html).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-web.mjs';
import { loadEngine } from '../../web/engine.js';
import { fixture, fixturesDir } from '../support/bad-files.mjs';

export { fixture, fixturesDir };

export const artifactsDir = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
export const desktop = { width: 1280, height: 900 };
export const phone = { width: 360, height: 740 };
export const defaultMaxSide = 2048; // the app's working size without ?maxSide

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// Every fixture photo: its upright full size and handles known to sit on its hairline
// (left temple, middle of the front, right temple), in full-size pixels.
export const photos = {
  'reisman_shaved_front.jpg': { size: [1192, 1857], handles: [[334, 237], [551, 215], [768, 237]] },
  'reisman_exif_orientation6.jpg': { size: [1192, 1857], handles: [[334, 237], [551, 215], [768, 237]] },
  'satcher_shaved_darkskin_front.jpg': { size: [2400, 3000], handles: [[915, 566], [1125, 536], [1350, 566]] },
  'creamer_receding_front.jpg': { size: [1267, 2000], handles: [[290, 430], [540, 350], [790, 430]] },
  'collins_fullhair_control.png': { size: [512, 512], handles: [[190, 62], [218, 55], [246, 62]] },
  'poindexter_norwood6_front.jpg': { size: [2400, 3000], handles: [[1063, 540], [1213, 500], [1363, 540]] },
  'biden_receding_white_front.jpg': { size: [1200, 1200], handles: [[510, 215], [650, 175], [790, 215]] },
  'parmitano_shaved_beard_busy.jpg': { size: [4288, 2848], handles: [[2165, 348], [2428, 322], [2680, 359]] },
  // Picked by eye on the photo: the head is tilted, the right temple higher.
  'walz_glasses_receding.jpg': { size: [3032, 2064], handles: [[725, 442], [815, 405], [945, 430]] },
};

export const photoPath = (name) => join(fixturesDir, name);

// The upright working size the app should use for a photo at maxSide.
export function workingSize(name, maxSide = defaultMaxSide) {
  const [width, height] = photos[name].size;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return [Math.round(width * scale), Math.round(height * scale)];
}

// A photo's good handles in the pixels of a working image `workingWidth` wide.
export function workingHandles(name, workingWidth) {
  const scale = workingWidth / photos[name].size[0];
  const [left, mid, right] = photos[name].handles.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)]);
  return { left, mid, right };
}

// Boxes [x0, y0, x1, y1] in image pixels around a hairline given by its handles:
// `head` straddles the front of the hairline between the temples (the scalp above it
// and a little forehead below), where every design choice shows.
export function headBox({ left, mid, right }) {
  const span = right[0] - left[0];
  return [
    Math.round(left[0] + 0.1 * span), Math.round(mid[1] - 0.3 * span),
    Math.round(right[0] - 0.1 * span), Math.round(Math.max(left[1], right[1]) + 0.1 * span),
  ];
}

// Boxes far from the head in a portrait photo: the four corners, 12% × 8% of it.
export function cornerBoxes(width, height) {
  const w = Math.round(0.12 * width);
  const h = Math.round(0.08 * height);
  return {
    'top-left': [0, 0, w, h],
    'top-right': [width - w, 0, width, h],
    'bottom-left': [0, height - h, w, height],
    'bottom-right': [width - w, height - h, width, height],
  };
}

let nodeEngine;
// The same engine in Node, to decode what the page exports.
export async function engineInNode() {
  nodeEngine ??= await loadEngine({ wasmBinary: readFileSync(new URL('../../web/build/smp_engine.wasm', import.meta.url)) });
  return nodeEngine;
}

// A server and a browser for one test file. requests lists every URL any page or
// worker of the browser asked for. SMP_E2E_WEB_ROOT serves another copy of web/
// instead, to check that the tests catch a broken app.
export async function startSession({ extraArgs = [] } = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  const server = await startServer({ port: 0, ...(process.env.SMP_E2E_WEB_ROOT && { root: process.env.SMP_E2E_WEB_ROOT }) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...chromiumArgs, ...extraArgs],
  });
  return {
    server,
    browser,
    origin: new URL(server.url).origin,
    requests: [],
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// A new page in its own context, loaded. problems collects console errors and uncaught
// exceptions (the worker's console included): a test asserts it is empty. options: viewport, hasTouch, isMobile,
// bypassCSP, permissions; query ('?maxSide=600') or url (another address: file://…);
// route ([url, handler]) to fake responses before the page loads. Service workers are
// blocked unless serviceWorkers: 'allow' (offline.test.mjs): routes do not see what a
// service worker fetches, and every page would cache the whole app.
export async function openPage(session, { viewport = desktop, query = '', url = new URL(query, session.server.url).href, route, ...contextOptions } = {}) {
  const context = await session.browser.newContext({ viewport, serviceWorkers: 'block', ...contextOptions });
  context.on('request', (request) => session.requests.push(request.url()));
  await context.addInitScript(countFrames);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  if (route) await page.route(...route);
  await page.goto(url);
  return { page, context, problems, close: () => context.close() };
}

// Every request stayed on the server's origin (or was a blob: or data: URL, or on one of
// alsoAllowed: the other loopback name that embed.test.mjs uses as a second origin).
export function assertRequestsLocal(session, testFile, { alsoAllowed = [] } = {}) {
  const name = basename(fileURLToPath(testFile)).replace(/\.test\.mjs$/, '');
  writeFileSync(join(artifactsDir, `requests-${name}.txt`), `${session.requests.join('\n')}\n`);
  assert.ok(session.requests.length > 0, 'requests are recorded');
  assert.ok(session.requests.some((url) => url.endsWith('/build/smp_engine.wasm')), 'the worker\'s requests are recorded');
  const outside = session.requests.filter((url) =>
    ![session.origin, ...alsoAllowed].some((origin) => url.startsWith(`${origin}/`)) && !url.startsWith('blob:') && !url.startsWith('data:'));
  assert.deepEqual(outside, [], `requests that left ${session.origin}`);
}

export function waitForText(page, selector, text) {
  return page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.textContent.includes(text),
    [selector, text],
  );
}

export async function waitReady(page) {
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Ready'));
}

// The page's strings in `language` (web/locales/).
export const readLocale = (language) => JSON.parse(readFileSync(new URL(`../../web/locales/${language}.json`, import.meta.url), 'utf8'));

// waitReady for a page in another language: its own "Ready" status line.
export async function waitReadyIn(page, language) {
  await page.waitForFunction((ready) => document.querySelector('#status').textContent === ready, readLocale(language)['status.ready']);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe-core's serious and critical findings on a page or frame, as "rule: targets" lines
// (its context needs bypassCSP: axe goes in as an inline script).
export async function severeAxeViolations(page) {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`));
}

export async function screenshot(page, name, options = {}) {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), ...options });
}

// ---- frames --------------------------------------------------------------------------

// How many inputs have been painted so far (one 'input-to-paint' measure each).
export function paintCount(page) {
  return page.evaluate(() => performance.getEntriesByName('input-to-paint').length);
}

// Counts the page's render requests to its worker and the frames that come back
// (the message types of web/worker.js), so a test knows when the worker is idle.
function countFrames() {
  const frames = { posted: 0, received: 0 };
  window.e2eFrames = frames;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function postMessage(message, ...rest) {
    if (message?.type === 'render') {
      frames.posted++;
      if (!this.e2eCounting) {
        this.e2eCounting = true;
        this.addEventListener('message', ({ data }) => {
          if (data?.type === 'frame') frames.received++;
        });
      }
    }
    return post.call(this, message, ...rest);
  };
}

// Waits until every frame asked for has come back and been painted: the preview then
// shows the last design.
export async function settle(page) {
  await page.waitForFunction(() => window.e2eFrames.posted === window.e2eFrames.received);
  // The page paints a frame in the animation frame after it arrives.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(() => window.e2eFrames.posted === window.e2eFrames.received);
}

// Does something that changes the design and waits until it is painted.
export async function andPainted(page, action) {
  const since = await paintCount(page);
  await action();
  await settle(page);
  const now = await paintCount(page);
  assert.ok(now > since, 'a new frame was painted');
  return now;
}

// Opens a photo through #photo-input (a path or {name, mimeType, buffer}) and waits for
// the workspace and its first painted frame. Returns the working size.
export async function openPhoto(page, file) {
  const name = typeof file === 'string' ? basename(file) : file.name;
  const since = await paintCount(page);
  await page.setInputFiles('#photo-input', file);
  await page.waitForFunction((name) => document.querySelector('#status').textContent.startsWith(`${name}:`), name);
  await page.waitForSelector('#workspace:not([hidden])');
  await settle(page);
  assert.ok(await paintCount(page) > since, 'the photo\'s first frame was painted');
  return canvasSize(page);
}

export function canvasSize(page, which = 'before') {
  return page.evaluate((which) => {
    const canvas = document.querySelector(`canvas.stage-${which}`);
    return [canvas.width, canvas.height];
  }, which);
}

export async function handlePositions(page) {
  return page.evaluate(() => Object.fromEntries(['left', 'mid', 'right'].map((name) => {
    const button = document.querySelector(`.handle-${name}`);
    return [name, [Number(button.dataset.x), Number(button.dataset.y)]];
  })));
}

// The screen point (CSS pixels) of image point [x, y] on the after canvas (where a
// handle at [x, y] is centred).
export function screenPoint(page, [x, y]) {
  return page.evaluate(([x, y]) => {
    const canvas = document.querySelector('canvas.stage-after');
    const rect = canvas.getBoundingClientRect();
    return [rect.left + (x * rect.width) / canvas.width, rect.top + (y * rect.height) / canvas.height];
  }, [x, y]);
}

export async function centreOf(locator) {
  const box = await locator.boundingBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

// Drags with the mouse from one screen point to another in `steps` moves.
export async function drag(page, from, to, steps = 8) {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps });
  await page.mouse.up();
}

// Moves the three handles onto `target` ({left, mid, right} in image pixels): a mouse
// drag each, then arrow keys for what the drag's rounding left, until every coordinate
// is within `tolerance` pixels (arrow keys move one screen pixel, more than one image
// pixel when the photo is shown smaller than 100%).
export async function placeHandles(page, target, { tolerance = 0 } = {}) {
  await andPainted(page, async () => {
    for (const name of ['left', 'mid', 'right']) {
      const handle = page.locator(`.handle-${name}`);
      await drag(page, await centreOf(handle), await screenPoint(page, target[name]), 1);
    }
  });
  const off = (now) => ['left', 'mid', 'right'].flatMap((name) => [0, 1].map((axis) => target[name][axis] - now[name][axis]));
  for (let round = 0; round < 3; round++) {
    const now = await handlePositions(page);
    if (off(now).every((d) => Math.abs(d) <= tolerance)) return now;
    const keys = [];
    for (const name of ['left', 'mid', 'right']) {
      const [dx, dy] = [target[name][0] - now[name][0], target[name][1] - now[name][1]];
      if (Math.abs(dx) > tolerance) keys.push([name, dx > 0 ? 'ArrowRight' : 'ArrowLeft']);
      if (Math.abs(dy) > tolerance) keys.push([name, dy > 0 ? 'ArrowDown' : 'ArrowUp']);
      if (round === 0) {
        for (let i = 1; i < Math.abs(dx) - tolerance; i++) keys.push([name, dx > 0 ? 'ArrowRight' : 'ArrowLeft']);
        for (let i = 1; i < Math.abs(dy) - tolerance; i++) keys.push([name, dy > 0 ? 'ArrowDown' : 'ArrowUp']);
      }
    }
    await andPainted(page, async () => {
      for (const [name, key] of keys) await page.locator(`.handle-${name}`).press(key);
    });
  }
  const now = await handlePositions(page);
  assert.ok(off(now).every((d) => Math.abs(d) <= tolerance),
    `the handles are at ${JSON.stringify(now)}, not within ${tolerance} px of ${JSON.stringify(target)}`);
  return now;
}

// ---- pixels --------------------------------------------------------------------------

// Keeps a copy of a stage canvas's pixels in the page under `key`.
export function snapshot(page, key, which = 'after') {
  return page.evaluate(([key, which]) => {
    const canvas = document.querySelector(`canvas.stage-${which}`);
    (window.e2eSnapshots ??= {})[key] = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  }, [key, which]);
}

// Pixels that differ between a and b inside box [x0, y0, x1, y1] (the whole image
// without one). a and b: 'before' or 'after' (the stage canvases now) or a snapshot's
// key. Returns {differing, total, maxDelta}.
export function pixelDiff(page, a, b, box = null) {
  return page.evaluate(([a, b, box]) => {
    const read = (source) => {
      if (source !== 'before' && source !== 'after') return window.e2eSnapshots[source];
      const canvas = document.querySelector(`canvas.stage-${source}`);
      return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    };
    const [one, two] = [read(a), read(b)];
    if (one.width !== two.width || one.height !== two.height) {
      throw new Error(`${a} is ${one.width}×${one.height}, ${b} ${two.width}×${two.height}`);
    }
    const [x0, y0, x1, y1] = box ?? [0, 0, one.width, one.height];
    let differing = 0;
    let maxDelta = 0;
    for (let y = Math.max(0, y0); y < Math.min(one.height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(one.width, x1); x++) {
        const at = (y * one.width + x) * 4;
        let delta = 0;
        for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs(one.data[at + c] - two.data[at + c]));
        if (delta) differing++;
        maxDelta = Math.max(maxDelta, delta);
      }
    }
    return { differing, total: (Math.min(one.width, x1) - Math.max(0, x0)) * (Math.min(one.height, y1) - Math.max(0, y0)), maxDelta };
  }, [a, b, box]);
}

// The bounding box [x0, y0, x1, y1] of the pixels where a and b differ, or null.
export function diffBounds(page, a, b) {
  return page.evaluate(([a, b]) => {
    const read = (source) => {
      if (source !== 'before' && source !== 'after') return window.e2eSnapshots[source];
      const canvas = document.querySelector(`canvas.stage-${source}`);
      return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    };
    const [one, two] = [read(a), read(b)];
    let bounds = null;
    for (let y = 0; y < one.height; y++) {
      for (let x = 0; x < one.width; x++) {
        const at = (y * one.width + x) * 4;
        if (one.data[at] === two.data[at] && one.data[at + 1] === two.data[at + 1] && one.data[at + 2] === two.data[at + 2]
          && one.data[at + 3] === two.data[at + 3]) continue;
        if (!bounds) bounds = [x, y, x + 1, y + 1];
        bounds = [Math.min(bounds[0], x), Math.min(bounds[1], y), Math.max(bounds[2], x + 1), Math.max(bounds[3], y + 1)];
      }
    }
    return bounds;
  }, [a, b]);
}

// Pixels that differ between two decoded pictures ({width, height, pixels}) inside box.
export function pictureDiff(one, two, box = [0, 0, one.width, one.height]) {
  assert.deepEqual([one.width, one.height], [two.width, two.height], 'the pictures have the same size');
  const [x0, y0, x1, y1] = box;
  let differing = 0;
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const at = (y * one.width + x) * 4;
      let delta = 0;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(one.pixels[at + c] - two.pixels[at + c]);
        delta = Math.max(delta, d);
        sum += d;
      }
      if (delta) differing++;
    }
  }
  return { differing, total: (x1 - x0) * (y1 - y0), meanDelta: sum / (3 * (x1 - x0) * (y1 - y0)) };
}

export function scaleBox(box, factor) {
  return box.map((v) => Math.round(v * factor));
}
