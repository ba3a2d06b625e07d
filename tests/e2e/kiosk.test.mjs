// Kiosk mode (?kiosk=1) on a shared tablet: large touch controls with the camera
// first and nothing that saves, copies or prints; full screen; the idle countdown
// (Playwright's fake clock, so no test waits minutes) and the reset that wipes the
// photo, the storage and the address; "Start over" with its confirmation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertRequestsLocal, openPage, phone, photoPath, screenshot, settle, severeAxeViolations, startSession, waitReady,
} from './support.mjs';

const portrait = { width: 768, height: 1024 };
const landscape = { width: 1024, height: 768 };
const kioskQuery = '?kiosk=1&maxSide=800';
const idleDialog = 'dialog.kiosk-idle';

let session;

before(async () => {
  // The fake camera: a reset must turn a running camera off.
  session = await startSession({ extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
});

after(async () => {
  await session?.close();
});

// A page on a touch tablet under Playwright's fake clock: installed, then reloaded so
// that every timer of the page runs on it. (bypassCSP: for axe.)
async function openWithClock({ query = kioskQuery, viewport = portrait } = {}) {
  const opened = await openPage(session, { viewport, hasTouch: true, query, bypassCSP: true });
  await opened.page.clock.install();
  await opened.page.reload();
  return opened;
}

// openPhoto of support.mjs counts painted frames by performance entries, which the
// fake clock's performance object does not keep: this waits for the frame instead.
async function openPhotoUnderClock(page, name) {
  await page.setInputFiles('#photo-input', photoPath(name));
  await page.waitForFunction((name) => document.querySelector('#status').textContent.startsWith(`${name}:`), name);
  await page.waitForSelector('#workspace:not([hidden])');
  await settle(page);
  assert.ok(await photoPixels(page) > 0, 'the photo is on the stage');
}

// Pixels that are not fully transparent on the stage's canvases.
function photoPixels(page) {
  return page.evaluate(() => [...document.querySelectorAll('#stage canvas')].reduce((count, canvas) => {
    if (!canvas.width || !canvas.height) return count;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    for (let at = 3; at < data.length; at += 4) if (data[at]) count++;
    return count;
  }, 0));
}

async function openDemo(page) {
  await page.tap('#demo-button');
  await page.waitForSelector('#workspace:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Demo photo'));
  await settle(page);
}

// Visible controls smaller than `min` CSS px either way, in the page or in `root`. A
// control inside a <label> is measured by the label, which takes its taps.
function smallTargets(page, min) {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll(
      'main button, main input, main select, main label.button, main [role=slider], .kiosk-bar button, dialog[open] button');
    const small = [];
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true }) || control.matches('.visually-hidden')) continue;
      if (getComputedStyle(control).pointerEvents === 'none') continue;
      const target = control.closest('label') ?? control;
      const { width, height } = target.getBoundingClientRect();
      if (width < min - 0.1 || height < min - 0.1) {
        const name = control.id || control.className || control.getAttribute('aria-label') || control.textContent.trim();
        small.push(`${control.tagName.toLowerCase()} ${name}: ${width.toFixed(1)}×${height.toFixed(1)}`);
      }
    }
    return small;
  }, min);
}

// What would leave a visitor's photo or design on the device, visible.
function visibleTraces(page) {
  return page.evaluate(() => ['[data-export]', '#share-link', '#save-design', '#design-file', '#print-sheet', '#sheet-png', '#design-link']
    .filter((selector) => [...document.querySelectorAll(selector)].some((element) => {
      const target = element.closest('label') ?? element;
      return target.checkVisibility({ visibilityProperty: true });
    })));
}

