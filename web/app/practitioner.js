// "Design like a practitioner": wires the checks panel (who the design is for, the
// guides, the measurements, the warnings with their fixes), sharing (a link with the
// design code in the fragment, a JSON file) and the clinic sheet (print and PNG) to
// the page. The page tells it when a photo opens and when a frame is painted; it
// changes the design only through `apply`, as one undo step.
import { baseName, download } from './export.js';
import {
  DesignCodeError, dataToDesign, decodeDesignCode, designFileText, designToData, encodeDesignCode, parseDesignFile,
} from './design-code.js';
import { Guides } from './guides.js';
import { hairlineShape } from './hairline-shape.js';
import { formatNumber, onLanguageChange, t } from './i18n.js';
import { faceFrame, measureHairline } from './measurements.js';
import { cropToHead, fillSheet, sheetFacts, sheetPng } from './sheet.js';
import { skinTypologyAngle } from './skin-tone.js';
import { checkDesign } from './warnings.js';

const $ = (selector) => document.querySelector(selector);
const codePrefix = '#design=';

// A fragment as typed or pasted; a broken %-escape leaves it as it is (then refused as not a code).
function percentDecoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class Practitioner {
  #stage;
  #current; // () => the design shown
  #apply; // (design) => shows it and commits it
  #templates; // () => the engine's styles
  #photoName; // () => the open photo's name
  #guides;
  #photo = null; // {size: [w, h], landmarks, pxPerMm (from the pupils), skinIta} of the open photo
  #frame = null; // {hairline, stats} of the last painted frame
  #pending = null; // a shared design waiting for a photo: {data, source}
  #warnings = [];
  #shownWarnings = null; // what the list says, to skip rebuilding it

  constructor({ stage, current, apply, templates, photoName }) {
    this.#stage = stage;
    this.#current = current;
    this.#apply = apply;
    this.#templates = templates;
    this.#photoName = photoName;
    this.#guides = new Guides(stage);
    stage.onOverlayDrawn = () => this.#guides.draw();
    for (const select of [$('#client-sex'), $('#client-age')]) select.addEventListener('change', () => this.#update());
    $('#show-guides').addEventListener('change', (event) => this.#guides.setVisible(event.target.checked));
    $('#share-link').addEventListener('click', () => this.#shareLink());
    $('#save-design').addEventListener('click', () => this.#saveFile());
    $('#design-file').addEventListener('change', (event) => this.#openFile(event.target));
    $('#print-sheet').addEventListener('click', () => this.#printSheet());
    $('#sheet-png').addEventListener('click', () => this.#saveSheetPng());
    window.addEventListener('hashchange', () => this.#readFragment());
    onLanguageChange(() => this.#update()); // the measurements, warnings and guide labels are written here
    this.#readFragment();
  }

  get #profile() {
    return { sex: $('#client-sex').value, age: $('#client-age').value };
  }

  // opened: the worker's reply to 'open' (the stage already shows the photo).
  photoOpened({ width, height, placement }) {
    const landmarks = placement?.landmarks ?? null;
    const pxPerMm = landmarks ? placement.pxPerMm : 0;
    this.#photo = { size: [width, height], landmarks, pxPerMm, skinIta: this.#foreheadIta(landmarks, pxPerMm) };
    this.#frame = null;
    $('#design-notice').hidden = true; // it was about the previous photo, or waited for this one
    if (this.#pending) {
      const { data, source } = this.#pending;
      this.#pending = null;
      this.#applyShared(data, source);
    }
  }

  framePainted({ hairline, stats }) {
    this.#frame = { hairline, stats };
    this.#update();
  }

  // The forehead a little above the brows: the skin the pigment goes into.
  #foreheadIta(landmarks, pxPerMm) {
    if (!landmarks || !(pxPerMm > 0)) return null;
    const [x, y] = faceFrame(landmarks).toPhoto([0, 20 * pxPerMm]);
    const radius = Math.max(2, Math.round(6 * pxPerMm));
    const { width, height } = this.#stage.before;
    const [x0, y0] = [Math.max(0, Math.round(x - radius)), Math.max(0, Math.round(y - radius))];
    const [x1, y1] = [Math.min(width, Math.round(x + radius) + 1), Math.min(height, Math.round(y + radius) + 1)];
    if (x1 <= x0 || y1 <= y0) return null;
    const image = this.#stage.before.getContext('2d').getImageData(x0, y0, x1 - x0, y1 - y0);
    return skinTypologyAngle(image, [x - x0, y - y0], radius);
  }

  // Centimetres on the face need its scale: the design's, else the pupils'. The
  // temple-span estimate the engine falls back on would only measure itself.
  #scale(design) {
    return design.pxPerMm || this.#photo.pxPerMm;
  }

  #update() {
    const design = this.#current();
    if (!design || !this.#photo) return;
    const { landmarks, skinIta } = this.#photo;
    const pxPerMm = this.#scale(design);
    const shape = this.#frame ? hairlineShape(this.#frame.hairline, design.handles, this.#frame.stats.pxPerMm) : null;
    this.#warnings = checkDesign({ design, profile: this.#profile, landmarks, pxPerMm, shape, skinIta, templates: this.#templates() });
    this.#guides.show(landmarks, design, pxPerMm);
    this.#showMeasurements(measureHairline(design, landmarks, pxPerMm));
    this.#showWarnings();
  }

  #showMeasurements(measured) {
    const cm = (mm) => formatNumber(mm / 10, 1);
    const [left, right] = measured?.temples ?? [];
    const text = measured
      ? t('checks.measurements', {
        middle: cm(measured.midHeightMm),
        leftHeight: cm(left.heightMm),
        rightHeight: cm(right.heightMm),
        leftFromMidline: cm(left.fromMidlineMm),
        rightFromMidline: cm(right.fromMidlineMm),
      })
      : t('checks.noFace');
    if ($('#measurements').textContent !== text) $('#measurements').textContent = text;
    $('#show-guides').disabled = !measured;
  }

  // Rebuilt only when what it says changes: frames come many times a second.
  #showWarnings() {
    const key = this.#warnings.map((w) => `${w.id}:${w.text}`).join('|');
    if (key === this.#shownWarnings) return;
    this.#shownWarnings = key;
    const list = $('#warnings');
    list.replaceChildren(...this.#warnings.map((warning) => {
      const item = document.createElement('li');
      item.className = `check check-${warning.kind}`;
      item.dataset.check = warning.id;
      const title = document.createElement('strong');
      title.textContent = `${warning.title}. `;
      const text = document.createElement('span');
      text.textContent = warning.text;
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'button check-fix';
      fix.textContent = warning.fixLabel;
      fix.addEventListener('click', () => {
        this.#apply(warning.fix(this.#current()));
        $('#checks-summary').focus(); // the button goes with its warning; the summary says what is left
      });
      item.append(title, text, fix);
      return item;
    }));
    const count = this.#warnings.length;
    $('#checks-summary').textContent = count === 0 ? t('checks.summary.none')
      : count === 1 ? t('checks.summary.one') : t('checks.summary.many', { count });
  }

  // ---- sharing -------------------------------------------------------------------------

  #data() {
    return designToData(this.#current(), this.#profile, this.#photo.size);
  }

  #say(text, { problem = false } = {}) {
    const status = $('#share-status');
    status.textContent = text;
    status.classList.toggle('warning', problem);
  }

  async #shareLink() {
    const link = await this.#link();
    history.replaceState(null, '', link);
    const field = $('#design-link');
    field.value = link;
    field.closest('label').hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(link);
      this.#say(t('share.linkCopied', { length: link.length }));
    } catch {
      this.#say(t('share.linkSelected'));
    }
  }

  // The share link of the design on the open photo (for the embed API's settings).
  designLink() {
    return this.#link();
  }

  // This page's address (with the clinic's options, without the embed's hostOrigin,
  // which only the framing page can answer to) and the design code in the fragment.
  async #link() {
    const code = await encodeDesignCode(this.#data());
    const query = new URLSearchParams(location.search);
    query.delete('hostOrigin');
    const search = query.size ? `?${query}` : '';
    return `${location.origin}${location.pathname}${search}${codePrefix}${code}`;
  }

  #saveFile() {
    download(new Blob([designFileText(this.#data())], { type: 'application/json' }), `${baseName(this.#photoName())}-design.json`);
    this.#say(t('share.fileSaved'));
  }

  async #openFile(input) {
    const file = input.files[0];
    input.value = ''; // the same file again still fires
    if (!file) return;
    try {
      if (file.size > 4 * 1024 * 1024) throw new DesignCodeError(t('share.fileTooLarge'));
      this.#applyShared(parseDesignFile(await file.text()), t('share.fileSource', { name: file.name }));
    } catch (error) {
      this.#refuse(error, t('share.fileSource', { name: file.name }));
    }
  }

  async #readFragment() {
    if (!location.hash.startsWith(codePrefix)) return;
    const source = t('share.linkSource');
    try {
      const data = await decodeDesignCode(percentDecoded(location.hash.slice(codePrefix.length)));
      if (this.#photo) this.#applyShared(data, source);
      else {
        this.#pending = { data, source };
        this.#notice(t('share.waitingForPhoto'));
      }
    } catch (error) {
      this.#refuse(error, source);
    }
  }

  #applyShared(data, source) {
    try {
      const { design, profile } = dataToDesign(data, this.#photo.size, this.#templates().map((t) => t.id));
      $('#client-sex').value = profile.sex;
      $('#client-age').value = profile.age;
      this.#apply(design);
      const message = t('share.opened', { source });
      this.#say(message);
      this.#notice(message);
    } catch (error) {
      this.#refuse(error, source);
    }
  }

  #refuse(error, source) {
    if (!(error instanceof DesignCodeError)) throw error;
    const message = t('share.refused', { source, reason: error.message });
    this.#say(message, { problem: true });
    this.#notice(message, { problem: true });
  }

  // Shown above the workspace too, where it is seen before a photo is open.
  #notice(text, { problem = false } = {}) {
    const notice = $('#design-notice');
    notice.textContent = text;
    notice.className = problem ? 'warning' : 'status';
    notice.hidden = false;
  }

  // ---- the clinic sheet -------------------------------------------------------------------

  async #facts() {
    const design = this.#current();
    return sheetFacts({
      design,
      measured: measureHairline(design, this.#photo.landmarks, this.#scale(design)),
      stats: this.#frame?.stats,
      templates: this.#templates(),
      warnings: this.#warnings,
      link: await this.#link(),
    });
  }

  #pictures() {
    const { handles } = this.#current();
    return { before: cropToHead(this.#stage.before, handles), after: cropToHead(this.#stage.after, handles) };
  }

  async #printSheet() {
    await fillSheet($('#sheet'), { facts: await this.#facts(), ...this.#pictures(), photoName: this.#photoName() });
    window.print();
  }

  async #saveSheetPng() {
    try {
      const blob = await sheetPng({ facts: await this.#facts(), ...this.#pictures() });
      download(blob, `${baseName(this.#photoName())}-clinic-sheet.png`);
      this.#say(t('share.sheetSaved', { size: formatNumber(blob.size / 1e6, 1) }));
    } catch (error) {
      this.#say(t('share.sheetFailed', { reason: error.message }), { problem: true });
    }
  }
}
