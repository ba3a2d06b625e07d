// Designing like a practitioner, in the real page: every warning fires on the design
// that deserves it and its one-click fix clears it; the guides follow the face; a
// design code and a design file round-trip to the same parameters and the same pixels
// on the same photo; malformed or tampered codes and files are refused with a clear
// message and change nothing; the clinic sheet shows the right numbers for a fixture
// photo with hand-annotated handles, prints alone, and saves as a PNG.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  andPainted, artifactsDir, assertRequestsLocal, centreOf, drag, engineInNode, handlePositions, openPage, openPhoto, phone,
  photoPath, photos, placeHandles, screenPoint, screenshot, settle, startSession, waitForText, waitReady,
} from './support.mjs';
import {
  dataToDesign, decodeDesignCode, designFileText, encodeDesignCode, parseDesignFile,
} from '../../web/app/design-code.js';

const maxSide = 640;
const query = `?maxSide=${maxSide}`;
const annotations = JSON.parse(readFileSync(new URL('../placement/annotations.json', import.meta.url)));
const templateIds = ['soft', 'sharp', 'straight', 'rounded', 'receded', 'widows-peak'];

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

async function pageWithPhoto(name, options = {}) {
  const opened = await openPage(session, { query, ...options });
  await waitReady(opened.page);
  const size = await openPhoto(opened.page, photoPath(name));
  return { ...opened, size };
}

const checkIds = (page) => page.$$eval('#warnings [data-check]', (items) => items.map((item) => item.dataset.check));

// Clicks the fix of warning `id` and waits for its frame.
const fix = (page, id) => andPainted(page, () => page.click(`#warnings [data-check="${id}"] .check-fix`));

// The middle of the hairline above the glabella, in cm, as the panel shows it.
async function shownHeightCm(page) {
  return Number((await page.textContent('#measurements')).match(/Middle of the hairline: ([\d.]+) cm/)[1]);
}

const scaleOf = async (page) => Number((await page.textContent('#stats')).match(/Scale ([\d.]+) px\/mm/)[1]);

