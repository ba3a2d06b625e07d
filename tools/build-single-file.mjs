// Writes web/build/smp-preview.html: the whole app in one HTML file that works when
// opened from file:// and makes no request at all (a clinic can copy it onto a tablet
// or a USB stick). esbuild bundles app.js and worker.js; the files they read at run
// time (the engine's .wasm, the face model, the locales, the demo photo) and the
// worker's bundle go into globalThis.smpInlineAssets as base64 (see web/app/assets.js);
// the styles are inlined; a Content Security Policy of its own allows exactly these
// scripts and styles, by hash, and no network at all.
//   node tools/build-single-file.mjs [output.html]
// Run by the wasm build (src/wasm/CMakeLists.txt) after the engine is linked.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const web = new URL('../web/', import.meta.url);
const output = process.argv[2] ?? fileURLToPath(new URL('build/smp-preview.html', web));
const read = (path) => readFileSync(new URL(path, web));
const filesIn = (dir) => readdirSync(new URL(dir, web)).sort().map((name) => `${dir}${name}`);

// What the app reads through app/assets.js, by path from web/.
const runtimeFiles = ['build/smp_engine.wasm', 'build/smp_cascades.bin', ...filesIn('locales/'), ...filesIn('demo/')];

// A blob: worker's import.meta.url cannot be the base of a relative URL, which
// engine.js and the Emscripten module compute as they load (new URL(…, import.meta.url));
// they get this stand-in. Nothing is ever fetched from it: every file is inline, and
// the policy below would refuse it anyway.
const workerBase = 'file:///smp-preview/worker.js';

// format: 'esm' for the page (app.js awaits at top level), 'iife' for the worker (a
// file:// page can start only a classic worker from a blob: URL).
async function bundle(entry, { format = 'esm', define = {} } = {}) {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL(entry, web))],
    bundle: true,
    format,
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define,
    write: false,
    logLevel: 'warning',
  });
  return outputFiles[0].text;
}

// Inline text must not close its element early.
function inlineText(text, tag, source) {
  if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`${source} contains “</${tag}”, which would end the inline <${tag}>`);
  return text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// Replaces each match of pattern in html by replace(match), at least once.
function replaceAll(html, pattern, replace, what) {
  let count = 0;
  const result = html.replace(pattern, (...match) => {
    count++;
    return replace(...match);
  });
  if (!count) throw new Error(`web/index.html has no ${what} any more: update tools/build-single-file.mjs`);
  return result;
}

const assets = Object.fromEntries(runtimeFiles.map((path) => [path, read(path).toString('base64')]));
assets['worker.js'] = Buffer.from(await bundle('worker.js', { format: 'iife', define: { 'import.meta.url': JSON.stringify(workerBase) } })).toString('base64');

const scripts = [];
const styles = [];
let html = read('index.html').toString();

html = replaceAll(html, /<link rel="stylesheet" href="([^"]+)">/g, (tag, href) => {
  styles.push(inlineText(read(href).toString(), 'style', href));
  return `<style>${styles.at(-1)}</style>`;
}, 'stylesheet link');
const appScripts = [];
html = replaceAll(html, /<script type="module" src="([^"]+)"><\/script>/g, (tag, src) => {
  appScripts.push(src);
  return `<!-- ${src} -->`;
}, 'module script');
for (const src of appScripts) {
  scripts.push(inlineText(await bundle(src), 'script', src));
  html = html.replace(`<!-- ${src} -->`, () => `<script type="module">${scripts.at(-1)}</script>`);
}
// The assets first: a classic script runs at once, the module after parsing.
scripts.unshift(`globalThis.smpInlineAssets = ${JSON.stringify(assets)};`);
html = html.replace('<script type="module">', () => `<script>${scripts[0]}</script>\n  <script type="module">`);

const iconData = `data:image/svg+xml;base64,${read('icons/icon.svg').toString('base64')}`;
html = replaceAll(html, /<link rel="icon" href="[^"]+"/, () => `<link rel="icon" href="${iconData}"`, 'icon link');
// Nothing to install from a file, and no request may leave it.
html = replaceAll(html, /\s*<link rel="(manifest|apple-touch-icon)" href="[^"]+">/g, () => '', 'manifest link');

// 'unsafe-eval': Embind 3.1.6 builds its invokers with new Function. The worker (a
// blob: URL) runs under this same policy. Styles by hash: the page sets no style
// attribute (the served policy, style-src 'self', refuses them too).
const policy = [
  "default-src 'none'",
  `script-src ${scripts.map(sha256).join(' ')} 'wasm-unsafe-eval' 'unsafe-eval'`,
  'worker-src blob:',
  'img-src blob: data:',
  'media-src blob:',
  `style-src ${styles.map(sha256).join(' ')}`,
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = replaceAll(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () =>
  `<meta http-equiv="Content-Security-Policy" content="${policy}">`, 'Content-Security-Policy meta tag');

// Anything else index.html points at would be a request the file cannot make.
const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
const leftOver = [...markup.matchAll(/\s(?:src|href)="(?!data:|#)([^"]+)"/g)].map((match) => match[1]);
if (leftOver.length) throw new Error(`web/index.html refers to ${leftOver.join(', ')}: inline it in tools/build-single-file.mjs`);

writeFileSync(output, html);
const kB = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`single-file build: ${output} (${kB(Buffer.byteLength(html))}, ${kB(gzipSync(html).length)} gzipped)`);