const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const [label, viewport] of [['portrait tablet', portrait], ['landscape tablet', landscape], ['phone', phone]]) {
  test(`kiosk on a ${label} (${viewport.width}×${viewport.height}): the camera leads, 64 px targets, nothing that saves, nothing overflows`, async () => {
    // A clinic's branding with a call-to-action, which a shared tablet leaves out.
    const query = `${kioskQuery}&clinicName=Clinic&ctaLabel=Book&ctaUrl=https%3A%2F%2Fclinic.example%2Fbook`;
    const { page, problems, close } = await openPage(session, { viewport, hasTouch: true, query, bypassCSP: true });
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.body.classList.contains('kiosk')), true, 'body.kiosk');
    assert.equal(await page.isVisible('text=Clinic'), true, 'the branding shows');
    assert.equal(await page.isVisible('.brand-cta'), false, 'no call-to-action on the shared tablet');
    const order = await page.evaluate(() => [...document.querySelectorAll('.intake-buttons > :is(button, label)')]
      .map((element) => element.id || element.getAttribute('for')));
    assert.deepEqual(order, ['camera-button', 'demo-button', 'photo-input'], 'the camera first, the demo second, the picker last');
    const [camera, demo, picker] = await Promise.all(['#camera-button', '#demo-button', 'label[for="photo-input"]']
      .map((selector) => page.locator(selector).boundingBox()));
    assert.ok(camera.height >= 88 && camera.width >= demo.width && camera.height > demo.height,
      `the camera button (${camera.width}×${camera.height}) is the biggest; the demo's is ${demo.width}×${demo.height}`);
    assert.ok(picker.height >= 64, `the file picker is still a 64 px target (${picker.height})`);
    assert.equal(await page.isVisible('.kiosk-hint'), true);
    assert.equal(await page.isVisible('.kiosk-start-over'), true);
    assert.equal(await page.isVisible('.kiosk-full-screen'), true);
    assert.ok(await pageWidth(page) <= viewport.width, `the intake is ${await pageWidth(page)} px wide`);
    assert.deepEqual(await smallTargets(page, 64), [], 'intake controls under 64 px');
    await screenshot(page, `kiosk-${viewport.width}x${viewport.height}-intake`);
    assert.deepEqual(await severeAxeViolations(page), [], 'axe on the kiosk intake');

    await openDemo(page);
    assert.deepEqual(await visibleTraces(page), [], 'save, link, file and sheet controls are hidden');
    assert.equal(await page.isVisible('#reset'), true, 'the design choices stay');
    assert.ok(await pageWidth(page) <= viewport.width, `the workspace is ${await pageWidth(page)} px wide`);
    const stage = await page.locator('#stage').boundingBox();
    assert.ok(stage.x >= 0 && stage.x + stage.width <= viewport.width && stage.y + stage.height <= viewport.height,
      `the photo (${JSON.stringify(stage)}) is in the window`);
    await page.tap('[data-mode=slider]');
    assert.deepEqual(await smallTargets(page, 64), [], 'workspace controls under 64 px');
    await page.tap('[data-mode=result]');
    // The browser's own menu on the photo would offer to save it.
    const menuShown = await page.evaluate(() => document.querySelector('canvas.stage-after')
      .dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
    assert.equal(menuShown, false, 'the context menu is suppressed');
    await screenshot(page, `kiosk-${viewport.width}x${viewport.height}-demo`);
    await screenshot(page, `kiosk-${viewport.width}x${viewport.height}-demo-full`, { fullPage: true });
    assert.deepEqual(await severeAxeViolations(page), [], 'axe on the kiosk workspace');
    assert.deepEqual(problems, []);
    await close();
  });
}

test('without kiosk mode nothing changes: no kiosk bar, the save controls show, no idle reset', async () => {
  const { page, problems, close } = await openWithClock({ query: '?maxSide=800' });
  await waitReady(page);
  await openPhotoUnderClock(page, 'collins_fullhair_control.png');
  assert.equal(await page.evaluate(() => document.body.classList.contains('kiosk')), false);
  assert.equal(await page.locator('.kiosk-bar').count(), 0);
  assert.deepEqual(await visibleTraces(page), ['[data-export]', '#share-link', '#save-design', '#design-file', '#print-sheet', '#sheet-png'],
    'every save control shows outside kiosk mode');
  await page.clock.fastForward('10:00');
  await page.clock.runFor(1000);
  assert.equal(await page.locator(idleDialog).count(), 0, 'no countdown');
  assert.equal(await page.isVisible('#workspace'), true, 'the photo stays');
  assert.deepEqual(problems, []);
  await close();
});

// ---- idle reset ---------------------------------------------------------------------

// Input the page counts as someone at the tablet, changing nothing.
const nudge = (page) => page.mouse.move(5 + Math.random() * 5, 5);
const countdownShown = (page) => page.locator(idleDialog).evaluate((dialog) => dialog.open).catch(() => false);

