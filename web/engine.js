// The engine's JavaScript API: loads the WASM module and wraps its Embind calls so
// that callers get plain objects holding their own copies of the pixels. Nothing
// here keeps a view into WASM memory after a call returns; the only C++ object that
// outlives a call is a Simulator's, freed by its dispose().
import createSmpEngine from './build/smp_engine.js';

// A failure reported by the engine: `message` is one sentence fit to show the user.
export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

// Throws the engine's message when a Status (or render result) is not ok.
function check(status) {
  if (!status.ok) throw new EngineError(status.code, status.message);
  return status;
}

// A Uint8Array view of WASM memory copied into `into` (a Uint8ClampedArray of the same
// length, reused frame after frame) or else into a new one. Allocating 4 MB per frame
// costs ~15 ms in Chromium; copying into a reused array ~0.1 ms.
function clampedCopy(view, into) {
  const source = new Uint8ClampedArray(view.buffer, view.byteOffset, view.byteLength);
  if (into instanceof Uint8ClampedArray && into.length === source.length) {
    into.set(source);
    return into;
  }
  return new Uint8ClampedArray(source);
}

// An RGBA result copied out of WASM memory, shaped like ImageData.
function imageCopy(width, height, view, into) {
  return { width, height, data: clampedCopy(view, into) };
}

function failure(handle) {
  return { ok: false, code: handle.errorCode(), message: handle.errorMessage() };
}

// Runs fn(handle), or onFailure({ok: false, code, message}), and always frees the
// C++ object, whatever they do.
function using(handle, fn, onFailure = (f) => f) {
  try {
    return handle.ok() ? fn(handle) : onFailure(failure(handle));
  } finally {
    handle.delete();
  }
}

function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('expected an ArrayBuffer or a typed array of photo bytes');
}

class Engine {
  #module;

  constructor(module) {
    this.#module = module;
  }

  get defaultDecodeOptions() {
    return this.#module.defaultDecodeOptions();
  }

  // Heap size in bytes: grows when a large photo needs it, never shrinks.
  get memoryBytes() {
    return this.#module.HEAPU8.length;
  }

  decodePhoto(bytes, options = {}) {
    const merged = { ...this.#module.defaultDecodeOptions(), ...options };
    return using(this.#module.decodePhoto(toBytes(bytes), merged), (photo) => ({
      ok: true,
      width: photo.width(),
      height: photo.height(),
      pixels: clampedCopy(photo.pixels()), // copy out of WASM memory
      info: {
        format: photo.format(),
        width: photo.fullWidth(),
        height: photo.fullHeight(),
        storedWidth: photo.storedWidth(),
        storedHeight: photo.storedHeight(),
        orientation: photo.orientation(),
        progressive: photo.progressive(),
        warnings: photo.warnings(),
      },
    }));
  }

  encodePng(pixels, width, height) {
    return this.#encoded(this.#module.encodePng(pixels, width, height));
  }

  encodeJpeg(pixels, width, height, quality = 92) {
    return this.#encoded(this.#module.encodeJpeg(pixels, width, height, quality));
  }

  #encoded(handle) {
    return using(handle, (encoded) => ({ ok: true, bytes: new Uint8Array(encoded.bytes()) }));
  }

  // [{id, label, transitionMm}] of the hairline styles.
  templates() {
    return this.#module.hairlineTemplates();
  }

  get defaultPlacementOptions() {
    return this.#module.defaultPlacementOptions();
  }

  // Automatic placement: finds the face and proposes the three handles and the scale.
  // `cascades`: the bytes of build/smp_cascades.bin (fetch cascadeBundleUrl when the
  // user asks for auto-placement). Returns {ok: true, reason, confidence, faces, ...}
  // in the photo's pixels, or {ok: false, code, message} for bad arguments.
  proposePlacement(pixels, width, height, cascades, options = {}) {
    const merged = { ...this.#module.defaultPlacementOptions(), ...options };
    return this.#module.proposePlacement(pixels, width, height, toBytes(cascades), merged);
  }

  // A simulator owning C++ memory: call dispose() when done with it.
  createSimulator() {
    return new Simulator(new this.#module.Simulator());
  }
}

// The SMP simulation on one photo. Setters throw an EngineError with the engine's
// message on a bad value and then leave every setting unchanged; they return this.
class Simulator {
  #handle;

  constructor(handle) {
    this.#handle = handle;
  }

  get #live() {
    if (!this.#handle) throw new Error('this simulator has been disposed');
    return this.#handle;
  }

  #set(method, ...args) {
    check(this.#live[method](...args));
    return this;
  }

  setPhoto(pixels, width, height) { return this.#set('setPhoto', pixels, width, height); }
  setHandles(x1, y1, x2, y2, x3, y3) { return this.#set('setHandles', x1, y1, x2, y2, x3, y3); }
  setScaleOverride(pxPerMm) { return this.#set('setScaleOverride', pxPerMm); }
  setTemplate(id) { return this.#set('setTemplate', id); }
  setCoverage(name) { return this.#set('setCoverage', name); }
  setHairlineOffset(mm) { return this.#set('setHairlineOffset', mm); }
  setTransition(mm) { return this.#set('setTransition', mm); }
  setDensity(multiplier) { return this.#set('setDensity', multiplier); }
  setSessions(sessions) { return this.#set('setSessions', sessions); }
  setShade(shade) { return this.#set('setShade', shade); }
  setCustomColour(r, g, b) { return this.#set('setCustomColour', r, g, b); }
  setHealingDay(day) { return this.#set('setHealingDay', day); }
  setYears(years) { return this.#set('setYears', years); }
  setSeed(seed) { return this.#set('setSeed', seed); }
  setWhorl(whorl) { return this.#set('setWhorl', whorl); }
  setSplit(fraction) { return this.#set('setSplit', fraction); }
  addBrushStroke(x, y, radius, erase = false) { return this.#set('addBrushStroke', x, y, radius, erase); }
  clearBrush() { return this.#set('clearBrush'); }

  // Reruns the stale stages; returns a copy of the result. Pass the previous frame's
  // `data` as `into` to copy into it instead of allocating (live previews).
  render(into) {
    const result = check(this.#live.render());
    return imageCopy(result.width, result.height, result.pixels, into);
  }

  // The same design on another copy of the photo (e.g. the full-size original).
  exportFullSize(pixels, width, height) {
    return using(
      this.#live.renderOn(pixels, width, height),
      (image) => imageCopy(image.width(), image.height(), image.pixels()),
      (failed) => { throw new EngineError(failed.code, failed.message); },
    );
  }

  stats() { return this.#live.stats(); }
  hairline() { return this.#live.hairline(); }
  dotsCsv() { return this.#live.dotsCsv(); }

  // Frees the C++ simulator; any later call throws. Safe to call twice.
  dispose() {
    this.#handle?.delete();
    this.#handle = null;
  }
}

// Where the face and eye models for proposePlacement() live, next to the module:
// ~40 KB (~28 KB gzipped), fetched only when auto-placement runs.
export const cascadeBundleUrl = new URL('./build/smp_cascades.bin', import.meta.url);

// options.wasmBinary: the .wasm bytes (Node); in browsers the module fetches
// build/smp_engine.wasm next to build/smp_engine.js.
export async function loadEngine(options = {}) {
  const module = await createSmpEngine(options.wasmBinary ? { wasmBinary: options.wasmBinary } : {});
  return new Engine(module);
}
