// The page: wires the photo intake, the stage, the design panel and the worker.
// The design lives here; the worker only draws it.
import { PreviewClient } from './app/preview-client.js';
import { Stage } from './app/stage.js';
import { Controls } from './app/controls.js';
import { History, newDesign, withinOffer } from './app/design.js';
import { startingPlacement } from './app/placement.js';
import { markPickedFace, nameFaces, showFacePicker } from './app/face-picker.js';
import { bindIntake, maxFileBytes } from './app/intake.js';
import { baseName, composeBeforeAfter, describeDesign, download } from './app/export.js';
import { Practitioner } from './app/practitioner.js';
import { loadConfig, mergeConfig } from './app/config.js';
import { formatNumber, onLanguageChange, pickLanguage, setLanguage, t } from './app/i18n.js';
import { applyBranding } from './app/branding.js';
import { startEmbedApi } from './app/embed-api.js';
import { startWorker } from './app/assets.js';
import { keepOfflineCopy } from './app/offline.js';
import { startKiosk } from './app/kiosk.js';

const $ = (selector) => document.querySelector(selector);
const statusLine = $('#status');
const errorBox = $('#error');
const facePicker = $('#face-picker');
const frameError = $('#frame-error');
const workspace = $('#workspace');
const intake = $('#intake');

// ?maxSide=1200 sets the working size (the benchmark uses it); the default keeps
// single dots visible at 100% while a 4 MP frame still redraws in ~30 ms.
const maxSide = Number(new URLSearchParams(location.search).get('maxSide')) || 2048;
const thumbnailSize = 160;

const client = new PreviewClient(startWorker('worker.js'));
keepOfflineCopy();
// The clinic's configuration (app/config.js) and the language, while the engine loads.
const loadedConfig = await loadConfig();
let config = loadedConfig; // with the embed API's set-options over it
let configured = {}; // those options
await setLanguage(pickLanguage(config.language));
showStatus(t('status.loading'));
// A clinic's shared tablet (app/kiosk.js); its signal turns the camera off as a visit ends.
const kiosk = config.kiosk ? startKiosk(config) : null;
const stage = new Stage($('#stage'));
const controls = new Controls($('#controls'));
let engineTemplates = []; // [{id, label, transitionMm}]; the labels are the engine's English
let engineFailed = false;
let photo = null; // {name} of the open photo; a new object per photo
let design = null; // what is shown; may run ahead of history.committed while dragging
let history = null;
let opening = null; // the photo being opened
let framePxPerMm = 0; // the scale the last frame was drawn at
let thumbnailTimer = 0;
let pendingInputs = []; // performance.now() of inputs not yet painted
let embedApi = null; // the framing site's API (app/embed-api.js), when framed
const practitioner = new Practitioner({
  stage,
  current: () => design,
  apply: (next) => setDesign(next, { commit: true }),
  templates,
  photoName: () => photo?.name ?? 'photo',
});

// ---- the clinic's configuration -----------------------------------------------------

// Branding and the styles and shades offered; a design whose style or shade is no
// longer offered takes the clinic's default (one undo step).
function showConfig() {
  applyBranding(config);
  controls.setOffer(config);
  const offered = design && withinOffer(design, config);
  if (offered && offered !== design) setDesign(offered, { commit: true });
}

// The embed API's set-options: over the page's own configuration, or instead of it.
// Kiosk mode and its idle minutes stay as the page was opened with.
async function configure(options, { replace = false } = {}) {
  configured = replace ? options : { ...configured, ...options };
  config = mergeConfig(replace ? {} : loadedConfig, configured);
  showConfig();
  // Even when it is the one shown: a change still loading may be for another.
  await setLanguage(pickLanguage(config.language));
}

showConfig();
embedApi = startEmbedApi({
  design: () => design ?? newDesign(null, 0, config),
  hasPhoto: () => Boolean(photo),
  designLink: () => practitioner.designLink(),
  exportBlob: async (kind, format) => (await exportBlob(kind, format)).blob,
  configure,
});