// What a visit could leave behind: storage, a database and a design code in the address.
function seedTraces(page) {
  return page.evaluate(async () => {
    localStorage.setItem('visitor', 'their photo');
    sessionStorage.setItem('visitor', 'their design');
    await new Promise((resolve, reject) => {
      const request = indexedDB.open('visitor-db', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('photos');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const transaction = db.transaction('photos', 'readwrite');
        transaction.objectStore('photos').put(new Blob(['pixels']), 'last');
        transaction.oncomplete = () => {
          db.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
    history.replaceState(null, '', '#design=visitor');
    window.e2eOldDocument = true;
  });
}

function traces(page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    databases: (await indexedDB.databases()).map(({ name }) => name),
    hash: location.hash,
  }));
}

// Runs `action` (which ends the visit) and waits for the fresh document to be ready.
async function startsOver(page, action) {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
  await waitReady(page);
}

// The page a new visitor finds: the intake, no photo anywhere, nothing stored.
async function assertFresh(page) {
  assert.equal(await page.evaluate(() => window.e2eOldDocument), undefined, 'a new document');
  assert.equal(await page.evaluate(() => document.body.classList.contains('kiosk')), true, 'still in kiosk mode');
  assert.equal(await page.evaluate(() => location.search), kioskQuery, 'the same kiosk address');
  assert.equal(await page.isVisible('#intake'), true, 'the intake shows');
  assert.equal(await page.isVisible('#workspace'), false, 'the workspace is hidden');
  assert.equal(await photoPixels(page), 0, 'the stage canvases hold no pixel');
  assert.deepEqual(await traces(page), { localStorage: 0, sessionStorage: 0, databases: [], hash: '' }, 'nothing stored');
}

test('idle: the countdown comes at 3 minutes and not before, input postpones it, Continue and Escape cancel it, its end starts over with everything wiped', async () => {
  const { page, problems, close } = await openWithClock();
  await waitReady(page);
  await openPhotoUnderClock(page, 'collins_fullhair_control.png');
  await seedTraces(page);
  assert.deepEqual(await traces(page), { localStorage: 1, sessionStorage: 1, databases: ['visitor-db'], hash: '#design=visitor' },
    'the traces are there to be wiped');
  const historyLength = await page.evaluate(() => history.length);

  await nudge(page);
  await page.clock.fastForward('02:00');
  assert.equal(await countdownShown(page), false, 'no countdown after 2 minutes');
  await nudge(page); // a minute before the end: the three minutes count from here
  await page.clock.fastForward('02:59');
  assert.equal(await countdownShown(page), false, 'no countdown 2:59 after the last input (4:59 after the first)');
  await page.clock.fastForward('00:01');
  assert.equal(await countdownShown(page), true, 'the countdown after 3 idle minutes');
  const dialog = page.locator(idleDialog);
  assert.equal(await dialog.getAttribute('role'), 'alertdialog');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Continue', 'Continue has the focus');
  assert.match(await dialog.textContent(), /Still there\?.*Starting over in 30 s/);
  await page.clock.runFor(5000);
  assert.match(await dialog.textContent(), /Starting over in 25 s/, 'it counts down');
  await screenshot(page, 'kiosk-idle-countdown');
  assert.deepEqual(await severeAxeViolations(page), [], 'axe with the countdown open');
  await dialog.getByRole('button', { name: 'Continue' }).tap();
  assert.equal(await countdownShown(page), false, 'Continue closes it');
  assert.equal(await page.isVisible('#workspace'), true, 'the visit goes on');
  assert.ok(await photoPixels(page) > 0, 'with the photo');

  await page.clock.fastForward('02:59');
  assert.equal(await countdownShown(page), false, 'the idle time restarts at Continue');
  await page.clock.fastForward('00:01');
  assert.equal(await countdownShown(page), true);
  await page.keyboard.press('Escape');
  assert.equal(await countdownShown(page), false, 'Escape closes it');
  await page.clock.fastForward('00:40');
  assert.equal(await page.isVisible('#workspace'), true, 'the countdown stopped with it');

  await page.clock.fastForward('02:20'); // three minutes after Escape
  assert.equal(await countdownShown(page), true);
  await page.clock.fastForward('00:29');
  assert.equal(await page.isVisible('#workspace'), true, 'not at 29 s');
  await startsOver(page, () => page.clock.fastForward('00:01'));
  await assertFresh(page);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entry to go back to');
  await screenshot(page, 'kiosk-after-reset');
  assert.deepEqual(problems, []);
  await close();
});

test('idleMinutes=5 is honoured: no countdown at 3 or 4:59 minutes, one at 5; the hint says 5 min', async () => {
  const { page, problems, close } = await openWithClock({ query: '?kiosk=1&idleMinutes=5&maxSide=800' });
  await waitReady(page);
  assert.match(await page.textContent('.kiosk-hint'), /after 5 min without a touch/);
  await openPhotoUnderClock(page, 'collins_fullhair_control.png');
  await nudge(page);
  await page.clock.fastForward('03:00');
  assert.equal(await countdownShown(page), false, 'none at 3 minutes');
  await page.clock.fastForward('01:59');
  assert.equal(await countdownShown(page), false, 'none at 4:59');
  await page.clock.fastForward('00:01');
  assert.equal(await countdownShown(page), true, 'the countdown at 5 minutes');
  assert.deepEqual(problems, []);
  await close();
});

test('a kiosk page nobody has touched holds nothing to wipe: no countdown, no reload, however long it waits', async () => {
  const { page, problems, close } = await openWithClock();
  await waitReady(page);
  await page.evaluate(() => { window.e2eOldDocument = true; });
  for (let minutes = 0; minutes < 30; minutes += 3) await page.clock.fastForward('03:00');
  await page.clock.runFor(60_000);
  assert.equal(await countdownShown(page), false, 'no countdown');
  assert.equal(await page.evaluate(() => window.e2eOldDocument), true, 'the same document');
  assert.deepEqual(problems, []);
  await close();
});

test('a tablet that slept through the idle time and the countdown starts over as it wakes', async () => {
  const { page, problems, close } = await openWithClock();
  await waitReady(page);
  await openPhotoUnderClock(page, 'collins_fullhair_control.png');
  await seedTraces(page);
  await nudge(page);
  // Timers do not run while a tablet sleeps: the idle timer fires once, late, on waking.
  await startsOver(page, () => page.clock.fastForward('10:00'));
  await assertFresh(page);
  assert.deepEqual(problems, []);
  await close();
});

test('a reset during the camera turns the camera off; the countdown shows above the camera dialog', async () => {
  const { page, problems, close } = await openWithClock();
  await waitReady(page);
  await page.tap('#camera-button');
  await page.waitForFunction(() => document.querySelector('dialog.camera-dialog video')?.videoWidth > 0);
  assert.deepEqual(await smallTargets(page, 64), [], 'camera dialog controls under 64 px');
  const cameraOff = new Promise((resolve) => {
    page.exposeFunction('e2eCameraClosed', resolve);
  });
  await page.evaluate(() => {
    const stream = document.querySelector('dialog.camera-dialog video').srcObject;
    new MutationObserver(() => {
      if (!document.querySelector('dialog.camera-dialog')) window.e2eCameraClosed(stream.getTracks().map((track) => track.readyState));
    }).observe(document.body, { childList: true });
  });
  await nudge(page);
  await page.clock.fastForward('03:00');
  assert.equal(await countdownShown(page), true);
  const onTop = await page.evaluate(() => {
    const { left, top, width, height } = document.querySelector('dialog.kiosk-idle').getBoundingClientRect();
    return document.elementFromPoint(left + width / 2, top + height / 2)?.closest('dialog')?.className;
  });
  assert.match(onTop, /kiosk-idle/, 'the countdown is above the camera dialog');
  await screenshot(page, 'kiosk-idle-over-camera');
  await startsOver(page, () => page.clock.fastForward('00:30'));
  // Called before the old page went, or never: by now it has come or will not.
  const closedWith = await Promise.race([cameraOff, 'the camera dialog stayed until the page went']);
  assert.deepEqual(closedWith, ['ended'], 'the camera track stopped before the page went');
  await assertFresh(page);
  assert.deepEqual(problems, []);
  await close();
});

// ---- start over, full screen -----------------------------------------------------------

test('Start over asks first ("Keep going" keeps the photo), then wipes and starts afresh', async () => {
  const { page, problems, close } = await openPage(session, { viewport: portrait, hasTouch: true, query: kioskQuery });
  await waitReady(page);
  await openDemo(page);
  await seedTraces(page);
  await page.tap('.kiosk-start-over');
  const confirm = page.locator('dialog.kiosk-confirm');
  assert.equal(await confirm.evaluate((dialog) => dialog.open), true, 'a confirmation');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Keep going', 'the safe choice has the focus');
  await screenshot(page, 'kiosk-start-over-confirm');
  await confirm.getByRole('button', { name: 'Keep going' }).tap();
  assert.equal(await confirm.evaluate((dialog) => dialog.open), false);
  assert.equal(await page.isVisible('#workspace'), true, 'the photo stays');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'button kiosk-start-over', 'the focus is back on the button');

  await page.tap('.kiosk-start-over');
  await startsOver(page, () => confirm.getByRole('button', { name: 'Start over' }).tap());
  await assertFresh(page);
  assert.deepEqual(problems, []);
  await close();
});

