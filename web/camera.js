// Takes a photo with the device camera in a modal dialog. An oval and a hairline
// drawn over the live picture show where the head goes, so that the simulator gets
// a front-on photo with the hairline in view. Nothing leaves the device.
import { t } from './app/i18n.js';

const svgNamespace = 'http://www.w3.org/2000/svg';
const errorMessages = new Map([
  ['NotAllowedError', () => t('camera.refused')],
  ['NotFoundError', () => t('camera.notFound')],
  ['OverconstrainedError', () => t('camera.notFound')],
  ['NotReadableError', () => t('camera.inUse')],
]);
// HD is enough for a head photo; browsers pick the nearest size the camera has.
const videoSize = { width: { ideal: 1920 }, height: { ideal: 1080 } };
// Guide positions in percent of the video's height, and a head's width / height: only
// the oval's width depends on the video's shape (see fitGuide), so it stays head-shaped.
const guide = { centerY: 48, radiusY: 40, hairlineY: 26, headAspect: 0.75 };
let dialogCount = 0; // keeps element ids unique

export function cameraSupported() {
  return Boolean(globalThis.isSecureContext && navigator.mediaDevices?.getUserMedia);
}

// One sentence a user can act on, whatever getUserMedia (or play) threw.
function cameraError(error) {
  const details = String(error?.message || error?.name || error).replace(/[\s.!?]*$/, '');
  // The browser's own details may be English: they sit inside a translated sentence.
  const message = errorMessages.get(error?.name)?.() ?? t('camera.startFailed', { reason: details });
  return new Error(message, { cause: error });
}

function element(tag, properties = {}, children = []) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function svgElement(tag, attributes = {}, children = []) {
  const node = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function stopTracks(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}

// Local time, so that the name matches the clock the user sees.
function photoName(now = new Date()) {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return `camera-${local.toISOString().slice(0, 19).replaceAll(':', '-')}.jpg`;
}

function buildGuide(maskId) {
  const oval = (attributes) => svgElement('ellipse', { cx: '50%', cy: `${guide.centerY}%`, ry: `${guide.radiusY}%`, ...attributes });
  const cutout = oval({ fill: 'black' });
  const outline = oval({ class: 'camera-guide-oval' });
  const hairline = svgElement('line', { class: 'camera-guide-hairline', y1: `${guide.hairlineY}%`, y2: `${guide.hairlineY}%` });
  const label = svgElement('text', {
    class: 'camera-guide-label', x: '50%', y: `${guide.hairlineY}%`, dy: '-0.6em', 'text-anchor': 'middle',
  }, [t('camera.hairline')]);
  const svg = svgElement('svg', { class: 'camera-guide', 'aria-hidden': 'true' }, [
    svgElement('mask', { id: maskId }, [svgElement('rect', { width: '100%', height: '100%', fill: 'white' }), cutout]),
    svgElement('rect', { class: 'camera-guide-shade', width: '100%', height: '100%', mask: `url(#${maskId})` }),
    outline,
    hairline,
    label,
  ]);
  return { svg, ovals: [cutout, outline], hairline };
}

function buildDialog() {
  const id = `camera-dialog-${++dialogCount}`;
  const title = element('h2', { id: `${id}-title`, className: 'camera-title', textContent: t('camera.title') });
  const hint = element('p', {
    id: `${id}-hint`,
    className: 'camera-hint',
    textContent: t('camera.hint'),
  });
  const video = element('video', { className: 'camera-video', muted: true, autoplay: true });
  video.setAttribute('aria-label', t('camera.preview'));
  video.setAttribute('playsinline', ''); // iOS Safari would otherwise play it full screen
  const status = element('p', { className: 'camera-status' });
  status.setAttribute('role', 'status');
  const overlay = buildGuide(`${id}-mask`);
  const button = (text, className) => element('button', { type: 'button', className: `camera-button ${className}`, textContent: text });
  const switchButton = button(t('camera.switch'), 'camera-switch');
  switchButton.hidden = true; // until the camera list says there is another one
  const cancelButton = button(t('camera.cancel'), 'camera-cancel');
  const takeButton = button(t('camera.take'), 'camera-take');
  const dialog = element('dialog', { className: 'camera-dialog' }, [
    title,
    element('div', { className: 'camera-stage' }, [video, overlay.svg, status]),
    hint,
    element('div', { className: 'camera-actions' }, [switchButton, cancelButton, takeButton]),
  ]);
  dialog.setAttribute('aria-labelledby', title.id);
  dialog.setAttribute('aria-describedby', hint.id);
  return { dialog, video, status, overlay, switchButton, cancelButton, takeButton };
}

// Sizes the stage to the video's aspect ratio and narrows the oval to a head's shape.
function fitGuide(ui, width, height) {
  ui.dialog.style.setProperty('--camera-aspect', String(width / height));
  const radiusX = Math.min(45, (guide.radiusY * guide.headAspect * height) / width);
  for (const oval of ui.overlay.ovals) oval.setAttribute('rx', `${radiusX}%`);
  const rise = (guide.hairlineY - guide.centerY) / guide.radiusY;
  const halfChord = radiusX * Math.sqrt(1 - rise ** 2);
  ui.overlay.hairline.setAttribute('x1', `${50 - halfChord}%`);
  ui.overlay.hairline.setAttribute('x2', `${50 + halfChord}%`);
}

async function videoInputs() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput');
}

