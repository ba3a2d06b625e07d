// The embed for clinics: <smp-preview> (web/embed.js) in host pages (a hostile one, the
// docs' live example, one with invalid options), its JS API, the page's postMessage API
// (web/app/embed-api.js) from a page on another origin, and messages from an origin that
// is not the host's, which must be ignored. Host pages made here on the widget's origin
// are served by page.route; those on another origin by a second server, addressed by the
// other loopback name (localhost): Chromium's local-network checks refuse a routed page,
// which has no address, framing the loopback server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  assertRequestsLocal, engineInNode, handlePositions, headBox, openPage, openPhoto, phone, photoPath, photos, pixelDiff,
  screenshot, settle, severeAxeViolations, startSession, waitReady,
} from './support.mjs';

const photoName = 'reisman_shaved_front.jpg';
const defaultAccent = 'rgb(31, 111, 235)'; // style.css's --accent (light)

let session;
let otherServer; // host pages on another origin: {origin, pages: {path: html}}
let engine;

// Serves the HTML of `pages[path]`, without the widget's Content Security Policy.
function startOtherServer() {
  const pages = {};
  const server = http.createServer((request, response) => {
    const page = pages[new URL(request.url, 'http://host').pathname];
    response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(page ?? 'not a test page');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://localhost:${server.address().port}`,
      pages,
      close: () => new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      }),
    }));
  });
}

before(async () => {
  session = await startSession();
  otherServer = await startOtherServer();
  engine = await engineInNode();
});

after(async () => {
  await session?.close();
  await otherServer?.close();
});

// ---- host pages ---------------------------------------------------------------------

const hostileCss = `
* { all: unset !important; }
iframe { display: none !important; }
div, canvas, button { transform: rotate(45deg) !important; font-size: 40px !important; }
smp-preview { display: none !important; height: 0 !important; }
:root { --brand: red; --accent: red; --on-accent: red; --surface: red; --page: red; }
`;

const hostilePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A hostile host</title>
<link rel="stylesheet" href="/e2e/hostile.css">
<script type="module" src="/embed.js"></script></head>
<body><div><p>The clinic's text</p><button type="button">Its button</button></div>
<smp-preview src="/index.html?maxSide=800" brand-color="#7a1f5c" logo="/examples/logo.svg" clinic-name="Clinique Test"
  templates="receded,soft" shades="2,4" default-shade="4" lang="fr"
  cta-label="Book a consultation" cta-url="https://clinic.example/book"></smp-preview>
</body></html>`;

const invalidPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host with mistakes</title>
<script type="module" src="/embed.js"></script></head>
<body><smp-preview config="/e2e/invalid.json" default-shade="9" logo="https://elsewhere.example/logo.png"></smp-preview></body></html>`;

const invalidJson = JSON.stringify({
  brandColor: 'teal',
  templates: ['soft', 'mohawk'],
  shades: [3],
  colour: '#ff0000',
  cta: { label: 'Book', url: 'javascript:alert(1)' },
});

// A page that frames the widget and talks to it with postMessage. send(message) resolves
// the reply with message.id; received lists every message from the widget's origin.
const apiPage = (widgetUrl) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host on another origin</title></head>
<body><iframe id="widget" src="${widgetUrl}" title="smp-preview" allow="camera" style="width: 1200px; height: 850px; border: 0"></iframe>
<script>
  const widget = document.getElementById('widget');
  const widgetOrigin = new URL(widget.src).origin;
  window.received = [];
  const waiting = new Map();
  let nextId = 1;
  window.addEventListener('message', (event) => {
    if (event.origin !== widgetOrigin) return;
    received.push(event.data);
    if (event.data?.type === 'smp:result') waiting.get(event.data.id)?.(event.data);
  });
  window.send = (message) => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    widget.contentWindow.postMessage({ ...message, id }, widgetOrigin);
  });
  window.post = (message) => widget.contentWindow.postMessage(message, widgetOrigin);
  // A Blob as {type, size, base64}, to hand to Node.
  window.blobFacts = async (blob) => {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { type: blob.type, size: blob.size, base64: btoa(binary) };
  };