test('offline (airplane mode) Start over still brings a working page: the offline copy is kept, the visit is not', async () => {
  const { page, context, problems, close } = await openPage(session, { viewport: portrait, hasTouch: true, query: kioskQuery, serviceWorkers: 'allow' });
  await waitReady(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await openDemo(page);
  await seedTraces(page);
  await context.setOffline(true);
  await page.tap('.kiosk-start-over');
  await startsOver(page, () => page.locator('dialog.kiosk-confirm').getByRole('button', { name: 'Start over' }).tap());
  await assertFresh(page);
  assert.ok(await page.evaluate(async () => (await caches.keys()).length) > 0, 'the offline copy of the page is kept');
  await openDemo(page);
  assert.ok(await photoPixels(page) > 0, 'the next visitor\'s photo opens offline');
  assert.deepEqual(problems, []);
  await close();
});

test('in French the kiosk speaks French: the bar, the hint, the confirmation', async () => {
  const { page, problems, close } = await openPage(session, { viewport: portrait, hasTouch: true, query: '?kiosk=1&lang=fr' });
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.textContent('.kiosk-full-screen'), 'Plein écran');
  assert.equal(await page.textContent('.kiosk-start-over'), 'Recommencer');
  assert.match(await page.textContent('.kiosk-hint'), /après 3\u00a0min sans toucher/);
  await page.tap('.kiosk-start-over');
  assert.equal(await page.textContent('dialog.kiosk-confirm h2'), 'Recommencer pour la personne suivante\u00a0?');
  assert.deepEqual(problems, []);
  await close();
});