function showStatus(text) { statusLine.textContent = text; }
function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = !text;
}
const sentence = (text) => text.replace(/[.!?]*$/, '.');
// Reasons from the C++ engine (error.message) stay English, inside a translated sentence.
const reason = (error) => sentence(error.message);
// The hairline styles named in the visitor's language, by id.
function templates() {
  return engineTemplates.map((style) => ({ ...style, label: t(`template.${style.id}`) }));
}

// ---- design changes -------------------------------------------------------------

function setDesign(next, { commit = false, stamp = performance.now() } = {}) {
  design = Object.freeze(next);
  pendingInputs.push(stamp);
  client.render(design, stamp);
  stage.setHandles(design.handles);
  controls.show(design);
  if (commit) commitDesign();
  embedApi?.changed();
}

function commitDesign() {
  if (history.commit(design)) scheduleThumbnails();
  updateHistoryButtons();
}

function updateHistoryButtons() {
  $('#undo').disabled = !history?.canUndo;
  $('#redo').disabled = !history?.canRedo;
}

function travel(direction) {
  if (!history) return;
  const target = direction === 'undo' ? history.undo() : history.redo();
  // A step from before the clinic changed its offer keeps to what it offers now.
  setDesign(withinOffer(target, config));
  updateHistoryButtons();
  scheduleThumbnails();
}

controls.onInput = (patch, stamp) => setDesign({ ...design, ...patch }, { stamp });
// A slider's change follows its last input with the same value: then only commit.
controls.onChange = (patch) => {
  if (Object.entries(patch).every(([key, value]) => design[key] === value)) commitDesign();
  else setDesign({ ...design, ...patch }, { commit: true });
};
stage.onHandleMove = (name, point, stamp) => setDesign({ ...design, handles: { ...design.handles, [name]: point } }, { stamp });
stage.onHandleDone = () => commitDesign();
stage.onBrushDab = (dab, stamp) => setDesign({ ...design, brush: [...design.brush, Object.freeze(dab)] }, { stamp });
stage.onBrushDone = () => commitDesign();
stage.onBrushCancel = () => setDesign({ ...design, brush: history.committed.brush });
stage.onViewChange = () => { $('#zoom-level').textContent = `${stage.zoomPercent}%`; };
stage.brushRadiusPx = () => (Number($('#brush-size').value) / 2) * (framePxPerMm || 1);

// ---- frames ----------------------------------------------------------------------

let frameToDraw = null;

client.onFrame = (frame, stamp) => {
  if (frameToDraw) client.recycle(frameToDraw.pixels); // superseded before it was painted
  frameToDraw = { ...frame, stamp };
  requestAnimationFrame(paint);
};

// Drawn in an animation frame: at most one putImageData per screen refresh.
function paint() {
  const frame = frameToDraw;
  if (!frame) return;
  frameToDraw = null;
  stage.drawFrame(frame.width, frame.height, frame.pixels, frame.hairline);
  client.recycle(frame.pixels);
  frameError.hidden = true;
  framePxPerMm = frame.stats.pxPerMm;
  showStats(frame.stats);
  practitioner.framePainted(frame);
  const now = performance.now();
  // Every input this frame reflects is now on screen.
  pendingInputs = pendingInputs.filter((stamp) => {
    if (stamp > frame.stamp) return true;
    performance.measure('input-to-paint', { start: stamp, end: now });
    return false;
  });
}

client.onFrameError = (failure, stamp) => {
  pendingInputs = pendingInputs.filter((input) => input > stamp); // these will never be painted
  const message = sentence(failure.message);
  frameError.textContent = t('stage.frameError', { reason: `${message[0].toUpperCase()}${message.slice(1)}` });
  frameError.hidden = false;
};

let shownStats = null; // the last frame's, written again after a language change
// Below ~90 dots (1 cm² at the front's density) a count says nothing about the density:
// a sliver of front zone behind the line's ramp would read "0 dots/cm²".
const measurableAreaCm2 = 1;

function showStats(stats) {
  shownStats = stats;
  const front = stats.zones.find((zone) => zone.name === 'front-mid');
  const figures = { dots: formatNumber(stats.dotCount), scale: formatNumber(stats.pxPerMm, 2) };
  $('#stats').textContent = front.areaCm2 >= measurableAreaCm2
    ? t('stage.statsWithFront', { ...figures, measured: formatNumber(front.measuredPerCm2), target: formatNumber(front.targetPerCm2) })
    : t('stage.stats', figures);
}

