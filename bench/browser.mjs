// The real page in headless Chromium (scripts/serve-web.mjs, /usr/bin/chromium with
// --disable-gpu, a 1280×900 window): input-to-paint latency of slider and handle drags,
// the engine in its worker with the page idle, time to the first preview of a 12 MP
// (and a 48 MP) photo, and the first load's weight, gzipped. Prints figures next to
// the targets; it never fails on a target, only when it cannot run (no Chromium, no
// engine build, a photo that does not open).
//
//   node bench/browser.mjs [--json] [--runs N] [--no-48mp] [--only LIST] [--trace FILE]
//   node bench/browser.mjs --screenshot docs/screenshot.png
//
// --runs N       fresh pages per 12 MP open (default 5; the 48 MP one gets min(N, 2))
// --no-48mp      skips the 48 MP open (its JPEG is made once in /tmp/smp-bench with
//                /usr/bin/python3 + PIL, from parmitano_shaved_beard_busy.jpg)
// --only LIST    some of weight,latency,worker,opens (default: all)
// --root DIR     serves DIR instead of web/ (to compare a patched copy of the site)
// --trace FILE   writes a Chromium trace of the two 1 MP demo drags (chrome://tracing)
// --screenshot FILE   only takes the README's screenshot (demo photo, zoomed) and exits
//
// Drags, after a short warm-up drag of each kind: the slider drag is page.mouse down on
// the #density thumb and 120 real mouse moves of one step (0.05) each, one every 16.7 ms
// (60 Hz, paced on the wall clock), sweeping 1.0 → 0.3 → 1.5 → …; the handle drag is
// page.mouse down on .handle-mid and 120 moves of 1 CSS px (right, left, right) at the
// same rate. The latency is the page's own performance.measure('input-to-paint'), from
// its input handler to the animation-frame callback that put the frame reflecting the
// input on the canvas (web/app.js); it ends before the compositor presents that frame.
// An init script wraps Worker, postMessage, putImageData and requestAnimationFrame to
// split that time (handler, worker render, round trip, wait for the frame, paint()).
//
// This VM's speed varies, and another Chromium (a test run) on the same cores skews
// everything: a sampler watches for foreign Chromium processes and each table says so.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startServer } from '../scripts/serve-web.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const fixtures = process.env.SMP_FIXTURES_DIR || join(repo, '../shared/fixtures/photos');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const desktop = { width: 1280, height: 900 };
const frameInterval = 1000 / 60;

const { values: options } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'no-48mp': { type: 'boolean', default: false },
    trace: { type: 'string' },
    screenshot: { type: 'string' },
    only: { type: 'string', default: 'weight,latency,worker,opens' },
    root: { type: 'string' },
  },
});
const runs = Math.max(1, Number(options.runs) || 5);

const log = (text) => process.stderr.write(`${text}\n`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---- statistics and formatting ---------------------------------------------------

function quantile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}
const median = (values) => quantile(values, 0.5);
const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : '—');
const kb = (bytes) => (bytes / 1024).toFixed(1);
const mp = (w, h) => ((w * h) / 1e6).toFixed(2);
const verdict = (ok) => (ok ? 'met' : 'MISSED');

// ---- the page's instruments ------------------------------------------------------

