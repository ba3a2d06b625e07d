// The practitioner's tools in another language (?lang=fr): a warning and its one-click
// fix in French, the measurements and the guide's height with a decimal comma, the
// printed clinic sheet in French, and a refused design link explained in French (the
// code itself is the same in every language); switched to German at run time, what the
// panel wrote is rewritten; in German (the longest words) everything fits a 360 px phone.
// Screenshots in test-artifacts/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  andPainted, artifactsDir, assertRequestsLocal, openPage, openPhoto, phone, photoPath, readLocale, startSession, waitReadyIn,
} from './support.mjs';

const french = readLocale('fr');
const german = readLocale('de');
const photo = 'reisman_shaved_front.jpg';

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

// The page in `language` with the photo open and painted. (waitReady looks for the
// English status line; this waits for the language's own.)
async function pageWithPhoto(language, options = {}) {
  const opened = await openPage(session, { query: `?maxSide=640&lang=${language}`, ...options });
  await waitReadyIn(opened.page, language);
  await openPhoto(opened.page, photoPath(photo));
  return opened;
}

test('in French a warning and its fix are in French, the fix clears it, and centimetres have a decimal comma', async () => {
  const { page, problems, close } = await pageWithPhoto('fr');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.textContent('#checks legend'), 'Vérifications du praticien');
  const measurements = await page.textContent('#measurements');
  assert.match(measurements, /^Milieu de la ligne frontale\s:\s7,0 cm au-dessus de la glabelle/);
  assert.match(measurements, /Coins des tempes\s:\s\d,\d et \d,\d cm au-dessus, à \d,\d et \d,\d cm de la ligne médiane\.$/);
  assert.doesNotMatch(measurements, /\d\.\d/, 'no decimal point');
  assert.equal(await page.textContent('#checks-summary'), french['checks.summary.none']);

  // 2 cm lower: 5 cm above the glabella, under a man's 6 cm.
  await andPainted(page, () => page.locator('#hairline-offset').fill('-20'));
  const warning = page.locator('#warnings [data-check=too-low]');
  assert.equal(await warning.locator('strong').textContent(), 'Ligne frontale trop basse. ');
  assert.match(await warning.locator('span').textContent(),
    /^Le milieu de la ligne frontale est à 5,0 cm au-dessus du point entre les sourcils\s; pour un homme, il devrait être à au moins 6,0 cm\. .*micropigmentation capillaire/);
  assert.equal(await warning.locator('.check-fix').textContent(), 'La remonter à 7,0 cm');
  assert.match(await page.textContent('#checks-summary'), /^1 point qu’un praticien soulèverait\s:$/);
  await page.locator('#checks').screenshot({ path: join(artifactsDir, 'practitioner-french-warning.png') });

  await andPainted(page, () => warning.locator('.check-fix').click());
  assert.equal(await page.locator('#warnings [data-check]').count(), 0, 'the fix cleared the warning');
  assert.equal(await page.textContent('#checks-summary'), french['checks.summary.none']);
  assert.match(await page.textContent('#measurements'), /^Milieu de la ligne frontale\s:\s7,0 cm/);

  await page.check('#show-guides');
  assert.equal(await page.textContent('.guide-label.guide-height'), '7,0 cm');
  assert.deepEqual(await page.$$eval('.guide-label', (labels) => labels.map((label) => label.textContent).sort()),
    ['7,0 cm', 'coins des tempes', 'menton ⅓', 'nez ⅓', 'sourcils']);

  // Switched to German (as the embed API does): what the panel wrote is written again.
  await andPainted(page, () => page.click('[data-shade="1"]'));
  assert.equal(await page.textContent('[data-check=dark-on-fair] .check-fix'), 'Prendre la teinte 3 (foncé)');
  await page.evaluate(() => import('./app/i18n.js').then(({ setLanguage }) => setLanguage('de')));
  assert.equal(await page.textContent('[data-check=dark-on-fair] strong'), 'Ton sehr dunkel für helle Haut. ');
  assert.equal(await page.textContent('[data-check=dark-on-fair] .check-fix'), 'Ton 3 (dunkel) verwenden');
  assert.equal(await page.textContent('#checks-summary'), '1 Punkt, den eine Fachkraft ansprechen würde:');
  assert.match(await page.textContent('#measurements'), /^Mitte des Haaransatzes: 7,0 cm über der Glabella/);
  assert.deepEqual(await page.$$eval('.guide-label', (labels) => labels.map((label) => label.textContent).sort()),
    ['7,0 cm', 'Augenbrauen', 'Kinn ⅓', 'Nase ⅓', 'Schläfenecken']);
  assert.deepEqual(problems, []);
  await close();
});

test('in French the printed clinic sheet and a refused design link are in French', async () => {
  const { page, problems, close } = await pageWithPhoto('fr');
  await page.evaluate(() => { window.e2ePrints = 0; window.print = () => { window.e2ePrints++; }; });
  await page.click('#print-sheet');
  await page.waitForFunction(() => window.e2ePrints === 1);
  assert.equal(await page.textContent('#sheet h2'), french['sheet.title']);
  assert.equal(await page.getAttribute('#sheet', 'aria-label'), 'Fiche clinique');
  const facts = await page.$$eval('#sheet dt', (terms) => Object.fromEntries(terms.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
  assert.match(facts['Milieu de la ligne frontale'], /^7,0 cm au-dessus de la glabelle \(le point entre les sourcils\)$/);
  assert.match(facts['Coin de la tempe gauche (à gauche sur la photo)'], /^\d,\d cm au-dessus de la glabelle, à \d,\d cm de la ligne médiane, \d+ mm en (dehors|dedans) de la verticale/);
  assert.match(facts.Teinte, /^3 sur 5 \(foncé\) dans toutes les zones/);
  assert.match(facts['Séances'], /^en général 3, .* après 3 séances, cicatrisé$/);
  assert.match(await page.textContent('#sheet .sheet-note'), /^Ceci est une simulation, pas une promesse de résultat\./);

  await page.evaluate(() => { location.hash = 'design=hello'; });
  await page.waitForFunction(() => document.querySelector('#share-status').classList.contains('warning'));
  assert.equal(await page.textContent('#share-status'),
    'Le projet de ce lien n’a pas pu être ouvert. Ce n’est pas un code de projet smp-preview. Rien n’a été modifié.');
  assert.deepEqual(problems, []);
  await close();
});

test('in German, the longest words, the panel and the sharing buttons fit a 360 px phone as 44 px targets', async () => {
  const { page, problems, close } = await pageWithPhoto('de', { viewport: phone, hasTouch: true, isMobile: true });
  await andPainted(page, () => page.tap('[data-shade="1"]'));
  assert.equal(await page.textContent('[data-check=dark-on-fair] .check-fix'), german['warnings.darkOnFair.fix']);
  const targets = ['#client-sex', '#client-age', '#show-guides', '[data-check=dark-on-fair] .check-fix', '#share-link', '#save-design',
    '#design-file', '#print-sheet', '#sheet-png'];
  for (const selector of targets) {
    const box = await (await page.locator(selector).evaluateHandle((element) => element.closest('label') ?? element)).boundingBox();
    assert.ok(box.width >= 43.9 && box.height >= 43.9, `${selector}: ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px`);
    assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `${selector} fits the screen`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width);
  await page.locator('#share').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'practitioner-german-phone-share.png') });
  assert.deepEqual(problems, []);
  await close();
});

test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
