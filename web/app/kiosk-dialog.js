// The kiosk's modal dialogs: large, shown in the top layer (so above the camera's own
// dialog), with the focus on the first action and given back when they close.
let dialogCount = 0; // keeps element ids unique

// actions: [{className, onClick}], in order; the caller writes their text, the title's
// and the text's (it knows the keys). Returns the elements and show().
export function buildDialog({ role = 'dialog', className, actions }) {
  const id = `kiosk-dialog-${++dialogCount}`;
  const dialog = document.createElement('dialog');
  dialog.className = `kiosk-dialog ${className}`;
  dialog.setAttribute('role', role);
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-text`);
  const title = Object.assign(document.createElement('h2'), { id: `${id}-title`, className: 'kiosk-dialog-title' });
  const text = Object.assign(document.createElement('p'), { id: `${id}-text`, className: 'kiosk-dialog-text' });
  const buttons = actions.map(({ className: buttonClass, onClick }) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: `button ${buttonClass}` });
    button.addEventListener('click', onClick);
    return button;
  });
  const row = Object.assign(document.createElement('div'), { className: 'kiosk-dialog-actions' });
  row.append(...buttons);
  dialog.append(title, text, row);
  document.body.append(dialog);

  let previousFocus = null;
  dialog.addEventListener('close', () => {
    if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    previousFocus = null;
  });
  function show() {
    if (dialog.open) return;
    previousFocus = document.activeElement;
    dialog.showModal();
    buttons[0].focus();
  }
  return { dialog, title, text, buttons, show };
}
