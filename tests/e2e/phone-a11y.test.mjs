// Accessibility and phones in the real page: axe-core finds no serious or critical
// problem with a photo open (desktop and phone), and on a 360 px touch screen nothing
// overflows, every control is a 44 × 44 px target, and the demo photo opens by a tap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  andPainted, assertRequestsLocal, centreOf, desktop, openPage, openPhoto, phone, photoPath, screenshot, settle, startSession,
  waitReady,
} from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let session;

before(async () => {
  session = await startSession();
});

after(async () => {
  await session?.close();
});

// Opens the demo photo with a tap (touch) or a click, and waits for its first frame.
async function openDemo(page, { tap = false } = {}) {
  if (tap) await page.tap('#demo-button');
  else await page.click('#demo-button');
  await page.waitForSelector('#workspace:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Demo photo'));
  await settle(page);
  await page.waitForFunction(() => performance.getEntriesByName('input-to-paint').length > 0);
}

// Runs axe-core on the page; returns its violations, printed with their targets.
async function axeViolations(page, label) {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    if (results.passes.length + results.incomplete.length < 10) throw new Error('axe checked almost nothing');
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id, impact, help, nodes: nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
    }));
  });
  console.log(`axe (${label}): ${violations.length} violations`);
  for (const { id, impact, help, nodes } of violations) {
    console.log(`axe (${label}): ${impact} ${id}: ${help}`);
    for (const node of nodes) console.log(`    ${node.target}\n      ${node.summary?.replace(/\n/g, '\n      ')}`);
  }
  return violations;
}

for (const [label, viewport, colorScheme] of [['desktop', desktop, 'light'], ['phone', phone, 'light'], ['desktop dark', desktop, 'dark']]) {
  test(`axe-core finds no serious or critical violation with a photo open (${label} ${viewport.width}×${viewport.height})`, async () => {
    const { page, problems, close } = await openPage(session, { viewport, colorScheme, bypassCSP: true, query: '?maxSide=800' });
    await waitReady(page);
    await openPhoto(page, photoPath('creamer_receding_front.jpg'));
    await page.waitForFunction(() => [...document.querySelectorAll('#gallery canvas.thumb')].every((c) => c.width > 1));
    await screenshot(page, `axe-${label.replace(' ', '-')}`);
    const violations = await axeViolations(page, `${label}, result`);
    // The divider and the brush size show too.
    await page.click('[data-mode=slider]');
    await page.click('[data-tool=add]');
    violations.push(...await axeViolations(page, `${label}, slider and brush`));
    const severe = violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');
    assert.deepEqual(severe.map(({ id, impact, nodes }) => `${impact} ${id}: ${nodes.map((n) => n.target).join(', ')}`), []);
    assert.deepEqual(problems, []);
    await close();
  });
}

// Visible controls in the workspace smaller than 44 × 44 CSS px. A control inside a
// <label> is measured by the label, which takes its taps; one that ignores the pointer
// (a handle while painting or side by side) is no target.
function smallTargets(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll(
      '#workspace button, #workspace input, #workspace select, #workspace [role=slider], #workspace [tabindex="0"]');
    const small = [];
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true })) continue;
      if (getComputedStyle(control).pointerEvents === 'none') continue;
      const target = control.closest('label') ?? control;
      const { width, height } = target.getBoundingClientRect();
      if (width < 43.9 || height < 43.9) {
        const name = control.id ? `#${control.id}` : control.dataset.template ? `[data-template=${control.dataset.template}]`
          : control.getAttribute('aria-label') ?? (control.name ? `${control.name}=${control.value}` : control.textContent.trim());
        small.push(`${control.tagName.toLowerCase()} ${name}${target === control ? '' : ' (its label)'}: ${width.toFixed(1)}×${height.toFixed(1)}`);
      }
    }
    return small;
  });
}

const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

// Taps through the workspace's states, calling check(state) in each.
async function everyState(page, check) {
  await check('result');
  await page.tap('[data-tool=add]');
  assert.equal(await page.isVisible('#brush-size'), true);
  await check('add tool');
  await page.tap('[data-tool=move]');
  await page.tap('[data-mode=slider]');
  assert.equal(await page.isVisible('.stage-divider'), true);
  await check('slider');
  await page.tap('[data-mode=side]');
  await check('side');
  await page.tap('[data-mode=result]');
  await page.tap('#zoom-100');
  assert.equal(await page.textContent('#zoom-level'), '100%');
  await check('zoom-100');
}

