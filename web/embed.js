// <smp-preview>: the simulator in a clinic's page, with two lines (clinics.html):
//   <script type="module" src="https://clinic.example/smp/embed.js"></script>
//   <smp-preview config="clinic.json" cta-label="Book a consultation" cta-url="…"></smp-preview>
// The page (index.html next to this file) runs in an iframe inside the element's shadow
// root: a page may start a Worker (the engine) only from its own origin, the iframe keeps
// the page's Content Security Policy out of the clinic's page, and the shadow root keeps
// the clinic's styles out and ours in. The options (a JSON file, then the attributes, then
// setOptions) go into the iframe's address, so the page opens already branded, and later
// changes go through the page's postMessage API (app/embed-api.js).
import { checkOptions, optionsFromFile, queryFromOptions, reportProblems } from './app/config.js';

// attribute → option (app/config.js); cta-label and cta-url make `cta`.
const attributeOptions = Object.freeze({
  'brand-color': 'brandColor',
  logo: 'logo',
  'clinic-name': 'clinicName',
  templates: 'templates',
  shades: 'shades',
  'custom-colour': 'customColour',
  'default-template': 'defaultTemplate',
  'default-shade': 'defaultShade',
  lang: 'language',
  'privacy-text': 'privacyText',
  kiosk: 'kiosk',
  'idle-minutes': 'idleMinutes',
});

// !important here beats the host page's !important (the inner context wins), so a site's
// CSS reset cannot hide or collapse the widget; the height is therefore set through a
// custom property, which `all: unset` leaves alone.
const styles = new CSSStyleSheet();
styles.replaceSync(`
  :host {
    display: block !important;
    height: var(--smp-preview-height, min(90vh, 820px)) !important;
    min-width: 0;
  }
  iframe {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
  }
  /* Until the page says it is ready: no flash of the unbranded page. */
  iframe.loading {
    visibility: hidden;
  }
  .failed + iframe {
    display: none;
  }
  .failed {
    margin: 0;
    padding: 1em;
    font: 1rem/1.4 system-ui, sans-serif;
    color: #1c2024;
    background: #fdf0ee;
    border: 1px solid #c0392b;
    border-radius: 6px;
  }
  .failed small {
    display: block;
    overflow-wrap: anywhere;
    color: #4a5058;
  }
`);

// A frame that loaded but did not say it is ready within this time holds something
// else (a wrong src, a server's error page): the element says so instead of staying
// blank, until the page does say it is ready.
const readyTimeoutMs = 20_000;
const failedText = {
  en: 'The SMP preview could not be loaded.',
  es: 'No se pudo cargar la vista previa de SMP.',
  fr: 'L’aperçu SMP n’a pas pu être chargé.',
  de: 'Die SMP-Vorschau konnte nicht geladen werden.',
};

export class SmpPreview extends HTMLElement {
  static observedAttributes = ['src', 'config', 'cta-label', 'cta-url', ...Object.keys(attributeOptions)];

  #shadow = this.attachShadow({ mode: 'open' });
  #frame = null;
  #frameOrigin = '';
  #ready = null; // resolves at the frame's smp:ready
  #readyDone = null; // its resolve; null once resolved
  #loads = 0; // the newest #load wins
  #file = null; // {attribute, options: Promise} of the config file read last
  #language = ''; // the options' language when they were last worked out
  #scriptOptions = {}; // from setOptions
  #pending = new Map(); // request id → {resolve, reject}
  #nextId = 1;
  #updateQueued = false;

  constructor() {
    super();
    this.#shadow.adoptedStyleSheets = [styles];
    this.#newReady();
  }

  // Resolves when the widget is ready for the methods below. A page that does not say
  // it is ready within 20 s of loading gets a notice in the element, an error on the
  // console and an 'smp-error' event.
  get ready() {
    return this.#ready;
  }

