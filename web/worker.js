// Decodes photos off the main thread. Messages:
//   out: {kind: 'engine', ok, message?}   once, when the engine has loaded or failed to
//   in:  {id, bytes: ArrayBuffer}         the photo file's bytes (transferred)
//   out: {kind: 'decoded', id, ok: true, width, height, pixels: ArrayBuffer, info}  (pixels transferred)
//   out: {kind: 'decoded', id, ok: false, code, message}
import { loadEngine } from './engine.js';

// Started at once so that the engine is usually ready before the first photo arrives.
const enginePromise = loadEngine();

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

enginePromise.then(
  () => postMessage({ kind: 'engine', ok: true }),
  (error) => postMessage({ kind: 'engine', ok: false, message: describe(error) }),
);

self.onmessage = async ({ data: { id, bytes } }) => {
  try {
    const engine = await enginePromise;
    const photo = engine.decodePhoto(bytes);
    if (!photo.ok) {
      postMessage({ kind: 'decoded', id, ok: false, code: photo.code, message: photo.message });
      return;
    }
    const { width, height, pixels, info } = photo;
    postMessage({ kind: 'decoded', id, ok: true, width, height, pixels: pixels.buffer, info }, [pixels.buffer]);
  } catch (error) {
    postMessage({ kind: 'decoded', id, ok: false, code: 'engine-error', message: describe(error) });
  }
};
