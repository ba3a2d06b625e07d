// Times npm peer libraries on the same work our C++ engine does, so the
// engine's own figures have something to be compared with.
//
//   node bench/peers.mjs          plain table
//   node bench/peers.mjs --json   one JSON object, for merging with the engine's figures
//
// Units follow the engine: millimetres and dots per cm² (1 cm² = 100 mm²).
// Everything is seeded, so counts are identical from run to run.
import PoissonDiskSampling from 'poisson-disk-sampling';
import FastPoissonDiskSampling from 'fast-2d-poisson-disk-sampling';
import { imageDataRGBA } from 'stackblur-canvas';
import { performance } from 'node:perf_hooks';

const TARGET_DOTS = 300_000;
const D_SIDE = 60, D_FRONT = 90;            // dots/cm², blended linearly along x
const D_MEAN = (D_SIDE + D_FRONT) / 2;      // 75
const SIDE_MM = Math.sqrt((TARGET_DOTS / D_MEAN) * 100); // 4000 cm² → ≈632.5 mm
const CAL_SIDE_MM = 200;                    // calibration square: 400 cm², ≈10% of the work

// mulberry32: small, fast, deterministic; both samplers accept an rng function.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Warm-up once, then `reps` timed runs; `prepare` (untimed) builds fresh input.
function time(reps, prepare, run) {
  let result = run(prepare());
  const ms = [];
  for (let i = 0; i < reps; i++) {
    const input = prepare();
    const t0 = performance.now();
    result = run(input);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[ms.length >> 1], result };
}

// A maximal Poisson-disc set with spacing r has about K/r² points per unit
// area; K ≈ 0.69 is the textbook figure, but it depends on the algorithm and
// its `tries`, so each sampler's K is measured on a small square first
// (the same density profile squeezed into CAL_SIDE_MM).
const K_GUESS = 0.69;
const spacing = (k, dotsPerCm2) => Math.sqrt((k * 100) / dotsPerCm2); // mm

// 1. poisson-disk-sampling, variable density. The library spaces points at
//    minDistance + (maxDistance - minDistance) * f(p), f in [0,1], so f maps
//    the local target density to its spacing (denser at the front → smaller).
function variable(side, k, seed) {
  const rMin = spacing(k, D_FRONT), rMax = spacing(k, D_SIDE);
  return new PoissonDiskSampling({
    shape: [side, side], minDistance: rMin, maxDistance: rMax, tries: 30,
    distanceFunction: (p) =>
      (spacing(k, D_SIDE + (D_FRONT - D_SIDE) * (p[0] / side)) - rMin) / (rMax - rMin),
  }, rng(seed));
}

// 2. fast-2d-poisson-disk-sampling, one fixed spacing for the mean density.
function uniform(side, k, seed) {
  return new FastPoissonDiskSampling(
    { shape: [side, side], radius: spacing(k, D_MEAN), tries: 30 }, rng(seed));
}

// Expected count at density K-guess → measured count gives the sampler's K.
function calibrate(make) {
  const n = make(CAL_SIDE_MM, K_GUESS, 7).fill().length;
  const expected = (D_MEAN * CAL_SIDE_MM * CAL_SIDE_MM) / 100;
  return (K_GUESS * n) / expected;
}

const figures = {};
const rows = [];
function record(key, work, library, sizeKey, size, ms) {
  figures[key] = { ms: +ms.toFixed(2), [sizeKey]: size };
  rows.push([work, library, sizeKey === 'count' ? `${size} dots` : `${size} px`, ms.toFixed(1)]);
}

const t0 = performance.now();
const log = (s) => process.stderr.write(s + '\n'); // progress never pollutes --json output

const kVar = calibrate(variable);
log(`poisson-disk-sampling: K=${kVar.toFixed(3)}, side ${SIDE_MM.toFixed(1)} mm`);
const pv = time(3, () => variable(SIDE_MM, kVar, 1), (s) => s.fill().length);
record('poissonVariable300k', 'place 300k dots, variable density (60→90/cm²)',
  'poisson-disk-sampling', 'count', pv.result, pv.ms);

const kFast = calibrate(uniform);
log(`fast-2d-poisson-disk-sampling: K=${kFast.toFixed(3)}`);
const fu = time(3, () => uniform(SIDE_MM, kFast, 1), (s) => s.fill().length);
record('fastPoissonUniform300k', 'place 300k dots, uniform (75/cm²)',
  'fast-2d-poisson-disk-sampling', 'count', fu.result, fu.ms);

// 3. stackblur-canvas on an ImageData-like object (no canvas needed). It blurs
//    in place and skips work where alpha is 0, so every run gets a fresh copy
//    of the same random buffer (copying is outside the timed region).
for (const [key, side, label] of [['stackblur1MP', 1024, '1 MP'], ['stackblur4MP', 2048, '4 MP']]) {
  const src = new Uint8ClampedArray(side * side * 4);
  const next = rng(42);
  for (let i = 0; i < src.length; i++) src[i] = (next() * 256) | 0;
  const img = { data: new Uint8ClampedArray(src.length), width: side, height: side };
  const b = time(10, () => (img.data.set(src), img),
    (im) => imageDataRGBA(im, 0, 0, side, side, 2));
  record(key, `blur RGBA ${label} (${side}×${side}), radius 2 px`, 'stackblur-canvas',
    'pixels', side * side, b.ms);
}
const totalS = (performance.now() - t0) / 1000;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const head = ['work', 'library', 'count or size', 'median ms'];
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r) => r.map((v, c) => (c === 3 ? v.padStart(w[c]) : v.padEnd(w[c]))).join(' | ');
  console.log([line(head), w.map((n) => '-'.repeat(n)).join('-|-'), ...rows.map(line)].join('\n'));
  const dev = (n) => `${(((n - TARGET_DOTS) / TARGET_DOTS) * 100).toFixed(1)}%`;
  console.log(`\ncounts vs 300k target: variable ${dev(pv.result)}, uniform ${dev(fu.result)}; ` +
    `total ${totalS.toFixed(1)} s`);
}
