// The page's words in the visitor's language. Strings live in web/locales/<lang>.json
// as {"key": "text with {name} placeholders"}; English is complete and the fallback.
// Static markup names its strings with attributes, applied by translate(root):
//   data-i18n="key"                textContent
//   data-i18n-attr="aria-label:key title:key2"   attributes
import { languages } from './config.js';
import { assetJson } from './assets.js';

let current = 'en';
let strings = {};
let english = {};
const listeners = new Set();
let asked = null; // the language of the newest setLanguage, which wins whichever locale loads first
let asking = null; // its promise

// The configured language, else the first of the browser's languages we have.
export function pickLanguage(configured, browserLanguages = globalThis.navigator?.languages ?? []) {
  if (languages.includes(configured)) return configured;
  for (const tag of browserLanguages) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (languages.includes(base)) return base;
  }
  return 'en';
}

// Resolves the language shown. Asking again for the language asked for last does nothing.
export function setLanguage(language) {
  if (language !== asked) {
    asked = language;
    asking = loadLanguage(language);
  }
  return asking;
}

async function loadLanguage(language) {
  english = Object.keys(english).length ? english : await assetJson('locales/en.json');
  const loaded = language === 'en' ? english : await assetJson(`locales/${language}.json`).catch((error) => {
    console.warn(`smp-preview: the ${language} strings could not be loaded (${error.message}); English is used.`);
    return english;
  });
  if (language !== asked) return current; // a later call has taken over
  strings = loaded;
  current = strings === english ? 'en' : language;
  document.documentElement.lang = current;
  translate(document);
  for (const listener of listeners) listener(current);
  return current;
}

export const currentLanguage = () => current;

// Called after every language change (for text that code writes).
export function onLanguageChange(listener) {
  listeners.add(listener);
}

// The string for `key` with {name} placeholders filled from params.
export function t(key, params = {}) {
  const template = strings[key] ?? english[key];
  if (template === undefined) {
    console.error(`smp-preview: no string “${key}”`);
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export function translate(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(/\s+/).filter(Boolean)) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key));
    }
  }
}

// Numbers in the visitor's language (1,5 cm in French and German). Rounded by toFixed
// first: Intl rounds the shortest decimal (0.15 → 0.2) where toFixed rounds the exact
// binary value (0.1), and English must read as it did before translation.
export function formatNumber(value, digits = 0) {
  return Number(value.toFixed(digits)).toLocaleString(current, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