function scheduleThumbnails() {
  clearTimeout(thumbnailTimer);
  // Waits for the user to pause: thumbnails cost six small renders.
  thumbnailTimer = setTimeout(async () => {
    const forPhoto = photo;
    try {
      const { images } = await client.thumbnails(history.committed, thumbnailSize);
      if (photo === forPhoto) controls.showThumbnails(images);
    } catch {
      // The gallery keeps its names; a bad design already shows its own message.
    }
  }, 400);
}

// ---- photos ----------------------------------------------------------------------

async function openPhoto(file, { handleFractions, isDemo = false } = {}) {
  if (engineFailed) return;
  showError('');
  if (file.size > maxFileBytes) {
    showError(t('intake.tooBig', { name: file.name, size: Math.round(file.size / 1048576), limit: maxFileBytes / 1048576 }));
    return;
  }
  const request = {};
  opening = request;
  showStatus(t('status.opening', { name: file.name }));
  document.body.classList.add('busy');
  try {
    const bytes = await file.arrayBuffer();
    const started = performance.now();
    const opened = await client.open(bytes, maxSide, design?.template ?? config.defaultTemplate);
    if (opening !== request) return;
    const { width, height } = opened;
    photo = { name: file.name };
    const { handles, pxPerMm: scale, hint } = startingPlacement(opened, handleFractions);
    // The user's choices carry over to the next photo; only the placement is new.
    history = new History(design ? Object.freeze({ ...design, handles, pxPerMm: scale, brush: [] }) : newDesign(handles, scale, config));
    stage.setPhoto(width, height, opened.pixels);
    intake.hidden = true;
    workspace.hidden = false;
    $('#demo-credit').hidden = !isDemo;
    pendingInputs = [];
    setDesign(history.committed, { stamp: started });
    practitioner.photoOpened(opened); // may apply a shared design
    // With several faces the whole photo stays in view, so the user can pick one.
    if (opened.placement?.handles && opened.placement.faces.length === 1) stage.frameHead();
    showFacePicker(facePicker, opened.placement, { onPick: (index) => pickFace({ width, height }, index), onHighlight: (box) => stage.highlight(box) });
    updateHistoryButtons();
    scheduleThumbnails();
    // Every language keeps "name: …", which the tests (and the kiosk's screen reader) rely on.
    const sizes = { name: file.name, width: opened.info.width, height: opened.info.height, workingWidth: width, workingHeight: height, hint };
    showStatus((opened.decoder === 'browser' ? t('status.openedByBrowser', sizes) : t('status.opened', sizes)).trim());
    stage.root.focus({ preventScroll: true });
  } catch (error) {
    if (opening !== request) return;
    showStatus(photo ? t('status.stillShowing', { name: photo.name }) : t('status.noPhoto'));
    showError(t('intake.openFailed', { name: file.name, reason: reason(error) }));
  } finally {
    if (opening === request) {
      opening = null;
      document.body.classList.remove('busy');
    }
  }
}

// Several faces: the handles move to the chosen one (an undoable step).
async function pickFace(size, faceIndex) {
  const forPhoto = photo;
  try {
    const { placement } = await client.place(faceIndex, design.template);
    if (photo !== forPhoto) return;
    if (!placement.handles) throw new Error(placement.message ?? t('faces.noHandles'));
    const { handles, pxPerMm, hint } = startingPlacement({ ...size, placement });
    markPickedFace(facePicker, placement);
    practitioner.photoOpened({ ...size, placement });
    setDesign({ ...design, handles, pxPerMm }, { commit: true });
    stage.frameHead();
    showStatus(hint);
  } catch (error) {
    showError(t('faces.placeFailed', { reason: reason(error) }));
  }
}

bindIntake({
  onPhoto: openPhoto,
  onError: showError,
  isBusy: () => engineFailed,
  signal: kiosk?.signal,
});

// ---- toolbar and buttons ------------------------------------------------------------