// SHA-256 of the after canvas's pixels.
function pixelHash(page) {
  return page.evaluate(async () => {
    const canvas = document.querySelector('canvas.stage-after');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const digest = await crypto.subtle.digest('SHA-256', data);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
}

async function saveDesignFile(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-design')]);
  const path = join(artifactsDir, name);
  await download.saveAs(path);
  return { path, text: readFileSync(path, 'utf8') };
}

test('each warning fires on the design that deserves it, and its one-click fix clears it', async () => {
  const { page, problems, close } = await pageWithPhoto('reisman_shaved_front.jpg');
  // The face's own placement (7 cm, corners above the eye corners) with the default style is clean.
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await page.textContent('#checks-summary'), 'Nothing a practitioner would object to so far.');
  assert.equal(await shownHeightCm(page), 7);

  // Too low: 2 cm down is 5 cm above the glabella, under a man's 6 cm.
  await andPainted(page, () => page.locator('#hairline-offset').fill('-20'));
  assert.deepEqual(await checkIds(page), ['too-low']);
  assert.match(await page.textContent('[data-check=too-low]'), /5\.0 cm above the point between the brows; for a man it should be at least 6\.0 cm/);
  // For a woman 5 cm is the limit, so the same line passes; for a man again it fails.
  await page.selectOption('#client-sex', 'woman');
  assert.deepEqual(await checkIds(page), []);
  await page.selectOption('#client-sex', 'man');
  const low = await handlePositions(page);
  await fix(page, 'too-low');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await shownHeightCm(page), 7, 'the fix raises the line to 7 cm');
  const raised = await handlePositions(page);
  assert.ok(raised.mid[1] < low.mid[1] - 25, `the handles moved up the photo: ${low.mid[1]} → ${raised.mid[1]}`);
  await andPainted(page, () => page.click('#undo'));
  assert.deepEqual(await checkIds(page), ['too-low'], 'the fix is one undo step');
  await andPainted(page, () => page.click('#undo'));
  assert.deepEqual(await checkIds(page), []);

  // Temple filled in: the left corner dragged 12 mm further out than the eye corner.
  const scale = await scaleOf(page);
  const start = await handlePositions(page);
  await placeHandles(page, { ...start, left: [start.left[0] - Math.round(12 * scale), start.left[1]] }, { tolerance: 1 });
  assert.deepEqual(await checkIds(page), ['temples-filled']);
  assert.match(await page.textContent('[data-check=temples-filled]'), /the left one 1[1-3] mm outside it/);
  await fix(page, 'temples-filled');
  assert.deepEqual(await checkIds(page), []);
  const fixed = await handlePositions(page);
  assert.ok(Math.abs(fixed.left[0] - start.left[0]) <= 2, `the corner is back above the eye corner: x ${fixed.left[0]}, placed at ${start.left[0]}`);
  assert.deepEqual([fixed.mid, fixed.right], [start.mid, start.right]);

  // The sharp style: square corners and a ruler-straight, symmetric line. Either fix
  // (the soft style) clears both.
  await andPainted(page, () => page.click('[data-template=sharp]'));
  assert.deepEqual(await checkIds(page), ['square-corners', 'too-regular']);
  assert.match(await page.textContent('[data-check=too-regular]'), /ruler-straight and perfectly symmetric/);
  await fix(page, 'square-corners');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await page.getAttribute('[data-template=soft]', 'aria-checked'), 'true');
  await andPainted(page, () => page.click('[data-template=sharp]'));
  await fix(page, 'too-regular');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await page.getAttribute('[data-template=soft]', 'aria-checked'), 'true');

  // Black on this fair skin (ITA well above 41°).
  await andPainted(page, () => page.click('[data-shade="1"]'));
  assert.deepEqual(await checkIds(page), ['dark-on-fair']);
  await fix(page, 'dark-on-fair');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await page.getAttribute('[data-shade="3"]', 'aria-checked'), 'true');

  // 130% density is 117 dots/cm² at the front, above a natural scalp's ~110; 120% is not.
  await andPainted(page, () => page.locator('#density').fill('1.2'));
  assert.deepEqual(await checkIds(page), []);
  await andPainted(page, () => page.locator('#density').fill('1.3'));
  assert.deepEqual(await checkIds(page), ['too-dense']);
  // By keyboard: the fix is a button; afterwards the summary has the focus.
  await page.focus('[data-check=too-dense] .check-fix');
  await andPainted(page, () => page.keyboard.press('Enter'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'checks-summary');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await page.inputValue('#density'), '1');

  // Age: under 30 a 6.5 cm line (fine for a man in general) is advised up to 7 cm;
  // at 60 and over a mature style is advised.
  await andPainted(page, () => page.locator('#hairline-offset').fill('-5'));
  assert.deepEqual(await checkIds(page), []);
  await page.selectOption('#client-age', '18-29');
  assert.deepEqual(await checkIds(page), ['age']);
  assert.match(await page.textContent('[data-check=age]'), /Leave room for the years ahead/);
  await fix(page, 'age');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await shownHeightCm(page), 7);
  await page.selectOption('#client-age', '60+');
  assert.deepEqual(await checkIds(page), ['age']);
  assert.match(await page.textContent('[data-check=age]'), /A mature hairline suits you/);
  await fix(page, 'age');
  assert.deepEqual(await checkIds(page), []);
  assert.equal(await page.getAttribute('[data-template=receded]', 'aria-checked'), 'true');
  await screenshot(page, 'practitioner-checks');
  assert.deepEqual(problems, []);
  await close();
});

test('on a photo cropped just above the hairline, the "too low" fix raises the handles as far as the photo allows and the height slider the rest', async () => {
  const engine = await engineInNode();
  const full = engine.decodePhoto(readFileSync(photoPath('reisman_shaved_front.jpg')), { maxSide: 0 });
  const top = 140; // 22 px (5 mm) above the annotated middle of the hairline
  const cropped = engine.encodePng(full.pixels.subarray(4 * top * full.width), full.width, full.height - top);
  const { page, problems, close } = await openPage(session, { query });
  await waitReady(page);
  await openPhoto(page, { name: 'cropped.png', mimeType: 'image/png', buffer: Buffer.from(cropped.bytes) });
  await andPainted(page, () => page.locator('#hairline-offset').fill('-20'));
  assert.deepEqual(await checkIds(page), ['too-low']);
  await fix(page, 'too-low');
  assert.deepEqual(await checkIds(page), []);
  const height = await shownHeightCm(page);
  assert.ok(height >= 7 && height <= 7.1, `the line is ${height} cm above the glabella`);
  const offset = Number(await page.inputValue('#hairline-offset'));
  assert.ok(offset > -20 && offset < 0, `the height slider took part of the raise: ${offset} mm`);
  assert.ok(Math.min(...Object.values(await handlePositions(page)).map(([, y]) => y)) >= 0, 'the handles stay on the photo');
  assert.equal(await page.isHidden('#frame-error'), true, 'the fixed design is valid');
  assert.deepEqual(problems, []);
  await close();
});

