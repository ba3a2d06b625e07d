// The sheet for the clinic: the before/after, the hairline's measurements in cm, the
// shade and density per zone and the sessions, as facts ([label, text]) that fill a
// printable page (#sheet, shown only in print by sheet.css) and the lines of a PNG
// composed like the before/after picture.
import { captionFontSize, composeBeforeAfter } from './export.js';

export const framingNote = 'This is a simulation, not a promise of results. A licensed, experienced practitioner '
  + 'plans the real treatment: they check your skin (for example whether it forms keloid scars) and your hair loss in person.';

const zoneNames = { 'front-mid': 'front and mid-scalp', crown: 'crown', sides: 'temples and sides', back: 'back' };
const shadeNames = { 1: 'black', 2: 'very dark', 3: 'dark', 4: 'medium', 5: 'light' };
const coverageNames = { full: 'full scalp', crown: 'crown only', 'density-fill': 'density fill between thinning hair', patch: 'only the painted patch' };
const cm = (mm) => `${(mm / 10).toFixed(1)} cm`;

// context: {design, measured (measureHairline or null), stats (the last frame's),
// templates, warnings (checkDesign's), link (to the design, without the photo)}.
// Returns [[label, text, mm?]].
export function sheetFacts({ design, measured, stats, templates, warnings, link }) {
  const style = templates.find((t) => t.id === design.template);
  const transition = design.transitionMm || style?.transitionMm;
  const facts = [['Hairline style', `${style?.label ?? design.template}${design.hairlineOffsetMm ? `, moved ${Math.abs(design.hairlineOffsetMm)} mm ${design.hairlineOffsetMm > 0 ? 'up' : 'down'}` : ''}`]];
  if (measured) {
    facts.push(['Middle of the hairline', `${cm(measured.midHeightMm)} above the glabella (the point between the brows)`, measured.midHeightMm]);
    measured.temples.forEach((temple, i) => {
      const side = i === 0 ? 'Left' : 'Right';
      const eye = temple.outsideEyeLineMm >= 0 ? 'outside' : 'inside';
      facts.push([`${side} temple corner (photo ${side.toLowerCase()})`,
        `${cm(temple.heightMm)} above the glabella, ${cm(temple.fromMidlineMm)} from the midline, ${Math.abs(temple.outsideEyeLineMm).toFixed(0)} mm ${eye} the line above the outer eye corner`,
        temple.heightMm]);
    });
  } else {
    facts.push(['Measurements', 'not available: no face was found in the photo, so there is no scale or glabella to measure from']);
  }
  const shade = design.shade === 'custom' ? `custom colour ${design.customColour}` : `${design.shade} of 5 (${shadeNames[design.shade]})`;
  facts.push(['Shade', `${shade} in every zone; the first ${transition} mm behind the hairline fade in with smaller, lighter dots`]);
  const zones = (stats?.zones ?? []).filter((zone) => zone.areaCm2 > 0)
    .map((zone) => `${zoneNames[zone.name]} ${zone.targetPerCm2.toFixed(0)}`);
  facts.push(['Density (dots per cm²)', `${zones.join(', ') || 'no area treated'} (${Math.round(design.density * 100)}% of the reference)`]);
  facts.push(['Area', coverageNames[design.coverage]]);
  facts.push(['Sessions', `usually 3, 7–14 days apart; this preview shows the result after ${design.sessions} session${design.sessions > 1 ? 's' : ''}, ${design.healingDay >= 28 ? 'healed' : `day ${design.healingDay}`}${design.years ? `, ${design.years} years on` : ''}`]);
  if (warnings.length) facts.push(['To discuss', warnings.map((w) => w.title).join('; ')]);
  facts.push(['Design link', link]);
  return facts;
}

// The head around the hairline (the box the stage frames a small head with), so the
// dots can be seen on paper; the whole photo when the head fills it anyway.
export function cropToHead(canvas, { left, mid, right }) {
  const span = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const centreX = (left[0] + right[0]) / 2;
  const x0 = Math.max(0, Math.round(centreX - 1.6 * span));
  const y0 = Math.max(0, Math.round(mid[1] - 0.9 * span));
  const x1 = Math.min(canvas.width, Math.round(centreX + 1.6 * span));
  const y1 = Math.min(canvas.height, Math.round(mid[1] + 2.4 * span));
  const crop = document.createElement('canvas');
  crop.width = x1 - x0;
  crop.height = y1 - y0;
  crop.getContext('2d').drawImage(canvas, x0, y0, crop.width, crop.height, 0, 0, crop.width, crop.height);
  return crop;
}

// Fills the printable sheet; resolves once its pictures are decoded (ready to print).
// before, after: the head's pictures (cropToHead).
export async function fillSheet(sheet, { facts, before, after, photoName }) {
  const title = document.createElement('h2');
  title.textContent = 'Scalp micropigmentation: design for a consultation';
  const subtitle = document.createElement('p');
  subtitle.textContent = `${photoName}, ${new Date().toISOString().slice(0, 10)}. Made with smp-preview on the client's own device.`;
  const pictures = document.createElement('div');
  pictures.className = 'sheet-pictures';
  for (const [canvas, caption] of [[before, 'Before'], [after, 'After (simulated)']]) {
    const figure = document.createElement('figure');
    const image = document.createElement('img');
    image.src = canvas.toDataURL('image/jpeg', 0.9);
    image.alt = caption;
    const text = document.createElement('figcaption');
    text.textContent = caption;
    figure.append(image, text);
    pictures.append(figure);
  }
  const list = document.createElement('dl');
  for (const [label, text, mm] of facts) {
    const term = document.createElement('dt');
    term.textContent = label;
    const value = document.createElement('dd');
    value.textContent = text;
    if (mm !== undefined) value.dataset.mm = mm.toFixed(1);
    list.append(term, value);
  }
  const note = document.createElement('p');
  note.className = 'sheet-note';
  note.textContent = framingNote;
  sheet.replaceChildren(title, subtitle, pictures, list, note);
  await Promise.all([...pictures.querySelectorAll('img')].map((image) => image.decode()));
}

// Breaks text into lines of at most `width` characters at spaces.
function wrap(text, width) {
  const lines = [''];
  for (const word of text.split(' ')) {
    if (lines.at(-1) && lines.at(-1).length + word.length + 1 > width) lines.push(word);
    else lines[lines.length - 1] = lines.at(-1) ? `${lines.at(-1)} ${word}` : word;
  }
  return lines;
}

// Lines as wide as the two pictures, at about 0.5 em a character.
export function sheetPng({ facts, before, after }) {
  const charactersPerLine = Math.floor((2 * before.width) / (0.5 * captionFontSize(before.width))) - 2;
  const lines = [...facts.filter(([label]) => label !== 'Design link').map(([label, text]) => `${label}: ${text}.`), framingNote]
    .flatMap((line) => wrap(line, charactersPerLine));
  return composeBeforeAfter(before, after, lines, 'image/png');
}