function bindSegmented(attribute, apply) {
  const buttons = [...document.querySelectorAll(`[data-${attribute}]`)].filter((b) => b.getAttribute('role') === 'radio');
  for (const button of buttons) {
    button.addEventListener('click', () => {
      for (const other of buttons) other.setAttribute('aria-checked', String(other === button));
      apply(button.dataset[attribute]);
    });
  }
}

bindSegmented('tool', (tool) => {
  stage.setTool(tool);
  $('#brush-size-group').hidden = tool === 'move';
});
bindSegmented('mode', (mode) => stage.setMode(mode));
const showBrushSize = () => { $('#brush-size-value').textContent = t('tools.brushSizeValue', { mm: $('#brush-size').value }); };
$('#brush-size').addEventListener('input', showBrushSize);
showBrushSize();
$('#zoom-in').addEventListener('click', () => stage.zoomBy(1.25));
$('#zoom-out').addEventListener('click', () => stage.zoomBy(0.8));
$('#zoom-fit').addEventListener('click', () => stage.fit());
$('#zoom-100').addEventListener('click', () => stage.actualPixels());
$('#undo').addEventListener('click', () => travel('undo'));
$('#redo').addEventListener('click', () => travel('redo'));
$('#reset').addEventListener('click', () => {
  setDesign(newDesign(design.handles, design.pxPerMm, config), { commit: true });
});
// Shows every way in again (picker, camera, demo, drop) above the current design.
$('#change-photo').addEventListener('click', () => {
  intake.hidden = false;
  intake.scrollIntoView({ block: 'nearest' });
  $('#photo-input').focus();
});

window.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || !history) return;
  if (event.target.matches?.('input[type=text], textarea')) return;
  const key = event.key.toLowerCase();
  if (key === 'z' || key === 'y') {
    event.preventDefault();
    travel(key === 'y' || event.shiftKey ? 'redo' : 'undo');
  }
});

for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', () => exportFile(button.dataset.export, button.dataset.format));
}

// The picture to save, as a Blob: the result at the photo's full size (drawn by the
// worker) or the before/after picture. The Save buttons and the embed API use it.
async function exportBlob(kind, format, onProgress = () => {}) {
  const type = format === 'png' ? 'image/png' : 'image/jpeg';
  if (kind === 'result') {
    const { bytes, width, height } = await client.exportImage(design, format, onProgress);
    return { blob: new Blob([bytes], { type }), width, height };
  }
  onProgress(t('export.composing'));
  return { blob: await composeBeforeAfter(stage.before, stage.after, describeDesign(design, templates()), type) };
}

async function exportFile(kind, format) {
  if (!photo) return;
  const exportStatus = $('#export-status');
  const extension = format === 'png' ? 'png' : 'jpg';
  const buttons = document.querySelectorAll('[data-export]');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const { blob, width, height } = await exportBlob(kind, format, (text) => { exportStatus.textContent = text; });
    const saved = { width, height, format: format.toUpperCase(), size: formatNumber(blob.size / 1e6, 1) };
    if (kind === 'result') {
      download(blob, `${baseName(photo.name)}.${extension}`);
      exportStatus.textContent = t('export.savedResult', saved);
    } else {
      download(blob, `${baseName(photo.name)}-before-after.${extension}`);
      exportStatus.textContent = t('export.savedCompare', saved);
    }
  } catch (error) {
    exportStatus.textContent = t('export.failed', { reason: reason(error) });
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

// ---- language ----------------------------------------------------------------------

// setLanguage redoes the markup's words (data-i18n); these are written by code. The
// status line and messages keep their words until the next one.
onLanguageChange(() => {
  controls.relabel(templates());
  stage.update(); // the handles' names
  nameFaces(facePicker);
  showBrushSize();
  if (shownStats) showStats(shownStats);
});

// ---- engine ------------------------------------------------------------------------

client.ready.then(
  (engine) => {
    engineTemplates = engine.templates;
    controls.setTemplates(templates());
    if (!opening) showStatus(t('status.ready'));
  },
  (error) => {
    engineFailed = true;
    for (const control of intake.querySelectorAll('button, input')) control.disabled = true;
    showStatus(t('status.engineUnavailable'));
    showError(t('status.engineFailed', { reason: reason(error) }));
  },
);
