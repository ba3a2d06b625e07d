// The engine's JavaScript API: loads the WASM module and wraps its Embind calls so
// that callers get plain objects holding their own copies of the pixels. Nothing
// here keeps a view into WASM memory or a C++ object after a call returns.
import createSmpEngine from './build/smp_engine.js';

function failure(handle) {
  return { ok: false, code: handle.errorCode(), message: handle.errorMessage() };
}

// Runs fn(handle) and always frees the C++ object, whatever fn does.
function using(handle, fn) {
  try {
    return handle.ok() ? fn(handle) : failure(handle);
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
      pixels: new Uint8ClampedArray(photo.pixels()), // copy out of WASM memory
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
}

// options.wasmBinary: the .wasm bytes (Node); in browsers the module fetches
// build/smp_engine.wasm next to build/smp_engine.js.
export async function loadEngine(options = {}) {
  const module = await createSmpEngine(options.wasmBinary ? { wasmBinary: options.wasmBinary } : {});
  return new Engine(module);
}
