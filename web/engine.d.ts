// Types for web/engine.js, the engine's JavaScript API.
//
// Ownership: every result is a plain JavaScript object holding its own copy of the
// pixels or bytes; no view into WASM memory and no C++ object outlives a call
// (engine.js frees each one before returning). Results may be kept, transferred to
// another thread or mutated freely.

export interface DecodeOptions {
  /** Longest side of the working image in pixels; 0 keeps the full size. 0..65536, default 2048. */
  maxSide?: number;
  /** Refuse files larger than this many bytes. 1..2^31-1, default 64 MiB. */
  maxInputBytes?: number;
  /** Refuse images with more pixels than this (checked on the header, before decoding). Default 50 000 000. */
  maxPixels?: number;
}

export interface PhotoInfo {
  format: 'JPEG' | 'PNG' | 'BMP' | 'GIF';
  /** Upright size at full resolution. */
  width: number;
  height: number;
  /** Size as stored in the file, before EXIF orientation. */
  storedWidth: number;
  storedHeight: number;
  /** EXIF orientation 1..8 that was applied (1 when absent). */
  orientation: number;
  progressive: boolean;
  /** Problems that did not stop decoding, e.g. a malformed EXIF block. */
  warnings: string[];
}

export type ErrorCode =
  | 'empty-input' | 'input-too-large' | 'unsupported-format' | 'not-an-image'
  | 'corrupt-image' | 'image-too-large' | 'out-of-memory' | 'invalid-argument' | 'encode-failed';

/** A failure: `message` is one sentence fit to show to the user. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
}

export interface DecodedPhoto {
  ok: true;
  /** Working image size (upright, longest side ≤ maxSide). */
  width: number;
  height: number;
  /** width*height*4 bytes of sRGB RGBA, rows top to bottom; a copy owned by the caller. */
  pixels: Uint8ClampedArray;
  info: PhotoInfo;
}

export interface Encoded {
  ok: true;
  /** The PNG or JPEG file; a copy owned by the caller. */
  bytes: Uint8Array;
}

export interface Engine {
  readonly defaultDecodeOptions: Required<DecodeOptions>;
  /** Bytes of WASM memory reserved so far (grows with large photos, never shrinks). */
  readonly memoryBytes: number;
  /** Decodes JPEG, PNG, BMP or GIF bytes, applies EXIF orientation, downscales in linear light. */
  decodePhoto(bytes: ArrayBuffer | ArrayBufferView, options?: DecodeOptions): DecodedPhoto | Failure;
  /** pixels: width*height*4 RGBA bytes. */
  encodePng(pixels: ArrayBufferView, width: number, height: number): Encoded | Failure;
  /** quality 1..100, default 92; alpha is dropped. */
  encodeJpeg(pixels: ArrayBufferView, width: number, height: number, quality?: number): Encoded | Failure;
}

/** Loads the module. In browsers the .wasm is fetched next to build/smp_engine.js; in Node pass its bytes. */
export function loadEngine(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Engine>;
