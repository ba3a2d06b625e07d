// The engine's thread: decodes photos, keeps the simulator and renders frames, so
// that the page never waits on WASM. Messages in (each with an id the reply repeats):
//   {type: 'open', id, bytes, maxSide, template}  a photo file's bytes (transferred);
//                                               the reply proposes handles from the face
//   {type: 'place', id, faceIndex, template}    handles for another of several faces
//   {type: 'render', id, design, buffer?}       draw the design; buffer: the previous
//                                               frame's, handed back for reuse
//   {type: 'thumbnails', id, design, size}      every hairline style on a crop of the photo
//   {type: 'export', id, design, format}        the result at full size: 'png' or 'jpeg'
// Replies: {type: 'engine', ok, templates?, message?} once; then {type, id, ok, ...};
// failures carry {ok: false, code, message}. Words of this thread's own (progress, the
// browser decoder's failures) carry {messageKey, params} instead, for the page to
// translate (app/i18n.js). See app/preview-client.js for the fields.
import { loadEngine } from './engine.js';
import { assetBytes } from './app/assets.js';
import { decodeWithBrowser } from './browser-decode.js';
import { applyDesign } from './app/apply-design.js';
import { renderThumbnails } from './app/thumbnails.js';

// Through app/assets.js, like every file the worker reads, so that the single-file build
// hands over its inline copy instead.
const enginePromise = assetBytes('build/smp_engine.wasm').then((wasmBinary) => loadEngine({ wasmBinary }));
let simulator = null;
let photoBytes = null; // the open photo's file, decoded again at full size for export
let photoDecoder = 'engine'; // or 'browser' for formats the engine cannot read
let workingPhoto = null; // {width, height, pixels}: a copy of what the simulator draws on
let applied = {}; // the design the simulator holds, updated setter by setter

let cascadesPromise = null; // the face and eye models, fetched at the first photo

// {reason, handles?, pxPerMm?, faces, faceIndex, hairlineHeightMm?, templeLoweredMm?, templeMovedInMm?, landmarks?} or
// {reason: 'unavailable', message}; faces: every face's box, largest first.
async function proposePlacement(engine, photo, template, faceIndex = -1) {
  try {
    cascadesPromise ??= assetBytes('build/smp_cascades.bin').catch((error) => {
      throw new Error(`no face model: ${error.message}`);
    });
    const cascades = await cascadesPromise;
    const proposal = engine.proposePlacement(photo.pixels, photo.width, photo.height, cascades,
      { templateId: template, faceIndex });
    if (!proposal.ok) return { reason: 'unavailable', message: proposal.message };
    const { reason, handles, pxPerMm, faces, hairlineHeightMm, templeLoweredMm, templeMovedInMm, landmarks } = proposal;
    return {
      reason, handles, pxPerMm, faces, faceIndex: proposal.faceIndex, hairlineHeightMm, templeLoweredMm, templeMovedInMm, landmarks,
    };
  } catch (error) {
    cascadesPromise = null; // try again with the next photo
    return { reason: 'unavailable', message: describe(error) };
  }
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

function fail(type, id, error) {
  const { messageKey, params } = error ?? {};
  postMessage({ type, id, ok: false, code: error?.code ?? 'engine-error', message: describe(error), messageKey, params });
}

// V8 runs WASM in a baseline tier until a function has been busy for a while, and a
// call already running never switches to the optimised code. A first photo's decode and
// render are each one long call, so they would run wholly in the baseline tier (12 MP:
// ~1.5 s decode instead of ~0.5 s). One small throwaway decode and render at start-up
// has the optimised code compiled in the background before a photo comes, and builds
// the blue-noise tile.
function warmUp(engine) {
  const width = 1200;
  const height = 900;
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const noise = Math.imul(i, 2654435761) >>> 27; // texture, so the JPEG has real entropy-coded data
    pixels[4 * i] = 190 + noise;
    pixels[4 * i + 1] = 150 + noise;
    pixels[4 * i + 2] = 130 + noise;
    pixels[4 * i + 3] = 255;
  }
  const jpeg = engine.encodeJpeg(pixels, width, height, 90);
  const photo = jpeg.ok && engine.decodePhoto(jpeg.bytes, { maxSide: 1000 });
  if (!photo?.ok) return;
  const warmSimulator = engine.createSimulator();
  try {
    warmSimulator.setPhoto(photo.pixels, photo.width, photo.height).setHandles(300, 260, 500, 240, 700, 260).render();
  } finally {
    warmSimulator.dispose();
  }
}

