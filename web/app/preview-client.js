// The page's side of worker.js. Requests are promises; renders are "latest wins":
// while one frame is being drawn, newer designs replace each other and only the last
// is sent, so a fast slider never queues stale frames.
import { t } from './i18n.js';

// The worker's own words (progress, browser-decode.js's failures) come as a messageKey
// with params, put into the visitor's language here; the C++ engine's messages stay
// English (they are framed by a translated sentence where they are shown).
const words = ({ messageKey, params, message }) => (messageKey ? t(messageKey, params) : message);

export class PreviewClient {
  #worker;
  #nextId = 1;
  #pending = new Map(); // id → {resolve, reject, onProgress}
  #frameInFlight = false;
  #queuedDesign = null;
  #queuedStamp = 0;
  #stamps = new Map(); // frame id → when its design was made (performance.now())
  #spareBuffers = []; // painted frames' pixels, handed back to the worker for reuse
  #photoId = 0; // frames of an older photo are dropped
  onFrame = () => {};
  onFrameError = () => {};

  // worker: a Worker running worker.js.
  constructor(worker) {
    this.#worker = worker;
    this.ready = new Promise((resolve, reject) => {
      this.#worker.addEventListener('error', (event) => reject(new Error(event.message || t('status.workerFailed'))));
      const onEngine = ({ data }) => {
        if (data.type !== 'engine') return;
        this.#worker.removeEventListener('message', onEngine);
        if (data.ok) resolve({ templates: data.templates });
        else reject(new Error(data.message));
      };
      this.#worker.addEventListener('message', onEngine);
    });
    this.#worker.addEventListener('message', ({ data }) => this.#receive(data));
  }

  #request(message, transfer = [], onProgress) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ ...message, id }, transfer);
    });
  }

  #receive(data) {
    if (data.type === 'engine') return;
    if (data.type === 'frame') {
      this.#frameDone(data);
      return;
    }
    const waiting = this.#pending.get(data.id);
    if (!waiting) return;
    if (data.type === 'progress') {
      waiting.onProgress?.(words(data));
      return;
    }
    this.#pending.delete(data.id);
    if (data.ok) waiting.resolve(data);
    else waiting.reject(Object.assign(new Error(words(data)), { code: data.code }));
  }

  // bytes: the file's ArrayBuffer (transferred); template: for the proposed hairline
  // height. Resolves {width, height, pixels, info, decoder, placement}.
  async open(bytes, maxSide, template) {
    this.#photoId = this.#nextId;
    this.#queuedDesign = null;
    const opened = await this.#request({ type: 'open', bytes, maxSide, template }, [bytes]);
    this.#spareBuffers = [];
    return opened;
  }

  // Handles for face `faceIndex` (of the `faces` the open photo's placement listed).
  // Resolves {placement}.
  place(faceIndex, template) {
    return this.#request({ type: 'place', faceIndex, template });
  }

  // stamp: when the design was made; onFrame gets it back to measure input-to-paint.
  render(design, stamp = performance.now()) {
    if (this.#frameInFlight) {
      this.#queuedDesign = design;
      this.#queuedStamp = stamp;
      return;
    }
    this.#frameInFlight = true;
    const buffer = this.#spareBuffers.pop() ?? null;
    const id = this.#nextId++;
    this.#stamps.set(id, stamp);
    this.#worker.postMessage({ type: 'render', id, design, buffer }, buffer ? [buffer] : []);
  }

  #frameDone(data) {
    this.#frameInFlight = false;
    const stamp = this.#stamps.get(data.id);
    this.#stamps.delete(data.id);
    if (data.id >= this.#photoId) {
      if (data.ok) this.onFrame(data, stamp);
      else this.onFrameError(data, stamp);
    }
    if (this.#queuedDesign) {
      const design = this.#queuedDesign;
      this.#queuedDesign = null;
      this.render(design, this.#queuedStamp);
    }
  }

  // Called by the page once it has copied a frame's pixels, so the worker can reuse them.
  // A few are kept: with one, a frame coming back while another waits to be painted
  // would leave the next render to allocate (16–80 ms for 1–4 MP in Chromium).
  recycle(buffer) {
    if (this.#spareBuffers.length < 3) this.#spareBuffers.push(buffer);
  }

  thumbnails(design, size) {
    return this.#request({ type: 'thumbnails', design, size });
  }

  exportImage(design, format, onProgress) {
    return this.#request({ type: 'export', design, format }, [], onProgress);
  }
}
