// The design panel: the hairline gallery, shade swatches, sliders and choices. Shows
// a design (show) and reports changes: onInput while a slider moves, onChange when
// a value is settled (for undo).
import { t } from './i18n.js';

const shades = [
  { value: 1, name: () => t('controls.shadeBlack'), alpha: 1.0 },
  { value: 2, name: () => t('controls.shadeVeryDark'), alpha: 0.85 },
  { value: 3, name: () => t('controls.shadeDark'), alpha: 0.7 },
  { value: 4, name: () => t('controls.shadeMedium'), alpha: 0.55 },
  { value: 5, name: () => t('controls.shadeLight'), alpha: 0.4 },
];

// Roughly how a healed dot of this shade looks on fair skin, for the swatch.
function swatchColour(alpha) {
  const level = Math.round(232 - 212 * alpha);
  return `rgb(${level}, ${level - 2}, ${level - 3})`;
}

function formatOffset(mm) {
  if (mm === 0) return t('controls.offsetAsDrawn');
  return mm > 0 ? t('controls.offsetHigher', { mm }) : t('controls.offsetLower', { mm: -mm });
}

function formatTransition(mm) {
  if (mm <= 6) return t('controls.transitionCrisp', { mm });
  return mm >= 12 ? t('controls.transitionSoft', { mm }) : t('controls.transition', { mm });
}

function formatYears(years) {
  if (years === 0) return t('controls.yearsFresh');
  return years === 1 ? t('controls.yearsOne', { years }) : t('controls.yearsMany', { years });
}

const formats = {
  hairlineOffsetMm: formatOffset,
  transitionMm: formatTransition,
  density: (value) => `${Math.round(value * 100)}%`,
  years: formatYears,
};

export class Controls {
  onInput = () => {}; // (patch, stamp: the event's time) while dragging a slider
  onChange = () => {}; // (patch) when settled
  #templates = [];
  #offer = null; // the clinic's {templates, shades, customColour} (app/config.js)

  constructor(form) {
    this.form = form;
    this.gallery = form.querySelector('#gallery');
    this.shadeGroup = form.querySelector('#shades');
    form.addEventListener('submit', (event) => event.preventDefault());
    this.#buildShades();
    for (const input of form.querySelectorAll('input[type=range]')) {
      const key = input.name;
      input.addEventListener('input', (event) => {
        this.#showOutput(input);
        this.onInput({ [key]: Number(input.value) }, event.timeStamp);
      });
      input.addEventListener('change', () => this.onChange({ [key]: Number(input.value) }));
    }
    for (const input of form.querySelectorAll('input[type=radio]')) {
      input.addEventListener('change', () => this.onChange({ [input.name]: Number(input.value) }));
    }
    form.querySelector('#coverage').addEventListener('change', (event) => this.onChange({ coverage: event.target.value }));
  }

  setTemplates(templates) {
    this.#templates = templates;
    this.gallery.replaceChildren(...templates.map(({ id, label }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'gallery-item';
      button.dataset.template = id;
      button.setAttribute('role', 'radio');
      const thumb = document.createElement('canvas');
      thumb.className = 'thumb';
      thumb.width = thumb.height = 1;
      thumb.setAttribute('aria-hidden', 'true');
      const name = document.createElement('span');
      name.textContent = label;
      button.append(thumb, name);
      button.addEventListener('click', () => this.onChange({ template: id, transitionMm: 0 }));
      return button;
    }));
    this.#bindRadioKeys(this.gallery);
    this.#showOffer();
  }

  // Only the styles (in the clinic's order) and shades the clinic offers are shown.
  setOffer(offer) {
    this.#offer = offer;
    this.#showOffer();
  }

  #showOffer() {
    if (!this.#offer) return;
    const { templates, shades: offeredShades, customColour } = this.#offer;
    for (const item of this.gallery.children) item.hidden = !templates.includes(item.dataset.template);
    this.gallery.append(...templates.map((id) => this.gallery.querySelector(`[data-template="${id}"]`)).filter(Boolean));
    for (const item of this.shadeGroup.querySelectorAll('[data-shade]')) item.hidden = !offeredShades.includes(Number(item.dataset.shade));
    this.shadeGroup.querySelector('.custom').hidden = !customColour;
  }

  // images: [{id, width, height, pixels}] from the worker
  showThumbnails(images) {
    for (const { id, width, height, pixels } of images) {
      const canvas = this.gallery.querySelector(`[data-template="${id}"] canvas`);
      if (!canvas) continue;
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
    }
  }

