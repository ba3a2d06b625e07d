// A clinic's configuration of the page: branding, the styles and shades offered, the
// language, a call-to-action button, the privacy text and kiosk mode. It comes from a
// JSON file (?config=clinic.json, same origin as the page), the page's query
// (?lang=es&brandColor=%230a6b5d&templates=soft,receded…, which wins over the file),
// and at run time from the host page through the embed API (app/embed-api.js).
// Every value is checked: an invalid one is reported on the console and the default
// kept, so a typo never breaks the page.
export const templateIds = Object.freeze(['soft', 'sharp', 'straight', 'rounded', 'receded', 'widows-peak']);
const shadeValues = Object.freeze([1, 2, 3, 4, 5]);
export const languages = Object.freeze(['en', 'es', 'fr', 'de']);

export const defaultConfig = Object.freeze({
  brandColor: '', // '' keeps the page's own colours
  logo: '', // an http(s) URL (or one relative to the configuration) of the clinic's logo
  clinicName: '', // the logo's text alternative, shown beside it
  templates: templateIds, // the hairline styles offered, in this order
  shades: shadeValues, // the pigment shades offered
  customColour: true, // whether the custom-colour swatch is offered
  defaultTemplate: 'soft',
  defaultShade: 3,
  language: '', // one of `languages`; '' follows the browser's languages
  cta: null, // {label, url}: a button such as "Book a consultation" (http(s) URL)
  privacyText: '', // replaces the privacy line under the title
  kiosk: false, // shared-tablet mode: full screen, large controls, camera first, idle reset
  idleMinutes: 3, // kiosk: minutes without input before everything is wiped (1–120)
});

const maxTextLength = 300;

function text(value, name, max = maxTextLength) {
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw new Error(`${name} is longer than ${max} characters`);
  return trimmed;
}

// An absolute http(s) URL, relative ones resolved against `base`.
function httpUrl(value, name, base) {
  const raw = text(value, name, 2000);
  let url;
  try {
    url = new URL(raw, base);
  } catch {
    throw new Error(`${name} is not a URL: “${raw}”`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, not “${url.protocol}”`);
  }
  return url.href;
}

function list(value, name) {
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value)) return value;
  throw new Error(`${name} must be a list`);
}

function boolean(value, name) {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === '') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`${name} must be true or false`);
}

function oneOf(value, allowed, name) {
  const found = allowed.find((item) => String(item) === String(value).trim());
  if (found === undefined) throw new Error(`${name} must be one of ${allowed.join(', ')}, not “${value}”`);
  return found;
}

const checks = {
  brandColor: (value) => {
    const colour = text(value, 'brandColor');
    if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) throw new Error(`brandColor must be a colour like #0a6b5d, not “${colour}”`);
    return colour.toLowerCase();
  },
  logo: (value, base) => (value === '' ? '' : httpUrl(value, 'logo', base)),
  clinicName: (value) => text(value, 'clinicName', 80),
  templates: (value) => {
    const ids = list(value, 'templates').map((id) => oneOf(id, templateIds, 'each of templates'));
    if (!ids.length) throw new Error('templates must name at least one style');
    return Object.freeze([...new Set(ids)]);
  },
  shades: (value) => {
    const values = list(value, 'shades').map((shade) => oneOf(shade, shadeValues, 'each of shades'));
    if (!values.length) throw new Error('shades must name at least one shade');
    return Object.freeze([...new Set(values)].sort((a, b) => a - b));
  },
  customColour: (value) => boolean(value, 'customColour'),
  defaultTemplate: (value) => oneOf(value, templateIds, 'defaultTemplate'),
  defaultShade: (value) => oneOf(value, shadeValues, 'defaultShade'),
  language: (value) => (value === '' ? '' : oneOf(String(value).toLowerCase(), languages, 'language')),
  cta: (value, base) => {
    if (value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('cta must be {"label": …, "url": …}');
    const label = text(value.label ?? '', 'cta.label', 60);
    if (!label) throw new Error('cta.label must not be empty');
    return Object.freeze({ label, url: httpUrl(value.url ?? '', 'cta.url', base) });
  },
  privacyText: (value) => text(value, 'privacyText', 500),
  kiosk: (value) => boolean(value, 'kiosk'),
  idleMinutes: (value) => {
    const minutes = Number(value);
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 120) throw new Error(`idleMinutes must be a number from 1 to 120, not “${value}”`);
    return minutes;
  },
};

// The valid options of `raw` (an object), each checked; problems lists one sentence
// per option refused (unknown, wrong type, out of range, not http(s)).
export function checkOptions(raw, { base = globalThis.location?.href } = {}) {
  const options = {};
  const problems = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { options, problems: ['the configuration must be a JSON object'] };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(checks, key)) {
      problems.push(`unknown option “${key}” (known: ${Object.keys(checks).join(', ')})`);
      continue;
    }
    try {
      options[key] = checks[key](value, base);
    } catch (error) {
      problems.push(error.message);
    }
  }
  return { options, problems };
}

