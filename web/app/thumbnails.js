// Each hairline style drawn by the engine on a small crop of the user's own photo
// around the handles, so the gallery shows what each style would look like on them.
import { applyDesign } from './apply-design.js';

// A square around the hairline: the forehead below it and the scalp above.
function cropAround({ left, mid, right }, width, height) {
  const span = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const side = Math.min(Math.round(1.35 * span), width, height);
  const clamp = (v, max) => Math.max(0, Math.min(Math.round(v), max - side));
  return { x: clamp((left[0] + right[0]) / 2 - side / 2, width), y: clamp(mid[1] - 0.5 * side, height), side };
}

function scaledCrop(photo, crop, size) {
  const source = new OffscreenCanvas(photo.width, photo.height);
  // Only the crop is uploaded (the dirty rectangle), not the whole working photo.
  source.getContext('2d').putImageData(new ImageData(photo.pixels, photo.width, photo.height), 0, 0,
    crop.x, crop.y, crop.side, crop.side);
  const target = new OffscreenCanvas(size, size);
  const context = target.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, crop.x, crop.y, crop.side, crop.side, 0, 0, size, size);
  return context.getImageData(0, 0, size, size).data;
}

// At thumbnail size single dots blur into a shadow, so the style's line is drawn
// over them (down to a little below the temples, as on the stage).
function withHairline(image, hairline, { left, right }) {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  const lowest = Math.max(left[1], right[1]) + 0.3 * Math.hypot(right[0] - left[0], right[1] - left[1]);
  context.beginPath();
  for (let i = 0; i + 1 < hairline.length; i += 2) {
    if (hairline[i + 1] <= lowest) context.lineTo(hairline[i], hairline[i + 1]);
  }
  context.strokeStyle = 'rgba(255, 216, 77, 0.85)';
  context.lineWidth = 1.5;
  context.stroke();
  return context.getImageData(0, 0, image.width, image.height).data;
}

// [{id, width, height, pixels: ArrayBuffer}] for every style, or [] where the browser
// has no OffscreenCanvas (the gallery then shows names only).
export function renderThumbnails(engine, photo, design, size) {
  if (typeof OffscreenCanvas === 'undefined') return [];
  const crop = cropAround(design.handles, photo.width, photo.height);
  const scale = size / crop.side;
  const toThumb = ([x, y]) => [(x - crop.x) * scale, (y - crop.y) * scale];
  const thumbDesign = {
    ...design,
    pxPerMm: design.pxPerMm * scale,
    handles: { left: toThumb(design.handles.left), mid: toThumb(design.handles.mid), right: toThumb(design.handles.right) },
    brush: design.brush.map((dab) => ({ ...dab, x: (dab.x - crop.x) * scale, y: (dab.y - crop.y) * scale, r: Math.max(0.5, dab.r * scale) })),
  };
  const simulator = engine.createSimulator();
  try {
    simulator.setPhoto(scaledCrop(photo, crop, size), size, size);
    const applied = applyDesign(simulator, {}, thumbDesign);
    return engine.templates().map(({ id }) => {
      applyDesign(simulator, applied, { ...thumbDesign, template: id });
      const image = simulator.render();
      const pixels = withHairline(image, simulator.hairline(), thumbDesign.handles);
      return { id, width: image.width, height: image.height, pixels: pixels.buffer };
    });
  } finally {
    simulator.dispose();
  }
}
