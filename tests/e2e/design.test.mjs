// Designing on a photo in the real page: the handles (mouse and keyboard) with undo and
// redo, the hairline gallery and shades, the sliders and choices, an invalid frame, the
// brush, the compare modes and zoom. Pixels are read from the stage's canvases: the
// after canvas holds the rendered frame, the before canvas the photo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  andPainted, assertRequestsLocal, centreOf, cornerBoxes, desktop, diffBounds, drag, handlePositions, headBox, openPage,
  openPhoto, paintCount, photoPath, pixelDiff, placeHandles, screenPoint, screenshot, settle, snapshot, startSession, waitReady,
  workingHandles,
} from './support.mjs';

const maxSide = 640; // small frames keep these tests quick; 100% zoom is tested at full size

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

// A page with `name` open at maxSide and (unless guessHandles) its handles on the hairline.
async function pageWithPhoto(name, { query = `?maxSide=${maxSide}`, guessHandles = false, ...options } = {}) {
  const opened = await openPage(session, { query, ...options });
  await waitReady(opened.page);
  const size = await openPhoto(opened.page, photoPath(name));
  const handles = guessHandles ? await handlePositions(opened.page) : await placeHandles(opened.page, workingHandles(name, size[0]));
  return { ...opened, size, handles };
}

// CSS pixels per image pixel at the current zoom.
function displayScale(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas.stage-after');
    return canvas.getBoundingClientRect().width / canvas.width;
  });
}

// The preview still shows the plain photo in every corner box.
async function assertCornersUntouched(page, [width, height], what) {
  for (const [corner, box] of Object.entries(cornerBoxes(width, height))) {
    const diff = await pixelDiff(page, 'after', 'before', box);
    assert.equal(diff.differing, 0, `${what}: ${diff.differing} pixels differ from the photo in the ${corner} corner ${box}`);
  }
}

async function assertChangedInside(page, previous, box, what) {
  const diff = await pixelDiff(page, previous, 'after', box);
  assert.ok(diff.differing > 0.01 * diff.total, `${what}: only ${diff.differing} of ${diff.total} pixels changed in the head ${box}`);
}

const undoButton = (page) => page.locator('#undo');

test('a handle dragged with the mouse moves and changes the preview; undo and redo restore the pixels exactly', async () => {
  const { page, problems, close, handles } = await pageWithPhoto('reisman_shaved_front.jpg');
  await snapshot(page, 'placed');
  const scale = await displayScale(page);
  const mid = page.locator('.handle-mid');
  const [x, y] = await centreOf(mid);
  await andPainted(page, () => drag(page, [x, y], [x + 6, y - 30]));
  const latencies = await page.evaluate(() => performance.getEntriesByName('input-to-paint').map((entry) => entry.duration));
  console.log(`input-to-paint at ${maxSide} px: median ${latencies.sort((a, b) => a - b)[latencies.length >> 1].toFixed(0)} ms of ${latencies.length}`);
  const moved = await handlePositions(page);
  assert.ok(Math.abs(moved.mid[0] - (handles.mid[0] + 6 / scale)) <= 1.5, `x: ${handles.mid[0]} → ${moved.mid[0]}`);
  assert.ok(Math.abs(moved.mid[1] - (handles.mid[1] - 30 / scale)) <= 1.5, `y: ${handles.mid[1]} → ${moved.mid[1]}`);
  assert.deepEqual([moved.left, moved.right], [handles.left, handles.right], 'the other handles stay');
  assert.equal(await mid.getAttribute('data-x'), String(moved.mid[0]));
  await assertChangedInside(page, 'placed', headBox(handles), 'moving the middle handle');
  await snapshot(page, 'moved');
  assert.equal(await undoButton(page).isEnabled(), true);

  await andPainted(page, () => page.click('#undo'));
  assert.deepEqual(await handlePositions(page), handles, 'undo puts the handle back');
  const undone = await pixelDiff(page, 'placed', 'after');
  assert.equal(undone.differing, 0, `after undo ${undone.differing} pixels differ from the preview before the drag`);
  assert.equal(await page.isEnabled('#redo'), true);

  await andPainted(page, () => page.keyboard.press('Control+Shift+Z'));
  assert.deepEqual(await handlePositions(page), moved, 'redo moves it again');
  const redone = await pixelDiff(page, 'moved', 'after');
  assert.equal(redone.differing, 0, `after redo ${redone.differing} pixels differ from the moved preview`);
  await screenshot(page, 'desktop-handle-dragged');
  assert.deepEqual(problems, []);
  await close();
});

