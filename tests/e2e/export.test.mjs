// Saving in the real page: the result at the photo's full size (PNG and JPEG) and the
// before/after picture, downloaded and decoded in Node by the same engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  artifactsDir, cornerBoxes, engineInNode, fixture, headBox, openPage, openPhoto, photoPath, photos, pictureDiff,
  placeHandles, scaleBox, screenshot, startSession, assertRequestsLocal, waitForText, waitReady, workingHandles,
} from './support.mjs';

const name = 'biden_receding_white_front.jpg'; // 1200 × 1200
const maxSide = 800; // a working size below the full size, so "full size" means something

let session;
let page;
let problems;
let closePage;
let working; // [width, height]
let handles; // in working pixels
let engine;

before(async () => {
  engine = await engineInNode();
  session = await startSession();
  ({ page, problems, close: closePage } = await openPage(session, { query: `?maxSide=${maxSide}` }));
  await waitReady(page);
  working = await openPhoto(page, photoPath(name));
  handles = await placeHandles(page, workingHandles(name, working[0]));
});

after(async () => {
  await closePage?.();
  await session?.close();
});

// Clicks an export button; returns the downloaded file's name and bytes.
async function exportFile(kind, format) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-export="${kind}"][data-format="${format}"]`),
  ]);
  const path = join(artifactsDir, `export-${kind}.${format === 'png' ? 'png' : 'jpg'}`);
  await download.saveAs(path);
  return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
}

function decode(bytes) {
  const picture = engine.decodePhoto(bytes, { maxSide: 0 });
  assert.equal(picture.ok, true, picture.message);
  return picture;
}

// The stage canvas's exact pixels, decoded in Node.
async function canvasPicture(which) {
  const dataUrl = await page.evaluate((which) => document.querySelector(`canvas.stage-${which}`).toDataURL('image/png'), which);
  return decode(Buffer.from(dataUrl.split(',')[1], 'base64'));
}

// The part of a picture inside box [x0, y0, x1, y1], as a picture.
function crop(picture, [x0, y0, x1, y1]) {
  const width = x1 - x0;
  const pixels = new Uint8ClampedArray(width * (y1 - y0) * 4);
  for (let y = y0; y < y1; y++) {
    pixels.set(picture.pixels.subarray((y * picture.width + x0) * 4, (y * picture.width + x1) * 4), (y - y0) * width * 4);
  }
  return { width, height: y1 - y0, pixels };
}

test('the result PNG has the photo\'s full size, with the dots inside the head and the plain photo outside', async () => {
  const { fileName, bytes } = await exportFile('result', 'png');
  assert.equal(fileName, 'biden_receding_white_front-smp.png');
  assert.deepEqual([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  const result = decode(bytes);
  const [fullWidth, fullHeight] = photos[name].size;
  assert.deepEqual([result.width, result.height], [fullWidth, fullHeight], 'the full size, not the working size');
  await waitForText(page, '#export-status', 'Saved');
  assert.match(await page.textContent('#export-status'), new RegExp(`^Saved ${fullWidth} × ${fullHeight} PNG \\(\\d+\\.\\d MB\\)\\.$`));

  const photo = decode(fixture(name));
  const factor = fullWidth / working[0];
  const inside = pictureDiff(result, photo, scaleBox(headBox(handles), factor));
  assert.ok(inside.differing > 0.05 * inside.total, `only ${inside.differing} of ${inside.total} pixels differ in the head`);
  for (const [corner, box] of Object.entries(cornerBoxes(fullWidth, fullHeight))) {
    const outside = pictureDiff(result, photo, box);
    assert.equal(outside.differing, 0, `${outside.differing} pixels differ from the photo in the ${corner} corner`);
  }
  // The same design as the preview: the dots sit where the preview has them.
  const preview = await canvasPicture('after');
  const previewInside = pictureDiff(preview, await canvasPicture('before'), headBox(handles));
  assert.ok(previewInside.differing > 0.05 * previewInside.total, 'the preview has dots in the head too');
  assert.deepEqual(problems, []);
});

test('the result JPEG has the photo\'s full size and differs from it only in the head', async () => {
  const { fileName, bytes } = await exportFile('result', 'jpeg');
  assert.equal(fileName, 'biden_receding_white_front-smp.jpg');
  assert.equal(bytes[0], 0xff);
  assert.equal(bytes[1], 0xd8);
  const result = decode(bytes);
  assert.deepEqual([result.width, result.height], photos[name].size);
  const photo = decode(fixture(name));
  const factor = result.width / working[0];
  const inside = pictureDiff(result, photo, scaleBox(headBox(handles), factor));
  const corner = pictureDiff(result, photo, cornerBoxes(result.width, result.height)['top-left']);
  assert.ok(corner.meanDelta < 3, `the corner differs by ${corner.meanDelta.toFixed(2)} levels (JPEG noise only)`);
  assert.ok(inside.meanDelta > 2 * corner.meanDelta + 1, `the head differs by ${inside.meanDelta.toFixed(2)} levels`);
  assert.deepEqual(problems, []);
});

test('the before/after pictures show the photo and the preview side by side with a caption', async (t) => {
  const beforeCanvas = await canvasPicture('before');
  const afterCanvas = await canvasPicture('after');
  const [width, height] = working;
  const gap = Math.round(width * 0.02);
  for (const format of ['png', 'jpeg']) {
    await t.test(format, async () => {
      const { fileName, bytes } = await exportFile('compare', format);
      assert.equal(fileName, `biden_receding_white_front-smp-before-after.${format === 'png' ? 'png' : 'jpg'}`);
      const picture = decode(bytes);
      assert.equal(picture.width, 2 * width + gap, 'two working-size images and a gap');
      assert.ok(picture.height > height && picture.height < 1.4 * height, `${picture.height} px: the images and a caption`);
      assert.ok(picture.width > 1.5 * picture.height, 'wider than tall');
      // The labels ("Before", "After") sit in the top-left corner of each image: skip them.
      const body = [0, Math.round(height * 0.1), width, height];
      const left = pictureDiff(crop(picture, body), crop(beforeCanvas, body));
      const right = pictureDiff(crop(picture, body.map((v, i) => (i % 2 ? v : v + width + gap))), crop(afterCanvas, body));
      const afterVsPhoto = pictureDiff(crop(afterCanvas, headBox(handles)), crop(beforeCanvas, headBox(handles)));
      if (format === 'png') {
        assert.equal(left.differing, 0, 'the left image is the photo, pixel for pixel');
        assert.equal(right.differing, 0, 'the right image is the preview, pixel for pixel');
      } else {
        assert.ok(left.meanDelta < 2.5, `the left image differs from the photo by ${left.meanDelta.toFixed(2)} levels`);
        assert.ok(right.meanDelta < 2.5, `the right image differs from the preview by ${right.meanDelta.toFixed(2)} levels`);
      }
      assert.ok(afterVsPhoto.differing > 0, 'and the two differ');
      // The caption: dark text on white under the images.
      const caption = crop(picture, [0, height, picture.width, picture.height]);
      let dark = 0;
      for (let i = 0; i < caption.pixels.length; i += 4) if (caption.pixels[i] < 100) dark++;
      assert.ok(dark > 500, `the caption has ${dark} dark pixels of text`);
      await waitForText(page, '#export-status', 'Saved the before/after');
    });
  }
  await screenshot(page, 'desktop-exported');
  assert.deepEqual(problems, []);
});

test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
