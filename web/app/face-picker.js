// With several faces in the photo, the user says whose head the design is for: one
// button per face, named by where it is from the left; hovering or focusing one
// outlines that face on the photo.
import { t } from './i18n.js';

const fromTheLeft = [
  () => t('faces.first'), () => t('faces.second'), () => t('faces.third'),
  () => t('faces.fourth'), () => t('faces.fifth'), () => t('faces.sixth'),
];

// Face indices ordered by where each face is, from the left.
function leftToRight(faces) {
  const centreX = (face) => face.x + face.width / 2;
  return faces.map((_, index) => index).sort((a, b) => centreX(faces[a]) - centreX(faces[b]));
}

function faceName(rank, count) {
  if (count === 2) return rank === 0 ? t('faces.left') : t('faces.right');
  return fromTheLeft[rank]?.() ?? t('faces.nth', { number: rank + 1 });
}

// root: the picker's container. placement: the worker's {faces, faceIndex} (faces:
// boxes in photo pixels, largest first). onPick(index); onHighlight(box or null).
export function showFacePicker(root, placement, { onPick, onHighlight }) {
  const faces = placement?.faces ?? [];
  root.replaceChildren();
  root.hidden = faces.length < 2;
  if (root.hidden) return;
  const label = document.createElement('span');
  label.id = 'face-picker-label';
  root.append(label);
  leftToRight(faces).forEach((index, rank) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.setAttribute('aria-pressed', String(index === placement.faceIndex));
    button.addEventListener('click', () => onPick(index));
    for (const type of ['pointerenter', 'focus']) button.addEventListener(type, () => onHighlight(faces[index]));
    for (const type of ['pointerleave', 'blur']) button.addEventListener(type, () => onHighlight(null));
    root.append(button);
  });
  nameFaces(root);
}

// Writes the picker's words; again after a language change.
export function nameFaces(root) {
  const buttons = [...root.querySelectorAll('button')];
  if (!buttons.length) return;
  root.querySelector('#face-picker-label').textContent = t('faces.label', { count: buttons.length });
  buttons.forEach((button, rank) => { button.textContent = faceName(rank, buttons.length); });
}

// After a pick: only the chosen face's button stays pressed.
export function markPickedFace(root, placement) {
  const order = leftToRight(placement.faces);
  root.querySelectorAll('button').forEach((button, rank) => {
    button.setAttribute('aria-pressed', String(order[rank] === placement.faceIndex));
  });
}
