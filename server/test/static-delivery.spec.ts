import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../../scripts/precompress.ts';
import { IMMUTABLE } from '../plugins/spa.ts';
import { createTestApp, type TestApp } from './test-app.ts';

// A built client in miniature: a hashed bundle, a hashed font, an unhashed favicon, index.html.
const BUNDLE = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{id:${i},label:"row ${i}"}`).join(',')}];\n`;

describe('static delivery: precompressed files, caching, compressed API answers', () => {
  let t: TestApp;
  let spaDir: string;

  beforeAll(async () => {
    spaDir = await mkdtemp(path.join(process.env['TMPDIR'] ?? tmpdir(), 'ft-spa-'));
    await writeFile(
      path.join(spaDir, 'index.html'),
      `<!doctype html><html><head><script src="main-AB12CD34.js" type="module"></script></head><body><app-root></app-root>${' '.repeat(2000)}</body></html>`,
    );
    await writeFile(path.join(spaDir, 'main-AB12CD34.js'), BUNDLE);
    await writeFile(path.join(spaDir, 'chunk-_ekDwUCt.js'), 'export const tiny = 1;\n');
    await writeFile(path.join(spaDir, 'icons-RW2ZY2IG.woff2'), Buffer.alloc(4000, 7));
    await writeFile(path.join(spaDir, 'favicon.ico'), Buffer.alloc(3000, 1));
    await precompressDir(spaDir);
    t = await createTestApp({ spaDir });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await rm(spaDir, { recursive: true, force: true });
  });

  it('precompresses what is worth it: not index.html, not tiny files, not fonts', async () => {
    const files = (await readdir(spaDir)).sort();
    expect(files).toEqual([
      'chunk-_ekDwUCt.js',
      'favicon.ico',
      'favicon.ico.br',
      'favicon.ico.gz',
      'icons-RW2ZY2IG.woff2',
      'index.html',
      'main-AB12CD34.js',
      'main-AB12CD34.js.br',
      'main-AB12CD34.js.gz',
    ]);
  });

  it('sends the brotli copy to a browser that takes brotli, gzip to one that takes only gzip, else the file', async () => {
    const url = '/main-AB12CD34.js';
    const br = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['content-type'])).toContain('javascript');
    expect(String(br.headers['vary']).toLowerCase()).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(BUNDLE.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);

    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE);

    const plain = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });

  it('caches hashed files for a year as immutable, and revalidates unhashed ones', async () => {
    for (const url of ['/main-AB12CD34.js', '/chunk-_ekDwUCt.js', '/icons-RW2ZY2IG.woff2']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).withContext(url).toBe(200);
      expect(res.headers['cache-control']).withContext(url).toBe(IMMUTABLE);
    }
    const font = await t.app.inject({
      method: 'GET',
      url: '/icons-RW2ZY2IG.woff2',
      headers: { 'accept-encoding': 'br' },
    });
    expect(font.headers['content-encoding']).toBeUndefined();
    const favicon = await t.app.inject({
      method: 'GET',
      url: '/favicon.ico',
      headers: { 'accept-encoding': 'br' },
    });
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it("serves index.html with no-cache and this request's CSP nonce, compressed or not", async () => {
    for (const encoding of ['br', 'identity']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/patients/1',
        headers: { 'accept-encoding': encoding },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))![1]!;
      const body =
        res.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(res.rawPayload).toString()
          : res.body;
      expect(body).withContext(encoding).toContain(`<app-root ngCspNonce="${nonce}"`);
    }
  });

  it('compresses large JSON answers and leaves small ones as they are', async () => {
    // The OpenAPI document needs a session outside demo mode (issue 10); it is the largest JSON answer.
    await t.createUser('static-reader', 'admin');
    const { cookie } = await t.login('static-reader');
    const large = await t.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: { 'accept-encoding': 'br', cookie },
    });
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(
      JSON.parse(brotliDecompressSync(large.rawPayload).toString()).paths['/api/v1/auth/login'],
    ).toBeDefined();

    const gz = await t.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: { 'accept-encoding': 'gzip', cookie },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');

    const small = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'accept-encoding': 'br' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('no-store');
    expect(small.statusCode).toBe(200);
  });

  it('compresses problem+json answers too, without losing the problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-encoding': 'gzip' },
      payload: { username: 'x'.repeat(1500), password: 'y' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const body =
      res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body;
    expect(JSON.parse(body).status).toBe(res.statusCode);
  });
});
