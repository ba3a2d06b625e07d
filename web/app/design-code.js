// A design as data to share: a short code for the URL fragment and a JSON file. Both
// hold every setting that decides the pixels, with the handles as fractions of the
// photo's size (so the design fits the same photo opened at any working size), and
// who the design is for; never the photo. Decoding on the photo it was made
// on gives back the very same numbers, so the same pixels. Anything malformed or
// tampered with is refused with a DesignCodeError whose message can be shown as is.
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

function settingRules(templateIds) {
  return {
    template: [oneOf(...templateIds), `one of ${templateIds.join(', ')}`],
    coverage: [oneOf('full', 'crown', 'density-fill', 'patch'), 'full, crown, density-fill or patch'],
    hairlineOffsetMm: [between(-20, 20), 'between −20 and 20 mm'],
    transitionMm: [(v) => v === 0 || between(5, 15)(v), '0 or 5–15 mm'],
    density: [between(0.3, 1.5), 'between 0.3 and 1.5'],
    sessions: [oneOf(1, 2, 3), '1, 2 or 3'],
    shade: [(v) => v === 'custom' || whole(1, 5)(v), '1 to 5 or "custom"'],
    customColour: [(v) => typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v), 'a colour like #3a3430'],
    healingDay: [whole(0, 365), 'a whole number of days, 0–365'],
    years: [between(0, 10), 'between 0 and 10'],
    seed: [whole(0, 4294967295), 'a whole number, 0–4294967295'],
    whorl: [oneOf('cw', 'ccw'), 'cw or ccw'],
  };
}

const describe = (value) => (typeof value === 'string' ? `"${value.slice(0, 40)}"` : JSON.stringify(value)?.slice(0, 40) ?? String(value));

// data: parsed JSON (untrusted); size: the open photo's working [width, height];
// templateIds: the engine's styles. Returns {design (no frozen copy), profile} or throws.
export function dataToDesign(data, [width, height], templateIds) {
  const refuse = (what) => { throw new DesignCodeError(`The design is not valid: ${what}.`); };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) refuse('it is not a design');
  if (data.version !== version) {
    refuse(isNumber(data.version) && data.version > version ? `it was made by a newer version of smp-preview (format ${data.version})` : 'it has no known format version');
  }
  const settings = {};
  for (const [key, [valid, expected]] of Object.entries(settingRules(templateIds))) {
    if (!(key in data)) refuse(`${key} is missing`);
    if (!valid(data[key])) refuse(`${key} is ${describe(data[key])}; it must be ${expected}`);
    settings[key] = data[key];
  }
  const handles = {};
  for (const name of ['left', 'mid', 'right']) {
    const point = data.handles?.[name];
    if (!Array.isArray(point) || point.length !== 2 || !point.every(fraction)) refuse(`the ${name} handle must be two fractions of the photo's size (0–1)`);
    handles[name] = [Math.round(point[0] * width), Math.round(point[1] * height)];
  }
  if (!(handles.left[0] < handles.mid[0] && handles.mid[0] < handles.right[0])) refuse('the handles must run left, middle, right');
  const [madeWidth, madeHeight] = Array.isArray(data.workingSize) ? data.workingSize : [];
  if (!whole(1, 65536)(madeWidth) || !whole(1, 65536)(madeHeight)) refuse('workingSize must be the width and height it was made at, in pixels');
  const sameSize = madeWidth === width && madeHeight === height;
  const [sx, sy] = [width / madeWidth, height / madeHeight];
  if (!(data.pxPerMm === 0 || between(0.01, 1000)(data.pxPerMm))) refuse(`pxPerMm is ${describe(data.pxPerMm)}; it must be 0 or 0.01–1000`);
  if (!Array.isArray(data.brush) || data.brush.length > maxDabs) refuse(`the brush must be a list of at most ${maxDabs} dabs`);
  const brush = data.brush.map((dab, i) => {
    if (!Array.isArray(dab) || dab.length !== 4 || !between(0, madeWidth)(dab[0]) || !between(0, madeHeight)(dab[1])
      || !between(0.5, 5000)(dab[2]) || !oneOf(0, 1)(dab[3])) refuse(`brush dab ${i + 1} must be [x, y, radius, erase] inside the photo`);
    const [x, y, r] = sameSize ? dab : [Math.round(dab[0] * sx * 10) / 10, Math.round(dab[1] * sy * 10) / 10, dab[2] * sx];
    return Object.freeze({ x, y, r, erase: dab[3] === 1 });
  });
  const profile = { sex: data.for?.sex, age: data.for?.age };
  if (!oneOf('man', 'woman')(profile.sex) || !oneOf(...ageRanges)(profile.age)) refuse('"for" must give sex (man or woman) and an age range');
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
    throw new DesignCodeError('This is not a design code from smp-preview.');
  }
  if (Number(parts[0]) !== version) throw new DesignCodeError(`This design code was made by another version of smp-preview (format ${parts[0]}).`);
  if (checksum(parts[1]) !== parts[2]) {
    throw new DesignCodeError('This design code is damaged: it was cut short or changed after it was made. Copy the whole link again.');
  }
  let values;
  try {
    values = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await transform(fromBase64Url(parts[1]), new DecompressionStream('deflate-raw'))));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== codeFields.length) {
    throw new DesignCodeError('This design code could not be read: its contents are not a design.');
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
    throw new DesignCodeError('This file is not a design: it is not JSON.');
  }
  if (data?.format !== designFormat) throw new DesignCodeError('This file is not a design saved by smp-preview.');
  return data;
}
