// Types for web/engine.js, the engine's JavaScript API.
//
// Ownership: every result is a plain JavaScript object holding its own copy of the
// pixels or bytes; no view into WASM memory outlives a call (engine.js copies and
// frees each C++ result before returning). Results may be kept, transferred to
// another thread or mutated freely. The one exception is a Simulator from
// createSimulator(): it owns C++ memory (the photo, its caches and the result) until
// its dispose() is called.

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

/** Thrown by Simulator methods: `message` is one sentence fit to show to the user. */
export class EngineError extends Error {
  name: 'EngineError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string);
}

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

/** RGBA pixels shaped like the DOM's ImageData; `data` is a copy owned by the caller. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width*height*4 bytes of sRGB RGBA, rows top to bottom. */
  data: Uint8ClampedArray;
}

export interface HairlineTemplateInfo {
  /** Stable name for setTemplate(): 'soft', 'sharp', 'straight', 'rounded', 'receded', 'widows-peak'. */
  id: string;
  /** For people, e.g. "Widow's peak". */
  label: string;
  /** The style's own width of the density ramp behind the hairline, in mm (what setTransition(0) uses). */
  transitionMm: number;
}

export type StageName = 'frame' | 'hairline' | 'mask' | 'candidates' | 'selection' | 'splat' | 'composite';

export interface ZoneStats {
  name: 'front-mid' | 'crown' | 'sides' | 'back';
  /** Dots per cm² the settings ask for here (after the sessions shown). */
  targetPerCm2: number;
  /** Dots per cm² drawn where this zone's density is exact (0 when areaCm2 is 0). */
  measuredPerCm2: number;
  areaCm2: number;
}

export interface SimulationStats {
  /** Dots drawn. */
  dotCount: number;
  /** Photo scale, from the temple corners or setScaleOverride(). */
  pxPerMm: number;
  /** One entry per zone, always in the order front-mid, crown, sides, back. */
  zones: ZoneStats[];
  /** Time of each stage in the last render(); 0 for a stage served from the cache. */
  stageMs: Record<StageName, number>;
}

/**
 * The SMP simulation on one photo, with per-stage caching: a setter marks what it
 * changes, render() reruns only from there. Every setter checks its value first and,
 * on a bad one, throws an EngineError (code 'invalid-argument', a message naming the
 * value) and changes nothing; otherwise it returns this, so calls can be chained.
 * Owns C++ memory: call dispose() when done. After dispose() every method throws.
 */
export interface Simulator {
  /** The photo to draw on (width*height*4 RGBA, e.g. DecodedPhoto.pixels); clears the handles and the brush. */
  setPhoto(pixels: ArrayBufferView, width: number, height: number): this;
  /** Left temple corner, mid-frontal point, right temple corner, in photo pixels. Required before render(). */
  setHandles(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): this;
  /** Photo scale in px/mm, 0.01..1000; 0 (default) estimates it from the temple corners. */
  setScaleOverride(pxPerMm: number): this;
  /** A hairline style id from Engine.templates(); default 'soft'. */
  setTemplate(id: string): this;
  /** 'full' (default), 'crown', 'density-fill' or 'patch' (only where the brush painted). */
  setCoverage(name: 'full' | 'crown' | 'density-fill' | 'patch'): this;
  /** mm, -30..30; positive moves the hairline up. Default 0. */
  setHairlineOffset(mm: number): this;
  /** Width of the density ramp behind the hairline, 5..15 mm; 0 (default) uses the style's. */
  setTransition(mm: number): this;
  /** 0.3..1.5 times the reference densities; default 1. */
  setDensity(multiplier: number): this;
  /** Result after 1, 2 or 3 (default) sessions. */
  setSessions(sessions: number): this;
  /** 1 (black) .. 5 (lightest); default 3. Replaces a custom colour. */
  setShade(shade: number): this;
  /** A custom pigment: what a dot looks like on white skin; whole numbers 0..255. Replaces the shade. */
  setCustomColour(r: number, g: number, b: number): this;
  /** Days after the last session, 0..365; 28 and later (default 28): healed. */
  setHealingDay(day: number): this;
  /** Years of fading, 0..10; default 0. */
  setYears(years: number): this;
  /** Whole number 0..4294967295; default 1. The same settings and seed give the same pixels, natively too. */
  setSeed(seed: number): this;
  /** Direction of the crown whorl: 'cw' (default) or 'ccw'. */
  setWhorl(whorl: 'cw' | 'ccw'): this;
  /** Before/after divider at this fraction of the width, 0..1; -1 (default) turns it off. */
  setSplit(fraction: number): this;
  /** A round dab in photo pixels, radius 0.5..5000; erase removes area instead of adding it. */
  addBrushStroke(x: number, y: number, radius: number, erase?: boolean): this;
  clearBrush(): this;
  /** Brings the stale stages up to date; a copy of the result. Throws without a photo or handles. */
  render(into?: Uint8ClampedArray): RgbaImage;
  /**
   * The same design drawn on another copy of the photo, e.g. the full-size original for
   * export: handles, brush and scale are scaled by the width ratio; the dots are the same in mm.
   */
  exportFullSize(pixels: ArrayBufferView, width: number, height: number): RgbaImage;
  /** Statistics of the last render(). */
  stats(): SimulationStats;
  /** The hairline after render(), as x0, y0, x1, y1, ... in photo pixels (a copy). */
  hairline(): Float64Array;
  /**
   * The dots of the last render() as CSV, the same text as `smp-preview render --dump-dots`:
   * header `x_px,y_px,diameter_mm,angle_deg,depth_mm,strength,session`, then one line per dot.
   */
  dotsCsv(): string;
  /** Frees the C++ memory; safe to call more than once. */
  dispose(): void;
}

