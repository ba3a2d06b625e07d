// The ES module API (web/engine.js) over the real .wasm: same behaviour as native,
// clear errors, and no leaks across many calls.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine, EngineError } from '../../web/engine.js';
import { badInputs, fixture, fixturesDir } from '../support/bad-files.mjs';

const wasmPath = new URL('../../web/build/smp_engine.wasm', import.meta.url);
let engine;

before(async () => {
  engine = await loadEngine({ wasmBinary: readFileSync(wasmPath) });
});

test('decodes the EXIF-rotated photo upright', () => {
  const photo = engine.decodePhoto(fixture('reisman_exif_orientation6.jpg'));
  assert.equal(photo.ok, true, photo.message);
  assert.deepEqual([photo.width, photo.height], [1192, 1857]);
  assert.equal(photo.pixels.length, 1192 * 1857 * 4);
  assert.deepEqual(photo.info, {
    format: 'JPEG', width: 1192, height: 1857, storedWidth: 1857, storedHeight: 1192,
    orientation: 6, progressive: false, warnings: [],
  });
});

test('downscales to the working size, keeping the full size in info', () => {
  const photo = engine.decodePhoto(fixture('parmitano_shaved_beard_busy.jpg'));
  assert.equal(photo.ok, true, photo.message);
  assert.deepEqual([photo.width, photo.height], [2048, 1360]);
  assert.deepEqual([photo.info.width, photo.info.height], [4288, 2848]);
  const small = engine.decodePhoto(fixture('parmitano_shaved_beard_busy.jpg'), { maxSide: 300 });
  assert.deepEqual([small.width, small.height], [300, 199]);
});

for (const { name, bytes, message } of badInputs()) {
  test(`bad input "${name}" gives its message`, () => {
    const result = engine.decodePhoto(bytes);
    assert.equal(result.ok, false);
    assert.equal(result.message, message);
    assert.match(result.code, /^[a-z-]+$/);
  });
}

test('out-of-range options are refused with a message', () => {
  const png = fixture('collins_fullhair_control.png');
  assert.match(engine.decodePhoto(png, { maxSide: -5 }).message, /maximum side -5 is outside/);
  assert.match(engine.decodePhoto(png, { maxPixels: -1 }).message, /maximum pixel count/);
  const limited = engine.decodePhoto(png, { maxPixels: 1000 });
  assert.equal(limited.code, 'image-too-large');
  assert.throws(() => engine.decodePhoto('not bytes'), TypeError);
  // 3 GiB cannot be copied into WASM memory (1 GiB at most): refused before the copy.
  const huge = engine.decodePhoto(new Uint8Array(3 * 1024 ** 3));
  assert.equal(huge.message, 'the file is 3072.0 MiB, above the limit of 64.0 MiB');
});

test('PNG export round-trips exactly; JPEG export is a JPEG', () => {
  const photo = engine.decodePhoto(fixture('collins_fullhair_control.png'));
  const png = engine.encodePng(photo.pixels, photo.width, photo.height);
  assert.equal(png.ok, true);
  const back = engine.decodePhoto(png.bytes);
  assert.deepEqual(back.pixels, photo.pixels);
  const jpeg = engine.encodeJpeg(photo.pixels, photo.width, photo.height, 90);
  assert.equal(jpeg.ok, true);
  assert.equal(engine.decodePhoto(jpeg.bytes).info.format, 'JPEG');
  const wrongSize = engine.encodePng(photo.pixels, photo.width + 1, photo.height);
  assert.equal(wrongSize.ok, false);
  assert.match(wrongSize.message, /pixel buffer holds 1048576 bytes, expected 1050624/);
});

