// A design as data to share: a short code for the URL fragment and a JSON file. Both
// hold every setting that decides the pixels, with the handles as fractions of the
// photo's size (so the design fits the same photo opened at any working size), and
// who the design is for; never the photo. Decoding on the photo it was made
// on gives back the very same numbers, so the same pixels. Anything malformed or
// tampered with is refused with a DesignCodeError whose message can be shown as is, in
// the page's language; the code and the file themselves are the same in every language.
import { formatNumber, t } from './i18n.js';

export const designFormat = 'smp-preview design';
const version = 1;
const photoNote = 'The photo is not part of this file: open it on the photo the design was made on.';
const maxDabs = 20000;

export class DesignCodeError extends Error {
  name = 'DesignCodeError';
}

// ---- handles as fractions of the photo's size, decoded exactly ---------------------------

// The shortest fraction of `size` that rounds back to the whole pixel `value`.
function fractionOf(value, size) {
  for (let digits = 3; ; digits++) {
    const candidate = Number((value / size).toPrecision(digits));
    if (Math.round(candidate * size) === value) return candidate;
  }
}

// ---- design ⇄ data -----------------------------------------------------------------

const settingKeys = ['template', 'coverage', 'hairlineOffsetMm', 'transitionMm', 'density', 'sessions', 'shade',
  'customColour', 'healingDay', 'years', 'seed', 'whorl'];

// design: the app's design (handles in working pixels); profile: {sex, age};
// size: the working photo's [width, height]. The scale and the brush stay in pixels of
// that working size (recorded), so the same photo at the same size gets them back
// bit for bit; at another size they are scaled.
export function designToData(design, profile, [width, height]) {
  const point = ([x, y]) => [fractionOf(x, width), fractionOf(y, height)];
  return {
    format: designFormat,
    version,
    note: photoNote,
    ...Object.fromEntries(settingKeys.map((key) => [key, design[key]])),
    handles: { left: point(design.handles.left), mid: point(design.handles.mid), right: point(design.handles.right) },
    workingSize: [width, height],
    pxPerMm: design.pxPerMm,
    brush: design.brush.map(({ x, y, r, erase }) => [x, y, r, erase ? 1 : 0]),
    for: { sex: profile.sex, age: profile.age },
  };
}

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const between = (lo, hi) => (v) => isNumber(v) && v >= lo && v <= hi;
const whole = (lo, hi) => (v) => Number.isInteger(v) && v >= lo && v <= hi;
const oneOf = (...values) => (v) => values.includes(v);
const fraction = between(0, 1);
const ageRanges = ['', '18-29', '30-44', '45-59', '60+'];

// [valid, what a valid value is] per setting; the second is made only when needed.
function settingRules(templateIds) {
  return {
    template: [oneOf(...templateIds), () => t('design.expected.template', { ids: templateIds.join(', ') })],
    coverage: [oneOf('full', 'crown', 'density-fill', 'patch'), () => t('design.expected.coverage')],
    hairlineOffsetMm: [between(-20, 20), () => t('design.expected.hairlineOffsetMm')],
    transitionMm: [(v) => v === 0 || between(5, 15)(v), () => t('design.expected.transitionMm')],
    density: [between(0.3, 1.5), () => t('design.expected.density', { low: formatNumber(0.3, 1), high: formatNumber(1.5, 1) })],
    sessions: [oneOf(1, 2, 3), () => t('design.expected.sessions')],
    shade: [(v) => v === 'custom' || whole(1, 5)(v), () => t('design.expected.shade')],
    customColour: [(v) => typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v), () => t('design.expected.customColour')],
    healingDay: [whole(0, 365), () => t('design.expected.healingDay')],
    years: [between(0, 10), () => t('design.expected.years')],
    seed: [whole(0, 4294967295), () => t('design.expected.seed')],
    whorl: [oneOf('cw', 'ccw'), () => t('design.expected.whorl')],
  };
}

const describe = (value) => (typeof value === 'string' ? `"${value.slice(0, 40)}"` : JSON.stringify(value)?.slice(0, 40) ?? String(value));

