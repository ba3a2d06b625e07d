// The iframe variant of the embed: this page frames ../index.html and drives it with the
// postMessage API (clinics.html#iframe). Replies and changes come from the frame's origin.
const frame = document.querySelector('#widget');
const widgetOrigin = new URL(frame.src).origin;
const waiting = new Map(); // id → resolve
let nextId = 1;
const $ = (selector) => document.querySelector(selector);

// Sends a message and resolves its smp:result.
function send(message) {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    frame.contentWindow.postMessage({ ...message, id }, widgetOrigin);
  });
}

window.addEventListener('message', (event) => {
  // Only our frame: another window could post anything here.
  if (event.source !== frame.contentWindow || event.origin !== widgetOrigin) return;
  const message = event.data;
  if (message.type === 'smp:ready') {
    $('#api-state').textContent = 'Ready: the widget answers.';
    for (const button of document.querySelectorAll('.api-buttons button')) button.disabled = false;
  } else if (message.type === 'smp:change') {
    const item = document.createElement('li');
    const { template, shade, density, photoOpen, language } = message.settings;
    item.textContent = `${new Date().toLocaleTimeString()}: ${template}, shade ${shade}, density ${density}, ${language}, photo ${photoOpen ? 'open' : 'not open'}`;
    $('#changes').prepend(item);
  } else if (message.type === 'smp:result') {
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  }
});

function showReply(reply) {
  const shown = { ...reply };
  if (shown.blob) shown.blob = `Blob (${shown.blob.type}, ${shown.blob.size.toLocaleString('en')} bytes)`;
  $('#reply').textContent = JSON.stringify(shown, null, 2);
}

let imageUrl = '';
async function exportPicture(format, kind) {
  const reply = await send({ type: 'smp:export', format, kind });
  showReply(reply);
  if (!reply.ok) return;
  URL.revokeObjectURL(imageUrl);
  imageUrl = URL.createObjectURL(reply.blob);
  $('#export-image').src = imageUrl;
  $('#export-caption').textContent = `${kind === 'result' ? 'The result' : 'Before/after'}: ${(reply.blob.size / 1e6).toFixed(1)} MB ${format.toUpperCase()}, made in the visitor's browser.`;
  $('#export-figure').hidden = false;
}

$('#get-settings').addEventListener('click', async () => showReply(await send({ type: 'smp:get-settings' })));
$('#export-png').addEventListener('click', () => exportPicture('png', 'result'));
$('#export-compare').addEventListener('click', () => exportPicture('jpeg', 'compare'));
$('#only-dark').addEventListener('click', async () => showReply(await send({ type: 'smp:set-options', options: { shades: [1, 2, 3] } })));
$('#spanish').addEventListener('click', async () => showReply(await send({ type: 'smp:set-options', options: { language: 'es' } })));