test('a very dark shade on dark skin is no warning; without a face nothing is measured and the guides are off', async () => {
  const { page, problems, close } = await pageWithPhoto('satcher_shaved_darkskin_front.jpg');
  await andPainted(page, () => page.click('[data-shade="1"]'));
  assert.deepEqual(await checkIds(page), []);

  const engine = await engineInNode();
  const [w, h] = [600, 800];
  const gradient = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : (i >> 2) % w / 3 + 40));
  await openPhoto(page, { name: 'no-face.png', mimeType: 'image/png', buffer: Buffer.from(engine.encodePng(gradient, w, h).bytes) });
  assert.match(await page.textContent('#measurements'), /Heights in cm need a face: none was found/);
  assert.equal(await page.isDisabled('#show-guides'), true);
  assert.deepEqual(await checkIds(page), [], 'no height warning is made up without a face');
  assert.deepEqual(problems, []);
  await close();
});

test('the guides draw the brows, the eye-corner lines, the thirds and the height in cm, and follow the zoom', async () => {
  const { page, problems, close } = await pageWithPhoto('reisman_shaved_front.jpg');
  assert.equal(await page.locator('.stage-guides > *').count(), 0, 'no guides until asked for');
  await page.check('#show-guides');
  const kinds = await page.$$eval('.stage-guides line', (lines) => lines.map((line) => line.getAttribute('class')));
  assert.deepEqual(kinds.sort(), ['guide guide-brow', 'guide guide-eye', 'guide guide-eye', 'guide guide-eye', 'guide guide-height',
    'guide guide-third', 'guide guide-third', 'guide guide-third', 'guide guide-third']);
  assert.equal(await page.textContent('.guide-label.guide-height'), `${(await shownHeightCm(page)).toFixed(1)} cm`);

  // The height line runs from the glabella to the middle of the hairline: its top is
  // at the middle handle, and it is 7 cm at the photo's scale long.
  const heightLine = async () => page.$eval('.guide-height', (line) => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a))));
  const [x1, y1, x2, y2] = await heightLine();
  const handles = await handlePositions(page);
  const [hx, hy] = await screenPoint(page, handles.mid);
  const stage = await page.locator('#stage').boundingBox();
  const cssPerPx = await page.evaluate(() => {
    const canvas = document.querySelector('canvas.stage-after');
    return canvas.getBoundingClientRect().width / canvas.width;
  });
  assert.ok(Math.hypot(x2 + stage.x + 1 - hx, y2 + stage.y + 1 - hy) < 4 * cssPerPx + 2, `the line ends at the middle handle (${x2}, ${y2})`);
  const lengthMm = Math.hypot(x2 - x1, y2 - y1) / cssPerPx / await scaleOf(page);
  assert.ok(Math.abs(lengthMm - 70) < 1, `the line is ${lengthMm.toFixed(1)} mm long`);
  await screenshot(page, 'practitioner-guides');

  await page.click('#zoom-in');
  const zoomed = await heightLine();
  assert.ok(Math.hypot(zoomed[2] - zoomed[0], zoomed[3] - zoomed[1]) > 1.2 * Math.hypot(x2 - x1, y2 - y1), 'the guides grow with the zoom');
  await page.uncheck('#show-guides');
  assert.equal(await page.locator('.stage-guides > *').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

// A design with every kind of setting changed, a moved handle and a painted patch.
async function makeDesign(page) {
  await andPainted(page, () => page.click('[data-template=receded]'));
  await andPainted(page, () => page.click('[data-shade="4"]'));
  await andPainted(page, () => page.locator('#density').fill('0.85'));
  await andPainted(page, () => page.locator('#hairline-offset').fill('3'));
  await andPainted(page, () => page.locator('#years').fill('4'));
  await andPainted(page, () => page.check('input[name=sessions][value="2"]'));
  await andPainted(page, () => page.check('input[name=healingDay][value="7"]'));
  await page.selectOption('#client-age', '45-59');
  const mid = page.locator('.handle-mid');
  const [x, y] = await centreOf(mid);
  await andPainted(page, () => drag(page, [x, y], [x + 5, y - 7]));
  await page.click('[data-tool=add]');
  const handles = await handlePositions(page);
  await andPainted(page, () => drag(page, [x + 40, y + 60], [x + 90, y + 80]));
  await page.click('[data-tool=move]');
  return handles;
}

test('a design link and a design file round-trip: the same parameters and the same pixels on the same photo, without the photo', async () => {
  const made = await pageWithPhoto('biden_receding_white_front.jpg');
  const handles = await makeDesign(made.page);
  await settle(made.page);
  const hash = await pixelHash(made.page);
  await made.page.click('#share-link');
  await waitForText(made.page, '#share-status', 'It holds the design, not the photo');
  const link = await made.page.inputValue('#design-link');
  assert.equal(made.page.url(), link, 'the address bar holds the link');
  const code = decodeURIComponent(new URL(link).hash.slice('#design='.length));
  console.log(`design code: ${code.length} characters (with ${(await decodeDesignCode(code)).brush.length} brush dabs)`);
  assert.ok(code.length < 600, `the code is ${code.length} characters`);
  const file = await saveDesignFile(made.page, 'design-made.json');
  assert.ok(file.text.length < 8000, `the file is ${file.text.length} characters`);
  assert.doesNotMatch(file.text, /data:|base64|jpe?g|png/i, 'no picture in the file');

  // The code decodes (in Node, by the page's own module) to the file's parameters,
  // and both to the design that was made.
  const fromCode = await decodeDesignCode(code);
  const fromFile = parseDesignFile(file.text);
  const { format, note, ...fileData } = fromFile;
  assert.deepEqual({ ...fromCode, note }, { format, note, ...fileData });
  assert.equal(fromFile.template, 'receded');
  assert.equal(fromFile.shade, 4);
  assert.equal(fromFile.density, 0.85);
  assert.equal(fromFile.sessions, 2);
  assert.equal(fromFile.healingDay, 7);
  assert.equal(fromFile.years, 4);
  assert.equal(fromFile.hairlineOffsetMm, 3);
  assert.deepEqual(fromFile.for, { sex: 'man', age: '45-59' });
  assert.ok(fromFile.brush.length > 3, `${fromFile.brush.length} brush dabs`);
  assert.ok(fromFile.pxPerMm > 0);
  const decoded = dataToDesign(fromFile, fromFile.workingSize, templateIds).design;
  assert.deepEqual(decoded.handles, handles, 'photo-relative handles come back to the same pixels');
  // The file encoded again decodes to the same: nothing is lost or rounded away.
  assert.deepEqual(await decodeDesignCode(await encodeDesignCode(JSON.parse(designFileText(fromFile)))), fromCode);

  // A new page opened on the link, then on the same photo, shows the same pixels.
  const viaLink = await openPage(session, { query: `${query}${new URL(link).hash}` });
  await waitReady(viaLink.page);
  await waitForText(viaLink.page, '#design-notice', 'open the photo it was made on');
  await openPhoto(viaLink.page, photoPath('biden_receding_white_front.jpg'));
  await waitForText(viaLink.page, '#share-status', 'The design in this link is open on this photo');
  await settle(viaLink.page);
  assert.deepEqual(await handlePositions(viaLink.page), handles);
  assert.equal(await viaLink.page.inputValue('#client-age'), '45-59');
  assert.equal(await pixelHash(viaLink.page), hash, 'the same pixels');
  assert.equal((await saveDesignFile(viaLink.page, 'design-via-link.json')).text, file.text, 'the same parameters');

  // The file opened on a fresh page with the same photo: the same pixels too.
  const viaFile = await pageWithPhoto('biden_receding_white_front.jpg');
  await andPainted(viaFile.page, () => viaFile.page.setInputFiles('#design-file', file.path));
  assert.match(await viaFile.page.textContent('#share-status'), /“design-made.json” is open on this photo/);
  assert.equal(await pixelHash(viaFile.page), hash, 'the same pixels from the file');
  await andPainted(viaFile.page, () => viaFile.page.click('#undo'));
  assert.notEqual(await pixelHash(viaFile.page), hash, 'opening the design is one undo step');

  for (const { problems, close } of [made, viaLink, viaFile]) {
    assert.deepEqual(problems, []);
    await close();
  }
});

test('malformed or tampered design codes and files are refused with a clear message and change nothing', async () => {
  const { page, problems, close } = await pageWithPhoto('reisman_shaved_front.jpg');
  await andPainted(page, () => page.click('[data-template=rounded]'));
  const hash = await pixelHash(page);
  const handles = await handlePositions(page);
  // The design is read through the page's own share link: many downloads in a row
  // stall headless Chromium now and then.
  const designCode = async () => {
    await page.click('#share-link');
    await waitForText(page, '#share-status', 'It holds the design, not the photo');
    return decodeURIComponent(new URL(await page.inputValue('#design-link')).hash.slice('#design='.length));
  };
  const validCode = await designCode();
  const framesPosted = () => page.evaluate(() => window.e2eFrames.posted);
  const posted = await framesPosted();
  const valid = await decodeDesignCode(validCode);
  assert.equal(valid.template, 'rounded');
  const [versionPart, payload, check] = validCode.split('.');
  const flipped = `${payload.slice(0, 10)}${payload[10] === 'A' ? 'B' : 'A'}${payload.slice(11)}`;

  const assertUnchanged = async (what) => {
    assert.equal(await pixelHash(page), hash, `${what}: the pixels are unchanged`);
    assert.deepEqual(await handlePositions(page), handles, `${what}: the handles are unchanged`);
    assert.equal(await framesPosted(), posted, `${what}: nothing new was drawn`);
    assert.equal(await page.getAttribute('[data-template=rounded]', 'aria-checked'), 'true');
    assert.equal(await designCode(), validCode, `${what}: the design is unchanged`);
  };
  const codes = [
    ['garbage', 'hello world', /not a design code from smp-preview/],
    ['a broken %-escape', '%E0%A4%A', /not a design code from smp-preview/],
    ['cut short', `${versionPart}.${payload.slice(0, -6)}.${check}`, /damaged: it was cut short or changed/],
    ['one character changed', `${versionPart}.${flipped}.${check}`, /damaged: it was cut short or changed/],
    ['a future version', `9.${payload}.${check}`, /made by another version of smp-preview/],
    ['an impossible density', await encodeDesignCode({ ...valid, density: 9 }), /density is 9; it must be between 0\.3 and 1\.5/],
    ['an unknown style', await encodeDesignCode({ ...valid, template: '<img src=x>' }), /template is "<img src=x>"; it must be one of soft/],
    ['swapped handles', await encodeDesignCode({ ...valid, handles: { ...valid.handles, left: valid.handles.right, right: valid.handles.left } }),
      /the handles must run left, middle, right/],
  ];
  for (const [what, code, message] of codes) {
    await page.evaluate((code) => { location.hash = `design=${code === '%E0%A4%A' ? code : encodeURIComponent(code)}`; }, code);
    await page.waitForFunction(() => document.querySelector('#share-status').classList.contains('warning'));
    const said = await page.textContent('#share-status');
    assert.match(said, message, `${what}: ${said}`);
    assert.match(said, /^The design in this link could not be opened\. .* Nothing was changed\.$/);
    assert.equal(await page.textContent('#design-notice'), said, 'also said above the workspace');
    await assertUnchanged(what);
    await page.evaluate(() => { document.querySelector('#share-status').className = 'status'; });
  }

  const files = [
    ['not JSON', 'not json {', /not a design: it is not JSON/],
    ['JSON but no design', '{"hello": 1}', /not a design saved by smp-preview/],
    ['a negative seed', designFileText({ ...valid, seed: -1 }), /seed is -1; it must be a whole number/],
    ['a handle outside the photo', designFileText({ ...valid, handles: { ...valid.handles, mid: [0.5, 7] } }), /the mid handle must be two fractions/],
    ['a bad brush dab', designFileText({ ...valid, brush: [[1e9, 0, 5, 0]] }), /brush dab 1 must be/],
  ];
  for (const [what, text, message] of files) {
    const path = join(artifactsDir, 'tampered-design.json');
    writeFileSync(path, text);
    await page.setInputFiles('#design-file', path);
    await page.waitForFunction(() => document.querySelector('#share-status').classList.contains('warning'));
    const said = await page.textContent('#share-status');
    assert.match(said, message, `${what}: ${said}`);
    assert.match(said, /^“tampered-design\.json” could not be opened\. .* Nothing was changed\.$/);
    await assertUnchanged(what);
    await page.evaluate(() => { document.querySelector('#share-status').className = 'status'; });
  }
  assert.deepEqual(problems, []);
  await close();
});

// Opens `name`, puts the handles on its annotated ones (tests/placement), prints the
// sheet (window.print is counted, not run) and returns its facts by label, with the
// annotation. The annotation's figures come from its own landmarks and pupil scale;
// ours from the engine's glabella (0.9–1.3 mm from the annotated one on these photos)
// and a 640 px working image (1 px ≈ 0.6 mm): they agree within 2.5 mm.
async function printedSheet(name) {
  const truth = annotations.photos[name];
  const opened = await pageWithPhoto(name);
  const { page, size } = opened;
  await page.evaluate(() => { window.e2ePrints = 0; window.print = () => { window.e2ePrints++; }; });
  const toWorking = size[0] / photos[name].size[0];
  const at = ([x, y]) => [Math.round(x * toWorking), Math.round(y * toWorking)];
  await placeHandles(page, { left: at(truth.handles.leftTemple), mid: at(truth.handles.midFront), right: at(truth.handles.rightTemple) });
  await page.click('#print-sheet');
  await page.waitForFunction(() => window.e2ePrints === 1);
  const facts = await page.$$eval('#sheet dt', (terms) => Object.fromEntries(terms.map((dt) => {
    const dd = dt.nextElementSibling;
    return [dt.textContent, { text: dd.textContent, mm: dd.dataset.mm ? Number(dd.dataset.mm) : null }];
  })));
  const { midFrontAboveGlabellaMm, templeCornersAboveGlabellaMm, templeCornersFromMidlineMm } = truth.derived;
  const mid = facts['Middle of the hairline'];
  assert.ok(Math.abs(mid.mm - midFrontAboveGlabellaMm) < 2.5, `${name}: middle ${mid.mm} mm, annotated ${midFrontAboveGlabellaMm} mm`);
  assert.equal(mid.text, `${(mid.mm / 10).toFixed(1)} cm above the glabella (the point between the brows)`);
  ['Left temple corner (photo left)', 'Right temple corner (photo right)'].forEach((label, i) => {
    const corner = facts[label];
    assert.ok(Math.abs(corner.mm - templeCornersAboveGlabellaMm[i]) < 2.5, `${name}, ${label}: ${corner.mm} mm, annotated ${templeCornersAboveGlabellaMm[i]} mm`);
    const [, fromMidline] = corner.text.match(/^[\d.]+ cm above the glabella, ([\d.]+) cm from the midline, \d+ mm (inside|outside) the line above the outer eye corner$/);
    assert.equal(corner.text.slice(0, 3), (corner.mm / 10).toFixed(1));
    assert.ok(Math.abs(10 * Number(fromMidline) - Math.abs(templeCornersFromMidlineMm[i])) < 3,
      `${name}, ${label}: ${fromMidline} cm from the midline, annotated ${Math.abs(templeCornersFromMidlineMm[i])} mm`);
  });
  return { ...opened, facts };
}

test('the sheet measures a second photo (head tilted 2°, hairline 8 cm high) as its annotation does', async () => {
  const { problems, close } = await printedSheet('biden_receding_white_front.jpg');
  assert.deepEqual(problems, []);
  await close();
});

test('the clinic sheet shows the measurements of a fixture photo with annotated handles, prints alone, and saves as a PNG', async () => {
  const name = 'reisman_shaved_front.jpg';
  const { page, problems, close, size, facts } = await printedSheet(name);
  assert.match(facts.Shade.text, /^3 of 5 \(dark\) in every zone; the first 12 mm/);
  assert.match(facts['Density (dots per cm²)'].text, /^front and mid-scalp 90, .*temples and sides 60.* \(100% of the reference\)$/);
  assert.match(facts.Sessions.text, /^usually 3, 7–14 days apart; this preview shows the result after 3 sessions, healed$/);
  assert.match(await page.textContent('#sheet .sheet-note'), /simulation, not a promise of results.*licensed, experienced practitioner.*keloid/);
  const sheetLink = new URL(facts['Design link'].text);
  assert.equal(sheetLink.origin, new URL(page.url()).origin);
  const sheetCode = decodeURIComponent(sheetLink.hash.slice('#design='.length));
  assert.deepEqual(dataToDesign(await decodeDesignCode(sheetCode), size, templateIds).design.handles, await handlePositions(page),
    'the sheet carries the link to the design');

  // On screen the sheet is hidden; printed, it is all there is.
  assert.equal(await page.isVisible('#sheet'), false);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#sheet'), true);
  assert.equal(await page.isVisible('#workspace'), false);
  assert.equal(await page.isVisible('header'), false);
  await screenshot(page, 'practitioner-sheet-print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The PNG: before and after of the head side by side (the photo's own pixels on the
  // left), the facts under them. The head: 1.6 temple spans either side of the centre,
  // 0.9 above the middle handle, 2.4 below.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sheet-png')]);
  assert.equal(download.suggestedFilename(), 'reisman_shaved_front-smp-clinic-sheet.png');
  const path = join(artifactsDir, 'practitioner-sheet.png');
  await download.saveAs(path);
  const { left, mid: middle, right } = await handlePositions(page);
  const span = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const centreX = (left[0] + right[0]) / 2;
  const [x0, y0] = [Math.max(0, Math.round(centreX - 1.6 * span)), Math.max(0, Math.round(middle[1] - 0.9 * span))];
  const [x1, y1] = [Math.min(size[0], Math.round(centreX + 1.6 * span)), Math.min(size[1], Math.round(middle[1] + 2.4 * span))];
  const [w, h] = [x1 - x0, y1 - y0];
  const engine = await engineInNode();
  const picture = engine.decodePhoto(readFileSync(path), { maxSide: 0 });
  assert.equal(picture.ok, true, picture.message);
  assert.equal(picture.info.format, 'PNG');
  assert.equal(picture.width, 2 * w + Math.round(w * 0.02));
  assert.ok(picture.height > h + 200, `${picture.height} px high: room for the facts under ${h} px of photo`);
  const photo = engine.decodePhoto(readFileSync(photoPath(name)), { maxSide });
  let differing = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [a, b] = [4 * (y * picture.width + x), 4 * ((y + y0) * size[0] + x + x0)];
      if (picture.pixels[a] !== photo.pixels[b] || picture.pixels[a + 1] !== photo.pixels[b + 1]) differing++;
    }
  }
  // The "Before" label covers a corner of the photo.
  assert.ok(differing < 0.03 * w * h, `${differing} of ${w * h} pixels of the before half differ from the photo`);
  assert.deepEqual(problems, []);
  await close();
});