test('on a 360 px touch phone the demo photo opens by a tap, nothing overflows, a handle follows a finger, two fingers zoom, and the photo stays in view over the choices', async (t) => {
  const { page, problems, close } = await openPage(session, { viewport: phone, hasTouch: true, isMobile: true });
  await waitReady(page);
  assert.ok(await pageWidth(page) <= phone.width, `the intake is ${await pageWidth(page)} px wide`);
  await screenshot(page, 'phone-intake');
  await openDemo(page, { tap: true });
  assert.equal(await page.isVisible('#intake'), false);
  assert.equal(await page.isVisible('#demo-credit'), true, 'the demo photo is credited');
  assert.match(await page.textContent('#stats'), /^[1-9][\d,]* dots\./);
  await screenshot(page, 'phone-demo-full', { fullPage: true });
  // The full-page screenshot resizes the viewport and back: let the stage lay out again
  // before reading where the handle is.
  await settle(page);

  // A touch drag through CDP: touchStart, moves, touchEnd.
  const handle = page.locator('.handle-mid');
  const startY = Number(await handle.getAttribute('data-y'));
  const [x, y] = await centreOf(handle);
  const client = await page.context().newCDPSession(page);
  const touch = (type, points) => client.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([px, py]) => ({ x: px, y: py })) });
  await andPainted(page, async () => {
    await touch('touchStart', [[x, y]]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [[x, y - 4 * i]]);
    await touch('touchEnd', []);
  });
  const endY = Number(await handle.getAttribute('data-y'));
  assert.ok(endY < startY - 5, `the handle moved from y ${startY} to ${endY}`);
  assert.equal(await page.isEnabled('#undo'), true, 'the drag is one undo step');

  // Two fingers spreading apart zoom in around their midpoint; pinching back zooms out.
  const zoom = async () => Number((await page.textContent('#zoom-level')).replace('%', ''));
  const fitted = await zoom();
  const stageBox = await page.locator('#stage').boundingBox();
  const [cx, cy] = [stageBox.x + stageBox.width / 2, stageBox.y + stageBox.height * 0.7];
  const pinch = async (from, to) => {
    await touch('touchStart', [[cx - from, cy], [cx + from, cy]]);
    for (let i = 1; i <= 6; i++) {
      const spread = from + ((to - from) * i) / 6;
      await touch('touchMove', [[cx - spread, cy], [cx + spread, cy]]);
    }
    await touch('touchEnd', []);
  };
  await pinch(20, 80);
  const zoomedIn = await zoom();
  assert.ok(zoomedIn > fitted * 3, `spreading two fingers 4× apart zooms from ${fitted}% to ${zoomedIn}%`);
  await pinch(80, 40);
  const zoomedOut = await zoom();
  assert.ok(zoomedOut < zoomedIn * 0.6, `pinching them halfway back zooms out from ${zoomedIn}% to ${zoomedOut}%`);
  assert.equal(Number(await handle.getAttribute('data-y')), endY, 'a pinch moves no handle');
  await page.tap('#zoom-fit');

  // Scrolled down to the choices, the photo stays in view above them.
  await page.locator('#shades').scrollIntoViewIfNeeded();
  await page.tap('[data-shade="1"]');
  const stageInView = await page.locator('#stage').boundingBox();
  const swatch = await page.locator('[data-shade="1"]').boundingBox();
  assert.ok(stageInView.y >= 0 && stageInView.y + stageInView.height <= swatch.y,
    `the stage (y ${stageInView.y.toFixed(0)}..${(stageInView.y + stageInView.height).toFixed(0)}) is on screen above the swatch (y ${swatch.y.toFixed(0)})`);

  const offenders = [];
  await everyState(page, async (state) => {
    const width = await pageWidth(page);
    assert.ok(width <= phone.width, `${state}: the page is ${width} px wide`);
    const stage = await page.locator('#stage').boundingBox();
    assert.ok(stage.x >= 0 && stage.x + stage.width <= phone.width, `${state}: the stage fits the screen`);
    await screenshot(page, `phone-${state.replace(' ', '-')}`);
    offenders.push(...(await smallTargets(page)).map((offender) => `${state}: ${offender}`));
  });
  console.log(offenders.length ? `small touch targets:\n  ${offenders.join('\n  ')}` : 'no small touch targets');
  await t.test('every visible control in the workspace is at least 44 × 44 CSS px', () => {
    assert.deepEqual(offenders, [], 'controls smaller than 44 × 44 CSS px');
  });
  assert.deepEqual(problems, []);
  await close();
});

test('no page or worker asked for anything outside the server it came from', () => {
  assertRequestsLocal(session, import.meta.url);
});
