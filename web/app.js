// The page: wires the photo intake, the stage, the design panel and the worker.
// The design lives here; the worker only draws it.
import { PreviewClient } from './app/preview-client.js';
import { Stage } from './app/stage.js';
import { Controls } from './app/controls.js';
import { History, newDesign } from './app/design.js';
import { startingPlacement } from './app/placement.js';
import { markPickedFace, showFacePicker } from './app/face-picker.js';
import { bindIntake, maxFileBytes } from './app/intake.js';
import { baseName, composeBeforeAfter, describeDesign, download } from './app/export.js';
import { Practitioner } from './app/practitioner.js';
import { loadConfig } from './app/config.js';
import { pickLanguage, setLanguage } from './app/i18n.js';

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

const client = new PreviewClient(new URL('./worker.js', import.meta.url));
// The clinic's configuration (app/config.js) and the language, while the engine loads.
const config = await loadConfig();
await setLanguage(pickLanguage(config.language));
const stage = new Stage($('#stage'));
const controls = new Controls($('#controls'));
let templates = [];
let engineFailed = false;
let photo = null; // {name} of the open photo; a new object per photo
let design = null; // what is shown; may run ahead of history.committed while dragging
let history = null;
let opening = null; // the photo being opened
let framePxPerMm = 0; // the scale the last frame was drawn at
let thumbnailTimer = 0;
let pendingInputs = []; // performance.now() of inputs not yet painted
const practitioner = new Practitioner({
  stage,
  current: () => design,
  apply: (next) => setDesign(next, { commit: true }),
  templates: () => templates,
  photoName: () => photo?.name ?? 'photo',
});

function showStatus(text) { statusLine.textContent = text; }
function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = !text;
}
const sentence = (text) => text.replace(/[.!?]*$/, '.');

// ---- design changes -------------------------------------------------------------

function setDesign(next, { commit = false, stamp = performance.now() } = {}) {
  design = Object.freeze(next);
  pendingInputs.push(stamp);
  client.render(design, stamp);
  stage.setHandles(design.handles);
  controls.show(design);
  if (commit) commitDesign();
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
  setDesign(target);
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
  frameError.textContent = `${message[0].toUpperCase()}${message.slice(1)} The preview shows the last valid design.`;
  frameError.hidden = false;
};

