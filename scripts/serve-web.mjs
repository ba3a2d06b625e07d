// Serves web/ for development and tests: nothing outside it, no caching, .wasm as
// application/wasm (which streaming compilation requires).
//   node scripts/serve-web.mjs [--port 8080] [--host 127.0.0.1]
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const webRoot = fileURLToPath(new URL('../web/', import.meta.url));

// The policy of the meta tag in web/index.html, also sent as a header because a
// worker runs under the policy of its own response, not under its page's meta tag.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function startServer({ port = 8080, host = '127.0.0.1', root = webRoot } = {}) {
  // dev mode reads files on every request (so a rebuilt engine is picked up), only
  // below root, and sends Cache-Control: no-store.
  const serveStatic = sirv(root, { dev: true });
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    res.setHeader('Content-Security-Policy', contentSecurityPolicy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Not found\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${urlHost}:${address.port}/`,
        close: () => new Promise((done) => {
          server.close(done);
          server.closeAllConnections(); // browsers keep idle connections open
        }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  if (!existsSync(new URL('../web/build/smp_engine.wasm', import.meta.url))) {
    console.warn('web/build/smp_engine.wasm is missing: build the engine first (cmake --build --preset wasm).');
  }
  const server = await startServer({ port: Number(values.port), host: values.host }).catch((error) => {
    const hint = error.code === 'EADDRINUSE' ? ' (another server uses it: set PORT to another port)' : '';
    console.error(`Cannot serve on ${values.host}:${values.port}: ${error.message}${hint}`);
    process.exit(1);
  });
  const { url } = server;
  console.log(`Serving web/ at ${url.replace('//127.0.0.1:', '//localhost:')}  (Ctrl+C stops)`);
}