// Runs in the page before its own scripts. Everything lands in window.__bench, in the
// page's performance.now() clock.
function instrument() {
  const b = {
    posts: [], // render requests: {id, at, buffer: whether a recycled buffer went along}
    frames: [], // frame replies: {id, at, renderMs, ok, width, height, dots}
    puts: [], // putImageData calls: {canvas, at, ms, frame: latest frame id received}
    other: [], // other worker traffic: {type, at}
    inputs: [], // pointermove and input events: {type, timeStamp, at}
    longtasks: [],
    openPosted: null,
    opened: null,
    changeAt: null, // #photo-input's change event
    lastActivity: 0,
  };
  window.__bench = b;
  const now = () => {
    const t = performance.now();
    b.lastActivity = t;
    return t;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask timing */ }

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', ({ data }) => {
        const at = now();
        if (data?.type === 'frame') {
          b.frames.push({ id: data.id, at, renderMs: data.renderMs, ok: data.ok, message: data.message, width: data.width, height: data.height, dots: data.stats?.dotCount });
        } else if (data?.type === 'opened') {
          b.opened = { at, ok: data.ok, width: data.width, height: data.height };
        } else if (data?.type) {
          b.other.push({ type: data.type, at });
        }
      });
    }

    postMessage(message, transfer) {
      const at = now();
      if (message?.type === 'render') b.posts.push({ id: message.id, at, buffer: Boolean(message.buffer) });
      else if (message?.type === 'open') b.openPosted = at;
      else if (message?.type) b.other.push({ type: `post ${message.type}`, at });
      return super.postMessage(message, transfer);
    }
  };

  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function putImageData(...args) {
    const t0 = now();
    const result = put.apply(this, args);
    b.puts.push({ canvas: this.canvas.className, at: t0, ms: performance.now() - t0, frame: b.frames.at(-1)?.id });
    return result;
  };

  // Capture at window runs before the page's own listeners, bubble at window after
  // them: the difference is the page's handler time for that event.
  for (const type of ['pointermove', 'input']) {
    window.addEventListener(type, (event) => b.inputs.push({ type, timeStamp: event.timeStamp, at: performance.now() }), true);
    window.addEventListener(type, () => {
      const last = b.inputs.at(-1);
      if (last?.type === type) last.handlerMs = performance.now() - last.at;
    });
  }

  // The page paints frames in requestAnimationFrame(paint): time those callbacks.
  b.paints = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    if (callback.name !== 'paint') return callback(time);
    const puts = b.puts.length;
    const t0 = performance.now();
    const result = callback(time);
    if (b.puts.length > puts) b.paints.push({ at: t0, ms: performance.now() - t0 });
    return result;
  });
  document.addEventListener('change', (event) => {
    if (event.target.id === 'photo-input') b.changeAt = now();
  }, true);

  // rAF gaps while watching (startGaps/stopGaps): the page's responsiveness.
  b.gaps = [];
  let watching = false;
  b.startGaps = () => {
    watching = true;
    b.gaps = [];
    let last = performance.now();
    const tick = (t) => {
      if (!watching) return;
      b.gaps.push({ at: last, gap: t - last });
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  b.stopGaps = () => { watching = false; };
}

// ---- browser and pages ---------------------------------------------------------------

let server;
let browser;

async function newPage(search = '', prepare = async () => {}) {
  const context = await browser.newContext({ viewport: desktop });
  await context.addInitScript(instrument);
  await prepare(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${server.url}${search}`);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Ready'));
  return { page, context, problems };
}

function firstPaint(page) {
  return page.waitForFunction(() => performance.getEntriesByName('input-to-paint').length > 0, null, { polling: 50 });
}

// Until the worker has answered every request and nothing moved for quietMs (the
// gallery's thumbnails follow a commit by 400 ms).
async function settle(page, quietMs = 700) {
  await page.waitForFunction((quiet) => {
    const b = window.__bench;
    return b.posts.length === b.frames.length && performance.now() - b.lastActivity > quiet;
  }, quietMs, { polling: 50 });
}

async function openDemo(page) {
  await page.click('#demo-button');
  await firstPaint(page);
  await settle(page);
}

async function openFile(page, path) {
  await page.setInputFiles('#photo-input', path);
  await firstPaint(page);
  await settle(page);
}

async function workingSize(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.stage-after');
    return { width: canvas.width, height: canvas.height };
  });
}

async function handleCentre(page, name) {
  const box = await page.locator(`.handle-${name}`).boundingBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

// CSS pixels per working-image pixel on the stage.
async function stageScale(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.stage-after');
    return canvas.getBoundingClientRect().width / canvas.width;
  });
}

// Drags each handle onto target [x, y] (working-image pixels).
async function placeHandles(page, targets) {
  for (let attempt = 0; attempt < 3; attempt++) {
    let off = 0;
    for (const [name, [x, y]] of Object.entries(targets)) {
      const handle = page.locator(`.handle-${name}`);
      const at = [Number(await handle.getAttribute('data-x')), Number(await handle.getAttribute('data-y'))];
      off = Math.max(off, Math.abs(at[0] - x), Math.abs(at[1] - y));
      if (Math.abs(at[0] - x) <= 1 && Math.abs(at[1] - y) <= 1) continue;
      const scale = await stageScale(page);
      const [sx, sy] = await handleCentre(page, name);
      await page.mouse.move(sx, sy);
      await page.mouse.down();
      await page.mouse.move(sx + (x - at[0]) * scale, sy + (y - at[1]) * scale, { steps: 4 });
      await page.mouse.up();
    }
    await settle(page);
    if (off <= 1) return;
  }
}

// ---- 1. input to paint ---------------------------------------------------------------

function resetWindow(page) {
  return page.evaluate(() => {
    performance.clearMeasures('input-to-paint');
    const b = window.__bench;
    b.windowStart = performance.now();
  });
}

// Moves the mouse through points, one every frameInterval, paced on the wall clock.
async function paced(page, points) {
  const t0 = performance.now();
  for (let i = 0; i < points.length; i++) {
    const wait = t0 + i * frameInterval - performance.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.move(points[i][0], points[i][1]);
  }
  return performance.now() - t0;
}

// What the page recorded since resetWindow: the latency of every input and the split
// of every painted frame.
async function collect(page, inputType) {
  await page.waitForFunction(() => window.__bench.posts.length === window.__bench.frames.length, null, { polling: 20 });
  await page.waitForTimeout(100); // the last frame's paint
  return page.evaluate((inputType) => {
    const b = window.__bench;
    const since = (list) => list.filter((e) => e.at >= b.windowStart);
    const latency = performance.getEntriesByName('input-to-paint').map((e) => e.duration);
    const posts = since(b.posts);
    const frames = since(b.frames);
    const puts = since(b.puts).filter((p) => p.canvas === 'stage-after');
    const inputs = since(b.inputs).filter((e) => e.type === inputType);
    const postById = new Map(b.posts.map((p) => [p.id, p]));
    const frameById = new Map(b.frames.map((f) => [f.id, f]));
    const painted = puts.map((put) => {
      const frame = frameById.get(put.frame);
      const post = postById.get(put.frame);
      return { roundTrip: frame.at - post.at, renderMs: frame.renderMs, toPaint: put.at - frame.at, putMs: put.ms };
    });
    const bufferOf = new Map(posts.map((p) => [p.id, p.buffer]));
    const okFrames = frames.filter((f) => f.ok);
    return {
      latency,
      inputs: inputs.length,
      inputDelay: inputs.map((e) => e.at - e.timeStamp),
      handlerMs: inputs.filter((e) => e.handlerMs !== undefined).map((e) => e.handlerMs),
      paintMs: since(b.paints).map((p) => p.ms),
      renderWithBuffer: okFrames.filter((f) => bufferOf.get(f.id)).map((f) => f.renderMs),
      renderWithoutBuffer: okFrames.filter((f) => !bufferOf.get(f.id)).map((f) => f.renderMs),
      posts: posts.length,
      withBuffer: posts.filter((p) => p.buffer).length,
      frames: frames.length,
      painted,
      renderMs: frames.filter((f) => f.ok).map((f) => f.renderMs),
      errors: frames.filter((f) => !f.ok).map((f) => f.message),
      dots: frames.at(-1)?.dots,
      longtasks: b.longtasks.filter((t) => t.start >= b.windowStart).map((t) => t.duration),
    };
  }, inputType);
}

async function sliderDrag(page, moves = 120) {
  const slider = page.locator('#density');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const { min, max, step, value } = await slider.evaluate((s) => ({ min: Number(s.min), max: Number(s.max), step: Number(s.step), value: Number(s.value) }));
  const thumb = 16; // Chromium's range thumb, in CSS px
  const steps = Math.round((max - min) / step);
  const xOf = (k) => box.x + thumb / 2 + (k / steps) * (box.width - thumb);
  const y = box.y + box.height / 2;
  // A triangle wave over the whole range, one step per move.
  let k = Math.round((value - min) / step);
  let direction = -1;
  const points = [];
  for (let i = 0; i < moves; i++) {
    if (k + direction < 0 || k + direction > steps) direction = -direction;
    k += direction;
    points.push([xOf(k), y]);
  }
  await page.mouse.move(xOf(Math.round((value - min) / step)), y);
  await page.mouse.down();
  await resetWindow(page);
  const wall = await paced(page, points);
  const result = await collect(page, 'input');
  await page.mouse.up();
  await settle(page);
  return { ...result, wall, moves };
}

async function handleDrag(page, moves = 120) {
  const [sx, sy] = await handleCentre(page, 'mid');
  const stepPx = 1; // ±30 CSS px at most: the mid handle stays between the others
  const points = [];
  let x = sx;
  for (let i = 0; i < moves; i++) {
    // right a quarter, left a half, right a quarter: ends where it started
    x += i < moves / 4 || i >= (3 * moves) / 4 ? stepPx : -stepPx;
    points.push([x, sy]);
  }
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await resetWindow(page);
  const wall = await paced(page, points);
  const result = await collect(page, 'pointermove');
  await page.mouse.up();
  await settle(page);
  return { ...result, wall, moves };
}

// maxSide giving a working image of about `megapixels` for a w×h photo.
const maxSideFor = (w, h, megapixels) => Math.round(Math.max(w, h) * Math.sqrt((megapixels * 1e6) / (w * h)));

async function latencyScenarios() {
  const satcher = join(fixtures, 'satcher_shaved_darkskin_front.jpg');
  const satcherHandles = { left: [915, 566], mid: [1125, 536], right: [1350, 566] }; // at 2400×3000
  const scenarios = [
    { name: 'demo photo', megapixels: 1, maxSide: maxSideFor(899, 1400, 1), demo: true, target: 33, trace: options.trace },
    { name: 'satcher_shaved_darkskin_front.jpg', megapixels: 1, maxSide: maxSideFor(2400, 3000, 1), file: satcher, handles: satcherHandles, target: 33 },
    { name: 'satcher_shaved_darkskin_front.jpg', megapixels: 4, maxSide: maxSideFor(2400, 3000, 4), file: satcher, handles: satcherHandles },
  ];
  const rows = [];
  for (const scenario of scenarios) {
    log(`input to paint: ${scenario.name} at ~${scenario.megapixels} MP (maxSide=${scenario.maxSide})…`);
    const { page, context, problems } = await newPage(`?maxSide=${scenario.maxSide}`);
    if (scenario.demo) await openDemo(page);
    else await openFile(page, scenario.file);
    const size = await workingSize(page);
    if (scenario.handles) {
      const f = size.width / 2400;
      const targets = Object.fromEntries(Object.entries(scenario.handles).map(([k, [x, y]]) => [k, [Math.round(x * f), Math.round(y * f)]]));
      await placeHandles(page, targets);
    }
    const stats = await page.textContent('#stats');
    const dots = Number(/^([\d,]+) dots/.exec(stats)?.[1].replace(/,/g, '') ?? 0);
    if (dots < 1000) throw new Error(`${scenario.name}: only "${stats}" is drawn; the handles are not on a head`);
    // Warm-up: a short drag of each kind, so both paths are compiled and buffers exist.
    await sliderDrag(page, 20);
    await handleDrag(page, 20);
    if (scenario.trace) await browser.startTracing(page, { path: scenario.trace, screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'gpu', 'viz', 'toplevel', 'benchmark', 'latencyInfo', 'input'] });
    const slider = await sliderDrag(page);
    const handle = await handleDrag(page);
    if (scenario.trace) {
      await browser.stopTracing();
      log(`  trace of both drags: ${scenario.trace}`);
    }
    if (problems.length) log(`  page problems: ${problems.join(' | ')}`);
    for (const [kind, r] of [['slider', slider], ['handle', handle]]) {
      if (r.errors.length) log(`  ${kind} drag: ${r.errors.length} frames failed: ${[...new Set(r.errors)].join(' | ')}`);
    }
    rows.push({ ...scenario, size, dots, slider, handle });
    await context.close();
  }
  return rows;
}

// The app's worker.js in a page of its own: requests straight to it, awaited one by
// one, while the page draws nothing.
async function workerAlone() {
  log('the engine in its worker, page idle…');
  const photos = {
    satcher: join(fixtures, 'satcher_shaved_darkskin_front.jpg'),
    parmitano: join(fixtures, 'parmitano_shaved_beard_busy.jpg'),
  };
  const { page, context } = await newPage('', async (ctx) => {
    await ctx.route('**/__bench/*', (route) => route.fulfill({ path: photos[basename(new URL(route.request().url()).pathname)], contentType: 'image/jpeg' }));
  });
  const result = await page.evaluate(async ({ sizes, reps }) => {
    const worker = new Worker('./worker.js', { type: 'module' });
    let nextId = 1;
    const reply = (test) => new Promise((resolve) => {
      const on = ({ data }) => {
        if (!test(data)) return;
        worker.removeEventListener('message', on);
        resolve(data);
      };
      worker.addEventListener('message', on);
    });
    await reply((data) => data.type === 'engine');
    const photo = async (name) => (await fetch(`./__bench/${name}`)).arrayBuffer();
    const open = async (name, maxSide) => {
      const bytes = await photo(name);
      const id = nextId++;
      const t0 = performance.now();
      worker.postMessage({ type: 'open', id, bytes, maxSide }, [bytes]);
      const data = await reply((d) => d.id === id);
      if (!data.ok) throw new Error(data.message);
      return { ms: performance.now() - t0, width: data.width, height: data.height };
    };
    const render = async (design, buffer) => {
      const id = nextId++;
      const t0 = performance.now();
      worker.postMessage({ type: 'render', id, design, buffer }, buffer ? [buffer] : []);
      const data = await reply((d) => d.id === id);
      if (!data.ok) throw new Error(data.message);
      return { ms: performance.now() - t0, renderMs: data.renderMs, buffer: data.pixels, dots: data.stats.dotCount };
    };
    const base = {
      template: 'soft', coverage: 'full', hairlineOffsetMm: 0, transitionMm: 0, density: 1, sessions: 3,
      shade: 3, customColour: '#3a3430', healingDay: 28, years: 0, seed: 1, whorl: 'cw', brush: [],
    };
    const opens = [];
    let openSize = '';
    for (let i = 0; i < 3; i++) {
      const opened = await open('parmitano', 2048);
      opens.push(opened.ms);
      openSize = `${opened.width}×${opened.height}`;
    }
    const rows = [];
    for (const maxSide of sizes) {
      const { width, height } = await open('satcher', maxSide);
      const f = width / 2400;
      const at = ([x, y]) => [Math.round(x * f), Math.round(y * f)];
      const handles = { left: at([915, 566]), mid: at([1125, 536]), right: at([1350, 566]) };
      let frame = await render({ ...base, handles });
      for (let i = 0; i < 5; i++) frame = await render({ ...base, handles, density: i % 2 ? 1 : 0.95 }, frame.buffer);
      const density = [];
      const densityNew = [];
      const handle = [];
      const roundTrip = [];
      for (let i = 0; i < reps; i++) {
        frame = await render({ ...base, handles, density: i % 2 ? 1 : 0.95 }, frame.buffer);
        density.push(frame.renderMs);
        roundTrip.push(frame.ms);
      }
      for (let i = 0; i < reps; i++) densityNew.push((await render({ ...base, handles, density: i % 2 ? 0.95 : 1 })).renderMs);
      for (let i = 0; i < reps; i++) {
        const moved = { ...handles, mid: [handles.mid[0] + (i % 2 ? 0 : 3), handles.mid[1]] };
        frame = await render({ ...base, handles: moved }, frame.buffer);
        handle.push(frame.renderMs);
      }
      rows.push({ width, height, dots: frame.dots, density, densityNew, handle, roundTrip });
    }
    worker.terminate();
    return { opens, openSize, sizes: rows };
  }, { sizes: [maxSideFor(2400, 3000, 1), maxSideFor(2400, 3000, 4)], reps: 20 });
  await context.close();
  return result;
}

// ---- 2. first preview of a large photo ----------------------------------------------

function make48MP() {
  const dir = join('/tmp', 'smp-bench');
  const path = join(dir, 'parmitano_48mp.jpg');
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const source = join(fixtures, 'parmitano_shaved_beard_busy.jpg');
  // 4288×2848 → 8500×5645 (48.0 MP), same aspect, quality 90.
  execFileSync('/usr/bin/python3', ['-c', `
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert('RGB')
image.resize((8500, 5645), Image.LANCZOS).save(sys.argv[2], quality=90)
`, source, path]);
  return path;
}

// chooseAfter: ms between "Ready" and choosing the file. The worker warms the engine up
// right after Ready (see web/worker.js), so a photo chosen at once meets a colder engine
// than one chosen after the second or more a person needs to pick a file.
async function openTiming(path, chooseAfter) {
  const { page, context, problems } = await newPage();
  await page.waitForTimeout(chooseAfter);
  await page.evaluate(() => window.__bench.startGaps());
  const t0 = performance.now();
  await page.setInputFiles('#photo-input', path);
  await firstPaint(page);
  const wall = performance.now() - t0;
  const result = await page.evaluate(() => {
    const b = window.__bench;
    b.stopGaps();
    const [measure] = performance.getEntriesByName('input-to-paint');
    const paintAt = measure.startTime + measure.duration;
    const firstPost = b.posts[0];
    const firstFrame = b.frames[0];
    const put = b.puts.find((p) => p.canvas === 'stage-after' && p.frame === firstFrame.id);
    const during = (t) => t.start >= b.changeAt && t.start <= paintAt;
    const photoPuts = b.puts.filter((p) => p.at >= b.changeAt && p.at < firstPost.at);
    return {
      total: paintAt - b.changeAt,
      measure: measure.duration,
      readFile: b.openPosted - b.changeAt, // change → open posted (file.arrayBuffer)
      decode: b.opened.at - b.openPosted, // worker: decode, resize, setPhoto, copy
      toRender: firstPost.at - b.opened.at, // main: stage.setPhoto and the rest of openPhoto
      setPhotoPuts: photoPuts.reduce((sum, p) => sum + p.ms, 0),
      firstRender: firstFrame.at - firstPost.at,
      renderMs: firstFrame.renderMs,
      toPaint: paintAt - firstFrame.at,
      putMs: put?.ms,
      width: b.opened.width,
      height: b.opened.height,
      longestTask: Math.max(0, ...b.longtasks.filter(during).map((t) => t.duration)),
      longestGap: Math.max(0, ...b.gaps.filter((g) => g.at >= b.changeAt && g.at <= paintAt).map((g) => g.gap)),
    };
  });
  if (problems.length) log(`  page problems: ${problems.join(' | ')}`);
  await context.close();
  return { ...result, wall };
}

async function largeOpens() {
  const twelve = join(fixtures, 'parmitano_shaved_beard_busy.jpg');
  const photos = [
    { path: twelve, runs, chooseAfter: 1000, target: 1500 },
    { path: twelve, runs: Math.min(runs, 3), chooseAfter: 0 },
  ];
  if (!options['no-48mp']) {
    try {
      photos.push({ path: make48MP(), runs: Math.min(runs, 2), chooseAfter: 1000 });
    } catch (error) {
      log(`no 48 MP photo (python3 + PIL): ${error.message.split('\n')[0]}`);
    }
  }
  const rows = [];
  for (const { path, runs: n, chooseAfter, target } of photos) {
    const dims = execFileSync('/usr/bin/python3', ['-c', 'import sys; from PIL import Image; print(*Image.open(sys.argv[1]).size)', path]).toString().trim().split(' ').map(Number);
    const timings = [];
    for (let i = 0; i < n; i++) {
      log(`first preview: ${basename(path)} run ${i + 1}/${n}…`);
      timings.push(await openTiming(path, chooseAfter));
    }
    rows.push({ name: `${basename(path)}, chosen ${chooseAfter / 1000} s after Ready`, path, dims, bytes: readFileSync(path).length, timings, target });
  }
  return rows;
}

// ---- 3. first-load weight ---------------------------------------------------------------

async function firstLoad() {
  log('first load weight…');
  const context = await browser.newContext({ viewport: desktop });
  const responses = [];
  context.on('response', (response) => responses.push(response));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Ready'));
  await page.waitForLoadState('networkidle');
  const files = [];
  for (const response of responses) {
    const body = await response.body();
    files.push({ path: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  // The demo photo is fetched only when its button is clicked.
  const demo = [];
  for (const name of ['demo/demo.json', 'demo/demo-shaved-head.jpg']) {
    const body = readFileSync(join(options.root ?? join(repo, 'web'), name));
    demo.push({ path: `/${name}`, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  await context.close();
  return { files, demo };
}

// ---- screenshot -----------------------------------------------------------------------

// docs/screenshot.png: the demo photo at desktop size, zoomed on the hairline so single
// dots show, quantized to a palette by python3 + PIL to stay under 300 KB.
async function screenshot(path) {
  const { page, context } = await newPage();
  await openDemo(page);
  const stage = await page.locator('#stage').boundingBox();
  const visibleBottom = Math.min(stage.y + stage.height, desktop.height);
  // Zoom around the mid handle to about 140%, then pan it to 40% of the visible stage.
  for (let i = 0; i < 20 && Number((await page.textContent('#zoom-level')).replace('%', '')) < 140; i++) {
    const [mx, my] = await handleCentre(page, 'mid');
    await page.mouse.move(mx, my);
    await page.mouse.wheel(0, -60);
    await page.waitForTimeout(50);
  }
  const [hx, hy] = await handleCentre(page, 'mid');
  const from = [stage.x + 40, visibleBottom - 40];
  const to = [from[0] + (stage.x + stage.width / 2 - hx), from[1] + (stage.y + 0.4 * (visibleBottom - stage.y) - hy)];
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 10 });
  await page.mouse.up();
  await settle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(dirname(path), { recursive: true });
  const raw = join('/tmp', `smp-screenshot-${process.pid}.png`);
  await page.screenshot({ path: raw });
  await context.close();
  // The most colours (libimagequant where PIL has it) that keep the file under 290 KB.
  execFileSync('/usr/bin/python3', ['-c', `
import os, sys
from PIL import Image, features
image = Image.open(sys.argv[1]).convert('RGB')
method = Image.Quantize.LIBIMAGEQUANT if features.check('libimagequant') else Image.Quantize.FASTOCTREE
for colours in (256, 192, 160, 128, 96, 64):
    image.quantize(colors=colours, method=method, dither=Image.Dither.FLOYDSTEINBERG).save(sys.argv[2], optimize=True)
    if os.path.getsize(sys.argv[2]) < 290 * 1024:
        break
os.remove(sys.argv[1])
`, raw, path]);
  log(`${path}: ${(readFileSync(path).length / 1024).toFixed(0)} KB`);
}

// ---- report ---------------------------------------------------------------------------

// Other Chromium processes on the machine (another test run, say) skew every figure
// here: a sampler counts those not descended from this process, twice a second.
function foreignChromiums() {
  const parent = new Map();
  const chromium = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const [state, ppid] = stat.slice(close + 2).split(' ');
      parent.set(pid, ppid);
      if (/^(chromium|chrome)$/.test(comm) && state !== 'Z') chromium.push(pid);
    } catch { /* gone */ }
  }
  const ours = (pid) => {
    for (let p = pid, hops = 0; p && p !== '0' && hops < 64; p = parent.get(p), hops++) {
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  return chromium.filter((pid) => !ours(pid)).length;
}

const samples = []; // {t, foreign}
function startSampler() {
  const timer = setInterval(() => samples.push({ t: performance.now(), foreign: foreignChromiums() }), 500);
  timer.unref();
  return () => clearInterval(timer);
}

// For a section run between t0 and t1: the share of samples that saw other Chromiums.
function skew(t0, t1) {
  const inside = samples.filter((s) => s.t >= t0 && s.t <= t1);
  const busy = inside.filter((s) => s.foreign > 0).length;
  return inside.length ? busy / inside.length : 0;
}

async function timed(section) {
  const t0 = performance.now();
  const result = await section();
  const share = skew(t0, performance.now());
  if (share > 0) log(`  warning: other Chromium processes ran during ${Math.round(share * 100)}% of this section`);
  return { result, skew: share };
}

function skewNote(share) {
  if (!share) return;
  console.log(`Other Chromium processes (another test run) were running during ${Math.round(share * 100)}% of this section: these figures are skewed.`);
  console.log();
}

function cpuLine() {
  const list = cpus();
  return `${list.length} cores: ${list[0]?.model.trim() ?? 'unknown CPU'}`;
}

function printLatency(rows) {
  console.log(`Input to paint in Chromium ${browser.version()} (headless, --disable-gpu; 120 mouse moves at 60 Hz per drag, after warm-up; ${cpuLine()})`);
  console.log();
  console.log('| photo, working size | drag | inputs | renders | frames painted | stale | input→paint p50 | p95 | max | target |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) {
    for (const [kind, r] of [['density slider', row.slider], ['mid handle', row.handle]]) {
      const target = kind === 'density slider' && row.target ? `p95 ≤ ${row.target} ms` : '—';
      console.log(`| ${row.name}, ${row.size.width}×${row.size.height} (${mp(row.size.width, row.size.height)} MP, ${row.dots.toLocaleString('en')} dots) | ${kind} | ${r.latency.length} | ${r.posts} | ${r.painted.length} | ${r.frames - r.errors.length - r.painted.length}${r.errors.length ? ` (+${r.errors.length} failed)` : ''} | ${ms(median(r.latency))} | ${ms(quantile(r.latency, 0.95))} | ${ms(Math.max(...r.latency))} | ${target} |`);
    }
  }
  console.log();
  console.log('Where the time goes (median ms, p95 in brackets). Input delay: event timeStamp → handler start, outside the');
  console.log('page\'s measure. Handler: the page\'s listeners for one input (main thread). Worker render: renderMs of');
  console.log('Simulator.render, split by whether the request carried a recycled frame buffer (n renders). Round trip:');
  console.log('render posted → frame back on the main thread, per painted frame; → paint: frame back → its putImageData;');
  console.log('paint(): the whole animation-frame callback that draws it.');
  console.log();
  console.log('| working size | drag | input delay | handler | worker render, recycled buffer | worker render, new buffer | round trip | → paint | paint() | main-thread long tasks |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    for (const [kind, r] of [['density slider', row.slider], ['mid handle', row.handle]]) {
      const p = (key) => r.painted.map((f) => f[key]);
      const both = (values) => (values.length ? `${ms(median(values))} (${ms(quantile(values, 0.95))})` : '—');
      const counted = (values) => (values.length ? `${both(values)}, n=${values.length}` : 'n=0');
      const tasks = r.longtasks.length ? `${r.longtasks.length}, longest ${ms(Math.max(...r.longtasks))}` : '0';
      console.log(`| ${row.size.width}×${row.size.height}${row.demo ? ' demo' : ''} | ${kind} | ${both(r.inputDelay)} | ${both(r.handlerMs)} | ${counted(r.renderWithBuffer)} | ${counted(r.renderWithoutBuffer)} | ${both(p('roundTrip'))} | ${both(p('toPaint'))} | ${both(r.paintMs)} | ${tasks} |`);
    }
  }
  console.log();
}

function printWorkerAlone(result) {
  console.log('The engine in its worker with the page idle (the app\'s worker.js driven directly, no drawing; median ms,');
  console.log('p95 in brackets): what the drags above would cost without competing for the CPU.');
  console.log();
  console.log('| working size | density change, recycled buffer | density change, new buffer | handle move, recycled buffer | round trip (density, recycled) |');
  console.log('|---|---:|---:|---:|---:|');
  const both = (values) => `${ms(median(values))} (${ms(quantile(values, 0.95))})`;
  for (const row of result.sizes) {
    console.log(`| ${row.width}×${row.height} (${mp(row.width, row.height)} MP, ${row.dots.toLocaleString('en')} dots) | ${both(row.density)} | ${both(row.densityNew)} | ${both(row.handle)} | ${both(row.roundTrip)} |`);
  }
  console.log();
  const [first, ...again] = result.opens;
  console.log(`Opening parmitano_shaved_beard_busy.jpg (12.2 MP → ${result.openSize}) in that fresh worker: first ${ms(first)} ms (cold: WASM not yet tiered up), then ${again.map(ms).join(', ')} ms.`);
  console.log();
}

function printOpens(rows) {
  console.log(`First preview after choosing a photo (default working size; fresh page per run; median, min–max in brackets)`);
  console.log();
  console.log('| photo | working size | runs | change → first paint | page\'s open → paint | read file | worker decode + resize | main: show photo | first render (worker) | → paint | longest main-thread task | longest rAF gap | target |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) {
    const t = row.timings;
    const col = (key) => {
      const values = t.map((x) => x[key]);
      return values.length > 1 ? `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})` : ms(values[0]);
    };
    const first = t[0];
    console.log(`| ${row.name}, ${row.dims[0]}×${row.dims[1]} (${mp(...row.dims)} MP, ${(row.bytes / 1e6).toFixed(1)} MB) | ${first.width}×${first.height} | ${t.length} | ${col('total')} | ${col('measure')} | ${col('readFile')} | ${col('decode')} | ${col('toRender')} | ${col('firstRender')} | ${col('toPaint')} | ${col('longestTask')} | ${col('longestGap')} | ${row.target ? `≤ ${row.target} ms` : '—'} |`);
  }
  console.log();
}

function printWeight({ files, demo }) {
  const sum = (list, key) => list.reduce((s, f) => s + f[key], 0);
  console.log('First load (until #status reads "Ready"): every response, gzip -9 by node:zlib');
  console.log();
  console.log('| file | bytes | gzipped KB |');
  console.log('|---|---:|---:|');
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip)) console.log(`| ${f.path} | ${f.bytes.toLocaleString('en')} | ${kb(f.gzip)} |`);
  console.log(`| **total, ${files.length} files** | ${sum(files, 'bytes').toLocaleString('en')} | **${kb(sum(files, 'gzip'))}** |`);
  for (const f of demo) console.log(`| (on click) ${f.path} | ${f.bytes.toLocaleString('en')} | ${kb(f.gzip)} |`);
  console.log();
}

function printTargets(latency, opens, weight) {
  console.log('Targets (browser):');
  for (const row of latency.filter((r) => r.target)) {
    const p95 = quantile(row.slider.latency, 0.95);
    console.log(`- density drag input→paint p95 at ${row.size.width}×${row.size.height} (${row.demo ? 'demo' : row.name}): ${ms(p95)} ms, target ≤ ${row.target} ms: ${verdict(p95 <= row.target)}`);
  }
  for (const row of opens.filter((r) => r.target)) {
    const total = median(row.timings.map((t) => t.total));
    console.log(`- first preview of ${row.name} (${mp(...row.dims)} MP): ${ms(total)} ms, target ≤ ${row.target} ms: ${verdict(total <= row.target)}`);
  }
  if (!weight) return;
  const wasm = weight.files.find((f) => f.path.endsWith('.wasm'));
  const total = weight.files.reduce((s, f) => s + f.gzip, 0);
  if (wasm) console.log(`- WASM gzipped: ${kb(wasm.gzip)} KB, target ≤ 250 KB: ${verdict(wasm.gzip <= 250 * 1024)}`);
  console.log(`- first load gzipped: ${kb(total)} KB, target ≤ 400 KB: ${verdict(total <= 400 * 1024)}`);
}

// ---- main -------------------------------------------------------------------------------

async function main() {
  const root = options.root ? `${options.root.replace(/\/$/, '')}/` : undefined;
  if (!existsSync(join(root ?? join(repo, 'web'), 'build/smp_engine.wasm'))) throw new Error('build/smp_engine.wasm is missing under the site: build the engine first (scripts/build.sh wasm)');
  const loadBefore = loadavg();
  const stopSampler = startSampler();
  server = await startServer({ port: 0, ...(root ? { root } : {}) });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    if (options.screenshot) {
      await screenshot(options.screenshot);
      log(`wrote ${options.screenshot}`);
      return;
    }
    const only = new Set(options.only.split(','));
    const none = { result: null, skew: 0 };
    const weight = only.has('weight') ? await timed(firstLoad) : none;
    const latency = only.has('latency') ? await timed(latencyScenarios) : none;
    const alone = only.has('worker') ? await timed(workerAlone) : none;
    const opens = only.has('opens') ? await timed(largeOpens) : none;
    stopSampler();
    if (options.json) {
      console.log(JSON.stringify({ weight, latency, alone, opens, load: [loadBefore, loadavg()] }, null, 1));
      return;
    }
    if (latency.result) {
      printLatency(latency.result);
      skewNote(latency.skew);
    }
    if (alone.result) {
      printWorkerAlone(alone.result);
      skewNote(alone.skew);
    }
    if (opens.result) {
      printOpens(opens.result);
      skewNote(opens.skew);
    }
    if (weight.result) printWeight(weight.result);
    printTargets(latency.result ?? [], opens.result ?? [], weight.result);
    const load = (l) => l.map((v) => v.toFixed(1)).join(' ');
    console.log();
    console.log(`Load average ${load(loadBefore)} at the start, ${load(loadavg())} at the end (${cpus().length} cores).`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`bench/browser.mjs: ${error.stack || error.message}`);
  process.exit(1);
});
