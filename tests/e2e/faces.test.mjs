// A photo with two people in it: the page says so, offers one button per face (left to
// right), outlines a face while its button is hovered or focused, and moves the handles
// onto the face the user picks, as one undoable step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertRequestsLocal, fixture, handlePositions, openPage, openPhoto, screenshot, settle, startSession, waitReady,
} from './support.mjs';

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  assertRequestsLocal(session, import.meta.url);
  await session?.close();
});

// reisman and satcher side by side, both 900 px tall, as a PNG made by the browser.
async function twoPeople(page) {
  const base64 = await page.evaluate(async (jpegs) => {
    const bitmaps = await Promise.all(jpegs.map((jpeg) =>
      createImageBitmap(new Blob([Uint8Array.from(atob(jpeg), (char) => char.charCodeAt(0))], { type: 'image/jpeg' }))));
    const widths = bitmaps.map((bitmap) => Math.round((bitmap.width * 900) / bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = widths[0] + widths[1];
    canvas.height = 900;
    const context = canvas.getContext('2d');
    context.drawImage(bitmaps[0], 0, 0, widths[0], 900);
    context.drawImage(bitmaps[1], widths[0], 0, widths[1], 900);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const png = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of png) binary += String.fromCharCode(byte);
    return { png: btoa(binary), split: widths[0] };
  }, ['reisman_shaved_front.jpg', 'satcher_shaved_darkskin_front.jpg'].map((name) => fixture(name).toString('base64')));
  return { buffer: Buffer.from(base64.png, 'base64'), split: base64.split };
}

test('with two faces, the user picks whose head the handles go on, and undo takes it back', async () => {
  const { page, problems, close } = await openPage(session);
  await waitReady(page);
  const { buffer, split } = await twoPeople(page);
  await openPhoto(page, { name: 'two.png', mimeType: 'image/png', buffer });
  assert.match(await page.textContent('#status'), /2 faces were found; the handles are on the largest\./);
  const buttons = page.locator('#face-picker button');
  assert.deepEqual(await buttons.allTextContents(), ['Left face', 'Right face']);
  assert.equal(await page.getAttribute('#face-picker', 'role'), 'group');
  const side = (handles) => (handles.mid[0] < split ? 'left' : 'right');
  const first = await handlePositions(page);
  const pressed = async () => buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-pressed')));
  const firstSide = side(first);
  assert.deepEqual(await pressed(), firstSide === 'left' ? ['true', 'false'] : ['false', 'true']);

  // Focusing a button outlines its face on that side of the photo.
  const other = firstSide === 'left' ? buttons.nth(1) : buttons.nth(0);
  await other.focus();
  const outline = await page.evaluate(() => {
    const rect = document.querySelector('.stage-highlight');
    const box = rect.getBoundingClientRect();
    const canvas = document.querySelector('canvas.stage-after').getBoundingClientRect();
    return { shown: rect.getAttribute('display') !== 'none', centre: (box.left + box.width / 2 - canvas.left) / canvas.width };
  });
  assert.equal(outline.shown, true, 'the face is outlined');
  const splitFraction = split / (await page.evaluate(() => document.querySelector('canvas.stage-after').width));
  assert.equal(outline.centre < splitFraction ? 'left' : 'right', firstSide === 'left' ? 'right' : 'left');
  await screenshot(page, 'faces-picker');

  await other.click();
  await page.waitForFunction((mid) => Number(document.querySelector('.handle-mid').dataset.x) !== mid, first.mid[0]);
  await settle(page);
  const picked = await handlePositions(page);
  assert.notEqual(side(picked), firstSide, 'the handles moved to the other face');
  assert.deepEqual(await pressed(), firstSide === 'left' ? ['false', 'true'] : ['true', 'false']);
  assert.match(await page.textContent('#status'), /Handles placed/);
  await other.blur();
  assert.equal(await page.getAttribute('.stage-highlight', 'display'), 'none', 'the outline goes with the focus');

  await page.click('#undo');
  await settle(page);
  assert.deepEqual(await handlePositions(page), first, 'undo puts the handles back on the first face');
  assert.deepEqual(problems, []);
  await close();
});

test('a photo with one face shows no face picker', async () => {
  const { page, problems, close } = await openPage(session);
  await waitReady(page);
  await openPhoto(page, { name: 'one.jpg', mimeType: 'image/jpeg', buffer: fixture('reisman_shaved_front.jpg') });
  assert.equal(await page.isVisible('#face-picker'), false);
  assert.deepEqual(problems, []);
  await close();
});