test('a 48 MP photo, just under the pixel limit, decodes within the 1 GiB memory cap', () => {
  const [width, height] = [8000, 6000];
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < pixels.length; i += 4) {
    pixels[i] = (i >> 4) & 255;
    pixels[i + 1] = (i >> 14) & 255;
    pixels[i + 2] = 128;
    pixels[i + 3] = 255;
  }
  const jpeg = engine.encodeJpeg(pixels, width, height, 85);
  assert.equal(jpeg.ok, true, jpeg.message);
  const photo = engine.decodePhoto(jpeg.bytes);
  assert.equal(photo.ok, true, photo.message);
  assert.deepEqual([photo.width, photo.height, photo.info.width], [2048, 1536, 8000]);
  assert.ok(engine.memoryBytes <= 1024 ** 3);
});

test('300 decodes and encodes leave the WASM heap flat', () => {
  const bytes = fixture('collins_fullhair_control.png');
  const cycle = () => {
    const photo = engine.decodePhoto(bytes);
    assert.equal(photo.ok, true);
    engine.encodePng(photo.pixels, photo.width, photo.height);
    engine.decodePhoto(bytes.subarray(0, 100)); // an error result must be freed too
  };
  for (let i = 0; i < 5; i++) cycle();
  const settled = engine.memoryBytes;
  for (let i = 0; i < 300; i++) cycle();
  // Each cycle allocates ~3 MB: a leak of any result would grow the heap by ~1 GB.
  assert.equal(engine.memoryBytes, settled);
});

