// The practitioner's guides, drawn over the photo on demand: the brow line, the line
// through the outer eye corners with the verticals where the temple corners belong,
// the facial thirds, and the mid-frontal point's height above the glabella in cm.
// Drawn in the stage's overlay (SVG in stage pixels), so they follow zoom and pan.
import { formatNumber, t } from './i18n.js';
import { faceFrame, measureHairline } from './measurements.js';

const svgNs = 'http://www.w3.org/2000/svg';

export class Guides {
  visible = false;
  #stage;
  #group;
  #face = null; // {landmarks, pxPerMm, design}

  constructor(stage) {
    this.#stage = stage;
    this.#group = document.createElementNS(svgNs, 'g');
    this.#group.setAttribute('class', 'stage-guides');
    stage.overlay.prepend(this.#group); // under the hairline and the brush
  }

  // landmarks: the face's (null without one); design: what is shown; pxPerMm: its scale.
  show(landmarks, design, pxPerMm) {
    this.#face = landmarks && pxPerMm > 0 ? { landmarks, design, pxPerMm } : null;
    this.draw();
  }

  setVisible(visible) {
    this.visible = visible;
    this.draw();
  }

  get available() { return this.#face !== null; }

  draw() {
    const parts = this.visible && this.#face ? this.#shapes() : [];
    this.#group.replaceChildren(...parts);
  }

  // Lines and labels in photo pixels, turned into stage pixels.
  #shapes() {
    const { landmarks, design, pxPerMm } = this.#face;
    const face = faceFrame(landmarks);
    const toStage = (across, up) => this.#stage.imageToStage(face.toPhoto([across * pxPerMm, up * pxPerMm]));
    const onFace = ({ x, y }) => face.toFace([x, y]).map((v) => v / pxPerMm); // mm
    const height = measureHairline(design, landmarks, pxPerMm).midHeightMm;
    const eyes = [landmarks.leftEyeCorner, landmarks.rightEyeCorner].map(onFace);
    const brows = [landmarks.leftBrow, landmarks.rightBrow].map(onFace);
    const halfWidth = 1.25 * Math.max(Math.abs(eyes[0][0]), Math.abs(eyes[1][0]));
    const shapes = [];
    const line = (from, to, kind) => {
      const element = document.createElementNS(svgNs, 'line');
      const [[x1, y1], [x2, y2]] = [toStage(...from), toStage(...to)];
      Object.entries({ x1, y1, x2, y2 }).forEach(([key, value]) => element.setAttribute(key, value.toFixed(1)));
      element.setAttribute('class', `guide guide-${kind}`);
      shapes.push(element);
    };
    const label = (at, text, kind, anchor = 'start') => {
      const element = document.createElementNS(svgNs, 'text');
      const [x, y] = toStage(...at);
      element.setAttribute('x', x.toFixed(1));
      element.setAttribute('y', y.toFixed(1));
      element.setAttribute('text-anchor', anchor);
      element.setAttribute('class', `guide-label guide-${kind}`);
      element.textContent = text;
      shapes.push(element);
    };

    // Facial thirds: hairline to glabella, glabella to nose base, nose base to chin.
    // Where the face is in proportion, the lower two lines fall on the nose and chin.
    [height, 0, -height, -2 * height].forEach((up) => line([-halfWidth, up], [halfWidth, up], 'third'));
    label([halfWidth, -height - 2], t('guides.nose'), 'third');
    label([halfWidth, -2 * height - 2], t('guides.chin'), 'third');

    const browSlope = (brows[1][1] - brows[0][1]) / (brows[1][0] - brows[0][0]);
    const browAt = (x) => brows[0][1] + browSlope * (x - brows[0][0]);
    line([-halfWidth, browAt(-halfWidth)], [halfWidth, browAt(halfWidth)], 'brow');
    label([-halfWidth, browAt(-halfWidth) + 2], t('guides.brows'), 'brow');

    const eyeSlope = (eyes[1][1] - eyes[0][1]) / (eyes[1][0] - eyes[0][0]);
    line([-halfWidth, eyes[0][1] + eyeSlope * (-halfWidth - eyes[0][0])], [halfWidth, eyes[0][1] + eyeSlope * (halfWidth - eyes[0][0])], 'eye');
    for (const [x, y] of eyes) line([x, y], [x, height + 10], 'eye');
    label([eyes[0][0] - 2, height + 6], t('guides.templeCorners'), 'eye', 'end');

    line([0, 0], [0, height], 'height');
    label([2, height / 2], t('guides.height', { height: formatNumber(height / 10, 1) }), 'height');
    return shapes;
  }
}
