// The user's design: everything that decides the pixels except the photo. Plain data,
// never mutated (a change makes a new object), so that history can keep snapshots.
// Handles are in working-image pixels.
const defaultSettings = Object.freeze({
  template: 'soft',
  coverage: 'full',
  hairlineOffsetMm: 0,
  transitionMm: 0, // 0: the style's own
  density: 1,
  sessions: 3,
  shade: 3, // 1..5 or 'custom'
  customColour: '#3a3430',
  healingDay: 28,
  years: 0,
  seed: 1,
  whorl: 'cw',
  pxPerMm: 0, // photo scale; 0: from the temple span (95 mm), else from the face
});

// A first guess at the hairline for a photo of a head filling most of the frame,
// until the user drags the handles onto it.
export function guessHandles(width, height) {
  const span = 0.3 * Math.min(width, 0.8 * height);
  const midY = 0.15 * height;
  return {
    left: [Math.round(width / 2 - span / 2), Math.round(midY + 0.05 * span)],
    mid: [Math.round(width / 2), Math.round(midY)],
    right: [Math.round(width / 2 + span / 2), Math.round(midY + 0.05 * span)],
  };
}

// handles given as fractions of the photo's width and height
export function handlesFromFractions(fractions, width, height) {
  const at = ([fx, fy]) => [Math.round(fx * width), Math.round(fy * height)];
  return { left: at(fractions.left), mid: at(fractions.mid), right: at(fractions.right) };
}

// clinic: the configuration's defaultTemplate and defaultShade (app/config.js).
export function newDesign(handles, pxPerMm = 0, clinic = {}) {
  const { defaultTemplate: template = defaultSettings.template, defaultShade: shade = defaultSettings.shade } = clinic;
  return Object.freeze({ ...defaultSettings, template, shade, handles, pxPerMm, brush: [] });
}

// The design with the clinic's default style or shade in place of one it does not
// offer (the same object when it offers both).
export function withinOffer(design, clinic) {
  const patch = {};
  if (!clinic.templates.includes(design.template)) Object.assign(patch, { template: clinic.defaultTemplate, transitionMm: 0 });
  const shadeOffered = design.shade === 'custom' ? clinic.customColour : clinic.shades.includes(design.shade);
  if (!shadeOffered) patch.shade = clinic.defaultShade;
  return Object.keys(patch).length ? Object.freeze({ ...design, ...patch }) : design;
}

// Undo/redo over design snapshots. `current` may run ahead of the last snapshot while
// the user drags; commit() records it.
export class History {
  #past = [];
  #future = [];
  #committed;

  constructor(design) {
    this.#committed = design;
  }

  get committed() { return this.#committed; }
  get canUndo() { return this.#past.length > 0; }
  get canRedo() { return this.#future.length > 0; }

  commit(design) {
    if (design === this.#committed) return false;
    this.#past.push(this.#committed);
    if (this.#past.length > 200) this.#past.shift();
    this.#future = [];
    this.#committed = design;
    return true;
  }

  undo() {
    if (!this.canUndo) return this.#committed;
    this.#future.push(this.#committed);
    this.#committed = this.#past.pop();
    return this.#committed;
  }

  redo() {
    if (!this.canRedo) return this.#committed;
    this.#past.push(this.#committed);
    this.#committed = this.#future.pop();
    return this.#committed;
  }
}