// A whole configuration: defaults, then each layer's valid options in order. A default
// style or shade the clinic does not offer becomes the first style / middle shade offered.
export function mergeConfig(...layers) {
  const config = Object.assign({}, defaultConfig, ...layers);
  if (!config.templates.includes(config.defaultTemplate)) config.defaultTemplate = config.templates[0];
  if (!config.shades.includes(config.defaultShade)) config.defaultShade = config.shades[Math.floor(config.shades.length / 2)];
  return Object.freeze(config);
}

// The page query's options: the JSON keys, plus lang (language), ctaLabel and ctaUrl.
// Other parameters (config, maxSide, embed…) belong to the page, not the clinic.
export function optionsFromQuery(params) {
  const raw = {};
  for (const key of Object.keys(checks)) {
    if (key !== 'cta' && params.has(key)) raw[key] = params.get(key);
  }
  if (params.has('lang')) raw.language = params.get('lang');
  if (params.has('ctaLabel') || params.has('ctaUrl')) raw.cta = { label: params.get('ctaLabel') ?? '', url: params.get('ctaUrl') ?? '' };
  return raw;
}

// The inverse of optionsFromQuery: checked options as query parameters (the embed
// element puts them in its iframe's address, so the page opens already branded).
export function queryFromOptions(options) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (key === 'cta') {
      if (value) {
        params.set('ctaLabel', value.label);
        params.set('ctaUrl', value.url);
      }
    } else {
      params.set(key === 'language' ? 'lang' : key, Array.isArray(value) ? value.join(',') : String(value));
    }
  }
  return params;
}

export function reportProblems(problems, source) {
  for (const problem of problems) console.warn(`smp-preview: ${source}: ${problem}; the default is used.`);
}

// The page's configuration from its own URL: ?config=FILE (fetched; same origin only,
// as the Content Security Policy allows) and the query's options over it.
export async function loadConfig(location = globalThis.location, fetchJson = defaultFetchJson) {
  const params = new URLSearchParams(location.search);
  const layers = [];
  const file = params.get('config');
  if (file) {
    layers.push(await optionsFromFile(file, location.href, fetchJson, (url) => {
      if (new URL(url).origin !== location.origin) throw new Error(`config must be on this page's origin (${location.origin}), not ${new URL(url).origin}`);
    }));
  }
  const { options, problems } = checkOptions(optionsFromQuery(params), { base: location.href });
  reportProblems(problems, 'page address');
  layers.push(options);
  return mergeConfig(...layers);
}

// The valid options of a JSON file at `file` (relative to `base`; the page's loadConfig
// and the embed element's config attribute). Every problem, a missing or broken file
// included, is reported; what is left is returned. allow(url) may refuse the URL by throwing.
export async function optionsFromFile(file, base, fetchJson = defaultFetchJson, allow = () => {}) {
  try {
    const url = httpUrl(file, 'config', base);
    allow(url);
    const { options, problems } = checkOptions(await fetchJson(url), { base: url });
    reportProblems(problems, `configuration file ${file}`);
    return options;
  } catch (error) {
    reportProblems([error.message], `configuration file ${file}`);
    return {};
  }
}

async function defaultFetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`could not be loaded (HTTP ${response.status})`);
  try {
    return await response.json();
  } catch {
    throw new Error('is not valid JSON');
  }
}
