// The real page in headless Chromium, served by scripts/serve-web.mjs: photos open
// upright, bad files give the engine's message, nothing leaves the server's origin.
// Screenshots go to test-artifacts/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-web.mjs';
import { loadEngine } from '../../web/engine.js';
import { fixture, fixturesDir } from '../support/bad-files.mjs';

const artifactsDir = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
const desktop = { width: 1280, height: 900 };
const phone = { width: 360, height: 740 };
const notAnImage = 'this file is not an image (no JPEG, PNG, BMP or GIF signature)';
const truncatedJpeg = 'the JPEG file is truncated: its data stops before the end';

let server;
let browser;
let engine; // the same engine in Node, to decode reference pictures
let tempDir;
const allRequests = []; // every URL any page asked for

before(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  tempDir = mkdtempSync(join(tmpdir(), 'smp-e2e-'));
  engine = await loadEngine({ wasmBinary: readFileSync(new URL('../../web/build/smp_engine.wasm', import.meta.url)) });
  server = await startServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

// A new page, loaded; problems lists its console errors and uncaught exceptions.
// Pass route to fake responses before the page loads.
async function openPage(viewport = desktop, route) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('request', (request) => allRequests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  if (route) await page.route(...route);
  await page.goto(server.url);
  return { page, problems };
}

function waitForText(page, selector, text) {
  return page.waitForFunction(
    ([selector, text]) => document.querySelector(selector).textContent.includes(text),
    [selector, text],
  );
}

async function pickPhoto(page, path, expectedStatus) {
  await page.setInputFiles('#photo-input', path);
  await waitForText(page, '#status', expectedStatus);
}

// Mean RGB of each cell of an n×n grid over the picture, cell by cell, row by row.
function gridMeans({ pixels, width, height }, n = 8) {
  const sums = new Float64Array(n * n * 3);
  const counts = new Float64Array(n * n);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cell = Math.floor((y * n) / height) * n + Math.floor((x * n) / width);
      const at = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) sums[cell * 3 + c] += pixels[at + c];
      counts[cell]++;
    }
  }
  return Array.from(sums, (sum, i) => sum / counts[Math.floor(i / 3)]);
}

function rotatedHalfTurn(grid) {
  const cells = [];
  for (let i = 0; i < grid.length; i += 3) cells.push(grid.slice(i, i + 3));
  return cells.reverse().flat();
}

function meanAbsDifference(a, b) {
  return a.reduce((total, value, i) => total + Math.abs(value - b[i]), 0) / a.length;
}

// The canvas's exact pixels, taken out of the page as a PNG.
async function canvasPicture(page) {
  const dataUrl = await page.evaluate(() => document.querySelector('#preview').toDataURL('image/png'));
  const picture = engine.decodePhoto(Buffer.from(dataUrl.split(',')[1], 'base64'));
  assert.equal(picture.ok, true, picture.message);
  return picture;
}

async function displayedBox(page) {
  return page.evaluate(() => {
    const { width, height, right } = document.querySelector('#preview').getBoundingClientRect();
    return { width, height, right, pageWidth: document.documentElement.scrollWidth };
  });
}

test('the server serves web/ only, without caching, .wasm as application/wasm', async () => {
  const { port } = new URL(server.url);
  const get = (path) => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (response) => {
      response.resume();
      resolve(response);
    }).on('error', reject);
  });
  const wasm = await get('/build/smp_engine.wasm');
  assert.equal(wasm.statusCode, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['cache-control'], 'no-store');
  assert.equal((await get('/')).statusCode, 200);
  for (const outside of ['/../package.json', '/%2e%2e/package.json', '/build/../../scripts/serve-web.mjs']) {
    assert.equal((await get(outside)).statusCode, 404, outside);
  }
});