test('on a 360 px phone the checks, their fixes and the sharing buttons are 44 px targets and nothing overflows', async () => {
  const { page, problems, close } = await pageWithPhoto('reisman_shaved_front.jpg', { viewport: phone, hasTouch: true, isMobile: true });
  await andPainted(page, () => page.tap('[data-shade="1"]'));
  await page.tap('#show-guides');
  await page.tap('#share-link');
  await waitForText(page, '#share-status', 'not the photo');
  const targets = ['#client-sex', '#client-age', '#show-guides', '[data-check=dark-on-fair] .check-fix', '#share-link', '#save-design',
    '#design-file', '#print-sheet', '#sheet-png', '#design-link'];
  for (const selector of targets) {
    const target = page.locator(selector);
    const box = await (await target.evaluateHandle((element) => element.closest('label') ?? element)).boundingBox();
    assert.ok(box.width >= 43.9 && box.height >= 43.9, `${selector}: ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px`);
    assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `${selector} fits the screen`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= phone.width);
  await page.locator('#checks').scrollIntoViewIfNeeded();
  await screenshot(page, 'practitioner-phone-checks');
  await page.locator('#share').scrollIntoViewIfNeeded();
  await screenshot(page, 'practitioner-phone-share');
  assert.deepEqual(problems, []);
  await close();
});

test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
