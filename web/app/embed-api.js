// The page's postMessage API for the site that frames it (embed.js or a plain iframe;
// documented in clinics.html). Messages in:
//   {type: 'smp:set-options', id?, options, replace?}   clinic options (app/config.js)
//   {type: 'smp:get-settings', id}
//   {type: 'smp:export', id, format: 'png'|'jpeg', kind: 'result'|'compare'}
// Messages out:
//   {type: 'smp:ready', title}                once listening; title: the frame's name
//   {type: 'smp:result', id, ok, settings? | blob? | problems? | message?}
//   {type: 'smp:change', settings, title}     after the design or the language changed
// Only the framing page is listened to and written to: a message counts when it comes
// from window.parent with the host's origin, and replies name that origin (never '*':
// an exported image is the visitor's photo). Anything else is ignored without a word.
// Error messages are for the site's developer, in English; the visitor never sees them.
import { checkOptions, reportProblems } from './config.js';
import { currentLanguage, onLanguageChange, t } from './i18n.js';

const changeDelayMs = 300; // settles a drag or a typed value into one message
const settingKeys = ['template', 'shade', 'customColour', 'density', 'coverage', 'sessions', 'healingDay', 'years',
  'hairlineOffsetMm', 'transitionMm'];

// The framing page's origin: ?hostOrigin= when given (embed.js passes its page's),
// else the browser's record of who framed us. null when unknown or opaque.
function hostOriginOf(location = globalThis.location, referrer = document.referrer) {
  const candidates = [new URLSearchParams(location.search).get('hostOrigin'), location.ancestorOrigins?.[0], referrer];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const { origin, protocol } = new URL(candidate);
      return protocol === 'http:' || protocol === 'https:' ? origin : null;
    } catch {
      return null;
    }
  }
  return null;
}

// page: {design(), hasPhoto(), designLink(), exportBlob(kind, format), configure(options, {replace})}
// from app.js. Does nothing outside an iframe.
export function startEmbedApi(page) {
  if (window.parent === window) return;
  const hostOrigin = hostOriginOf();
  if (!hostOrigin) {
    console.warn('smp-preview: the framing page\'s origin is unknown, so the embed API is off; add ?hostOrigin=https://your.site to the frame\'s address.');
    return;
  }
  const post = (message) => window.parent.postMessage(message, hostOrigin);

  async function settings() {
    const design = page.design();
    return {
      ...Object.fromEntries(settingKeys.map((key) => [key, design[key]])),
      language: currentLanguage(),
      photoOpen: page.hasPhoto(),
      designLink: page.hasPhoto() ? await page.designLink() : null,
    };
  }

  const handlers = {
    async 'smp:set-options'({ options, replace }) {
      const { options: valid, problems } = checkOptions(options);
      reportProblems(problems, 'smp:set-options');
      await page.configure(valid, { replace: replace === true });
      return { problems, settings: await settings() };
    },
    async 'smp:get-settings'() {
      return { settings: await settings() };
    },
    async 'smp:export'({ format = 'png', kind = 'result' }) {
      if (format !== 'png' && format !== 'jpeg') throw new Error(`format must be png or jpeg, not “${format}”`);
      if (kind !== 'result' && kind !== 'compare') throw new Error(`kind must be result or compare, not “${kind}”`);
      if (!page.hasPhoto()) throw new Error('no photo is open yet');
      // A shared tablet promises that nothing about a visitor is kept, by anyone.
      if (document.body.classList.contains('kiosk')) throw new Error('kiosk mode keeps the photo on the screen: it cannot be exported');
      return { blob: await page.exportBlob(kind, format) };
    },
  };

  window.addEventListener('message', async (event) => {
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    const message = event.data;
    if (typeof message?.type !== 'string' || !message.type.startsWith('smp:')) return;
    const { id } = message;
    const handler = Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
    try {
      if (!handler) throw new Error(`unknown message type “${message.type}”`);
      const reply = await handler(message);
      post({ type: 'smp:result', id, ok: true, ...reply });
    } catch (error) {
      post({ type: 'smp:result', id, ok: false, message: error.message });
    }
  });

  let lastSent = '';
  let timer = 0;
  const title = () => t('embed.frameTitle');
  // Posts the settings after they stop changing, and only when they differ.
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const now = await settings();
      const text = JSON.stringify([now, title()]);
      if (text === lastSent) return;
      lastSent = text;
      post({ type: 'smp:change', settings: now, title: title() });
    }, changeDelayMs);
  };
  onLanguageChange(changed);
  settings().then((now) => {
    lastSent = JSON.stringify([now, title()]);
    post({ type: 'smp:ready', title: title() });
  });
  return { changed };
}
