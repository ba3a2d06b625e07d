// The page in another language: chosen by ?lang= or by the browser's own language, the
// intake and the workspace read in it (<html lang> too), no key name shows instead of
// a string, a photo still opens and paints, the longer German and French words fit
// their buttons on a 360 px phone and a 1280 px desktop, and a language change at run
// time rewrites what the code wrote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertRequestsLocal, desktop, openPage, openPhoto, phone, photoPath, readLocale, screenshot, severeAxeViolations, startSession,
  waitReadyIn,
} from './support.mjs';

const photo = 'reisman_shaved_front.jpg';

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

// Visible text nodes that look like a key ("intake.choose") rather than words.
function leakedKeys(page) {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const leaked = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (/^[a-z]+\.[a-zA-Z.]+$/.test(text) && node.parentElement.checkVisibility()) leaked.push(text);
    }
    const labels = [...document.querySelectorAll('[aria-label], [title]')].flatMap((element) => [element.getAttribute('aria-label'), element.title]);
    return [...leaked, ...labels.filter((label) => /^[a-z]+\.[a-zA-Z.-]+$/.test(label ?? ''))];
  });
}

// Words that run out of their button, label or legend (each text's own box against
// the element's), and whether the page itself is wider than the window.
function overflowing(page) {
  return page.evaluate(() => {
    const selectors = '#intake .button, #workspace button, #workspace .choice-row label, #workspace legend, #workspace .slider, #workspace .select, #face-picker button';
    const cut = [];
    for (const element of document.querySelectorAll(selectors)) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || !node.parentElement.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const text = range.getBoundingClientRect();
        if (text.left < box.left - 1 || text.right > box.right + 1 || text.top < box.top - 1 || text.bottom > box.bottom + 1) {
          cut.push(`“${node.textContent.trim()}”: ${Math.round(text.width)} × ${Math.round(text.height)} px in ${Math.round(box.width)} × ${Math.round(box.height)}`);
        }
      }
    }
    return { cut, pageWider: document.documentElement.scrollWidth > window.innerWidth };
  });
}

// The workspace with a photo open reads in `words`.
async function assertWorkspaceIn(page, words) {
  assert.equal(await page.textContent('[data-tool=move]'), words['tools.move']);
  assert.equal(await page.textContent('[data-mode=side]'), words['tools.side']);
  assert.equal(await page.textContent('#reset'), words['controls.reset']);
  assert.equal(await page.textContent('#controls legend >> nth=1'), words['controls.hairline']);
  assert.equal(await page.textContent('[data-template=soft] span'), words['template.soft']);
  assert.equal(await page.textContent('#years + output'), words['controls.yearsFresh']);
  assert.equal(await page.getAttribute('[data-shade="1"]', 'aria-label'), words['controls.shadeName'].replace('{shade}', '1').replace('{name}', words['controls.shadeBlack']));
  assert.ok((await page.getAttribute('.handle-left', 'aria-label')).startsWith(words['stage.handleLeft']));
  assert.equal(await page.getAttribute('#stage', 'aria-roledescription'), words['stage.roleDescription']);
  const dotsWord = words['stage.stats'].match(/^\{dots\} (\p{L}+)\./u)[1];
  assert.match(await page.textContent('#stats'), new RegExp(`^[\\d.,\\s]+ ${dotsWord}\\.`));
}

test('?lang=es: the intake and the workspace in Spanish, and a photo opens', async () => {
  const es = readLocale('es');
  const { page, problems, close } = await openPage(session, { query: '?lang=es&maxSide=800' });
  await waitReadyIn(page, 'es');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.textContent('#intake-title'), es['intake.title']);
  assert.equal(await page.textContent('label[for=photo-input]'), es['intake.choose']);
  assert.equal(await page.textContent('#demo-button'), es['intake.demo']);
  assert.equal(await page.title(), es['page.title']);
  assert.deepEqual(await leakedKeys(page), []);

  await openPhoto(page, photoPath(photo));
  assert.match(await page.textContent('#status'), new RegExp(`^${photo.replace('.', '\\.')}: \\d+ × \\d+, se trabaja a`));
  await assertWorkspaceIn(page, es);
  assert.deepEqual(await leakedKeys(page), []);
  await screenshot(page, 'languages-es-desktop');
  assert.deepEqual(problems, []);
  await close();
});

test('a German browser (de-DE) without a configured language gets German, axe-clean', async () => {
  const de = readLocale('de');
  const { page, problems, close } = await openPage(session, { locale: 'de-DE', query: '?maxSide=800', bypassCSP: true });
  await waitReadyIn(page, 'de');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.textContent('#camera-button'), de['intake.camera']);
  assert.equal(await page.textContent('#privacy'), de['page.privacy']);
  assert.deepEqual(await leakedKeys(page), []);
  await openPhoto(page, photoPath(photo));
  await assertWorkspaceIn(page, de);
  assert.match(await page.textContent('#status'), /Griffe anhand Ihres Gesichts gesetzt, \d+,\d cm über den Augenbrauen/);
  assert.deepEqual(await leakedKeys(page), []);
  assert.deepEqual(await severeAxeViolations(page), []);
  assert.deepEqual(problems, []);
  await close();
});

for (const language of ['de', 'fr']) {
  for (const [label, viewport] of [['phone', phone], ['desktop', desktop]]) {
    test(`${language} at ${viewport.width} px: every label fits its button`, async () => {
      const { page, problems, close } = await openPage(session, { viewport, query: `?lang=${language}&maxSide=800` });
      await waitReadyIn(page, language);
      assert.deepEqual(await overflowing(page), { cut: [], pageWider: false }, 'intake');
      await openPhoto(page, photoPath(photo));
      await page.click('[data-tool=add]'); // the brush size shows too
      assert.deepEqual(await overflowing(page), { cut: [], pageWider: false }, 'workspace');
      await screenshot(page, `languages-${language}-${label}`, { fullPage: true });
      assert.deepEqual(problems, []);
      await close();
    });
  }
}

test('a language change at run time rewrites the words the code wrote', async () => {
  const fr = readLocale('fr');
  const { page, problems, close } = await openPage(session, { query: '?maxSide=800' });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Ready'));
  await openPhoto(page, photoPath(photo));
  assert.match(await page.textContent('#stats'), /^[\d,]+ dots\./);
  // The page's own module instance: the embed API changes the language the same way.
  await page.evaluate(() => import('./app/i18n.js').then(({ setLanguage }) => setLanguage('fr')));
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await assertWorkspaceIn(page, fr);
  assert.equal(await page.textContent('#brush-size-value'), fr['tools.brushSizeValue'].replace('{mm}', '12'));
  assert.deepEqual(await leakedKeys(page), []);
  assert.deepEqual(problems, []);
  await close();
});

test('every request stayed on the page\'s origin', () => {
  assertRequestsLocal(session, import.meta.url);
});
