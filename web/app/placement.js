// The handles a newly opened photo starts with, and what to tell the user about them:
// the demo's stored ones, else the engine's proposal from the face (worker.js), else a
// guess for a head filling the frame.
import { guessHandles, handlesFromFractions } from './design.js';

const round = ({ x, y }) => [Math.round(x), Math.round(y)];

// opened: the worker's reply to 'open'. Returns {handles, pxPerMm, hint}.
export function startingPlacement({ width, height, placement }, handleFractions) {
  const fromFace = placement?.handles;
  const pxPerMm = fromFace ? placement.pxPerMm : 0;
  if (handleFractions) return { handles: handlesFromFractions(handleFractions, width, height), pxPerMm, hint: '' };
  if (!fromFace) {
    const why = placement?.reason === 'no-face' ? 'No face was found, so the handles are only a guess' : 'The handles are only a guess';
    return { handles: guessHandles(width, height), pxPerMm, hint: `${why}: drag them onto the temple corners and the middle of the hairline.` };
  }
  const handles = { left: round(fromFace.leftTemple), mid: round(fromFace.midFront), right: round(fromFace.rightTemple) };
  const moves = [
    placement.templeLoweredMm > 0 && `temple corners ${placement.templeLoweredMm} mm lower`,
    placement.templeMovedInMm > 0 && `${placement.templeLoweredMm > 0 ? 'one' : 'a temple corner'} moved ${placement.templeMovedInMm} mm in`,
  ].filter(Boolean);
  const lowered = moves.length ? ` (${moves.join(' and ')}, to stay on the head)` : '';
  const above = `${(placement.hairlineHeightMm / 10).toFixed(1)} cm above the brows${lowered}`;
  const hints = {
    ok: `Handles placed from your face, ${above}: drag them to adjust.`,
    uncertain: `Handles placed ${above}, but one eye was hard to see: check them and drag them where needed.`,
    'several-faces': `${placement.faces?.length} faces were found; the handles are on the largest. Pick whose head it is above the photo, or drag the handles.`,
  };
  return { handles, pxPerMm, hint: hints[placement.reason] ?? hints.uncertain };
}