test('arrow keys move a focused handle one pixel a press, Shift ten; Ctrl+Z undoes each press exactly', async () => {
  const { page, problems, close, handles } = await pageWithPhoto('creamer_receding_front.jpg', { guessHandles: true });
  const scale = await displayScale(page);
  assert.ok(scale >= 1, `at ${scale.toFixed(2)} CSS px per image px a press moves one image pixel`);
  await snapshot(page, 'start');
  const left = page.locator('.handle-left');
  await left.focus();
  const measures = await paintCount(page);
  await andPainted(page, async () => {
    for (let i = 0; i < 3; i++) await left.press('ArrowRight');
    await left.press('Shift+ArrowUp');
  });
  assert.equal(await paintCount(page), measures + 4, 'one input-to-paint measure per press');
  const moved = await handlePositions(page);
  assert.deepEqual(moved.left, [handles.left[0] + 3, handles.left[1] - 10]);
  assert.deepEqual([moved.mid, moved.right], [handles.mid, handles.right]);
  assert.equal(await left.getAttribute('data-y'), String(handles.left[1] - 10));
  await assertChangedInside(page, 'start', headBox(handles), 'moving the left handle by keys');
  assert.match(await left.getAttribute('aria-label'), /^Left temple corner: \d+% across, \d+% down$/);

  await andPainted(page, async () => {
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
  });
  assert.deepEqual((await handlePositions(page)).left, [handles.left[0] + 2, handles.left[1]], 'each press is one undo step');
  await andPainted(page, async () => {
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
  });
  assert.deepEqual(await handlePositions(page), handles);
  const undone = await pixelDiff(page, 'start', 'after');
  assert.equal(undone.differing, 0, `after undo ${undone.differing} pixels differ from the first preview`);
  assert.equal(await undoButton(page).isDisabled(), true, 'nothing is left to undo');
  assert.deepEqual(problems, []);
  await close();
});

for (const name of ['reisman_shaved_front.jpg', 'satcher_shaved_darkskin_front.jpg']) {
  test(`templates and shades change the preview inside the head and never outside it (${name})`, async () => {
    const { page, problems, close, size, handles } = await pageWithPhoto(name);
    const box = headBox(handles);
    await assertChangedInside(page, 'before', box, 'the first design');
    await assertCornersUntouched(page, size, 'the first design');
    await snapshot(page, 'previous');
    for (const template of ['sharp', 'straight', 'rounded', 'receded', 'widows-peak', 'soft']) {
      const button = page.locator(`#gallery [data-template="${template}"]`);
      await andPainted(page, () => button.click());
      assert.equal(await button.getAttribute('aria-checked'), 'true', `${template} is checked`);
      assert.equal(await page.locator('#gallery [aria-checked="true"]').count(), 1);
      await assertChangedInside(page, 'previous', box, `template ${template}`);
      await assertCornersUntouched(page, size, `template ${template}`);
      await snapshot(page, 'previous');
    }
    for (const shade of ['1', '2', '4', '5']) {
      const button = page.locator(`#shades [data-shade="${shade}"]`);
      await andPainted(page, () => button.click());
      assert.equal(await button.getAttribute('aria-checked'), 'true', `shade ${shade} is checked`);
      await assertChangedInside(page, 'previous', box, `shade ${shade}`);
      await assertCornersUntouched(page, size, `shade ${shade}`);
      await snapshot(page, 'previous');
    }
    await andPainted(page, () => page.locator('#custom-colour').fill('#7a2f1c'));
    assert.equal(await page.locator('#shades [aria-checked="true"]').count(), 0, 'no numbered shade is checked');
    await assertChangedInside(page, 'previous', box, 'a custom colour');
    await assertCornersUntouched(page, size, 'a custom colour');

    // The gallery's thumbnails: each style drawn by the engine on this photo.
    await page.waitForFunction(() => [...document.querySelectorAll('#gallery canvas.thumb')].every((c) => c.width > 1));
    const thumbs = await page.evaluate(() => [...document.querySelectorAll('#gallery canvas.thumb')].map((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let hash = 2166136261;
      let min = 255;
      let max = 0;
      for (let i = 0; i < data.length; i++) {
        hash = Math.imul(hash ^ data[i], 16777619);
        min = Math.min(min, data[i]);
        max = Math.max(max, data[i]);
      }
      return { id: canvas.parentElement.dataset.template, size: [canvas.width, canvas.height], hash, contrast: max - min };
    }));
    assert.equal(thumbs.length, 6);
    for (const thumb of thumbs) {
      assert.deepEqual(thumb.size, [160, 160], `${thumb.id} thumbnail size`);
      assert.ok(thumb.contrast > 50, `${thumb.id} thumbnail is not blank`);
    }
    assert.equal(new Set(thumbs.map((thumb) => thumb.hash)).size, 6, 'the six thumbnails differ');
    await screenshot(page, `desktop-design-${name.replace(/\.\w+$/, '')}`);
    assert.deepEqual(problems, []);
    await close();
  });
}

