// What a good practitioner would say about a design (smp-reference.md, "Hairline",
// "Density", "Shades"): warnings in plain words, each with a one-click fix, and advice
// for the age range the user gave. Pure: reads the design and what was measured on
// the photo, returns [{id, kind: 'warning'|'advice', title, text, fixLabel, fix}],
// where fix(design) is the design with the problem fixed.
import { measureHairline, onEyeLine, raiseHandles, roomAboveMm } from './measurements.js';
import { fairSkinItaDeg, veryFairSkinItaDeg } from './skin-tone.js';

export const thresholds = Object.freeze({
  minHeightMm: { man: 60, woman: 50 }, // mid-frontal point above the glabella
  typicalHeightMm: { man: 70, woman: 55 }, // what the "raise it" fix moves it to
  youngMinHeightMm: { man: 70, woman: 55 }, // under 30: room for further loss
  templeOutsideEyeLineMm: 5, // a corner further out than this fills the temple in
  minCornerBevelDeg: 12, // a man's front meeting a temple corner flatter than this is square (soft: 17–33°, receded: 47–55°)
  minIrregularityMm: 0.4, // rms wander of the line about its smooth curve
  minAsymmetryMm: 0.4, // mean height difference between the mirrored halves
  frontalDotsPerCm2: 90, // the reference frontal density at 100%
  naturalMaxPerCm2: 110, // a natural scalp: about 65–110 follicular units per cm²
});

const cm = (mm) => (mm / 10).toFixed(1);
const youthfulStyles = new Set(['sharp', 'straight', 'widows-peak']);
const sideNames = ['left', 'right'];

// How dark a custom colour is: relative luminance of the sRGB colour, 0 (black) .. 1.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function isVeryDark(design, skinIta) {
  if (skinIta === null || skinIta <= fairSkinItaDeg) return false;
  if (design.shade === 'custom') return luminance(design.customColour) < 0.02;
  return design.shade === 1 || (design.shade === 2 && skinIta > veryFairSkinItaDeg);
}

function styleFix(id, templates) {
  const label = templates.find((t) => t.id === id)?.label ?? id;
  return { fixLabel: `Use the ${label} style`, fix: (design) => ({ ...design, template: id, transitionMm: 0 }) };
}

