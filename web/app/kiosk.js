// Kiosk mode for a clinic's shared tablet (config.kiosk): full screen, large touch
// controls (kiosk.css), the camera first, nothing a visitor makes written to the
// device, and a fresh start after config.idleMinutes without input or on "Start over".
import { onLanguageChange, t } from './i18n.js';
import { watchIdle } from './idle-reset.js';
import { buildDialog } from './kiosk-dialog.js';
import { startOver, wipeDevice } from './wipe.js';

const $ = (selector) => document.querySelector(selector);

// Returns {signal}: aborted as the visit ends, for the camera to turn itself off.
export function startKiosk({ idleMinutes }) {
  const visit = new AbortController();
  const restart = () => {
    visit.abort();
    startOver();
  };
  document.body.classList.add('kiosk');
  // No Save here: the page's privacy line would promise about saving.
  $('#privacy').dataset.i18n = 'kiosk.privacy';
  hideTraces();
  putCameraFirst(idleMinutes);
  const bar = buildBar(restart);
  $('.top').append(bar);
  watchIdle({ idleMinutes, onTimeout: restart });
  // A visit cut short (the browser closed during a reset) leaves nothing behind either.
  wipeDevice();
  // Back from a page a link opened in this tab, the old document may come back whole
  // from the back-forward cache, with the last visitor's photo.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) restart();
  });
  return { signal: visit.signal };
}

// What would leave a visitor's photo or design on the tablet: downloads (the Save
// buttons), design links (the address and the clipboard) and design files, the clinic
// sheet (its print dialog can save a PDF; kiosk.css prints nothing at all). The
// browser's own menu on the photo would offer "Save image".
function hideTraces() {
  for (const element of [$('[data-export]')?.closest('fieldset'), $('#share')]) {
    if (element) element.hidden = true;
  }
  window.addEventListener('contextmenu', (event) => event.preventDefault());
}

// The camera leads, the demo photo second; the file picker stays, smaller.
function putCameraFirst(idleMinutes) {
  const buttons = $('.intake-buttons');
  const camera = $('#camera-button');
  camera.classList.add('primary', 'kiosk-camera');
  $('label[for="photo-input"]').classList.remove('primary');
  buttons.prepend(camera, $('#demo-button'));
  const hint = Object.assign(document.createElement('p'), { className: 'hint kiosk-hint' });
  buttons.after(hint);
  const render = () => { hint.textContent = t('kiosk.intakeHint', { minutes: idleMinutes }); };
  render();
  onLanguageChange(render);
}

function buildBar(restart) {
  const bar = Object.assign(document.createElement('div'), { className: 'kiosk-bar' });
  const fullScreen = Object.assign(document.createElement('button'), { type: 'button', className: 'button kiosk-full-screen' });
  const startOverButton = Object.assign(document.createElement('button'), { type: 'button', className: 'button kiosk-start-over' });
  const confirm = buildDialog({
    className: 'kiosk-confirm',
    actions: [
      { className: 'kiosk-keep', onClick: () => confirm.dialog.close() },
      { className: 'primary kiosk-confirm-start-over', onClick: restart },
    ],
  });
  startOverButton.addEventListener('click', () => confirm.show());
  bar.append(fullScreen, startOverButton);
  bindFullScreen(fullScreen);

  const render = () => {
    fullScreen.textContent = document.fullscreenElement ? t('kiosk.leaveFullScreen') : t('kiosk.fullScreen');
    startOverButton.textContent = t('kiosk.startOver');
    confirm.title.textContent = t('kiosk.confirmTitle');
    confirm.text.textContent = t('kiosk.confirmText');
    confirm.buttons[0].textContent = t('kiosk.keepGoing');
    confirm.buttons[1].textContent = t('kiosk.startOver');
  };
  render();
  onLanguageChange(render);
  document.addEventListener('fullscreenchange', render);
  return bar;
}

// The Fullscreen API needs a user gesture: the button, and the first tap anywhere
// else. Refusals (an iframe without allow="fullscreen", a phone) leave the page as it is.
function bindFullScreen(button) {
  if (!document.fullscreenEnabled) {
    button.hidden = true;
    return;
  }
  const enter = () => document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
  button.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else enter();
  });
  // pointerup, not pointerdown: a touch grants the gesture only as the finger lifts.
  window.addEventListener('pointerup', function firstTap(event) {
    window.removeEventListener('pointerup', firstTap, { capture: true });
    if (!button.contains(event.target) && !document.fullscreenElement) enter();
  }, { capture: true });
}