test('every slider and choice changes the preview; Reset brings back the first design exactly', async () => {
  const { page, problems, close, size, handles } = await pageWithPhoto('biden_receding_white_front.jpg');
  await snapshot(page, 'first');
  await snapshot(page, 'previous');
  // Each slider shows its value from the start, the softness as the style's own.
  const outputs = await page.$$eval('input[type=range] + output', (all) => all.map((o) => `${o.previousElementSibling.id}: ${o.textContent}`));
  assert.deepEqual(outputs, ['brush-size: 12 mm', 'hairline-offset: as drawn', 'transition: 12 mm (soft)', 'density: 100%', 'years: fresh']);
  const steps = [
    ['hairline height', () => page.locator('#hairline-offset').fill('8')],
    ['softness', () => page.locator('#transition').fill('5')],
    ['density', () => page.locator('#density').fill('0.5')],
    ['years', () => page.locator('#years').fill('6')],
    ['one session', () => page.check('input[name=sessions][value="1"]')],
    ['day 0', () => page.check('input[name=healingDay][value="0"]')],
    ['day 7', () => page.check('input[name=healingDay][value="7"]')],
    ['crown only', () => page.selectOption('#coverage', 'crown')],
    ['density fill', () => page.selectOption('#coverage', 'density-fill')],
  ];
  for (const [what, action] of steps) {
    await andPainted(page, action);
    const diff = await pixelDiff(page, 'previous', 'after');
    assert.ok(diff.differing > 0, `${what} changed nothing`);
    await assertCornersUntouched(page, size, what);
    await snapshot(page, 'previous');
    console.log(`${what}: ${diff.differing} pixels changed. ${await page.textContent('#stats')}`);
  }
  assert.match(await page.textContent('#stats'), /^[1-9][\d,]* dots\./, 'the last design has dots, for the undo below');
  assert.equal(await page.textContent('#hairline-offset + output'), '8 mm higher');
  assert.equal(await page.textContent('#years + output'), '6 years');

  await andPainted(page, () => page.click('#reset'));
  const reset = await pixelDiff(page, 'first', 'after');
  assert.equal(reset.differing, 0, `after Reset ${reset.differing} pixels differ from the first design`);
  assert.deepEqual(await handlePositions(page), handles, 'Reset keeps the handles');
  assert.equal(await page.inputValue('#density'), '1');
  assert.equal(await page.inputValue('#coverage'), 'full');
  assert.equal(await page.isChecked('input[name=sessions][value="3"]'), true);

  await andPainted(page, () => page.keyboard.press('Control+Z'));
  const undone = await pixelDiff(page, 'previous', 'after');
  assert.equal(undone.differing, 0, 'Reset can be undone');
  assert.equal(await page.inputValue('#coverage'), 'density-fill');
  assert.deepEqual(problems, []);
  await close();
});

test('swapped temples show the engine\'s message, keep the last valid preview, and undo clears it', async (t) => {
  const { page, problems, close, handles } = await pageWithPhoto('reisman_shaved_front.jpg', { guessHandles: true });
  await snapshot(page, 'valid');
  assert.equal(await page.isVisible('#frame-error'), false);
  const stageBefore = await page.locator('#stage').boundingBox();
  // One move straight past the right temple: no valid frame on the way.
  const from = await centreOf(page.locator('.handle-left'));
  const to = await screenPoint(page, [handles.right[0] + 40, handles.right[1]]);
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 1 });
  await page.mouse.up();
  await page.waitForSelector('#frame-error:not([hidden])');
  const message = await page.textContent('#frame-error');
  assert.match(message, /left and right temple corners are swapped/i);
  assert.match(message, /The preview shows the last valid design\.$/);
  assert.ok((await handlePositions(page)).left[0] > handles.right[0], 'the handle stays where it was dropped');
  // Shown over the photo: a message that appears mid-drag does not move the photo.
  assert.deepEqual(await page.locator('#stage').boundingBox(), stageBefore);
  await settle(page);
  const kept = await pixelDiff(page, 'valid', 'after');
  assert.equal(kept.differing, 0, 'the preview still shows the last valid design');
  await screenshot(page, 'desktop-frame-error');
  const shownAt = await page.locator('#frame-error').boundingBox();
  await t.test('the message is in the window without scrolling', () => {
    assert.ok(shownAt.y + shownAt.height <= desktop.height, `the message is at y ${shownAt.y.toFixed(0)}..${(shownAt.y + shownAt.height).toFixed(0)}`);
  });

  await andPainted(page, () => page.keyboard.press('Control+Z'));
  assert.equal(await page.isVisible('#frame-error'), false, 'the message goes once the design is valid');
  assert.deepEqual(await handlePositions(page), handles);
  assert.deepEqual(problems, []);
  await close();
});