// context: {design, profile: {sex, age}, landmarks (null without a face), pxPerMm,
// shape (hairlineShape of the painted line, or null), skinIta (or null), templates}
export function checkDesign({ design, profile, landmarks, pxPerMm, shape, skinIta, templates }) {
  const found = [];
  const measured = measureHairline(design, landmarks, pxPerMm);
  const { sex } = profile;
  // The handles go up; what the photo has no room for above them goes to the height slider.
  const raiseTo = (targetMm) => ({
    fixLabel: `Raise it to ${cm(targetMm)} cm`,
    fix: (current) => {
      const neededMm = targetMm - measureHairline(current, landmarks, pxPerMm).midHeightMm;
      const byHandlesMm = Math.min(neededMm, roomAboveMm(current.handles, pxPerMm, landmarks));
      const hairlineOffsetMm = Math.min(20, current.hairlineOffsetMm + Math.ceil(neededMm - byHandlesMm));
      return { ...current, handles: raiseHandles(current.handles, byHandlesMm, pxPerMm, landmarks), hairlineOffsetMm };
    },
  });

  if (measured && measured.midHeightMm < thresholds.minHeightMm[sex]) {
    found.push({
      id: 'too-low', kind: 'warning', title: 'Hairline too low',
      text: `The middle of the hairline is ${cm(measured.midHeightMm)} cm above the point between the brows; for a ${sex} it should be at least ${cm(thresholds.minHeightMm[sex])} cm. SMP hairlines that are too low are the most common regret, and a tattooed line is hard to undo.`,
      ...raiseTo(thresholds.typicalHeightMm[sex]),
    });
  }

  const filled = measured ? [0, 1].filter((i) => measured.temples[i].outsideEyeLineMm > thresholds.templeOutsideEyeLineMm) : [];
  if (filled.length) {
    const where = filled.map((i) => `the ${sideNames[i]} one ${measured.temples[i].outsideEyeLineMm.toFixed(0)} mm`).join(', ');
    found.push({
      id: 'temples-filled', kind: 'warning', title: 'Temple corners filled in',
      text: `The temple corners belong on the line straight above the outer corner of each eye; ${where} outside it. Natural temples recede a little; filled-in temples look like a wig.`,
      fixLabel: 'Move them onto the eye lines',
      fix: (current) => {
        const eyes = [landmarks.leftEyeCorner, landmarks.rightEyeCorner];
        const handles = { ...current.handles };
        for (const i of filled) handles[sideNames[i]] = onEyeLine(current.handles[sideNames[i]], eyes[i], landmarks);
        return { ...current, handles };
      },
    });
  }

  // Women's hairlines are rounded, without the temple recession a man's has.
  if (shape && sex === 'man' && Math.min(...shape.cornerBevelsDeg) < thresholds.minCornerBevelDeg) {
    found.push({
      id: 'square-corners', kind: 'warning', title: 'Temple corners too square',
      text: `The hairline meets the temple corners almost square: its last 12 mm run at ${shape.cornerBevelsDeg.map((a) => `${Math.max(0, a).toFixed(0)}°`).join(' and ')} to the line between them. A man's natural temple corner is cut back, towards 45°.`,
      ...styleFix(design.template === 'soft' ? 'receded' : 'soft', templates),
    });
  }

  if (shape && (shape.irregularityMm < thresholds.minIrregularityMm || shape.asymmetryMm < thresholds.minAsymmetryMm)) {
    const how = [
      shape.irregularityMm < thresholds.minIrregularityMm && 'ruler-straight',
      shape.asymmetryMm < thresholds.minAsymmetryMm && 'perfectly symmetric',
    ].filter(Boolean).join(' and ');
    found.push({
      id: 'too-regular', kind: 'warning', title: 'Line too regular',
      text: `The hairline is ${how}. A real hairline is never a ruled line: it wanders by 1–2 mm, waves by 3–5 mm over a few centimetres, and the two sides differ a little.`,
      ...styleFix(design.template === 'soft' ? 'receded' : 'soft', templates),
    });
  }

  if (isVeryDark(design, skinIta)) {
    found.push({
      id: 'dark-on-fair', kind: 'warning', title: 'Shade very dark for fair skin',
      text: 'Very dark pigment under fair skin can heal to a bluish grey. Practitioners dilute it more for fair skin.',
      fixLabel: 'Use shade 3 (dark)',
      fix: (current) => ({ ...current, shade: 3 }),
    });
  }

  const frontal = thresholds.frontalDotsPerCm2 * design.density;
  if (frontal > thresholds.naturalMaxPerCm2) {
    found.push({
      id: 'too-dense', kind: 'warning', title: 'Denser than a natural scalp',
      text: `About ${frontal.toFixed(0)} dots per cm² at the front; a natural scalp has about 65–110 hairs per cm². Denser reads as painted on rather than as shaved hair.`,
      fixLabel: 'Back to natural density (100%)',
      fix: (current) => ({ ...current, density: 1 }),
    });
  }

  found.push(...ageAdvice({ design, profile, measured, templates, raiseTo }));
  return found;
}

function ageAdvice({ design, profile: { sex, age }, measured, templates, raiseTo }) {
  // 1 mm of slack: the face's own placement at 7 cm measures 6.95–7.05 after rounding to pixels.
  if (age === '18-29' && measured && measured.midHeightMm < thresholds.youngMinHeightMm[sex] - 1) {
    return [{
      id: 'age', kind: 'advice', title: 'Leave room for the years ahead',
      text: `Hair loss often goes on into the thirties and forties. A hairline at least ${cm(thresholds.youngMinHeightMm[sex])} cm above the brows will still suit you later; a lower one may not.`,
      ...raiseTo(thresholds.youngMinHeightMm[sex]),
    }];
  }
  const mature = (age === '45-59' && youthfulStyles.has(design.template))
    || (age === '60+' && (sex === 'man' ? design.template !== 'receded' : youthfulStyles.has(design.template)));
  if (!mature) return [];
  const suited = sex === 'man' ? 'receded' : 'rounded';
  return [{
    id: 'age', kind: 'advice', title: 'A mature hairline suits you',
    text: `At ${age.replace('-', '–').replace('+', ' and over')} a hairline with ${sex === 'man' ? 'slightly receded temples' : 'a soft, rounded front'} looks natural; a younger-looking line draws attention to the difference.`,
    ...styleFix(suited, templates),
  }];
}