test('an EXIF-rotated photo is shown upright at its working size', async () => {
  const { page, problems } = await openPage();
  await pickPhoto(page, join(fixturesDir, 'reisman_exif_orientation6.jpg'), '1192 × 1857');
  assert.match(
    await page.textContent('#status'),
    /1192 × 1857 upright \(stored 1857 × 1192, EXIF orientation 6\), JPEG\. Working image: 1192 × 1857/,
  );
  assert.equal(await page.isVisible('#error'), false);

  const shown = await canvasPicture(page);
  assert.deepEqual([shown.width, shown.height], [1192, 1857]);
  const reference = engine.decodePhoto(fixture('reisman_shaved_front.jpg')); // the same picture, stored upright
  assert.equal(reference.ok, true, reference.message);
  const shownGrid = gridMeans(shown);
  const referenceGrid = gridMeans(reference);
  const upright = meanAbsDifference(shownGrid, referenceGrid);
  const halfTurn = meanAbsDifference(rotatedHalfTurn(shownGrid), referenceGrid);
  assert.ok(upright < 12, `differs from the upright reference by ${upright.toFixed(1)} levels`);
  assert.ok(halfTurn > 30, `a half turn differs from it by only ${halfTurn.toFixed(1)} levels`);

  const box = await displayedBox(page);
  assert.ok(Math.abs(box.height / box.width - 1857 / 1192) < 0.01, 'the canvas keeps its aspect ratio');
  await page.screenshot({ path: join(artifactsDir, 'desktop-exif-photo.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a 360 px wide phone the photo fits the width and nothing overflows', async () => {
  const { page, problems } = await openPage(phone);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'photo-input', 'the picker is reached by keyboard');
  await pickPhoto(page, join(fixturesDir, 'reisman_exif_orientation6.jpg'), '1192 × 1857');
  const box = await displayedBox(page);
  assert.ok(box.pageWidth <= phone.width, `the page is ${box.pageWidth} px wide`);
  assert.ok(box.right <= phone.width, 'the canvas ends inside the screen');
  assert.ok(Math.abs(box.height / box.width - 1857 / 1192) < 0.01, 'the canvas keeps its aspect ratio');
  await page.screenshot({ path: join(artifactsDir, 'phone-exif-photo.png') });
  await page.screenshot({ path: join(artifactsDir, 'phone-exif-photo-full.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad files show the engine message, and a good photo still opens after them', async () => {
  const textFile = join(tempDir, 'notes.txt');
  writeFileSync(textFile, 'just some notes\n');
  const truncatedFile = join(tempDir, 'truncated.jpg');
  writeFileSync(truncatedFile, fixture('biden_receding_white_front.jpg').subarray(0, 20000));

  const { page, problems } = await openPage();
  for (const [path, message] of [[textFile, notAnImage], [truncatedFile, truncatedJpeg]]) {
    await page.setInputFiles('#photo-input', path);
    await waitForText(page, '#error', message);
    assert.equal(await page.isVisible('#error'), true);
    assert.equal(await page.isVisible('#preview'), false);
  }
  await page.screenshot({ path: join(artifactsDir, 'desktop-error.png') });

  await pickPhoto(page, join(fixturesDir, 'reisman_shaved_front.jpg'), '1192 × 1857, JPEG');
  assert.equal(await page.isVisible('#error'), false);
  assert.equal(await page.isVisible('#preview'), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a photo dropped while another is decoding wins; the older one is never shown', async () => {
  const { page, problems } = await openPage();
  await waitForText(page, '#status', 'Ready');
  const statuses = await page.evaluateHandle(() => {
    const seen = [];
    const status = document.querySelector('#status');
    new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    return seen;
  });
  const drop = async (name) => {
    const dataTransfer = await page.evaluateHandle(([name, base64]) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'image/jpeg' }));
      return transfer;
    }, [name, fixture(name).toString('base64')]);
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  };
  await drop('parmitano_shaved_beard_busy.jpg'); // large: still decoding when the next one comes
  await drop('biden_receding_white_front.jpg');
  await waitForText(page, '#status', 'biden_receding_white_front.jpg:');
  await page.waitForTimeout(1000); // time for the first photo's reply, which must be ignored
  const seen = await statuses.jsonValue();
  assert.ok(!seen.some((text) => text.includes('parmitano')), seen.join('\n'));
  assert.match(await page.textContent('#status'), /^biden_receding_white_front\.jpg:/);
  assert.deepEqual(problems, []);
  await page.close();
});

for (const missing of ['build/smp_engine.wasm', 'build/smp_engine.js']) {
  test(`without ${missing} the page gives a clear error and disables the picker`, async () => {
    const { page } = await openPage(desktop, [`**/${missing}`, (route) => route.fulfill({ status: 404 })]);
    await waitForText(page, '#error', 'The photo engine could not be loaded');
    assert.equal(await page.isDisabled('#photo-input'), true);
    await page.screenshot({ path: join(artifactsDir, `desktop-missing-${missing.replace(/\W+/g, '-')}.png`) });
    await page.close();
  });
}

test('no page ever asks for anything outside the server it came from', () => {
  const origin = new URL(server.url).origin;
  assert.ok(allRequests.some((url) => url.endsWith('/build/smp_engine.wasm')), 'worker requests are recorded');
  assert.deepEqual(allRequests.filter((url) => new URL(url).origin !== origin), []);
});
