/**
 * Last step of `npm run build`: writes a brotli (.br) and a gzip (.gz) copy beside every compressible
 * file of the built client, at the strongest settings (done once here instead of on every request).
 * The server hands them out through @fastify/static's `preCompressed` option (server/plugins/spa.ts).
 * index.html is left alone: the server rewrites it per request (CSP nonce). Fonts and images are
 * already compressed. `node scripts/precompress.ts [dir]`, dir defaulting to the Angular output.
 */
import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; everything else the build emits (woff2, png) is compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|json|map|svg|txt|ico|webmanifest|xml)$/;
/** Below this a compressed copy saves less than the headers cost. */
export const MIN_BYTES = 1024;

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesIn(full)));
    else out.push(full);
  }
  return out;
}

/** Compresses every eligible file under `dir`; stale .br/.gz copies of removed files are deleted. */
export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const all = await filesIn(dir);
  const present = new Set(all);
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of all) {
    if (/\.(br|gz)$/.test(file)) {
      if (!present.has(file.slice(0, -3))) await unlink(file);
      continue;
    }
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const bytes = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    // A copy that is not smaller would only cost a disk read.
    if (br.length < bytes.length) await writeFile(`${file}.br`, br);
    if (gzipped.length < bytes.length) await writeFile(`${file}.gz`, gzipped);
    result.files += 1;
    result.bytes += bytes.length;
    result.brotliBytes += br.length;
    result.gzipBytes += gzipped.length;
  }
  return result;
}

if (import.meta.main) {
  const dir = path.resolve(process.argv[2] ?? 'dist/facettrack/browser');
  const r = await precompressDir(dir);
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `precompressed ${r.files} files in ${path.relative(process.cwd(), dir) || '.'}: ${kB(r.bytes)} -> ${kB(r.brotliBytes)} brotli, ${kB(r.gzipBytes)} gzip`,
  );
}
