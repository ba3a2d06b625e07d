// The page's own static files, by path from web/. Normally fetched; the single-file
// build (tools/build-single-file.mjs) puts them in globalThis.smpInlineAssets
// ({path: base64}) so that the page needs no request at all, even from file://.
const inline = () => globalThis.smpInlineAssets;

export function hasInlineAssets() {
  return Boolean(inline());
}

function decodeBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// A URL for `path` relative to web/ (for fetch, <img>, new Worker…).
export function assetUrl(path) {
  return new URL(`../${path}`, import.meta.url).href;
}

// Starts the module worker `path`. Inline, a classic worker from a blob: URL of its
// bundled source (a page opened from file:// can start no module worker), which first
// gets the same inline assets, so that the worker needs no request either.
export function startWorker(path) {
  const assets = inline();
  if (!assets) return new Worker(assetUrl(path), { type: 'module' });
  const { [path]: source, ...others } = assets;
  const prelude = `globalThis.smpInlineAssets = ${JSON.stringify(others)};\n`;
  return new Worker(URL.createObjectURL(new Blob([prelude, decodeBase64(source)], { type: 'text/javascript' })));
}

export async function assetBytes(path) {
  const base64 = inline()?.[path];
  if (base64 !== undefined) return decodeBase64(base64);
  const response = await fetch(assetUrl(path));
  if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function assetJson(path) {
  return JSON.parse(new TextDecoder().decode(await assetBytes(path)));
}
