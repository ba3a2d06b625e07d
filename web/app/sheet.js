// The sheet for the clinic: the before/after, the hairline's measurements in cm, the
// shade and density per zone and the sessions, as facts ([label, text]) that fill a
// printable page (#sheet, shown only in print by sheet.css) and the lines of a PNG
// composed like the before/after picture.
import { captionFontSize, composeBeforeAfter } from './export.js';
import { formatNumber, t } from './i18n.js';

// Names in the page's language, looked up when a sheet is made.
const zoneName = (zone) => ({
  'front-mid': t('sheet.zone.frontMid'), crown: t('sheet.zone.crown'), sides: t('sheet.zone.sides'), back: t('sheet.zone.back'),
})[zone];
const shadeName = (shade) => ({
  1: t('sheet.shade.1'), 2: t('sheet.shade.2'), 3: t('sheet.shade.3'), 4: t('sheet.shade.4'), 5: t('sheet.shade.5'),
})[shade];
const coverageName = (coverage) => ({
  full: t('sheet.coverage.full'), crown: t('sheet.coverage.crown'), 'density-fill': t('sheet.coverage.densityFill'), patch: t('sheet.coverage.patch'),
})[coverage];
const cm = (mm) => t('sheet.cm', { length: formatNumber(mm / 10, 1) });

function styleText(design, style) {
  const name = style?.label ?? design.template;
  const mm = Math.abs(design.hairlineOffsetMm);
  if (!mm) return name;
  return design.hairlineOffsetMm > 0 ? t('sheet.style.movedUp', { style: name, mm }) : t('sheet.style.movedDown', { style: name, mm });
}

function sessionsText(design) {
  const sessions = design.sessions > 1 ? t('sheet.sessions.many', { count: design.sessions }) : t('sheet.sessions.one');
  const healing = design.healingDay >= 28 ? t('sheet.sessions.healed') : t('sheet.sessions.day', { day: design.healingDay });
  const years = !design.years ? '' : design.years === 1 ? t('sheet.sessions.yearOn') : t('sheet.sessions.yearsOn', { years: design.years });
  return t('sheet.sessions.text', { sessions, healing, years });
}

// context: {design, measured (measureHairline or null), stats (the last frame's),
// templates, warnings (checkDesign's), link (to the design, without the photo)}.
// Returns [[label, text, mm?]] in the page's language.
export function sheetFacts({ design, measured, stats, templates, warnings, link }) {
  const style = templates.find((template) => template.id === design.template);
  const transition = design.transitionMm || style?.transitionMm;
  const facts = [[t('sheet.label.style'), styleText(design, style)]];
  if (measured) {
    facts.push([t('sheet.label.middle'), t('sheet.middle', { height: cm(measured.midHeightMm) }), measured.midHeightMm]);
    measured.temples.forEach((temple, i) => {
      const values = { height: cm(temple.heightMm), fromMidline: cm(temple.fromMidlineMm), mm: Math.abs(temple.outsideEyeLineMm).toFixed(0) };
      facts.push([i === 0 ? t('sheet.label.leftCorner') : t('sheet.label.rightCorner'),
        temple.outsideEyeLineMm >= 0 ? t('sheet.corner.outside', values) : t('sheet.corner.inside', values),
        temple.heightMm]);
    });
  } else {
    facts.push([t('sheet.label.measurements'), t('sheet.noFace')]);
  }
  const shade = design.shade === 'custom' ? t('sheet.shade.custom', { colour: design.customColour })
    : t('sheet.shade.numbered', { shade: design.shade, name: shadeName(design.shade) });
  facts.push([t('sheet.label.shade'), t('sheet.shade.text', { shade, mm: transition })]);
  const zones = (stats?.zones ?? []).filter((zone) => zone.areaCm2 > 0)
    .map((zone) => `${zoneName(zone.name)} ${zone.targetPerCm2.toFixed(0)}`);
  facts.push([t('sheet.label.density'), t('sheet.density', { zones: zones.join(', ') || t('sheet.density.none'), percent: Math.round(design.density * 100) })]);
  facts.push([t('sheet.label.area'), coverageName(design.coverage)]);
  facts.push([t('sheet.label.sessions'), sessionsText(design)]);
  if (warnings.length) facts.push([t('sheet.label.discuss'), warnings.map((w) => w.title).join('; ')]);
  facts.push([t('sheet.label.link'), link]);
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
  title.textContent = t('sheet.title');
  const subtitle = document.createElement('p');
  subtitle.textContent = t('sheet.subtitle', { photo: photoName, date: new Date().toISOString().slice(0, 10) });
  const pictures = document.createElement('div');
  pictures.className = 'sheet-pictures';
  for (const [canvas, caption] of [[before, t('sheet.before')], [after, t('sheet.after')]]) {
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
  note.textContent = t('sheet.framing');
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
  const lines = [...facts.filter(([label]) => label !== t('sheet.label.link')).map(([label, text]) => `${label}: ${text}.`), t('sheet.framing')]
    .flatMap((line) => wrap(line, charactersPerLine));
  return composeBeforeAfter(before, after, lines, 'image/png');
}
