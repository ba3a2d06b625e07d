// With several faces in the photo, the user says whose head the design is for: one
// button per face, named by where it is from the left; hovering or focusing one
// outlines that face on the photo.
const ordinals = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

// Face indices ordered by where each face is, from the left.
function leftToRight(faces) {
  const centreX = (face) => face.x + face.width / 2;
  return faces.map((_, index) => index).sort((a, b) => centreX(faces[a]) - centreX(faces[b]));
}

function faceName(rank, count) {
  if (count === 2) return rank === 0 ? 'Left face' : 'Right face';
  return `${ordinals[rank] ?? `Face ${rank + 1}`} from the left`;
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
  label.textContent = `${faces.length} faces: whose head is it?`;
  root.append(label);
  leftToRight(faces).forEach((index, rank) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = faceName(rank, faces.length);
    button.setAttribute('aria-pressed', String(index === placement.faceIndex));
    button.addEventListener('click', () => onPick(index));
    for (const type of ['pointerenter', 'focus']) button.addEventListener(type, () => onHighlight(faces[index]));
    for (const type of ['pointerleave', 'blur']) button.addEventListener(type, () => onHighlight(null));
    root.append(button);
  });
}

// After a pick: only the chosen face's button stays pressed.
export function markPickedFace(root, placement) {
  const order = leftToRight(placement.faces);
  root.querySelectorAll('button').forEach((button, rank) => {
    button.setAttribute('aria-pressed', String(order[rank] === placement.faceIndex));
  });
}
