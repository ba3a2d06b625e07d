// Automatic placement through web/engine.js: the WASM module gives exactly the native
// CLI's handles and landmarks, reports no face on a blank photo, refuses bad options,
// and leaves the heap flat.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../web/engine.js';
import { fixture, fixturesDir } from '../support/bad-files.mjs';

const wasmPath = new URL('../../web/build/smp_engine.wasm', import.meta.url);
const cascadesPath = fileURLToPath(new URL('../../web/build/smp_cascades.bin', import.meta.url));
let engine;
let cascades;

before(async () => {
  engine = await loadEngine({ wasmBinary: readFileSync(wasmPath) });
  cascades = readFileSync(cascadesPath);
});

function propose(name, options = {}) {
  const photo = engine.decodePhoto(fixture(name)); // the app's 2048 px working image
  assert.equal(photo.ok, true, photo.message);
  const result = engine.proposePlacement(photo.pixels, photo.width, photo.height, cascades, options);
  assert.equal(result.ok, true, result.message);
  return { photo, result };
}

test('the cascade bundle is small enough to fetch on demand', () => {
  assert.ok(cascades.length < 100_000, `${cascades.length} bytes`);
});

for (const [name, options] of [
  ['reisman_exif_orientation6.jpg', {}],
  ['satcher_shaved_darkskin_front.jpg', {}],
  ['parmitano_shaved_beard_busy.jpg', {}],
  ['collins_fullhair_control.png', { templateId: 'rounded' }],
]) {
  test(`native and WASM propose identical handles (${name})`, (t) => {
    if (!process.env.SMP_CLI) return t.skip('SMP_CLI (native smp-preview) not given');
    const args = ['place', `${fixturesDir}/${name}`, '--cascades', cascadesPath];
    if (options.templateId) args.push('--template', options.templateId);
    const cli = spawnSync(process.env.SMP_CLI, args);
    assert.equal(cli.status, 0, cli.stderr?.toString());
    const native = JSON.parse(cli.stdout.toString());
    const { photo, result } = propose(name, options);
    // The CLI prints full-size pixels: the working image's values times this ratio.
    const s = photo.info.width / photo.width;
    assert.equal(native.scale, s);
    const full = (p) => [p.x * s, p.y * s];
    assert.equal(result.reason, native.reason);
    assert.equal(result.confidence, native.confidence);
    assert.deepEqual(result.faces.map((f) => [f.x * s, f.y * s, (f.x + f.width) * s, (f.y + f.height) * s]), native.faces);
    assert.deepEqual(
      Object.fromEntries(Object.entries(result.handles).map(([k, p]) => [k, full(p)])), native.handles);
    assert.equal(result.pxPerMm * s, native.pxPerMm);
    assert.equal(result.templeLoweredMm, native.templeLoweredMm);
    assert.equal(result.templeMovedInMm, native.templeMovedInMm);
    for (const key of ['leftPupil', 'rightPupil', 'leftEyeCorner', 'rightEyeCorner', 'glabella', 'leftBrow', 'rightBrow']) {
      assert.deepEqual(full(result.landmarks[key]), native.landmarks[key], key);
    }
    assert.equal(result.landmarks.tiltDeg, native.landmarks.tiltDeg);
  });
}

test('a photo without a face: no-face, no handles', () => {
  const [width, height] = [800, 600];
  const pixels = new Uint8ClampedArray(width * height * 4).fill(190);
  const result = engine.proposePlacement(pixels, width, height, cascades);
  assert.equal(result.ok, true);
  assert.equal(result.reason, 'no-face');
  assert.deepEqual(result.faces, []);
  assert.equal(result.handles, null);
  assert.equal(result.landmarks, null);
});

test('bad options and buffers are refused with a message', () => {
  const { photo } = propose('collins_fullhair_control.png');
  const call = (options, bytes = cascades, width = photo.width) =>
    engine.proposePlacement(photo.pixels, width, photo.height, bytes, options);
  assert.match(call({ hairlineHeightMm: 10 }).message, /hairline height 10\.0+ mm is outside 30–120/);
  assert.match(call({ faceIndex: 0.5 }).message, /face index 0.5 is not a whole number/);
  assert.match(call({ faceIndex: 3 }).message, /face index 3 but only 1 faces were found/);
  assert.match(call({}, cascades.subarray(0, 100)).message, /the cascade bundle is invalid/);
  assert.match(call({}, cascades, photo.width + 1).message, /pixel buffer holds/);
  assert.throws(() => call({}, 'not bytes'), TypeError);
});

test('100 proposals leave the WASM heap flat', () => {
  const { photo } = propose('collins_fullhair_control.png');
  const run = () => engine.proposePlacement(photo.pixels, photo.width, photo.height, cascades);
  for (let i = 0; i < 3; i++) run();
  const settled = engine.memoryBytes;
  for (let i = 0; i < 100; i++) assert.equal(run().reason, 'ok');
  assert.equal(engine.memoryBytes, settled);
});
