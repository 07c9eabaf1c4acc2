// A minimal static file server for dist/ on 127.0.0.1 (random free port).
// Only GET of files inside the root; anything else is 404.
// With a prefix ('/some/sub/path/') the files are served under that path
// only, as on a static host where the app is not at the top; every 404 is
// recorded in `misses`, every request in `requests`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

export async function serveStatic(root, { prefix = '/' } = {}) {
  const misses = [];
  const requests = [];
  const notFound = (req, res) => { misses.push(req.url); res.writeHead(404).end(); };
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const fullPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!fullPath.startsWith(prefix)) { notFound(req, res); return; }
    const path = '/' + fullPath.slice(prefix.length);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (req.method !== 'GET' || !(file + sep).startsWith(normalize(root + sep))) {
      notFound(req, res);
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': kTypes[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      notFound(req, res);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, misses, requests, close: () => new Promise((r) => server.close(r)) };
}