  #buildShades() {
    const items = shades.map(({ value, alpha }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'swatch';
      button.dataset.shade = value;
      button.setAttribute('role', 'radio');
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.style.background = swatchColour(alpha); // CSSOM, allowed by the CSP
      const text = document.createElement('span');
      text.textContent = String(value);
      button.append(chip, text);
      button.addEventListener('click', () => this.onChange({ shade: value }));
      return button;
    });
    const custom = document.createElement('label');
    custom.className = 'swatch custom';
    const picker = document.createElement('input');
    picker.type = 'color';
    picker.id = 'custom-colour';
    picker.addEventListener('input', (event) => this.onInput({ shade: 'custom', customColour: picker.value }, event.timeStamp));
    picker.addEventListener('change', () => this.onChange({ shade: 'custom', customColour: picker.value }));
    custom.append(picker, document.createElement('span'));
    this.shadeGroup.replaceChildren(...items, custom);
    this.#nameShades();
    this.#bindRadioKeys(this.shadeGroup);
  }

  #nameShades() {
    for (const { value, name } of shades) {
      const button = this.shadeGroup.querySelector(`[data-shade="${value}"]`);
      const label = t('controls.shadeName', { shade: value, name: name() });
      button.setAttribute('aria-label', label);
      button.title = label;
    }
    const custom = this.shadeGroup.querySelector('.custom');
    custom.title = t('controls.customColour');
    custom.querySelector('input').setAttribute('aria-label', t('controls.customPigment'));
    custom.querySelector('span').textContent = t('controls.custom');
  }

  // After a language change: the styles' names (templates: [{id, label}] in the new
  // language), the shades' and the sliders' read-outs.
  relabel(templates) {
    for (const { id, label } of templates) {
      const name = this.gallery.querySelector(`[data-template="${id}"] span`);
      if (name) name.textContent = label;
    }
    this.#nameShades();
    for (const input of this.form.querySelectorAll('input[type=range]')) this.#showOutput(input);
  }

  // Arrow keys move between the options of a radio group, as ARIA expects.
  #bindRadioKeys(group) {
    group.addEventListener('keydown', (event) => {
      const items = [...group.querySelectorAll('[role=radio]:not([hidden])')];
      const index = items.indexOf(document.activeElement);
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (index < 0 || !step) return;
      event.preventDefault();
      const next = items[(index + step + items.length) % items.length];
      next.focus();
      next.click();
    });
  }

  #showOutput(input) {
    const output = input.parentElement.querySelector('output');
    if (!output || !formats[input.name]) return;
    const text = formats[input.name](Number(input.value));
    if (output.textContent !== text) output.textContent = text;
  }

  // Writes only what differs: show() runs on every input of a drag.
  show(design) {
    const style = this.#templates.find((t) => t.id === design.template);
    const values = {
      ...design,
      transitionMm: design.transitionMm || style?.transitionMm || 10,
    };
    for (const input of this.form.querySelectorAll('input[type=range]')) {
      if (!(input.name in values)) continue;
      if (input.value !== String(values[input.name])) input.value = values[input.name];
      this.#showOutput(input);
    }
    for (const input of this.form.querySelectorAll('input[type=radio]')) {
      const checked = Number(input.value) === values[input.name];
      if (input.checked !== checked) input.checked = checked;
    }
    const coverage = this.form.querySelector('#coverage');
    if (coverage.value !== design.coverage) coverage.value = design.coverage;
    const custom = this.form.querySelector('#custom-colour');
    if (custom.value !== design.customColour) custom.value = design.customColour;
    this.#checkRadios(this.gallery, (item) => item.dataset.template === design.template);
    this.#checkRadios(this.shadeGroup, (item) => Number(item.dataset.shade) === design.shade);
    this.shadeGroup.querySelector('.custom').classList.toggle('selected', design.shade === 'custom');
  }

  // Roving tabindex: only the checked option is in the tab order.
  #checkRadios(group, isChecked) {
    const items = [...group.querySelectorAll('[role=radio]:not([hidden])')];
    const anyChecked = items.some(isChecked);
    items.forEach((item, i) => {
      const checked = String(isChecked(item));
      if (item.getAttribute('aria-checked') !== checked) item.setAttribute('aria-checked', checked);
      item.tabIndex = checked === 'true' || (!anyChecked && i === 0) ? 0 : -1;
    });
  }
}
