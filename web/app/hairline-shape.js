// The shape of the drawn hairline, in millimetres: how its front meets the temple
// corners, how irregular it is and how symmetric. Reads the engine's hairline (photo
// pixels x0, y0, x1, y1, ... sampled evenly across the head) in the head frame of the
// handles: origin at the middle handle, x towards the right temple corner, y up.
// Only the front between the corners is read: the line beyond them is the engine's
// business (how it runs down the sides) and says nothing about the corners' shape.

const approachMm = 12; // a corner's bevel is read over this much line, longer than the fine jitter's waves

function headFrame({ left, mid, right }, pxPerMm) {
  const span = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const xAxis = [(right[0] - left[0]) / span, (right[1] - left[1]) / span];
  const upAxis = [xAxis[1], -xAxis[0]];
  return ([px, py]) => {
    const d = [px - mid[0], py - mid[1]];
    return [(d[0] * xAxis[0] + d[1] * xAxis[1]) / pxPerMm, (d[0] * upAxis[0] + d[1] * upAxis[1]) / pxPerMm];
  };
}

// The line's height at frame x, linearly interpolated (points ascend in x).
function heightAt(points, x) {
  const i = points.findIndex((p) => p[0] >= x);
  if (i <= 0) return points[Math.max(0, i)][1];
  const [a, b] = [points[i - 1], points[i]];
  return a[1] + ((x - a[0]) / (b[0] - a[0])) * (b[1] - a[1]);
}

// Least-squares fit of y by a polynomial in x of `degree`; returns the residuals.
function fitResiduals(points, degree) {
  const scale = Math.max(...points.map(([x]) => Math.abs(x))) || 1;
  const rows = points.map(([x]) => Array.from({ length: degree + 1 }, (_, k) => (x / scale) ** k));
  const n = degree + 1;
  // Normal equations, solved by Gauss–Jordan elimination with partial pivoting.
  const a = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => rows.reduce((sum, row) => sum + row[i] * row[j], 0)),
    rows.reduce((sum, row, r) => sum + row[i] * points[r][1], 0),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const coefficients = a.map((row, i) => row[n] / row[i]);
  return points.map(([, y], r) => y - rows[r].reduce((sum, v, k) => sum + v * coefficients[k], 0));
}

// Least-squares slope dy/dx of the points.
function slope(points) {
  const mx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  return points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
}

const rms = (values) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);

// hairline: Float64Array from a frame; handles in the same pixels; pxPerMm: the
// frame's scale. Returns {cornerBevelsDeg: [left, right], irregularityMm, asymmetryMm}
// or null when the line does not span both corners.
export function hairlineShape(hairline, handles, pxPerMm) {
  if (!hairline || hairline.length < 8 || !(pxPerMm > 0)) return null;
  const toFrame = headFrame(handles, pxPerMm);
  const points = [];
  for (let i = 0; i + 1 < hairline.length; i += 2) points.push(toFrame([hairline[i], hairline[i + 1]]));
  points.sort((a, b) => a[0] - b[0]);
  const [leftX, rightX] = [toFrame(handles.left)[0], toFrame(handles.right)[0]];
  const front = points.filter(([x]) => x >= leftX && x <= rightX);
  if (front.length < 16 || points[0][0] > leftX || points.at(-1)[0] < rightX) return null;
  // How steeply the line falls into each corner over its last `approachMm`, in degrees
  // from the line between the corners: 0° meets the side square, 45° cuts the corner back.
  const cornerBevelsDeg = [[leftX, 1], [rightX, -1]].map(([cornerX, inward]) => {
    const approach = front.filter(([x]) => (x - cornerX) * inward <= approachMm);
    return (Math.atan(slope(approach) * inward) * 180) / Math.PI;
  });
  const halfWidth = Math.min(-leftX, rightX);
  const mirrored = front.filter(([x]) => x > 0 && x <= halfWidth);
  const asymmetryMm = mirrored.reduce((sum, [x, y]) => sum + Math.abs(y - heightAt(points, -x)), 0) / Math.max(1, mirrored.length);
  // Residuals from a quartic: the wander and waviness without the style's smooth curve.
  return { cornerBevelsDeg, irregularityMm: rms(fitResiduals(front, 4)), asymmetryMm };
}
