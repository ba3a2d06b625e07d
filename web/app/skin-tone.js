// How fair the skin is, from the photo's forehead: the Individual Typology Angle (ITA,
// Chardon et al. 1991) of CIELAB L* and b*: above 55° very light, 41–55° light,
// 28–41° intermediate, 10–28° tan, below 10° brown and dark.
export const fairSkinItaDeg = 41;
export const veryFairSkinItaDeg = 55;

function linear(channel) {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// sRGB bytes → [L*, b*] (D65)
function lightnessAndB(r, g, b) {
  const [lr, lg, lb] = [linear(r), linear(g), linear(b)];
  const y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  const z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 200 * (f(y) - f(z))];
}

const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];

// image: {width, height, data} (ImageData); centre and radius in its pixels. Returns the
// ITA in degrees of the median L* and b* inside the square, or null when it is outside.
export function skinTypologyAngle(image, [cx, cy], radius) {
  const lightness = [];
  const yellowness = [];
  const step = Math.max(1, Math.floor(radius / 12));
  for (let y = Math.round(cy - radius); y <= cy + radius; y += step) {
    for (let x = Math.round(cx - radius); x <= cx + radius; x += step) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const at = 4 * (y * image.width + x);
      const [l, b] = lightnessAndB(image.data[at], image.data[at + 1], image.data[at + 2]);
      lightness.push(l);
      yellowness.push(b);
    }
  }
  if (lightness.length < 9) return null;
  return (Math.atan2(median(lightness) - 50, median(yellowness)) * 180) / Math.PI;
}