enginePromise.then(
  (engine) => {
    postMessage({ type: 'engine', ok: true, templates: engine.templates() });
    setTimeout(() => warmUp(engine), 0);
  },
  (error) => postMessage({ type: 'engine', ok: false, message: describe(error) }),
);

// Engine first; the browser's decoder for what it cannot read (HEIC, WebP, AVIF…),
// so the pixels reach the engine either way.
async function decode(engine, bytes, maxSide) {
  const decoded = engine.decodePhoto(bytes, { maxSide });
  if (decoded.ok || decoded.code !== 'unsupported-format') return { decoded, decoder: 'engine' };
  const fallback = await decodeWithBrowser(bytes, maxSide);
  return { decoded: fallback.ok ? fallback : decoded, decoder: 'browser' };
}

async function open({ id, bytes, maxSide, template }) {
  const engine = await enginePromise;
  const { decoded, decoder } = await decode(engine, bytes, maxSide);
  if (!decoded.ok) {
    postMessage({ type: 'opened', id, ok: false, code: decoded.code, message: decoded.message });
    return;
  }
  simulator?.dispose();
  simulator = engine.createSimulator().setPhoto(decoded.pixels, decoded.width, decoded.height);
  applied = {};
  workingPhoto = { width: decoded.width, height: decoded.height, pixels: decoded.pixels.slice() };
  photoBytes = bytes;
  photoDecoder = decoder;
  const placement = await proposePlacement(engine, workingPhoto, template);
  const { width, height, pixels, info } = decoded;
  postMessage({ type: 'opened', id, ok: true, width, height, pixels: pixels.buffer, info, decoder, placement },
    [pixels.buffer]);
}

// The handles for another of several faces, on the open photo.
async function place({ id, faceIndex, template }) {
  if (!workingPhoto) throw new Error('no photo is open');
  const placement = await proposePlacement(await enginePromise, workingPhoto, template, faceIndex);
  postMessage({ type: 'placed', id, ok: true, placement });
}

function render({ id, design, buffer }) {
  if (!simulator) throw new Error('no photo is open');
  applyDesign(simulator, applied, design);
  const into = buffer ? new Uint8ClampedArray(buffer) : undefined;
  const started = performance.now();
  const frame = simulator.render(into);
  const renderMs = performance.now() - started;
  const hairline = simulator.hairline();
  postMessage({
    type: 'frame', id, ok: true, width: frame.width, height: frame.height, pixels: frame.data.buffer,
    hairline, stats: simulator.stats(), renderMs,
  }, [frame.data.buffer, hairline.buffer]);
}

async function thumbnails({ id, design, size }) {
  const engine = await enginePromise;
  if (!simulator) throw new Error('no photo is open');
  const images = renderThumbnails(engine, workingPhoto, design, size);
  postMessage({ type: 'thumbnails', id, ok: true, images }, images.map((image) => image.pixels));
}

async function exportImage({ id, design, format }) {
  const engine = await enginePromise;
  if (!simulator) throw new Error('no photo is open');
  applyDesign(simulator, applied, design);
  postMessage({ type: 'progress', id, messageKey: 'export.progressDecoding' });
  const { decoded } = photoDecoder === 'engine'
    ? { decoded: engine.decodePhoto(photoBytes, { maxSide: 0 }) }
    : { decoded: await decodeWithBrowser(photoBytes, 0) };
  if (!decoded.ok) throw Object.assign(new Error(decoded.message), { code: decoded.code, messageKey: decoded.messageKey, params: decoded.params });
  postMessage({ type: 'progress', id, messageKey: 'export.progressDrawing', params: { width: decoded.width, height: decoded.height } });
  const image = simulator.exportFullSize(decoded.pixels, decoded.width, decoded.height);
  postMessage({ type: 'progress', id, messageKey: 'export.progressEncoding', params: { format: format.toUpperCase() } });
  const encoded = format === 'png'
    ? engine.encodePng(image.data, image.width, image.height)
    : engine.encodeJpeg(image.data, image.width, image.height, 92);
  if (!encoded.ok) throw Object.assign(new Error(encoded.message), { code: encoded.code });
  postMessage({ type: 'exported', id, ok: true, bytes: encoded.bytes.buffer, width: image.width, height: image.height },
    [encoded.bytes.buffer]);
}

const handlers = { open, place, render, thumbnails, export: exportImage };
const replyTypes = { open: 'opened', place: 'placed', render: 'frame', thumbnails: 'thumbnails', export: 'exported' };

self.onmessage = async ({ data }) => {
  try {
    await enginePromise;
    await handlers[data.type](data);
  } catch (error) {
    fail(replyTypes[data.type], data.id, error);
  }
};