function showStats(stats) {
  const front = stats.zones.find((zone) => zone.name === 'front-mid');
  const dots = stats.dotCount.toLocaleString('en');
  const density = front.areaCm2 > 0 ? ` Front: ${front.measuredPerCm2.toFixed(0)} dots/cm² (target ${front.targetPerCm2.toFixed(0)}).` : '';
  $('#stats').textContent = `${dots} dots.${density} Scale ${stats.pxPerMm.toFixed(2)} px/mm.`;
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

async function openPhoto(file, { handleFractions, credit } = {}) {
  if (engineFailed) return;
  showError('');
  if (file.size > maxFileBytes) {
    showError(`“${file.name}” is ${(file.size / 1048576).toFixed(0)} MB; photos up to 64 MB can be opened. Try a smaller copy.`);
    return;
  }
  const request = {};
  opening = request;
  showStatus(`Opening “${file.name}”…`);
  document.body.classList.add('busy');
  try {
    const bytes = await file.arrayBuffer();
    const started = performance.now();
    const opened = await client.open(bytes, maxSide, design?.template ?? 'soft');
    if (opening !== request) return;
    const { width, height } = opened;
    photo = { name: file.name };
    const { handles, pxPerMm: scale, hint } = startingPlacement(opened, handleFractions);
    // The user's choices carry over to the next photo; only the placement is new.
    history = new History(design ? Object.freeze({ ...design, handles, pxPerMm: scale, brush: [] }) : newDesign(handles, scale));
    stage.setPhoto(width, height, opened.pixels);
    intake.hidden = true;
    workspace.hidden = false;
    $('#demo-credit').textContent = credit ?? '';
    $('#demo-credit').hidden = !credit;
    pendingInputs = [];
    setDesign(history.committed, { stamp: started });
    practitioner.photoOpened(opened); // may apply a shared design
    // With several faces the whole photo stays in view, so the user can pick one.
    if (opened.placement?.handles && opened.placement.faces.length === 1) stage.frameHead();
    showFacePicker(facePicker, opened.placement, { onPick: (index) => pickFace({ width, height }, index), onHighlight: (box) => stage.highlight(box) });
    updateHistoryButtons();
    scheduleThumbnails();
    const via = opened.decoder === 'browser' ? ' (decoded by the browser)' : '';
    showStatus(`${file.name}: ${opened.info.width} × ${opened.info.height}${via}, working at ${width} × ${height}. ${hint}`.trim());
    stage.root.focus({ preventScroll: true });
  } catch (error) {
    if (opening !== request) return;
    showStatus(photo ? `Still showing “${photo.name}”.` : 'No photo open.');
    showError(`Could not open “${file.name}”: ${sentence(error.message)}`);
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
    if (!placement.handles) throw new Error(placement.message ?? 'no handles for that face');
    const { handles, pxPerMm, hint } = startingPlacement({ ...size, placement });
    markPickedFace(facePicker, placement);
    practitioner.photoOpened({ ...size, placement });
    setDesign({ ...design, handles, pxPerMm }, { commit: true });
    stage.frameHead();
    showStatus(hint);
  } catch (error) {
    showError(`Could not place the handles on that face: ${sentence(error.message)}`);
  }
}

bindIntake({
  onPhoto: openPhoto,
  onError: showError,
  isBusy: () => engineFailed,
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
$('#brush-size').addEventListener('input', (event) => { $('#brush-size-value').textContent = `${event.target.value} mm`; });
$('#zoom-in').addEventListener('click', () => stage.zoomBy(1.25));
$('#zoom-out').addEventListener('click', () => stage.zoomBy(0.8));
$('#zoom-fit').addEventListener('click', () => stage.fit());
$('#zoom-100').addEventListener('click', () => stage.actualPixels());
$('#undo').addEventListener('click', () => travel('undo'));
$('#redo').addEventListener('click', () => travel('redo'));
$('#reset').addEventListener('click', () => {
  setDesign(newDesign(design.handles, design.pxPerMm), { commit: true });
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

async function exportFile(kind, format) {
  if (!photo) return;
  const exportStatus = $('#export-status');
  const mime = format === 'png' ? 'image/png' : 'image/jpeg';
  const extension = format === 'png' ? 'png' : 'jpg';
  const buttons = document.querySelectorAll('[data-export]');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    if (kind === 'result') {
      const result = await client.exportImage(design, format, (text) => { exportStatus.textContent = text; });
      download(new Blob([result.bytes], { type: mime }), `${baseName(photo.name)}.${extension}`);
      exportStatus.textContent = `Saved ${result.width} × ${result.height} ${format.toUpperCase()} (${(result.bytes.byteLength / 1e6).toFixed(1)} MB).`;
    } else {
      exportStatus.textContent = 'Composing the before/after picture…';
      const blob = await composeBeforeAfter(stage.before, stage.after, describeDesign(design, templates), mime);
      download(blob, `${baseName(photo.name)}-before-after.${extension}`);
      exportStatus.textContent = `Saved the before/after ${format.toUpperCase()} (${(blob.size / 1e6).toFixed(1)} MB).`;
    }
  } catch (error) {
    exportStatus.textContent = `Could not save: ${sentence(error.message)}`;
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

// ---- engine ------------------------------------------------------------------------

client.ready.then(
  (engine) => {
    templates = engine.templates;
    controls.setTemplates(templates);
    if (!opening) showStatus('Ready: choose a photo, take one, or try the demo photo.');
  },
  (error) => {
    engineFailed = true;
    for (const control of intake.querySelectorAll('button, input')) control.disabled = true;
    showStatus('The photo engine is not available.');
    showError(`The photo engine could not be loaded, so no photo can be opened. Reload the page to try again. Details: ${sentence(error.message)}`);
  },
);
