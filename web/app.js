// Main thread: takes a photo from the picker or a drop, has the worker decode it,
// and shows the upright working image with a one-line description.
const input = document.querySelector('#photo-input');
const dropZone = document.querySelector('#drop-zone');
const statusLine = document.querySelector('#status');
const errorBox = document.querySelector('#error');
const canvas = document.querySelector('#preview');

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let engineReady = false;
let latest = null; // {id, name} of the newest photo sent; replies for older ones are stale
let nextId = 1;

function showStatus(text) {
  statusLine.textContent = text;
}

function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = !text;
}

// Engine messages are sentences without the final full stop.
function sentence(text) {
  return text.replace(/[.!?]*$/, '.');
}

function hidePreview() {
  canvas.hidden = true;
  canvas.width = canvas.height = 0; // frees the old image's memory
}

function engineFailed(details) {
  latest = null; // a photo sent before the failure gets no answer worth showing
  input.disabled = true;
  dropZone.classList.add('disabled');
  showStatus('The photo engine is not available.');
  showError(`The photo engine could not be loaded, so no photo can be opened. Reload the page to try again. Details: ${sentence(details)}`);
}

function describePhoto({ width, height, info }) {
  const size = `${info.width} × ${info.height}`;
  const full = info.orientation > 1
    ? `${size} upright (stored ${info.storedWidth} × ${info.storedHeight}, EXIF orientation ${info.orientation})`
    : size;
  const working = width === info.width && height === info.height ? `${width} × ${height} (full size)` : `${width} × ${height}`;
  const notes = info.warnings.length ? ` Note: ${info.warnings.join('; ')}.` : '';
  return `${full}, ${info.format}. Working image: ${working}.${notes}`;
}

function showPhoto(name, photo) {
  const { width, height, pixels } = photo;
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
  canvas.setAttribute('aria-label', `${name}, shown upright`);
  canvas.hidden = false;
  showStatus(`${name}: ${describePhoto(photo)}`);
}

async function openPhoto(file) {
  if (input.disabled) return; // the engine failed to load
  const request = { id: nextId++, name: file.name };
  latest = request;
  showError('');
  showStatus(engineReady ? 'Decoding photo…' : 'Loading engine…');
  let bytes;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    if (latest !== request) return;
    latest = null;
    hidePreview();
    showStatus('No photo shown.');
    showError(`Could not read “${file.name}”: ${sentence(error.message)}`);
    return;
  }
  if (latest === request) worker.postMessage({ id: request.id, bytes }, [bytes]);
}

worker.addEventListener('message', ({ data }) => {
  if (data.kind === 'engine') {
    if (!data.ok) {
      engineFailed(data.message);
      return;
    }
    engineReady = true;
    showStatus(latest ? 'Decoding photo…' : 'Ready: choose a photo.');
    return;
  }
  if (data.id !== latest?.id) return;
  const { name } = latest;
  latest = null;
  if (data.ok) {
    showPhoto(name, data);
  } else {
    hidePreview();
    showStatus('No photo shown.');
    showError(`Could not open “${name}”: ${sentence(data.message)}`);
  }
});

// Fires when the worker script or one of its imports cannot be loaded.
worker.addEventListener('error', (event) => {
  engineFailed(event.message || 'the worker script could not be started');
});

input.addEventListener('change', () => {
  const [file] = input.files;
  if (file) openPhoto(file);
});

// A photo dropped next to the drop zone must not make the browser navigate away to it.
for (const type of ['dragover', 'drop']) {
  window.addEventListener(type, (event) => event.preventDefault());
}
dropZone.addEventListener('dragover', (event) => {
  event.dataTransfer.dropEffect = input.disabled ? 'none' : 'copy';
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', (event) => {
  if (!dropZone.contains(event.relatedTarget)) dropZone.classList.remove('dragging');
});
dropZone.addEventListener('drop', (event) => {
  dropZone.classList.remove('dragging');
  const [file] = event.dataTransfer.files;
  if (file) openPhoto(file);
});