</script></body></html>`;

// Serves the pages above under /e2e/ (on either origin); everything else from the server.
function hostRoute(pages) {
  return ['**/e2e/**', (route) => {
    const url = new URL(route.request().url());
    const body = pages[`${url.origin}${url.pathname}`];
    if (body === undefined) return route.fulfill({ status: 404, body: 'not a test page' });
    const contentType = url.pathname.endsWith('.css') ? 'text/css' : url.pathname.endsWith('.json') ? 'application/json' : 'text/html';
    return route.fulfill({ status: 200, contentType, body });
  }];
}

// Opens a host page; warnings collects the widget's console warnings (problems has the errors).
async function openHost(path, pages, options = {}) {
  const opened = await openPage(session, { query: path, route: hostRoute(pages), ...options });
  opened.warnings = [];
  opened.page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('smp-preview:')) opened.warnings.push(message.text());
  });
  return opened;
}

// The widget's frame inside <smp-preview>, once the page in it said it is ready (branded
// and in its language).
async function widgetFrame(page, selector = 'smp-preview') {
  await page.locator(selector).evaluate((element) => element.ready);
  const frame = await (await page.locator(`${selector} iframe`).elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.querySelector('.brand-logo').complete); // loaded, or none
  return frame;
}

// What the widget offers and shows: visible styles and shades in order, the selected
// ones, the primary button's colours, the header's branding, the language.
function widgetState(frame) {
  return frame.evaluate(() => {
    const visible = (selector, key) => [...document.querySelectorAll(selector)].filter((item) => !item.hidden).map((item) => item.dataset[key]);
    const checked = (selector, key) => document.querySelector(`${selector}[aria-checked="true"]`)?.dataset[key] ?? null;
    const primary = getComputedStyle(document.querySelector('label.button.primary[for="photo-input"]'));
    const logo = document.querySelector('.brand-logo');
    const cta = document.querySelector('.brand-cta');
    return {
      language: document.documentElement.lang,
      templates: visible('#gallery [data-template]', 'template'),
      shades: visible('#shades [data-shade]', 'shade').map(Number),
      customColour: !document.querySelector('#shades .custom').hidden,
      template: checked('#gallery [data-template]', 'template'),
      shade: Number(checked('#shades [data-shade]', 'shade')),
      primaryBackground: primary.backgroundColor,
      primaryText: primary.color,
      logo: logo && !logo.hidden && logo.complete ? { src: logo.getAttribute('src'), width: logo.naturalWidth } : null,
      clinicName: document.querySelector('.brand-name:not([hidden])')?.textContent ?? null,
      cta: cta && !cta.hidden ? { href: cta.getAttribute('href'), target: cta.target, rel: cta.rel, text: cta.textContent } : null,
      privacy: document.querySelector('#privacy').textContent,
    };
  });
}

async function decodeBlobFacts(facts) {
  const picture = engine.decodePhoto(Buffer.from(facts.base64, 'base64'), { maxSide: 0 });
  assert.equal(picture.ok, true, picture.message);
  return picture;
}

// ---- the element ----------------------------------------------------------------------

test('<smp-preview> in a page with hostile CSS keeps its size and works; attributes brand it; its JS API exports the full-size result', async () => {
  const origin = session.origin;
  const { page, problems, warnings, close } = await openHost('e2e/hostile.html', {
    [`${origin}/e2e/hostile.html`]: hostilePage,
    [`${origin}/e2e/hostile.css`]: hostileCss,
  });
  try {
    const frame = await widgetFrame(page);
    const box = await page.locator('smp-preview').boundingBox();
    assert.ok(box.width >= 1200, `the widget is ${box.width} px wide`);
    assert.equal(Math.round(box.height), 810, 'its default height, min(90vh, 820px)');
    const frameBox = await page.locator('smp-preview iframe').boundingBox();
    assert.deepEqual([frameBox.width, frameBox.height].map(Math.round), [box.width, box.height].map(Math.round), 'the frame fills it');

    // The host's rules do not reach the widget's own elements.
    const inside = await frame.evaluate(() => {
      const style = getComputedStyle(document.querySelector('#demo-button'));
      return { transform: style.transform, fontSize: style.fontSize };
    });
    assert.deepEqual(inside, { transform: 'none', fontSize: '16px' });

    const state = await widgetState(frame);
    assert.equal(state.language, 'fr');
    assert.equal(state.primaryBackground, 'rgb(122, 31, 92)', 'the brand colour on the primary button');
    assert.equal(state.primaryText, 'rgb(255, 255, 255)', 'white text on a dark brand colour');
    assert.deepEqual(state.logo, { src: `${origin}/examples/logo.svg`, width: 64 });
    assert.equal(state.clinicName, 'Clinique Test');
    assert.equal(state.cta.href, 'https://clinic.example/book');
    assert.equal(state.cta.target, '_blank');
    assert.equal(state.cta.rel, 'noopener');
    assert.match(state.cta.text, /^Book a consultation /);

    const [width] = await openPhoto(frame, photoPath(photoName));
    const shown = await widgetState(frame);
    assert.deepEqual(shown.templates, ['receded', 'soft'], 'the styles offered, in the configured order');
    assert.deepEqual(shown.shades, [2, 4], 'the shades offered');
    assert.equal(shown.template, 'soft', 'the default style, offered');
    assert.equal(shown.shade, 4, 'the default shade is selected');
    const dots = await pixelDiff(frame, 'before', 'after', headBox(await handlePositions(frame)));
    assert.ok(dots.differing > 500, `the preview paints dots (${dots.differing} pixels differ inside the head)`);
    await screenshot(page, 'embed-hostile-host');

    // The JS API: settings, a change event, and the full-size result as a Blob.
    const element = page.locator('smp-preview');
    const settings = await element.evaluate((widget) => widget.getSettings());
    assert.equal(settings.template, 'soft');
    assert.equal(settings.shade, 4);
    assert.equal(settings.photoOpen, true);
    assert.match(settings.designLink, new RegExp(`^${origin}/index\\.html\\?.*#design=`));
    assert.doesNotMatch(settings.designLink, /hostOrigin/, 'the link opens on its own, not framed');
    // The photo's own change (debounced) may still be on its way: wait for the shade's.
    const changed = element.evaluate((widget) => new Promise((resolve) => {
      widget.addEventListener('smp-change', function listener(event) {
        if (event.detail.settings.shade === 4) return;
        widget.removeEventListener('smp-change', listener);
        resolve(event.detail.settings);
      });
    }));
    await frame.click('#shades [data-shade="2"]');
    assert.equal((await changed).shade, 2, 'smp-change tells the new shade');
    const facts = await element.evaluate(async (widget) => {
      const blob = await widget.exportImage({ format: 'png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { type: blob.type, base64: btoa(binary) };
    });
    assert.equal(facts.type, 'image/png');
    const exported = await decodeBlobFacts(facts);
    assert.deepEqual([exported.width, exported.height], photos[photoName].size, 'the photo\'s full size, not the working size');
    assert.ok(width < exported.width, 'the working image was smaller');

    // An attribute changed later is applied live, keeping the photo and the design.
    await element.evaluate((widget) => widget.setAttribute('shades', '1,2,3'));
    await frame.waitForFunction(() => [...document.querySelectorAll('#shades [data-shade]')].filter((item) => !item.hidden).length === 3);
    await settle(frame);
    const after = await widgetState(frame);
    assert.deepEqual(after.shades, [1, 2, 3]);
    assert.equal(after.shade, 2, 'the design keeps its shade, still offered');
    assert.equal(await frame.isVisible('#workspace'), true, 'the photo stays open');

    assert.deepEqual(warnings, [], 'valid options give no warning');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

const styleProperties = ['color', 'background-color', 'font-family', 'font-size', 'display', 'border-top-width', 'margin-top',
  'padding-top', 'transform', 'line-height', 'text-decoration-line'];

// Every element's computed style (but the widget's), and the page's style sheets.
function hostStyles(page) {
  return page.evaluate((properties) => ({
    sheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    rootAccent: getComputedStyle(document.documentElement).getPropertyValue('--accent'),
    elements: [...document.querySelectorAll('body *:not(smp-preview)')].map((element) => {
      const style = getComputedStyle(element);
      return [element.tagName, ...properties.map((name) => style.getPropertyValue(name))].join(' ');
    }),
  }), styleProperties);
}

test('the live example (examples/host.html) is branded by its clinic.json and attributes, and no style leaks into the clinic\'s page', async () => {
  const { page, problems, warnings, close } = await openHost('examples/host.html', {});
  const withoutWidget = await openPage(session, {
    query: 'examples/host.html',
    route: ['**/embed.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '// no widget' })],
  });
  try {
    const frame = await widgetFrame(page);
    const expectedFacts = await hostStyles(withoutWidget.page);
    assert.deepEqual(await hostStyles(page), expectedFacts, 'the clinic\'s elements look the same with the widget');

    await openPhoto(frame, photoPath(photoName));
    const state = await widgetState(frame);
    assert.equal(state.language, 'es', 'the language from clinic.json');
    assert.equal(state.primaryBackground, 'rgb(10, 107, 93)', 'brandColor from clinic.json');
    assert.deepEqual(state.logo, { src: `${session.origin}/examples/logo.svg`, width: 64 }, 'the logo, relative to clinic.json');
    assert.equal(state.clinicName, 'Clínica Capilar Sol');
    assert.equal(state.cta.href, 'https://example.com/cita', 'the CTA address from clinic.json');
    assert.match(state.cta.text, /^Pida su consulta gratuita /, 'the cta-label attribute wins over the file');
    assert.deepEqual(state.templates, ['soft', 'receded', 'rounded', 'straight']);
    assert.deepEqual(state.shades, [2, 3, 4]);
    assert.equal(state.customColour, false, 'no custom colour: customColour is false');
    assert.equal(state.shade, 2, 'defaultShade');
    assert.equal(state.privacy, 'Su foto no sale de este navegador: no se envía a la clínica ni a nadie.');
    await screenshot(page, 'embed-example-desktop');
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
  } finally {
    await close();
    await withoutWidget.close();
  }
});

test('invalid options are reported on the console and fall back to the defaults', async () => {
  const origin = session.origin;
  const { page, problems, warnings, close } = await openHost('e2e/invalid.html', {
    [`${origin}/e2e/invalid.html`]: invalidPage,
    [`${origin}/e2e/invalid.json`]: invalidJson,
  });
  try {
    const frame = await widgetFrame(page);
    await openPhoto(frame, photoPath(photoName));
    const state = await widgetState(frame);
    assert.equal(state.primaryBackground, defaultAccent, 'the page\'s own colour');
    assert.equal(state.cta, null, 'no button with a javascript: address');
    assert.equal(state.logo, null, 'no logo from another origin');
    assert.equal(state.templates.length, 6, 'every style: the list named an unknown one');
    assert.deepEqual(state.shades, [3], 'the valid shades option is kept');
    assert.equal(state.shade, 3);
    const expected = [
      /invalid\.json: brandColor must be a colour like #0a6b5d, not “teal”; the default is used/,
      /invalid\.json: each of templates must be one of soft, sharp, straight, rounded, receded, widows-peak, not “mohawk”/,
      /invalid\.json: unknown option “colour”/,
      /invalid\.json: cta\.url must be an http\(s\) URL, not “javascript:”/,
      /<smp-preview> attributes: defaultShade must be one of 1, 2, 3, 4, 5, not “9”/,
      /the logo must be on this page's origin \(http:\/\/127\.0\.0\.1:\d+\), not https:\/\/elsewhere\.example; it is left out/,
    ];
    for (const pattern of expected) assert.ok(warnings.some((text) => pattern.test(text)), `a warning like ${pattern} in ${JSON.stringify(warnings)}`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

// The page is in English, the clinic's file (examples/clinic.json) says Spanish.
const brokenPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host with a wrong src</title>
<script type="module" src="/embed.js"></script></head>
<body><smp-preview src="/e2e/not-the-widget.html" config="/examples/clinic.json"></smp-preview></body></html>`;

test('a widget whose src is not the simulator says so in the page, on the console and by an event, instead of staying blank', async () => {
  const { page, problems, close } = await openHost('e2e/broken.html', { [`${session.origin}/e2e/broken.html`]: brokenPage });
  try {
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.clock.install();
    await page.reload();
    await page.evaluate(() => {
      window.smpErrors = [];
      document.querySelector('smp-preview').addEventListener('smp-error', (event) => window.smpErrors.push(event.detail.message));
    });
    const frame = await (await page.locator('smp-preview iframe').elementHandle()).contentFrame();
    await frame.waitForLoadState('load');
    await page.clock.fastForward(19_000);
    assert.equal(await page.locator('smp-preview .failed').count(), 0, 'not before 20 s');
    await page.clock.fastForward(2_000);
    const note = page.locator('smp-preview .failed');
    await note.waitFor();
    assert.equal(await note.getAttribute('role'), 'alert');
    assert.match(await note.textContent(), /^No se pudo cargar la vista previa de SMP\.http:\/\/127\.0\.0\.1:\d+\/e2e\/not-the-widget\.html$/, 'in the clinic\'s language, with the address');
    assert.ok(await note.isVisible());
    assert.equal(await page.locator('smp-preview iframe').isVisible(), false, 'the wrong page stays hidden');
    const said = await page.evaluate(() => window.smpErrors);
    assert.equal(said.length, 1);
    assert.match(said[0], /not-the-widget\.html did not start the simulator within 20 s; src must be smp-preview's index\.html/);
    assert.ok(errors.some((text) => text === said[0]), `the console says it too: ${JSON.stringify(errors)}`);
    await screenshot(page, 'embed-wrong-src');
    // Errors the test caused on purpose (the 404) are not problems of the page.
    assert.deepEqual(problems.filter((text) => !/404|did not start the simulator/.test(text)), []);
  } finally {
    await close();
  }
});

const lightBrandPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host with a light brand colour</title>
<script type="module" src="/embed.js"></script></head>
<body><main><h1>A clinic</h1><smp-preview src="/index.html?maxSide=800" brand-color="#f5c542" logo="/examples/logo.svg"
  cta-label="Book a consultation" cta-url="https://clinic.example/book"></smp-preview></main></body></html>`;

// axe runs inside the widget's frame: the branded header, the brand colour on buttons and
// selected options, in light and dark mode, and the example on a phone.
for (const [label, path, options] of [
  ['a light brand colour, dark mode', 'e2e/light-brand.html', { colorScheme: 'dark' }],
  ['a light brand colour, light mode', 'e2e/light-brand.html', { colorScheme: 'light' }],
  ['the live example on a phone', 'examples/host.html', { viewport: phone, hasTouch: true, isMobile: true }],
]) {
  test(`axe finds no serious or critical violation in the branded widget (${label})`, async () => {
    const { page, problems, close } = await openHost(path, { [`${session.origin}/e2e/light-brand.html`]: lightBrandPage }, { bypassCSP: true, ...options });
    try {
      const frame = await widgetFrame(page);
      await openPhoto(frame, photoPath(photoName));
      await frame.waitForFunction(() => [...document.querySelectorAll('#gallery canvas.thumb')].every((c) => c.hidden || c.width > 1));
      if (path.startsWith('e2e/')) {
        const state = await widgetState(frame);
        assert.equal(state.primaryText, 'rgb(17, 20, 24)', 'near-black text on a light brand colour');
      }
      await screenshot(page, `embed-axe-${label.replace(/\W+/g, '-')}`);
      assert.deepEqual(await severeAxeViolations(frame), []);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

// ---- the postMessage API ----------------------------------------------------------------

// The state of the widget's frame, as seen from its own document.
const offeredShades = (frame) => frame.evaluate(() =>
  [...document.querySelectorAll('#shades [data-shade]')].filter((item) => !item.hidden).map((item) => Number(item.dataset.shade)));

// The widget frame inside a host page that frames it directly.
async function plainFrame(page) {
  const frame = await (await page.locator('#widget').elementHandle()).contentFrame();
  await frame.waitForURL(/\/index\.html/);
  await waitReady(frame);
  return frame;
}

test('the postMessage API from a host on another origin: set-options, get-settings, export and change messages', async () => {
  otherServer.pages['/api-host.html'] = apiPage(`${session.origin}/index.html?maxSide=800`);
  const { page, problems, close } = await openHost(`${otherServer.origin}/api-host.html`, {});
  try {
    await page.waitForFunction(() => received.some((message) => message.type === 'smp:ready'));
    const frame = await plainFrame(page);

    const empty = await page.evaluate(() => send({ type: 'smp:get-settings' }));
    assert.equal(empty.ok, true);
    assert.deepEqual(
      { template: empty.settings.template, shade: empty.settings.shade, photoOpen: empty.settings.photoOpen, designLink: empty.settings.designLink },
      { template: 'soft', shade: 3, photoOpen: false, designLink: null },
    );
    const noPhoto = await page.evaluate(() => send({ type: 'smp:export', format: 'png', kind: 'result' }));
    assert.deepEqual(noPhoto, { type: 'smp:result', id: noPhoto.id, ok: false, message: 'no photo is open yet' });

    const set = await page.evaluate(() => send({ type: 'smp:set-options', options: { language: 'de', shades: [2, 3, 4], bogus: 1 } }));
    assert.equal(set.ok, true);
    assert.equal(set.problems.length, 1);
    assert.match(set.problems[0], /unknown option “bogus”/);
    assert.equal(set.settings.language, 'de');
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de', 'the language is applied');
    assert.deepEqual(await offeredShades(frame), [2, 3, 4], 'the shades are applied');

    await openPhoto(frame, photoPath(photoName));
    await page.waitForFunction(() => received.some((message) => message.type === 'smp:change' && message.settings.photoOpen));
    const open = await page.evaluate(() => send({ type: 'smp:get-settings' }));
    assert.equal(open.settings.photoOpen, true);
    assert.match(open.settings.designLink, new RegExp(`^${session.origin}/index\\.html\\?maxSide=800#design=`));
    assert.ok(!JSON.stringify(open.settings).includes('pixels'), 'no photo data in the settings');

    await frame.click('#shades [data-shade="4"]');
    await page.waitForFunction(() => received.some((message) => message.type === 'smp:change' && message.settings.shade === 4));

    const exported = await page.evaluate(async () => {
      const reply = await send({ type: 'smp:export', format: 'png', kind: 'result' });
      return { ok: reply.ok, isBlob: reply.blob instanceof Blob, facts: await blobFacts(reply.blob) };
    });
    assert.equal(exported.ok, true);
    assert.equal(exported.isBlob, true, 'a Blob, not bytes');
    assert.equal(exported.facts.type, 'image/png');
    const picture = await decodeBlobFacts(exported.facts);
    assert.deepEqual([picture.width, picture.height], photos[photoName].size, 'the photo\'s full size');

    const compare = await page.evaluate(async () => {
      const reply = await send({ type: 'smp:export', format: 'jpeg', kind: 'compare' });
      return blobFacts(reply.blob);
    });
    assert.equal(compare.type, 'image/jpeg');
    const pair = await decodeBlobFacts(compare);
    assert.ok(pair.width > 2 * 500 && pair.width > pair.height, `the before/after picture is ${pair.width} × ${pair.height}`);

    // Shade 4 withdrawn: the design takes an offered one, and undoing that step does not
    // bring back the one the clinic no longer offers.
    await page.evaluate(() => send({ type: 'smp:set-options', options: { shades: [2, 3] } }));
    const checkedShade = () => frame.evaluate(() => Number(document.querySelector('#shades [aria-checked="true"]').dataset.shade));
    assert.ok([2, 3].includes(await checkedShade()), 'an offered shade');
    await frame.click('#undo');
    assert.ok([2, 3].includes(await checkedShade()), `after undo, still an offered shade (${await checkedShade()})`);

    const unknown = await page.evaluate(() => send({ type: 'smp:reticulate' }));
    assert.deepEqual([unknown.ok, unknown.message], [false, 'unknown message type “smp:reticulate”']);
    const badFormat = await page.evaluate(() => send({ type: 'smp:export', format: 'gif' }));
    assert.deepEqual([badFormat.ok, badFormat.message], [false, 'format must be png or jpeg, not “gif”']);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('options set at run time reach a new page in the frame (a kiosk\'s start over reloads it)', async () => {
  const { page, problems, close } = await openHost('e2e/reload.html', {
    [`${session.origin}/e2e/reload.html`]: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reload</title>
<script type="module" src="/embed.js"></script></head><body><smp-preview src="/index.html?maxSide=800" lang="fr"></smp-preview></body></html>`,
  });
  try {
    const element = page.locator('smp-preview');
    await widgetFrame(page);
    await element.evaluate((widget) => widget.setOptions({ language: 'de' }));
    const frame = await widgetFrame(page);
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de');
    const readyAgain = element.evaluate((widget) => new Promise((resolve) => widget.addEventListener('smp-ready', resolve, { once: true })));
    await frame.evaluate(() => location.replace(location.href));
    await readyAgain;
    await frame.waitForFunction(() => document.documentElement.lang === 'de');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('in kiosk mode the widget does not hand the visitor\'s photo to the host page', async () => {
  const { page, problems, close } = await openHost('e2e/kiosk.html', {
    [`${session.origin}/e2e/kiosk.html`]: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kiosk</title>
<script type="module" src="/embed.js"></script></head><body><smp-preview src="/index.html?maxSide=800" kiosk></smp-preview></body></html>`,
  });
  try {
    const frame = await widgetFrame(page);
    assert.equal(await frame.evaluate(() => document.body.classList.contains('kiosk')), true);
    await openPhoto(frame, photoPath('reisman_shaved_front.jpg'));
    const refused = await page.locator('smp-preview').evaluate((widget) => widget.exportImage({ format: 'png' })
      .then(() => 'exported', (error) => error.message));
    assert.match(refused, /kiosk mode keeps the photo on the screen/);
    assert.equal((await page.locator('smp-preview').evaluate((widget) => widget.getSettings())).photoOpen, true);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('messages from an origin that is not the host\'s are ignored: no reply, no change', async () => {
  // A page on the other origin frames the widget with the real host's origin in its
  // address (as copied from a clinic's page) and tries every message.
  const widgetUrl = `${session.origin}/index.html?maxSide=800&hostOrigin=${encodeURIComponent(session.origin)}`;
  otherServer.pages['/evil.html'] = apiPage(widgetUrl);
  const { page, problems, close } = await openHost(`${otherServer.origin}/evil.html`, {});
  try {
    const frame = await plainFrame(page);
    await frame.evaluate(() => {
      window.addEventListener('message', (event) => { if (event.data === 'probe') window.probed = true; });
    });
    await page.evaluate(() => {
      post({ type: 'smp:set-options', id: 1, options: { shades: [1], brandColor: '#ff0000', language: 'de' } });
      post({ type: 'smp:get-settings', id: 2 });
      post({ type: 'smp:export', id: 3, format: 'png' });
      post('probe'); // delivered after the three above, in order
    });
    await frame.waitForFunction(() => window.probed);
    assert.deepEqual(await offeredShades(frame), [1, 2, 3, 4, 5], 'the shades are unchanged');
    const look = await frame.evaluate(() => ({
      accent: getComputedStyle(document.querySelector('label.button.primary')).backgroundColor,
      language: document.documentElement.lang,
    }));
    assert.deepEqual(look, { accent: defaultAccent, language: 'en' });
    assert.deepEqual(await page.evaluate(() => received), [], 'nothing was posted to the other origin, not even smp:ready');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
  assertRequestsLocal(session, import.meta.url, { alsoAllowed: [otherServer.origin] });
});