// Resolves with a JPEG File, or null when the user cancels (or options.signal aborts);
// rejects with a one-sentence Error when the camera cannot be used.
export function capturePhoto({ signal } = {}) {
  if (signal?.aborted) return Promise.resolve(null);
  if (!cameraSupported()) {
    return Promise.reject(new Error(t('camera.notAllowedHere')));
  }
  return new Promise((resolve, reject) => {
    const ui = buildDialog();
    const previousFocus = document.activeElement;
    let stream = null;
    let busy = true;
    let closed = false;

    function setBusy(isBusy) {
      busy = isBusy;
      // aria-disabled rather than disabled: a disabled button could not hold the focus.
      for (const button of [ui.takeButton, ui.switchButton]) button.setAttribute('aria-disabled', String(isBusy));
    }

    function stopCamera() {
      stopTracks(stream);
      stream = null;
      ui.video.srcObject = null;
    }

    function finish(settle) {
      if (closed) return;
      closed = true;
      stopCamera();
      signal?.removeEventListener('abort', cancel);
      if (ui.dialog.open) ui.dialog.close();
      ui.dialog.remove();
      previousFocus?.focus?.();
      settle();
    }
    const cancel = () => finish(() => resolve(null));
    const fail = (error) => finish(() => reject(error));

    async function startCamera(source) {
      setBusy(true);
      ui.status.textContent = t('camera.starting');
      stopCamera(); // many phones cannot open a second camera while one is on
      const next = await navigator.mediaDevices.getUserMedia({ audio: false, video: { ...source, ...videoSize } });
      if (closed) {
        stopTracks(next); // cancelled while the permission prompt was up
        return;
      }
      stream = next;
      const [track] = stream.getVideoTracks();
      track.addEventListener('ended', () => fail(new Error(t('camera.stopped')))); // unplugged or revoked
      // Mirrored like a mirror (the photo is not), unless the camera faces away;
      // desktop webcams report no facing mode but face the user.
      ui.video.classList.toggle('camera-mirrored', track.getSettings().facingMode !== 'environment');
      ui.video.srcObject = stream;
      await ui.video.play();
      if (closed) return;
      fitGuide(ui, ui.video.videoWidth, ui.video.videoHeight);
      ui.status.textContent = '';
      setBusy(false);
    }

    async function openCamera() {
      await startCamera({ facingMode: 'user' });
      if (closed) return;
      // Only after permission is granted does the list hold every camera.
      ui.switchButton.hidden = (await videoInputs()).length < 2;
    }

    async function switchCamera() {
      const settings = stream.getVideoTracks()[0].getSettings();
      if (settings.facingMode) {
        await startCamera({ facingMode: settings.facingMode === 'user' ? 'environment' : 'user' });
        return;
      }
      // Desktop webcams report no facing mode, so asking for the other one could
      // bring back the same camera: take the next one in the list instead.
      const cameras = await videoInputs();
      const next = cameras[(cameras.findIndex((camera) => camera.deviceId === settings.deviceId) + 1) % cameras.length];
      await startCamera({ deviceId: { exact: next.deviceId } });
    }

    async function takePhoto() {
      setBusy(true);
      const { videoWidth: width, videoHeight: height } = ui.video;
      const canvas = element('canvas', { width, height });
      // Drawn from the video itself, so the mirroring (CSS only) does not reach the photo.
      canvas.getContext('2d').drawImage(ui.video, 0, 0, width, height);
      const blob = await new Promise((done) => canvas.toBlob(done, 'image/jpeg', 0.92));
      if (!blob) {
        fail(new Error(t('camera.captureFailed')));
        return;
      }
      const file = new File([blob], photoName(), { type: 'image/jpeg', lastModified: Date.now() });
      finish(() => resolve(file));
    }

    const failWithCameraError = (error) => fail(cameraError(error));
    ui.takeButton.addEventListener('click', () => busy || takePhoto());
    ui.switchButton.addEventListener('click', () => busy || switchCamera().catch(failWithCameraError));
    ui.cancelButton.addEventListener('click', cancel);
    ui.dialog.addEventListener('close', cancel); // Esc closes the dialog by itself
    ui.video.addEventListener('resize', () => {
      // A phone turned sideways changes the video's shape.
      if (ui.video.videoWidth) fitGuide(ui, ui.video.videoWidth, ui.video.videoHeight);
    });
    signal?.addEventListener('abort', cancel, { once: true });

    fitGuide(ui, 4, 3); // the usual webcam shape, until the real one is known
    document.body.append(ui.dialog);
    ui.dialog.showModal();
    ui.takeButton.focus();
    openCamera().catch(failWithCameraError);
  });
}
