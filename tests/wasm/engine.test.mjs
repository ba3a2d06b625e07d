// The ES module API (web/engine.js) over the real .wasm: same behaviour as native,
// clear errors, and no leaks across many calls.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from '../../web/engine.js';
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
