// The clinic configuration's checks (web/app/config.js): valid options kept, every
// invalid one refused with a sentence naming it, defaults filled in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkOptions, defaultConfig, loadConfig, mergeConfig, optionsFromQuery, queryFromOptions,
} from '../../web/app/config.js';

const base = 'https://clinic.example/smp/index.html';

test('valid options are kept, normalised', () => {
  const { options, problems } = checkOptions({
    brandColor: '#0A6B5D', logo: 'logo.svg', templates: ['receded', 'soft', 'soft'], shades: '4,2',
    defaultShade: 2, language: 'ES', cta: { label: ' Book a consultation ', url: 'https://clinic.example/book' },
    kiosk: 'true', idleMinutes: '5',
  }, { base });
  assert.deepEqual(problems, []);
  assert.equal(options.brandColor, '#0a6b5d');
  assert.equal(options.logo, 'https://clinic.example/smp/logo.svg');
  assert.deepEqual(options.templates, ['receded', 'soft']);
  assert.deepEqual(options.shades, [2, 4]);
  assert.equal(options.language, 'es');
  assert.deepEqual(options.cta, { label: 'Book a consultation', url: 'https://clinic.example/book' });
  assert.equal(options.kiosk, true);
  assert.equal(options.idleMinutes, 5);
});

test('each invalid option is refused with its reason and leaves the default', () => {
  const { options, problems } = checkOptions({
    brandColor: 'red; background: url(x)', logo: 'javascript:alert(1)', templates: ['mohawk'],
    shades: [], defaultShade: 9, language: 'xx', cta: { label: 'Book', url: 'data:text/html,hi' },
    idleMinutes: 0, kiosk: 'maybe', colour: 'blue',
  }, { base });
  assert.deepEqual(options, {});
  assert.equal(problems.length, 10, problems.join('\n'));
  for (const [fragment, expected] of [['brandColor', /colour like/], ['logo', /http\(s\)/], ['templates', /mohawk/],
    ['cta.url', /http\(s\)/], ['idleMinutes', /1 to 120/], ['“colour”', /unknown option/]]) {
    assert.ok(problems.some((p) => p.includes(fragment) && expected.test(p)), `${fragment}: ${problems.join(' | ')}`);
  }
  assert.deepEqual(mergeConfig(options), defaultConfig);
});

test('a configuration that is not an object is refused whole', () => {
  for (const raw of [null, [], 'kiosk', 3]) {
    const { options, problems } = checkOptions(raw, { base });
    assert.deepEqual(options, {});
    assert.match(problems[0], /JSON object/);
  }
});

test('defaults the clinic does not offer fall back to what it offers', () => {
  const config = mergeConfig({ templates: ['receded', 'widows-peak'], shades: [1, 4, 5] });
  assert.equal(config.defaultTemplate, 'receded');
  assert.equal(config.defaultShade, 4);
  assert.equal(mergeConfig({ shades: [2, 3], defaultShade: 2 }).defaultShade, 2);
});

test('query options: lang, ctaLabel/ctaUrl, lists; page parameters are not options', () => {
  const params = new URLSearchParams('lang=fr&ctaLabel=R%C3%A9server&ctaUrl=https://c.example/&shades=1,2&maxSide=900&config=c.json');
  assert.deepEqual(optionsFromQuery(params), { shades: '1,2', language: 'fr', cta: { label: 'Réserver', url: 'https://c.example/' } });
});

test('loadConfig: the file, then the query over it; a foreign or broken file is reported and skipped', async () => {
  const warnings = [];
  const warn = console.warn;
  console.warn = (message) => warnings.push(message);
  try {
    const location = new URL('https://clinic.example/smp/?config=clinic.json&defaultShade=4');
    const files = { 'https://clinic.example/smp/clinic.json': { shades: [3, 4, 5], defaultShade: 5, clinicName: 'Example', logo: 'img/logo.png' } };
    const config = await loadConfig(location, async (url) => files[url]);
    assert.equal(config.defaultShade, 4);
    assert.equal(config.clinicName, 'Example');
    assert.equal(config.logo, 'https://clinic.example/smp/img/logo.png'); // relative to the file
    assert.deepEqual(warnings, []);

    const foreign = await loadConfig(new URL('https://clinic.example/?config=https://evil.example/c.json'), async () => ({ kiosk: true }));
    assert.equal(foreign.kiosk, false);
    assert.match(warnings.at(-1), /origin/);

    const broken = await loadConfig(new URL('https://clinic.example/?config=c.json&lang=de'), async () => { throw new Error('is not valid JSON'); });
    assert.equal(broken.language, 'de');
    assert.match(warnings.at(-1), /not valid JSON; the default is used/);
  } finally {
    console.warn = warn;
  }
});

// The embed element puts its options in the frame's address this way.
test('queryFromOptions gives back the same options through optionsFromQuery', () => {
  const { options } = checkOptions({
    brandColor: '#0a6b5d', logo: 'logo.svg', clinicName: 'Clínica Sol & Co', templates: 'soft,receded', shades: [2, 3],
    customColour: false, defaultTemplate: 'receded', defaultShade: 2, language: 'es', kiosk: true, idleMinutes: 5,
    cta: { label: 'Pedir cita', url: 'https://clinic.example/cita?from=smp&x=1' }, privacyText: 'Nada sale, ni 1 %.',
  }, { base });
  const params = new URLSearchParams(queryFromOptions(options).toString());
  const back = checkOptions(optionsFromQuery(params), { base: 'https://elsewhere.example/' });
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.options, options);
});