  connectedCallback() {
    window.addEventListener('message', this.#receive);
    this.#load();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.#receive);
    this.#unload();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#frame || before === after) return;
    // Kiosk mode starts with the page; the rest is applied live, keeping the photo.
    if (name === 'src' || name === 'kiosk' || name === 'idle-minutes') this.#load();
    else this.#queueUpdate();
  }

  // Clinic options (the JSON keys) over the file's and the attributes'. Resolves
  // {problems, settings}; problems lists what was refused (also on the console).
  async setOptions(options) {
    const { options: valid, problems } = checkOptions(options, { base: document.baseURI });
    reportProblems(problems, '<smp-preview> setOptions');
    this.#scriptOptions = { ...this.#scriptOptions, ...valid };
    const reply = await this.#request({ type: 'smp:set-options', options: await this.#options(), replace: true });
    return { problems: [...problems, ...reply.problems], settings: reply.settings };
  }

  // The design's choices, the share link and whether a photo is open (never the photo).
  async getSettings() {
    return (await this.#request({ type: 'smp:get-settings' })).settings;
  }

  // The picture the Save buttons make, as a Blob; rejects when no photo is open.
  async exportImage({ format = 'png', kind = 'result' } = {}) {
    return (await this.#request({ type: 'smp:export', format, kind })).blob;
  }

  // The frame loaded something that has not said it is ready. The notice is in the
  // widget's language (the clinic's file, attributes, setOptions), else the page's.
  #notReady(frame, src) {
    if (frame !== this.#frame || !this.#readyDone) return;
    const message = `smp-preview: ${src} did not start the simulator within ${readyTimeoutMs / 1000} s; src must be smp-preview's index.html, served over http(s).`;
    console.error(message);
    const language = (this.#language || document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
    const note = document.createElement('p');
    note.className = 'failed';
    note.setAttribute('role', 'alert');
    const address = document.createElement('small');
    address.textContent = src;
    note.append(failedText[language] ?? failedText.en, address);
    frame.before(note);
    this.dispatchEvent(new CustomEvent('smp-error', { detail: { message } }));
  }

  // A new promise after a ready frame went; one still waiting waits for the next frame.
  #newReady() {
    if (this.#readyDone) return;
    this.#ready = new Promise((resolve) => { this.#readyDone = resolve; });
  }

  async #load() {
    const load = ++this.#loads;
    this.#unload();
    const options = await this.#options();
    if (load !== this.#loads || !this.isConnected) return;
    const src = new URL(this.getAttribute('src') || new URL('./index.html', import.meta.url), document.baseURI);
    for (const [key, value] of queryFromOptions(options)) src.searchParams.set(key, value);
    const frame = document.createElement('iframe');
    frame.title = 'smp-preview';
    frame.allow = 'camera; fullscreen; clipboard-write';
    if (location.origin === 'null') {
      // A page opened from a file has no origin to answer to: no API, shown when loaded.
      console.warn('smp-preview: this page has no origin (opened from a file?), so setOptions, getSettings and exportImage do not work; serve it over http(s).');
      frame.addEventListener('load', () => frame.classList.remove('loading'), { once: true });
    } else {
      src.searchParams.set('hostOrigin', location.origin);
      frame.addEventListener('load', () => setTimeout(() => this.#notReady(frame, `${src.origin}${src.pathname}`), readyTimeoutMs), { once: true });
    }
    frame.className = 'loading';
    frame.src = src.href;
    this.#frame = frame;
    this.#frameOrigin = src.origin;
    this.#shadow.replaceChildren(frame);
  }

  #unload() {
    for (const { reject } of this.#pending.values()) reject(new Error('the widget was reloaded'));
    this.#pending.clear();
    this.#newReady();
    this.#frame = null;
    this.#shadow.replaceChildren();
  }

  // The file's options, the attributes' over them, setOptions' over those.
  async #options() {
    const fromFile = await this.#fileOptions();
    const raw = {};
    for (const [attribute, key] of Object.entries(attributeOptions)) {
      if (this.hasAttribute(attribute)) raw[key] = this.getAttribute(attribute);
    }
    if (this.hasAttribute('cta-label') || this.hasAttribute('cta-url')) {
      raw.cta = { label: this.getAttribute('cta-label') ?? fromFile.cta?.label ?? '', url: this.getAttribute('cta-url') ?? fromFile.cta?.url ?? '' };
    }
    // URLs are resolved against this page (the file's, against the file).
    const { options, problems } = checkOptions(raw, { base: document.baseURI });
    reportProblems(problems, '<smp-preview> attributes');
    const merged = { ...fromFile, ...options, ...this.#scriptOptions };
    this.#language = merged.language ?? '';
    return merged;
  }

  #fileOptions() {
    const attribute = this.getAttribute('config');
    if (!attribute) return {};
    if (this.#file?.attribute !== attribute) this.#file = { attribute, options: optionsFromFile(attribute, document.baseURI) };
    return this.#file.options;
  }

  // Attribute changes after the frame exists: one set-options for all made in a task.
  #queueUpdate() {
    if (this.#updateQueued) return;
    this.#updateQueued = true;
    queueMicrotask(async () => {
      this.#updateQueued = false;
      await this.#request({ type: 'smp:set-options', options: await this.#options(), replace: true }).catch(() => {});
    });
  }

  async #request(message) {
    await this.#ready;
    if (!this.#frame) throw new Error('the widget is not in the page');
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#frame.contentWindow.postMessage({ ...message, id }, this.#frameOrigin);
    });
  }

  // Messages from our frame only.
  #receive = (event) => {
    const frame = this.#frame;
    if (!frame || event.source !== frame.contentWindow || event.origin !== this.#frameOrigin) return;
    const message = event.data;
    if (message?.type === 'smp:ready') {
      frame.title = message.title;
      frame.classList.remove('loading');
      this.#shadow.querySelector('.failed')?.remove(); // it was only slow
      // Ready again (a kiosk's start over loads a new page from the first address):
      // the options set since the frame was made go to that page too.
      if (!this.#readyDone) this.#queueUpdate();
      this.#readyDone?.();
      this.#readyDone = null;
      this.dispatchEvent(new Event('smp-ready'));
    } else if (message?.type === 'smp:change') {
      frame.title = message.title;
      this.dispatchEvent(new CustomEvent('smp-change', { detail: { settings: message.settings } }));
    } else if (message?.type === 'smp:result') {
      const waiting = this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id);
      if (message.ok) waiting.resolve(message);
      else waiting.reject(new Error(message.message));
    }
  };
}

if (!customElements.get('smp-preview')) customElements.define('smp-preview', SmpPreview);
