// Where the designed hairline sits on the face, in millimetres: the mid-frontal point's
// height above the glabella and each temple corner's height and distance from the
// midline, from the face's landmarks (the worker's placement proposal) and the photo's
// scale. Without a face there is nothing to measure from: measureHairline returns null.

// The face's own axes: origin at the glabella, x along the pupil line (image-right),
// up perpendicular to it. tiltDeg: the pupil line's angle, clockwise in the photo.
export function faceFrame(landmarks) {
  const tilt = (landmarks.tiltDeg * Math.PI) / 180;
  const xAxis = [Math.cos(tilt), Math.sin(tilt)];
  const upAxis = [xAxis[1], -xAxis[0]];
  const origin = [landmarks.glabella.x, landmarks.glabella.y];
  return {
    origin,
    xAxis,
    upAxis,
    // photo pixels → [across, up] in pixels on the face
    toFace: ([x, y]) => {
      const d = [x - origin[0], y - origin[1]];
      return [d[0] * xAxis[0] + d[1] * xAxis[1], d[0] * upAxis[0] + d[1] * upAxis[1]];
    },
    toPhoto: ([across, up]) => [
      origin[0] + across * xAxis[0] + up * upAxis[0],
      origin[1] + across * xAxis[1] + up * upAxis[1],
    ],
  };
}

// design: handles in photo pixels and hairlineOffsetMm (the engine moves the whole
// line up by it); pxPerMm: the scale the design is drawn at. Returns null without a
// face, else {midHeightMm, temples: [left, right]} where each temple has heightMm
// (above the glabella), fromMidlineMm (unsigned) and outsideEyeLineMm (how far it sits
// outside the vertical through that side's outer eye corner; negative: inside).
export function measureHairline(design, landmarks, pxPerMm) {
  if (!landmarks?.glabella || !(pxPerMm > 0)) return null;
  const face = faceFrame(landmarks);
  const mm = (point) => face.toFace(point).map((v) => v / pxPerMm);
  const offset = design.hairlineOffsetMm;
  const eyeCorners = [landmarks.leftEyeCorner, landmarks.rightEyeCorner].map(({ x, y }) => mm([x, y]));
  const temples = [design.handles.left, design.handles.right].map((handle, i) => {
    const [across, up] = mm(handle);
    return {
      heightMm: up + offset,
      fromMidlineMm: Math.abs(across),
      outsideEyeLineMm: Math.abs(across) - Math.abs(eyeCorners[i][0]),
    };
  });
  return { midHeightMm: mm(design.handles.mid)[1] + offset, temples };
}

// The three handles moved `mm` up the face, and how far that is possible: a photo
// cropped close above the brows has no room for them.
export function raiseHandles(handles, mm, pxPerMm, landmarks) {
  const up = faceFrame(landmarks).upAxis;
  const move = ([x, y]) => [Math.round(x + up[0] * mm * pxPerMm), Math.round(y + up[1] * mm * pxPerMm)];
  return { left: move(handles.left), mid: move(handles.mid), right: move(handles.right) };
}

// Whole millimetres the handles can move up the face before one leaves the photo's top.
export function roomAboveMm(handles, pxPerMm, landmarks) {
  const rise = -faceFrame(landmarks).upAxis[1] * pxPerMm; // photo rows per mm up the face
  return Math.max(0, Math.floor((Math.min(handles.left[1], handles.mid[1], handles.right[1]) - 1) / rise));
}

// A temple corner moved across the face onto the vertical through the outer eye
// corner of its side, at the same height.
export function onEyeLine(handle, eyeCorner, landmarks) {
  const face = faceFrame(landmarks);
  const [, up] = face.toFace(handle);
  const [across] = face.toFace([eyeCorner.x, eyeCorner.y]);
  return face.toPhoto([across, up]).map(Math.round);
}
