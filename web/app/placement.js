// The handles a newly opened photo starts with, and what to tell the user about them:
// the demo's stored ones, else the engine's proposal from the face (worker.js), else a
// guess for a head filling the frame.
import { guessHandles, handlesFromFractions } from './design.js';
import { formatNumber, t } from './i18n.js';

const round = ({ x, y }) => [Math.round(x), Math.round(y)];

// opened: the worker's reply to 'open'. Returns {handles, pxPerMm, hint}.
export function startingPlacement({ width, height, placement }, handleFractions) {
  const fromFace = placement?.handles;
  const pxPerMm = fromFace ? placement.pxPerMm : 0;
  if (handleFractions) return { handles: handlesFromFractions(handleFractions, width, height), pxPerMm, hint: '' };
  if (!fromFace) {
    const hint = placement?.reason === 'no-face' ? t('placement.noFace') : t('placement.guess');
    return { handles: guessHandles(width, height), pxPerMm, hint };
  }
  const handles = { left: round(fromFace.leftTemple), mid: round(fromFace.midFront), right: round(fromFace.rightTemple) };
  if (placement.reason === 'several-faces') {
    return { handles, pxPerMm, hint: t('placement.severalFaces', { count: placement.faces?.length }) };
  }
  const above = heightAboveBrows(placement);
  return { handles, pxPerMm, hint: placement.reason === 'ok' ? t('placement.ok', { above }) : t('placement.uncertain', { above }) };
}

// "7.0 cm above the brows", with the corners' moves that kept them on the head.
function heightAboveBrows({ hairlineHeightMm, templeLoweredMm: lowered, templeMovedInMm: movedIn }) {
  const height = formatNumber(hairlineHeightMm / 10, 1);
  let moves = '';
  if (lowered > 0 && movedIn > 0) moves = t('placement.loweredAndMovedIn', { lowered, movedIn });
  else if (lowered > 0) moves = t('placement.cornersLower', { mm: lowered });
  else if (movedIn > 0) moves = t('placement.cornerMovedIn', { mm: movedIn });
  return moves ? t('placement.aboveMoved', { height, moves }) : t('placement.above', { height });
}
