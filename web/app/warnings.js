// What a good practitioner would say about a design (smp-reference.md, "Hairline",
// "Density", "Shades"): warnings in plain words, each with a one-click fix, and advice
// for the age range the user gave. Pure: reads the design and what was measured on
// the photo, returns [{id, kind: 'warning'|'advice', title, text, fixLabel, fix}],
// where fix(design) is the design with the problem fixed.
import { formatNumber, t } from './i18n.js';
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

const cm = (mm) => formatNumber(mm / 10, 1);
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
  const style = templates.find((template) => template.id === id)?.label ?? id;
  return { fixLabel: t('warnings.useStyle', { style }), fix: (design) => ({ ...design, template: id, transitionMm: 0 }) };
}

// context: {design, profile: {sex, age}, landmarks (null without a face), pxPerMm,
// shape (hairlineShape of the painted line, or null), skinIta (or null), templates}
export function checkDesign({ design, profile, landmarks, pxPerMm, shape, skinIta, templates }) {
  const found = [];
  const measured = measureHairline(design, landmarks, pxPerMm);
  const { sex } = profile;
  // The handles go up; what the photo has no room for above them goes to the height slider.
  const raiseTo = (targetMm) => ({
    fixLabel: t('warnings.raiseTo', { height: cm(targetMm) }),
    fix: (current) => {
      const neededMm = targetMm - measureHairline(current, landmarks, pxPerMm).midHeightMm;
      const byHandlesMm = Math.min(neededMm, roomAboveMm(current.handles, pxPerMm, landmarks));
      const hairlineOffsetMm = Math.min(20, current.hairlineOffsetMm + Math.ceil(neededMm - byHandlesMm));
      return { ...current, handles: raiseHandles(current.handles, byHandlesMm, pxPerMm, landmarks), hairlineOffsetMm };
    },
  });

  if (measured && measured.midHeightMm < thresholds.minHeightMm[sex]) {
    found.push({
      id: 'too-low', kind: 'warning', title: t('warnings.tooLow.title'),
      text: t('warnings.tooLow.text', {
        height: cm(measured.midHeightMm),
        forWhom: sex === 'man' ? t('warnings.forMan') : t('warnings.forWoman'),
        minimum: cm(thresholds.minHeightMm[sex]),
      }),
      ...raiseTo(thresholds.typicalHeightMm[sex]),
    });
  }

  const filled = measured ? [0, 1].filter((i) => measured.temples[i].outsideEyeLineMm > thresholds.templeOutsideEyeLineMm) : [];
  if (filled.length) {
    const where = filled.map((i) => {
      const mm = measured.temples[i].outsideEyeLineMm.toFixed(0);
      return i === 0 ? t('warnings.templesFilled.left', { mm }) : t('warnings.templesFilled.right', { mm });
    }).join(', ');
    found.push({
      id: 'temples-filled', kind: 'warning', title: t('warnings.templesFilled.title'),
      text: t('warnings.templesFilled.text', { where }),
      fixLabel: t('warnings.templesFilled.fix'),
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
    const [left, right] = shape.cornerBevelsDeg.map((a) => Math.max(0, a).toFixed(0));
    found.push({
      id: 'square-corners', kind: 'warning', title: t('warnings.squareCorners.title'),
      text: t('warnings.squareCorners.text', { left, right }),
      ...styleFix(design.template === 'soft' ? 'receded' : 'soft', templates),
    });
  }

  if (shape && (shape.irregularityMm < thresholds.minIrregularityMm || shape.asymmetryMm < thresholds.minAsymmetryMm)) {
    const straight = shape.irregularityMm < thresholds.minIrregularityMm;
    const symmetric = shape.asymmetryMm < thresholds.minAsymmetryMm;
    const how = straight && symmetric ? t('warnings.tooRegular.straightAndSymmetric')
      : straight ? t('warnings.tooRegular.straight') : t('warnings.tooRegular.symmetric');
    found.push({
      id: 'too-regular', kind: 'warning', title: t('warnings.tooRegular.title'),
      text: t('warnings.tooRegular.text', { how }),
      ...styleFix(design.template === 'soft' ? 'receded' : 'soft', templates),
    });
  }

  if (isVeryDark(design, skinIta)) {
    found.push({
      id: 'dark-on-fair', kind: 'warning', title: t('warnings.darkOnFair.title'),
      text: t('warnings.darkOnFair.text'),
      fixLabel: t('warnings.darkOnFair.fix'),
      fix: (current) => ({ ...current, shade: 3 }),
    });
  }

  const frontal = thresholds.frontalDotsPerCm2 * design.density;
  if (frontal > thresholds.naturalMaxPerCm2) {
    found.push({
      id: 'too-dense', kind: 'warning', title: t('warnings.tooDense.title'),
      text: t('warnings.tooDense.text', { dots: frontal.toFixed(0) }),
      fixLabel: t('warnings.tooDense.fix'),
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
      id: 'age', kind: 'advice', title: t('warnings.young.title'),
      text: t('warnings.young.text', { height: cm(thresholds.youngMinHeightMm[sex]) }),
      ...raiseTo(thresholds.youngMinHeightMm[sex]),
    }];
  }
  const mature = (age === '45-59' && youthfulStyles.has(design.template))
    || (age === '60+' && (sex === 'man' ? design.template !== 'receded' : youthfulStyles.has(design.template)));
  if (!mature) return [];
  const suited = sex === 'man' ? 'receded' : 'rounded';
  const ages = age === '60+' ? t('warnings.mature.over60') : t('warnings.mature.range', { range: age.replace('-', '–') });
  return [{
    id: 'age', kind: 'advice', title: t('warnings.mature.title'),
    text: sex === 'man' ? t('warnings.mature.man', { ages }) : t('warnings.mature.woman', { ages }),
    ...styleFix(suited, templates),
  }];
}