test('full screen: the first tap anywhere enters it, the button leaves it and enters it again', async () => {
  const { page, problems, close } = await openPage(session, { viewport: portrait, hasTouch: true, query: kioskQuery });
  await waitReady(page);
  const button = page.locator('.kiosk-full-screen');
  assert.equal(await button.textContent(), 'Full screen');
  assert.equal(await page.evaluate(() => document.fullscreenElement), null);
  // The label follows fullscreenchange, which comes a little after fullscreenElement changes.
  const shows = (label, element) => page.waitForFunction(([label, element]) =>
    document.querySelector('.kiosk-full-screen').textContent === label
    && document.fullscreenElement === (element ? document.documentElement : null), [label, element]);
  await page.tap('h1');
  await shows('Leave full screen', true);
  await button.tap();
  await shows('Full screen', false);
  // A request would be made in the tap's own handler: count them.
  await page.evaluate(() => {
    const request = Element.prototype.requestFullscreen;
    window.e2eFullScreenRequests = 0;
    Element.prototype.requestFullscreen = function counted(...args) {
      window.e2eFullScreenRequests++;
      return request.apply(this, args);
    };
  });
  await page.tap('h1');
  assert.equal(await page.evaluate(() => window.e2eFullScreenRequests), 0, 'only the first tap enters it: leaving is respected');
  await button.tap();
  await shows('Leave full screen', true);
  assert.equal(await page.evaluate(() => window.e2eFullScreenRequests), 1, 'the button asked');
  assert.deepEqual(problems, []);
  await close();
});

test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