export interface PlacementOptions {
  /** Hairline style id; 'rounded' lowers the default height to 55 mm. Default 'soft'. */
  templateId?: string;
  /** Mid-frontal point above the glabella in mm, 30..120; 0 (default): 70 mm, 55 mm for 'rounded'. */
  hairlineHeightMm?: number;
  /** Temple corners this many mm below the mid-frontal point's height, 0..30; default 5. */
  templeDropMm?: number;
  /** Which face when several were found (index into `faces`, largest first); -1 (default): ask. */
  faceIndex?: number;
  /** Longest side the face search runs at, 128..2048; default 512 (faces ≥ ~9% of the photo's side). */
  detectionSide?: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * 'ok': one face, both eyes found. 'no-face': nothing found, keep manual handles.
 * 'several-faces': let the user pick one of `faces` and call again with faceIndex.
 * 'uncertain': a face, but an eye was placed from face proportions: show the handles
 * with a hint to check them.
 */
export type PlacementReason = 'ok' | 'no-face' | 'several-faces' | 'uncertain';

export interface FaceLandmarks {
  /** Image-left and image-right (the person's right and left). */
  leftPupil: Point;
  rightPupil: Point;
  /** Outer eye corners (from the pupils and face proportions). */
  leftEyeCorner: Point;
  rightEyeCorner: Point;
  /** The brow line, above each pupil. */
  leftBrow: Point;
  rightBrow: Point;
  glabella: Point;
  /** Angle of the pupil line, degrees clockwise in the photo. */
  tiltDeg: number;
  /** Whether the eye cascade found each eye (else face proportions). */
  eyesDetected: [boolean, boolean];
  browsFound: boolean;
}

/** A placement proposal in pixels of the photo passed in. */
export interface PlacementResult {
  ok: true;
  reason: PlacementReason;
  /** 0..1: 1 when nothing was guessed (both eyes and brows found, one face); 0 with no face. */
  confidence: number;
  /** Every face found, largest first. */
  faces: { x: number; y: number; width: number; height: number }[];
  /** The face the handles belong to; -1 with no face. */
  faceIndex: number;
  /** Left temple corner, mid-frontal point, right temple corner; null with no face. */
  handles: { leftTemple: Point; midFront: Point; rightTemple: Point } | null;
  /** Photo scale from the pupils (63 mm apart): pass to Simulator.setScaleOverride(). Absent with no face. */
  pxPerMm?: number;
  /** Height used for the mid-frontal point above the glabella. Absent with no face. */
  hairlineHeightMm?: number;
  /** How far both temple corners were moved down to stay ≥ 4 mm inside the head's silhouette. Absent with no face. */
  templeLoweredMm?: number;
  /** Else how far a temple corner was moved in along the corner line (the larger of the two). Absent with no face. */
  templeMovedInMm?: number;
  landmarks: FaceLandmarks | null;
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
  /** The hairline styles, in the order to offer them. */
  templates(): HairlineTemplateInfo[];
  readonly defaultPlacementOptions: Required<PlacementOptions>;
  /**
   * Finds the face in an upright photo (width*height*4 RGBA, e.g. DecodedPhoto.pixels) and
   * proposes the handles and the scale. `cascades`: the bytes fetched from cascadeBundleUrl.
   * ~100-200 ms for a 2 MP photo. Fails (ok: false) only on bad options or buffers.
   */
  proposePlacement(pixels: ArrayBufferView, width: number, height: number,
                   cascades: ArrayBuffer | ArrayBufferView, options?: PlacementOptions): PlacementResult | Failure;
  /** A new simulator with default settings and no photo. Call its dispose() when done. */
  createSimulator(): Simulator;
}

/** URL of the face and eye models (build/smp_cascades.bin) for Engine.proposePlacement(). */
export const cascadeBundleUrl: URL;

/** Loads the module. In browsers the .wasm is fetched next to build/smp_engine.js; in Node pass its bytes. */
export function loadEngine(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<Engine>;