// data: parsed JSON (untrusted); size: the open photo's working [width, height];
// templateIds: the engine's styles. Returns {design (no frozen copy), profile} or throws.
export function dataToDesign(data, [width, height], templateIds) {
  const refuse = (what) => { throw new DesignCodeError(t('design.invalid', { reason: what })); };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) refuse(t('design.notADesign'));
  if (data.version !== version) {
    refuse(isNumber(data.version) && data.version > version ? t('design.newerVersion', { format: data.version }) : t('design.noVersion'));
  }
  const settings = {};
  for (const [key, [valid, expected]] of Object.entries(settingRules(templateIds))) {
    if (!(key in data)) refuse(t('design.missing', { key }));
    if (!valid(data[key])) refuse(t('design.badValue', { key, value: describe(data[key]), expected: expected() }));
    settings[key] = data[key];
  }
  const handles = {};
  for (const name of ['left', 'mid', 'right']) {
    const point = data.handles?.[name];
    if (!Array.isArray(point) || point.length !== 2 || !point.every(fraction)) refuse(t('design.badHandle', { name }));
    handles[name] = [Math.round(point[0] * width), Math.round(point[1] * height)];
  }
  if (!(handles.left[0] < handles.mid[0] && handles.mid[0] < handles.right[0])) refuse(t('design.handleOrder'));
  const [madeWidth, madeHeight] = Array.isArray(data.workingSize) ? data.workingSize : [];
  if (!whole(1, 65536)(madeWidth) || !whole(1, 65536)(madeHeight)) refuse(t('design.badWorkingSize'));
  const sameSize = madeWidth === width && madeHeight === height;
  const [sx, sy] = [width / madeWidth, height / madeHeight];
  if (!(data.pxPerMm === 0 || between(0.01, 1000)(data.pxPerMm))) refuse(t('design.badValue', { key: 'pxPerMm', value: describe(data.pxPerMm), expected: t('design.expected.pxPerMm', { low: formatNumber(0.01, 2) }) }));
  if (!Array.isArray(data.brush) || data.brush.length > maxDabs) refuse(t('design.badBrush', { max: maxDabs }));
  const brush = data.brush.map((dab, i) => {
    if (!Array.isArray(dab) || dab.length !== 4 || !between(0, madeWidth)(dab[0]) || !between(0, madeHeight)(dab[1])
      || !between(0.5, 5000)(dab[2]) || !oneOf(0, 1)(dab[3])) refuse(t('design.badDab', { number: i + 1 }));
    const [x, y, r] = sameSize ? dab : [Math.round(dab[0] * sx * 10) / 10, Math.round(dab[1] * sy * 10) / 10, dab[2] * sx];
    return Object.freeze({ x, y, r, erase: dab[3] === 1 });
  });
  const profile = { sex: data.for?.sex, age: data.for?.age };
  if (!oneOf('man', 'woman')(profile.sex) || !oneOf(...ageRanges)(profile.age)) refuse(t('design.badProfile'));
  return {
    design: { ...settings, handles, pxPerMm: sameSize ? data.pxPerMm : data.pxPerMm * sx, brush },
    profile,
  };
}

// ---- the code: deflated JSON in base64url, with a checksum -------------------------------

async function transform(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// FNV-1a, 32 bits: catches a code cut short or mistyped, not a deliberate forgery
// (which the checks in dataToDesign are for).
function checksum(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

// The code lists the values in this order without their names, to stay short.
const codeFields = [...settingKeys, 'handles', 'workingSize', 'pxPerMm', 'brush', 'for'];

export async function encodeDesignCode(data) {
  const values = codeFields.map((key) => (key === 'handles' ? [data.handles.left, data.handles.mid, data.handles.right] : data[key]));
  const payload = toBase64Url(await transform(new TextEncoder().encode(JSON.stringify(values)), new CompressionStream('deflate-raw')));
  return `${version}.${payload}.${checksum(payload)}`;
}

// Returns the data (still to be checked by dataToDesign) or throws.
export async function decodeDesignCode(code) {
  const parts = String(code).trim().split('.');
  if (parts.length !== 3 || !/^\d+$/.test(parts[0]) || !/^[\w-]+$/.test(parts[1])) {
    throw new DesignCodeError(t('design.notACode'));
  }
  if (Number(parts[0]) !== version) throw new DesignCodeError(t('design.otherVersion', { format: parts[0] }));
  if (checksum(parts[1]) !== parts[2]) {
    throw new DesignCodeError(t('design.damaged'));
  }
  let values;
  try {
    values = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await transform(fromBase64Url(parts[1]), new DecompressionStream('deflate-raw'))));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== codeFields.length) {
    throw new DesignCodeError(t('design.unreadable'));
  }
  const data = { format: designFormat, version, ...Object.fromEntries(codeFields.map((key, i) => [key, values[i]])) };
  const [left, mid, right] = Array.isArray(data.handles) ? data.handles : [];
  return { ...data, handles: { left, mid, right } };
}

export function designFileText(data) {
  return `${JSON.stringify(data, null, 2)}\n`;
}

// text: a file's contents (untrusted). Returns the data (still to be checked) or throws.
export function parseDesignFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DesignCodeError(t('design.notJson'));
  }
  if (data?.format !== designFormat) throw new DesignCodeError(t('design.notOurs'));
  return data;
}
