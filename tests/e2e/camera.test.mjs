// The camera in the real page, with Chromium's fake camera (a moving test pattern) and
// its permission prompt answered yes: the dialog opens, Take photo opens the picture in
// the workspace, Cancel closes it and turns the camera off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertRequestsLocal, openPage, screenshot, settle, startSession, waitReady } from './support.mjs';

let session;

before(async () => {
  session = await startSession({ extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
});

after(async () => {
  await session?.close();
});

// Clicks #camera-button and waits until the dialog's camera runs.
async function openCamera(page) {
  await page.click('#camera-button');
  const dialog = page.locator('dialog.camera-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((element) => element.open), true, 'the dialog is open (modal)');
  assert.equal(await dialog.getAttribute('aria-labelledby') !== null, true);
  await page.waitForFunction(() => {
    const video = document.querySelector('dialog.camera-dialog video');
    return video?.videoWidth > 0 && document.querySelector('.camera-take').getAttribute('aria-disabled') === 'false';
  });
  return dialog;
}

test('the camera dialog takes a photo that opens in the workspace', async () => {
  const { page, problems, close } = await openPage(session);
  await waitReady(page);
  const dialog = await openCamera(page);
  const video = await page.evaluate(() => {
    const element = document.querySelector('dialog.camera-dialog video');
    return { width: element.videoWidth, height: element.videoHeight, live: element.srcObject?.active };
  });
  assert.equal(video.live, true, 'the camera stream is live');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Take photo', 'Take photo has the focus');
  await screenshot(page, 'desktop-camera-dialog');

  const since = await page.evaluate(() => performance.getEntriesByName('input-to-paint').length);
  await dialog.getByRole('button', { name: 'Take photo' }).click();
  await page.waitForSelector('#workspace:not([hidden])');
  await page.waitForFunction(() => /^camera-[\d-T]+\.jpg: /.test(document.querySelector('#status').textContent));
  await settle(page);
  assert.ok(await page.evaluate(() => performance.getEntriesByName('input-to-paint').length) > since, 'a frame was painted');
  assert.equal(await page.locator('dialog.camera-dialog').count(), 0, 'the dialog is gone');
  const status = await page.textContent('#status');
  assert.ok(status.includes(`${video.width} × ${video.height}, working at ${video.width} × ${video.height}.`), status);
  const size = await page.evaluate(() => {
    const canvas = document.querySelector('canvas.stage-before');
    return [canvas.width, canvas.height];
  });
  assert.deepEqual(size, [video.width, video.height], 'the photo has the video\'s size');
  assert.match(await page.textContent('#stats'), /^[\d,]+ dots\./);
  assert.equal(await page.isVisible('#error'), false);
  await screenshot(page, 'desktop-camera-photo');
  assert.deepEqual(problems, []);
  await close();
});

test('Cancel closes the camera dialog, stops the camera and opens nothing', async () => {
  const { page, problems, close } = await openPage(session);
  await waitReady(page);
  const dialog = await openCamera(page);
  await page.evaluate(() => {
    window.e2eStream = document.querySelector('dialog.camera-dialog video').srcObject;
  });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('dialog.camera-dialog').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => window.e2eStream.getTracks().every((track) => track.readyState === 'ended')), true,
    'the camera is off');
  assert.equal(await page.isVisible('#intake'), true);
  assert.equal(await page.isVisible('#workspace'), false);
  assert.equal(await page.isVisible('#error'), false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'camera-button', 'the focus returns to the button');
  assert.deepEqual(problems, []);
  await close();
});

test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