test('with coverage "patch" nothing is drawn until painted; Add paints only there, Erase removes it', async () => {
  const { page, problems, close, handles } = await pageWithPhoto('reisman_shaved_front.jpg');
  await andPainted(page, () => page.selectOption('#coverage', 'patch'));
  const blank = await pixelDiff(page, 'before', 'after');
  assert.equal(blank.differing, 0, `${blank.differing} pixels are drawn before any painting`);
  assert.match(await page.textContent('#stats'), /^0 dots\./);

  await page.click('[data-tool=add]');
  assert.equal(await page.getAttribute('[data-tool=add]', 'aria-checked'), 'true');
  assert.equal(await page.isVisible('#brush-size'), true, 'the brush size shows with a brush tool');
  // A stroke across the scalp, 25 px above the middle of the hairline.
  const strokeY = handles.mid[1] - 25;
  const [x0, x1] = [handles.left[0] + 25, handles.right[0] - 25];
  const a = await screenPoint(page, [x0, strokeY]);
  const b = await screenPoint(page, [x1, strokeY]);
  await andPainted(page, () => drag(page, a, b, 10));
  const pxPerMm = Number((await page.textContent('#stats')).match(/Scale ([\d.]+) px\/mm/)[1]);
  const radius = (Number(await page.inputValue('#brush-size')) / 2) * pxPerMm;
  const painted = await pixelDiff(page, 'before', 'after');
  assert.ok(painted.differing > 300, `only ${painted.differing} pixels painted`);
  const bounds = await diffBounds(page, 'before', 'after');
  const reach = radius + 4; // the brush, plus a dot's own size
  const allowed = [x0 - reach, strokeY - reach, x1 + reach, strokeY + reach];
  assert.ok(bounds[0] >= allowed[0] && bounds[1] >= allowed[1] && bounds[2] <= allowed[2] && bounds[3] <= allowed[3],
    `dots at ${bounds}, outside the stroke's reach ${allowed.map(Math.round)}`);
  assert.ok(bounds[2] - bounds[0] > 0.8 * (x1 - x0), `the dots ${bounds} do not cover the stroke ${x0}..${x1}`);
  assert.match(await page.textContent('#stats'), /^[1-9][\d,]* dots\./);
  await snapshot(page, 'painted');
  await screenshot(page, 'desktop-brush-painted');

  // The stroke is one undo step.
  await andPainted(page, () => page.keyboard.press('Control+Z'));
  assert.equal((await pixelDiff(page, 'before', 'after')).differing, 0, 'undo removes the stroke');
  await andPainted(page, () => page.keyboard.press('Control+Shift+Z'));
  assert.equal((await pixelDiff(page, 'painted', 'after')).differing, 0, 'redo brings it back exactly');

  await page.click('[data-tool=erase]');
  await andPainted(page, () => drag(page, a, b, 10));
  const erased = await pixelDiff(page, 'before', 'after');
  assert.ok(erased.differing < 0.2 * painted.differing, `${erased.differing} of ${painted.differing} pixels are left after erasing`);
  await page.locator('#brush-size').fill('40');
  assert.equal(await page.textContent('#brush-size-value'), '40 mm');
  await andPainted(page, () => drag(page, a, b, 10));
  const cleared = await pixelDiff(page, 'before', 'after');
  assert.equal(cleared.differing, 0, `${cleared.differing} pixels are left after erasing with a wide brush`);
  assert.match(await page.textContent('#stats'), /^0 dots\./);

  await page.click('[data-tool=move]');
  assert.equal(await page.isVisible('#brush-size'), false);
  assert.deepEqual(problems, []);
  await close();
});

