// The browser's own decoder, for formats the engine does not read (HEIC on Safari,
// WebP, AVIF): createImageBitmap applies EXIF orientation, an OffscreenCanvas gives
// the pixels. Returns the engine's decodePhoto shape: {ok, width, height, pixels, info}
// or {ok: false, code, messageKey, params}: this runs in the worker, so the page puts
// the message into the visitor's language (app/preview-client.js).
const maxPixels = 50_000_000; // the engine's own limit

export async function decodeWithBrowser(bytes, maxSide) {
  if (typeof createImageBitmap === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    return { ok: false, code: 'unsupported-format', messageKey: 'intake.browserCannotDecode' };
  }
  let bitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, code: 'unsupported-format', messageKey: 'intake.unreadable' };
  }
  try {
    const fullWidth = bitmap.width;
    const fullHeight = bitmap.height;
    if (fullWidth * fullHeight > maxPixels) {
      return { ok: false, code: 'image-too-large', messageKey: 'intake.tooManyPixels', params: { megapixels: Math.round(fullWidth * fullHeight / 1e6), limit: maxPixels / 1e6 } };
    }
    const scale = maxSide > 0 ? Math.min(1, maxSide / Math.max(fullWidth, fullHeight)) : 1;
    const width = Math.max(1, Math.round(fullWidth * scale));
    const height = Math.max(1, Math.round(fullHeight * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height).data;
    return {
      ok: true, width, height, pixels,
      info: {
        format: 'decoded by the browser', width: fullWidth, height: fullHeight, storedWidth: fullWidth,
        storedHeight: fullHeight, orientation: 1, progressive: false, warnings: [],
      },
    };
  } finally {
    bitmap.close();
  }
}