// Same photo and options give the same pixels natively (CLI) and in WASM.
test('native and WASM decode to identical pixels', (t) => {
  if (!process.env.SMP_CLI) return t.skip('SMP_CLI (native smp-preview) not given');
  const dir = mkdtempSync(join(tmpdir(), 'smp-wasm-'));
  try {
    for (const name of ['reisman_exif_orientation6.jpg', 'creamer_receding_front.jpg', 'collins_fullhair_control.png']) {
      const out = join(dir, `${name}.png`);
      const native = spawnSync(process.env.SMP_CLI, ['convert', `${fixturesDir}/${name}`, '-o', out, '--max-side', '777']);
      assert.equal(native.status, 0, native.stderr?.toString());
      const fromNative = engine.decodePhoto(readFileSync(out), { maxSide: 0 });
      const fromWasm = engine.decodePhoto(fixture(name), { maxSide: 777 });
      assert.deepEqual([fromWasm.width, fromWasm.height], [fromNative.width, fromNative.height]);
      assert.ok(Buffer.from(fromWasm.pixels).equals(Buffer.from(fromNative.pixels)), `${name} differs`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// --- The Simulator -----------------------------------------------------------------

// Handles (left temple corner, mid-frontal point, right temple corner) at full size.
const HANDLES = {
  'reisman_shaved_front.jpg': [334, 237, 551, 215, 768, 237],
  'satcher_shaved_darkskin_front.jpg': [915, 566, 1125, 536, 1350, 566],
};

const photos = new Map();
// A fixture decoded at maxSide (0: full size), once per run.
function photo(name, maxSide = 0) {
  const key = `${name}@${maxSide}`;
  if (!photos.has(key)) {
    const decoded = engine.decodePhoto(fixture(name), { maxSide });
    assert.equal(decoded.ok, true, decoded.message);
    photos.set(key, decoded);
  }
  return photos.get(key);
}

// A simulator on `name` at maxSide with the handles scaled to it, then `settings`
// applied as setter calls: {template: 'sharp', shade: 2, ...} → setTemplate('sharp'), ...
function simulator(name, maxSide = 0, settings = {}) {
  const p = photo(name, maxSide);
  const ratio = p.width / p.info.width;
  const sim = engine.createSimulator();
  sim.setPhoto(p.pixels, p.width, p.height).setHandles(...HANDLES[name].map((v) => v * ratio));
  for (const [key, value] of Object.entries(settings)) {
    const setter = `set${key[0].toUpperCase()}${key.slice(1)}`;
    Array.isArray(value) ? sim[setter](...value) : sim[setter](value);
  }
  return sim;
}

function sameBytes(a, b) {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength)
    .equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

test('simulator: lists the hairline templates', () => {
  const templates = engine.templates();
  assert.deepEqual(templates.map((t) => t.id), ['soft', 'sharp', 'straight', 'rounded', 'receded', 'widows-peak']);
  assert.equal(templates.find((t) => t.id === 'widows-peak').label, "Widow's peak");
  for (const { id, transitionMm } of templates) {
    assert.ok(transitionMm >= 5 && transitionMm <= 15, `${id}: transition ${transitionMm} mm`);
  }
});

test('simulator: renders with stats, hairline and dots.csv', () => {
  const sim = simulator('reisman_shaved_front.jpg', 800, { template: 'sharp', shade: 2, seed: 7 });
  try {
    const p = photo('reisman_shaved_front.jpg', 800);
    const result = sim.render();
    assert.deepEqual([result.width, result.height, result.data.length], [p.width, p.height, p.pixels.length]);
    assert.ok(result.data instanceof Uint8ClampedArray);
    assert.equal(sameBytes(result.data, p.pixels), false, 'nothing was drawn');

    const stats = sim.stats();
    assert.ok(stats.dotCount > 1000, `${stats.dotCount} dots`);
    assert.ok(stats.pxPerMm > 1.5 && stats.pxPerMm < 2.5, `${stats.pxPerMm} px/mm`);
    assert.deepEqual(stats.zones.map((z) => z.name), ['front-mid', 'crown', 'sides', 'back']);
    const front = stats.zones[0];
    assert.ok(front.areaCm2 > 5 && Math.abs(front.measuredPerCm2 - front.targetPerCm2) < 0.1 * front.targetPerCm2,
      JSON.stringify(front));
    assert.deepEqual(Object.keys(stats.stageMs),
      ['frame', 'hairline', 'mask', 'candidates', 'selection', 'splat', 'composite']);

    const hairline = sim.hairline();
    assert.ok(hairline instanceof Float64Array && hairline.length >= 20 && hairline.length % 2 === 0);
    assert.ok(hairline.every(Number.isFinite));

    const lines = sim.dotsCsv().trimEnd().split('\n');
    assert.equal(lines[0], 'x_px,y_px,diameter_mm,angle_deg,depth_mm,strength,session');
    assert.equal(lines.length - 1, stats.dotCount);
    for (const line of lines.slice(1, 50)) assert.match(line, /^(-?\d+(\.\d+)?,){6}[123]$/);

    // A shade change only recomposites: every earlier stage comes from the cache.
    sim.setShade(4);
    const lighter = sim.render();
    const { stageMs } = sim.stats();
    for (const stage of ['frame', 'hairline', 'mask', 'candidates', 'selection', 'splat']) {
      assert.equal(stageMs[stage], 0, `${stage} reran for a shade change`);
    }
    assert.equal(sameBytes(lighter.data, result.data), false);
    // ...and going back gives the first result again, bit for bit.
    assert.ok(sameBytes(sim.setShade(2).render().data, result.data));

    // render(into) copies into the caller's array (no allocation per frame);
    // an array of the wrong size is not used.
    const into = new Uint8ClampedArray(result.data.length);
    const reused = sim.setShade(4).render(into);
    assert.equal(reused.data, into);
    assert.ok(sameBytes(into, lighter.data));
    assert.notEqual(sim.render(new Uint8ClampedArray(8)).data.length, 8);
  } finally {
    sim.dispose();
  }
});

test('simulator: the same settings and seed give the same dots and pixels', () => {
  const settings = { template: 'rounded', shade: 1, seed: 42, density: 0.8, sessions: 2 };
  const runs = [1, 2].map(() => {
    const sim = simulator('reisman_shaved_front.jpg', 700, settings);
    try {
      return { pixels: sim.render().data, csv: sim.dotsCsv() };
    } finally {
      sim.dispose();
    }
  });
  assert.equal(runs[0].csv, runs[1].csv);
  assert.ok(sameBytes(runs[0].pixels, runs[1].pixels), 'pixels differ between identical runs');

  // Another seed moves the dots; back to 42 on the same simulator gives the first run.
  const sim = simulator('reisman_shaved_front.jpg', 700, { ...settings, seed: 43 });
  try {
    const other = sim.render();
    assert.notEqual(sim.dotsCsv(), runs[0].csv);
    assert.equal(sameBytes(other.data, runs[0].pixels), false);
    sim.setSeed(42);
    assert.ok(sameBytes(sim.render().data, runs[0].pixels));
    assert.equal(sim.dotsCsv(), runs[0].csv);
  } finally {
    sim.dispose();
  }
});

// The CLI flags for the settings used by simulator() above.
function cliFlags(settings) {
  const flags = { template: '--template', shade: '--shade', seed: '--seed', density: '--density',
    sessions: '--sessions', healingDay: '--day', years: '--years', coverage: '--coverage',
    transition: '--transition', hairlineOffset: '--hairline-offset', whorl: '--whorl', split: '--split' };
  return Object.entries(settings).flatMap(([key, value]) => {
    if (key === 'customColour') return ['--colour', value.map((c) => c.toString(16).padStart(2, '0')).join('')];
    assert.ok(flags[key], `no CLI flag for ${key}`);
    return [flags[key], String(value)];
  });
}

const NATIVE_CASES = [
  ['reisman_shaved_front.jpg', { template: 'soft', shade: 3, seed: 1 }],
  ['reisman_shaved_front.jpg', {
    template: 'sharp', shade: 2, seed: 2024, density: 0.7, sessions: 2, healingDay: 7, years: 3,
    transition: 8, hairlineOffset: 5, whorl: 'ccw', split: 0.5,
  }],
  ['satcher_shaved_darkskin_front.jpg', { template: 'widows-peak', shade: 1, seed: 9 }],
  ['satcher_shaved_darkskin_front.jpg', { template: 'receded', customColour: [0x4b, 0x40, 0x52], seed: 3, coverage: 'density-fill' }],
];

for (const [name, settings] of NATIVE_CASES) {
  test(`simulator: native and WASM give identical dots.csv and PNG bytes (${name}, ${settings.template})`, (t) => {
    if (!process.env.SMP_CLI) return t.skip('SMP_CLI (native smp-preview) not given');
    const dir = mkdtempSync(join(tmpdir(), 'smp-wasm-render-'));
    try {
      const out = join(dir, 'out.png');
      const dots = join(dir, 'dots.csv');
      const native = spawnSync(process.env.SMP_CLI, ['render', `${fixturesDir}/${name}`, '-o', out,
        '--handles', HANDLES[name].join(','), ...cliFlags(settings), '--dump-dots', dots], { encoding: 'utf8' });
      assert.equal(native.status, 0, native.stderr);

      const sim = simulator(name, 0, settings);
      try {
        const result = sim.render();
        const wasmCsv = sim.dotsCsv();
        const nativeCsv = readFileSync(dots, 'utf8');
        if (wasmCsv !== nativeCsv) {
          const a = nativeCsv.split('\n');
          const b = wasmCsv.split('\n');
          const i = a.findIndex((line, k) => line !== b[k]);
          assert.fail(`dots.csv differs at line ${i + 1}: native "${a[i]}", WASM "${b[i]}"`);
        }
        assert.ok(sim.stats().dotCount > 500);
        const png = engine.encodePng(result.data, result.width, result.height);
        assert.equal(png.ok, true, png.message);
        assert.ok(sameBytes(png.bytes, readFileSync(out)), 'PNG bytes differ');
      } finally {
        sim.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// Asserts that fn throws the engine's invalid-argument error with this message.
function rejects(fn, message) {
  assert.throws(fn, (error) => {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `WASM abort: ${error.message}`);
    assert.ok(error instanceof EngineError, `${error.name}: ${error.message}`);
    assert.equal(error.code, 'invalid-argument');
    assert.match(error.message, message);
    return true;
  });
}

test('simulator: every setter rejects bad values with a message and changes nothing', () => {
  const p = photo('reisman_shaved_front.jpg', 400);
  const sim = engine.createSimulator();
  try {
    rejects(() => sim.render(), /^no photo: load one first$/);
    rejects(() => sim.setPhoto(p.pixels, p.width + 1, p.height), /^pixel buffer holds 411200 bytes, expected 412800$/);
    rejects(() => sim.setPhoto(new Uint8Array(0), 0, 0), /./);
    sim.setPhoto(p.pixels, p.width, p.height);
    rejects(() => sim.render(), /^no placement: set the three handles first$/);
    const [x1, y1, x2, y2, x3, y3] = HANDLES['reisman_shaved_front.jpg'].map((v) => v * p.width / p.info.width);
    rejects(() => sim.setHandles(x3, y3, x2, y2, x1, y1), /^the left and right temple corners are swapped$/);
    rejects(() => sim.setHandles(x1, y1, x2, -50, x3, y3), /^the mid-frontal point at \(\d+, -50\) is outside the photo \(257×400\)$/);
    rejects(() => sim.setHandles(x1, y1, x2, y2, 9999, y3), /^the right temple corner at \(9999, \d+\) is outside the photo/);
    rejects(() => sim.setHandles(x1, y1, x2, y2, x1 + 5, y1), /temple corners are 5\.0 px apart/);
    rejects(() => sim.setHandles(x1, y1, NaN, y2, x3, y3), /mid-frontal point .* is outside the photo/);
    rejects(() => sim.render(), /no placement/); // still unset after the refusals
    sim.setHandles(x1, y1, x2, y2, x3, y3);
    const before = sim.render().data;
    const csv = sim.dotsCsv();

    const cases = [
      [() => sim.setScaleOverride(-1), /^scale -1 px\/mm must be a positive number$/],
      [() => sim.setScaleOverride(5000), /^at 5000 px\/mm the temple corners are 0 mm apart/],
      [() => sim.setTemplate('bald'), /^unknown hairline template 'bald' \(soft, sharp, straight, rounded, receded, widows-peak\)$/],
      [() => sim.setCoverage('everything'), /^unknown coverage 'everything' \(full, crown, density-fill, patch\)$/],
      [() => sim.setHairlineOffset(31), /^hairline offset 31 mm is outside -30…30 mm$/],
      [() => sim.setTransition(3), /^transition 3 mm is outside 5…15 mm$/],
      [() => sim.setDensity(2), /^density 2 is outside 0\.3…1\.5$/],
      [() => sim.setDensity(NaN), /^density nan is outside/],
      [() => sim.setDensity(undefined), /^density nan is outside/],
      [() => sim.setSessions(4), /^sessions 4 is not 1, 2 or 3$/],
      [() => sim.setSessions(2.5), /^sessions 2\.5 is not a whole number$/],
      [() => sim.setSessions(1e12), /^sessions 1000000000000 is outside -2147483648…2147483647$/],
      [() => sim.setShade(0), /^shade 0 means a custom colour/],
      [() => sim.setShade(6), /shade 6/],
      [() => sim.setShade(Infinity), /^shade inf is outside/],
      [() => sim.setCustomColour(300, 0, 0), /^red 300 is outside 0…255$/],
      [() => sim.setCustomColour(0, -1, 0), /^green -1 is outside 0…255$/],
      [() => sim.setCustomColour(0, 0, 0.5), /^blue 0\.5 is not a whole number$/],
      [() => sim.setHealingDay(-1), /^healing day -1 is outside 0…365$/],
      [() => sim.setHealingDay(400), /^healing day 400 is outside 0…365$/],
      [() => sim.setYears(11), /^years 11 is outside 0…10$/],
      [() => sim.setSeed(-1), /^seed -1 is outside 0…4294967295$/],
      [() => sim.setSeed(2 ** 32), /^seed 4294967296 is outside 0…4294967295$/],
      [() => sim.setSeed(1.5), /^seed 1\.5 is not a whole number$/],
      [() => sim.setSeed(NaN), /^seed nan is not a whole number$/],
      [() => sim.setWhorl('left'), /^unknown whorl direction 'left' \(cw, ccw\)$/],
      [() => sim.setSplit(1.5), /^before\/after split 1\.5 is outside 0…1 \(-1: off\)$/],
      [() => sim.addBrushStroke(100, 100, 0, false), /^brush dab radius 0 px is outside 0\.5…5000/],
      [() => sim.addBrushStroke(NaN, 100, 10, true), /its centre is not a number/],
      [() => sim.exportFullSize(p.pixels, p.width, p.height + 1), /^pixel buffer holds 411200 bytes, expected 412228$/],
    ];
    for (const [fn, message] of cases) rejects(fn, message);

    // Values of the wrong type are refused by Embind with an ordinary error.
    for (const fn of [() => sim.setTemplate(5), () => sim.setWhorl(null)]) {
      assert.throws(fn, (error) => !(error instanceof WebAssembly.RuntimeError) && /std::string/.test(error.message));
    }
    // Nothing changed: the same dots and pixels as before the refusals.
    assert.ok(sameBytes(sim.render().data, before));
    assert.equal(sim.dotsCsv(), csv);
    // The edges of each range are accepted.
    sim.setScaleOverride(0).setHairlineOffset(-30).setTransition(15).setDensity(0.3).setSessions(1).setShade(5)
      .setCustomColour(255, 0, 255).setHealingDay(365).setYears(10).setSeed(4294967295).setWhorl('ccw')
      .setSplit(-1).setSplit(1).addBrushStroke(10, 10, 0.5, true).clearBrush().setCoverage('patch');
    sim.render();
  } finally {
    sim.dispose();
  }
  sim.dispose(); // twice is fine
  assert.throws(() => sim.render(), /this simulator has been disposed/);
});

test('simulator: exportFullSize draws the design on a 2× copy of the photo', () => {
  const p = photo('reisman_shaved_front.jpg', 400);
  const [width, height] = [p.width * 2, p.height * 2];
  const big = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = ((y >> 1) * p.width + (x >> 1)) * 4;
      big.set(p.pixels.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  const sim = simulator('reisman_shaved_front.jpg', 400, { template: 'straight', shade: 1 });
  try {
    sim.render();
    const exported = sim.exportFullSize(big, width, height);
    assert.deepEqual([exported.width, exported.height, exported.data.length], [width, height, big.length]);
    assert.equal(sameBytes(exported.data, big), false, 'nothing was drawn on the export');
    // The export does not disturb the simulator's own result.
    assert.equal(sim.render().width, p.width);
  } finally {
    sim.dispose();
  }
});

test('120 simulators created, rendered and disposed leave the WASM heap flat', () => {
  const p = photo('reisman_shaved_front.jpg', 300);
  const double = new Uint8ClampedArray(p.pixels.length * 4); // a blank 2× "original"
  const cycle = (seed) => {
    const sim = simulator('reisman_shaved_front.jpg', 300, { template: 'soft', seed });
    try {
      sim.addBrushStroke(100, 60, 12, false);
      sim.render();
      sim.setShade(1).render();
      sim.stats();
      sim.hairline();
      sim.dotsCsv();
      sim.exportFullSize(double, p.width * 2, p.height * 2);
      assert.throws(() => sim.setDensity(9), EngineError);
      assert.throws(() => sim.exportFullSize(double, 3, 3), EngineError); // an error result is freed too
    } finally {
      sim.dispose();
    }
  };
  for (let i = 0; i < 5; i++) cycle(i);
  const settled = engine.memoryBytes;
  for (let i = 0; i < 120; i++) cycle(i);
  // Each cycle allocates ~2 MB (photo, result, mask, ink, a 4× export): a leaked
  // simulator or export would grow the heap by well over 100 MB.
  assert.equal(engine.memoryBytes, settled);
});
