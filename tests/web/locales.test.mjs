// The locale files (web/locales/*.json) against English and against the code: every
// language has exactly English's keys, none empty, with the same {placeholders}; every
// key the code names is in en.json, and en.json holds no key the code never names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { languages, templateIds } from '../../web/app/config.js';

const webDir = fileURLToPath(new URL('../../web/', import.meta.url));
const readLocale = (language) => JSON.parse(readFileSync(join(webDir, 'locales', `${language}.json`), 'utf8'));
const english = readLocale('en');
const others = languages.filter((language) => language !== 'en');

// How the code names a string. A key is a dotted name such as "intake.choose".
const keyPatterns = [
  /\bt\(\s*'([^'$]+)'/g, // t('key'…)
  /\bt\(\s*"([^"$]+)"/g, // t("key"…)
  /\bdata-i18n="([^"]+)"/g, // markup: textContent
  /\bdataset\.i18n\s*=\s*'([^']+)'/g, // the same attribute set by code
  /\bmessageKey: '([^']+)'/g, // words made in the worker, translated by the page (app/preview-client.js)
];
// Markup: data-i18n-attr="aria-label:key title:key2" (also set by code).
const attributePatterns = [/\bdata-i18n-attr="([^"]+)"/g, /\bdataset\.i18nAttr\s*=\s*'([^']+)'/g];
// Keys the code builds from a name; each pattern is used as t(`…`) and is listed with
// every key it can make. Any other t(`…${…}…`) fails the test until it is listed here.
const dynamicKeys = {
  'template.${style.id}': templateIds.map((id) => `template.${id}`), // app.js: the engine's styles by id
};

function sourceFiles(dir = webDir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'build' ? [] : sourceFiles(path);
    return /\.(js|mjs|html)$/.test(entry.name) ? [path] : [];
  });
}

// {key: [files naming it]} and the dynamic t(`…`) templates found, from every source file.
function keysInCode() {
  const used = new Map();
  const dynamic = new Map();
  const note = (map, key, file) => map.set(key, [...(map.get(key) ?? []), relative(webDir, file)]);
  for (const file of sourceFiles()) {
    // Whole-line comments may show the patterns as examples.
    const source = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '').replace(/<!--[\s\S]*?-->/g, '');
    for (const pattern of keyPatterns) {
      for (const [, key] of source.matchAll(pattern)) note(used, key, file);
    }
    for (const pattern of attributePatterns) {
      for (const [, pairs] of source.matchAll(pattern)) {
        for (const pair of pairs.split(/\s+/).filter(Boolean)) note(used, pair.slice(pair.indexOf(':') + 1), file);
      }
    }
    for (const [, template] of source.matchAll(/\bt\(\s*`([^`]*)`/g)) {
      if (template.includes('${')) note(dynamic, template, file);
      else note(used, template, file);
    }
  }
  return { used, dynamic };
}

const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

test('the source scan finds the keys of the page (sanity check of the patterns)', () => {
  const { used } = keysInCode();
  for (const key of ['intake.choose', 'tools.undo', 'stage.roleDescription', 'status.ready', 'export.progressDrawing']) {
    assert.ok(used.has(key), `${key} is found in the code`);
  }
});

for (const language of others) {
  test(`${language}.json has exactly the keys of en.json`, () => {
    const strings = readLocale(language);
    const missing = Object.keys(english).filter((key) => !(key in strings));
    const extra = Object.keys(strings).filter((key) => !(key in english));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${language}.json`);
  });

  test(`${language}.json keeps every {placeholder} of English`, () => {
    const strings = readLocale(language);
    const differing = Object.keys(english).filter((key) => key in strings)
      .filter((key) => placeholders(english[key]).join() !== placeholders(strings[key]).join())
      .map((key) => `${key}: ${placeholders(strings[key])} instead of ${placeholders(english[key])}`);
    assert.deepEqual(differing, []);
  });
}

test('no string is empty or not a string, in any language', () => {
  for (const language of languages) {
    const bad = Object.entries(readLocale(language)).filter(([, text]) => typeof text !== 'string' || !text.trim()).map(([key]) => key);
    assert.deepEqual(bad, [], `${language}.json`);
  }
});

test('every key the code names is in en.json', () => {
  const { used } = keysInCode();
  const missing = [...used].filter(([key]) => !(key in english)).map(([key, files]) => `${key} (${[...new Set(files)].join(', ')})`);
  assert.deepEqual(missing, []);
});

test('keys built from names are only the documented ones, and all of them exist', () => {
  const { dynamic } = keysInCode();
  const undocumented = [...dynamic].filter(([template]) => !(template in dynamicKeys)).map(([template, files]) => `t(\`${template}\`) in ${files.join(', ')}`);
  assert.deepEqual(undocumented, [], 'list each dynamic key pattern in dynamicKeys');
  const missing = Object.values(dynamicKeys).flat().filter((key) => !(key in english));
  assert.deepEqual(missing, []);
});

test('en.json has no key the code never names', () => {
  const { used } = keysInCode();
  const built = new Set(Object.values(dynamicKeys).flat());
  const unused = Object.keys(english).filter((key) => !used.has(key) && !built.has(key));
  assert.deepEqual(unused, []);
});

test('the status line reads "name: …" after a photo opens, in every language', () => {
  for (const language of languages) {
    const strings = readLocale(language);
    for (const key of ['status.opened', 'status.openedByBrowser']) assert.match(strings[key], /^\{name\}: /, `${language} ${key}`);
  }
});