test('compare modes (before | after slider, side by side) and zoom render', async (t) => {
  // Full size (1192 × 1857): 100% is then far from the fitted zoom.
  const { page, problems, close, size } = await pageWithPhoto('reisman_shaved_front.jpg', { query: '', guessHandles: true });
  const stage = page.locator('#stage');
  const fitted = await page.textContent('#zoom-level');
  assert.match(fitted, /^\d+%$/);
  assert.notEqual(fitted, '100%');
  assert.equal(await page.isVisible('.stage-divider'), false, 'no divider in result mode');

  await page.click('[data-mode=slider]');
  assert.equal(await page.getAttribute('[data-mode=slider]', 'aria-checked'), 'true');
  assert.equal(await page.getAttribute('[data-mode=result]', 'aria-checked'), 'false');
  assert.equal(await page.isVisible('.stage-divider'), true, 'the divider shows');
  assert.equal(await page.isVisible('.before-label'), true);
  assert.equal(await page.locator('canvas.stage-after').evaluate((canvas) => canvas.style.clipPath), 'inset(0px 0px 0px 50%)');
  await page.locator('.stage-divider').press('ArrowLeft');
  assert.equal(await page.getAttribute('.stage-divider', 'aria-valuenow'), '48');
    await screenshot(page, 'desktop-mode-slider');

  await page.click('[data-mode=side]');
  assert.equal(await page.isVisible('.stage-divider'), false);
  const beforeBox = await page.locator('canvas.stage-before').boundingBox();
  const afterBox = await page.locator('canvas.stage-after').boundingBox();
  assert.ok(afterBox.x >= beforeBox.x + beforeBox.width, 'the after image is right of the before image');
  assert.ok(Math.abs(afterBox.y - beforeBox.y) < 0.5 && Math.abs(afterBox.width - beforeBox.width) < 0.5);
  const stageBox = await stage.boundingBox();
  assert.ok(beforeBox.x >= stageBox.x && afterBox.x + afterBox.width <= stageBox.x + stageBox.width,
    `both fit in the stage: ${beforeBox.x}..${afterBox.x + afterBox.width} in ${stageBox.x}..${stageBox.x + stageBox.width}`);
  await screenshot(page, 'desktop-mode-side');

  await page.click('[data-mode=result]');
  await page.click('#zoom-100');
  assert.equal(await page.textContent('#zoom-level'), '100%');
  const shown = await page.locator('canvas.stage-after').boundingBox();
  assert.ok(Math.abs(shown.width - size[0]) < 0.5, `at 100% the ${size[0]} px photo is ${shown.width} CSS px wide`);
  assert.equal(await stage.evaluate((element) => element.classList.contains('pixelated')), true);
  await screenshot(page, 'desktop-zoom-100');
  await page.click('#zoom-in');
  assert.equal(await page.textContent('#zoom-level'), '125%');
  await page.click('#zoom-out');
  assert.equal(await page.textContent('#zoom-level'), '100%');
  await page.click('#zoom-fit');
  assert.equal(await page.textContent('#zoom-level'), fitted);
  await stage.focus();
  await page.keyboard.press('1');
  assert.equal(await page.textContent('#zoom-level'), '100%', 'the 1 key shows 100%');
  await page.keyboard.press('0');
  assert.equal(await page.textContent('#zoom-level'), fitted, 'the 0 key fits');

  // Fitted, the photo lies inside the stage's border; the brush cursor sits under the pointer.
  const inside = await stage.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left + element.clientLeft, top: rect.top + element.clientTop, width: element.clientWidth, height: element.clientHeight };
  });
  const photo = await page.locator('canvas.stage-after').boundingBox();
  const overflow = [inside.left - photo.x, photo.x + photo.width - inside.left - inside.width,
    inside.top - photo.y, photo.y + photo.height - inside.top - inside.height].map((v) => Math.max(0, v));
  await page.click('[data-tool=add]');
  const pointer = (await screenPoint(page, [600, 300])).map(Math.round); // whole pixels: mouse events round
  await page.mouse.move(...pointer);
  const cursor = await centreOf(page.locator('.stage-brush'));
  await t.test('the fitted photo stays inside the stage\'s border and the brush cursor is under the pointer', () => {
    const misplaced = [];
    if (!overflow.every((v) => v < 0.5)) misplaced.push(`the photo sticks out by ${overflow.map((v) => v.toFixed(1))} px (left, right, top, bottom)`);
    if (Math.hypot(cursor[0] - pointer[0], cursor[1] - pointer[1]) >= 0.5) {
      misplaced.push(`the brush cursor is drawn at ${cursor.map((v) => v.toFixed(1))}, the pointer is at ${pointer.map((v) => v.toFixed(1))}`);
    }
    assert.deepEqual(misplaced, []);
  });
  assert.deepEqual(problems, []);
  await close();
});


test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
