// Notices that a visitor has walked away from the kiosk: after `idleMinutes` without
// input a large countdown asks "Still there?"; Continue (or Escape, or a tap beside
// the box) keeps going, the end of the countdown calls onTimeout. A fresh page that
// nobody has touched holds nothing to wipe: the time counts from the first input.
//
// Time is the wall clock, not timers alone: a tablet that slept through the idle time
// (timers do not run while it sleeps) starts over as it wakes, before the next visitor
// sees the last one's photo. Work in progress does not hold the timer back: kiosk mode
// has no export, and opening a photo takes seconds, not a minute.
import { onLanguageChange, t } from './i18n.js';
import { buildDialog } from './kiosk-dialog.js';

const countdownSeconds = 30;
// What counts as someone at the tablet (input and change: a picked file, assistive technology).
const activityEvents = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'input', 'change', 'drop'];

export function watchIdle({ idleMinutes, onTimeout }) {
  const idleMs = idleMinutes * 60_000;
  const countdownMs = countdownSeconds * 1000;
  let lastActivity = 0; // 0 until the first input
  let deadline = 0; // when the countdown ends; 0 while none shows
  let timer = 0;
  let finished = false;

  const ui = buildDialog({
    role: 'alertdialog',
    className: 'kiosk-idle',
    actions: [{ className: 'primary kiosk-continue', onClick: () => ui.dialog.close() }],
  });
  const [continueButton] = ui.buttons;
  // A tap on the backdrop lands on the dialog itself: the visitor is there.
  ui.dialog.addEventListener('click', (event) => {
    if (event.target === ui.dialog) ui.dialog.close();
  });
  // Continue, Escape and a tap beside it all close the dialog.
  ui.dialog.addEventListener('close', () => {
    deadline = 0;
    lastActivity = Date.now();
    arm(idleMs);
  });

  function render() {
    ui.title.textContent = t('kiosk.idleTitle');
    ui.text.textContent = t('kiosk.idleCountdown', { seconds: Math.max(0, Math.ceil((deadline - Date.now()) / 1000)) });
    continueButton.textContent = t('kiosk.continue');
  }
  onLanguageChange(() => {
    if (deadline) render();
  });

  function arm(delay) {
    clearTimeout(timer);
    timer = setTimeout(check, delay);
  }

  function finish() {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    onTimeout();
  }

  // Also called when the tablet wakes or the page shows again.
  function check() {
    if (finished || !lastActivity) return;
    const now = Date.now();
    if (deadline) {
      if (now >= deadline) finish();
      else {
        render();
        arm(Math.min(1000, deadline - now));
      }
      return;
    }
    const idle = now - lastActivity;
    if (idle >= idleMs + countdownMs) finish(); // slept through the countdown too
    else if (idle >= idleMs) {
      deadline = now + countdownMs;
      render();
      ui.show();
      arm(1000);
    } else arm(idleMs - idle);
  }

  function noteActivity() {
    if (deadline || finished) return; // only the dialog answers the countdown
    if (!lastActivity) arm(idleMs);
    else if (Date.now() - lastActivity >= idleMs + countdownMs) {
      finish(); // the first touch after a sleep
      return;
    }
    lastActivity = Date.now();
  }

  for (const type of activityEvents) window.addEventListener(type, noteActivity, { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
