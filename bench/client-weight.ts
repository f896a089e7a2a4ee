/**
 * Client weight (issue 11, parts 4-5): FacetTrack's initial JavaScript against a bare Angular + Material
 * app (bench/reference-app) built the same way, and the largest font the build ships.
 * Both apps are built here, side by side, into a temporary folder with the production options of this
 * repo's angular.json. Targets: initial JS gzip <= 1.3x the reference; no font over 300 kB; the icon
 * font under 100 kB.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const REFERENCE_SRC = path.join(ROOT, 'bench', 'reference-app');
export const MAX_INITIAL_RATIO = 1.3;
export const MAX_FONT_BYTES = 300 * 1024;
export const MAX_ICON_FONT_BYTES = 100 * 1024;

export interface WeightFigure {
  label: string;
  value: string;
  reference: string;
  ratio: number | null;
  ok: boolean;
}

interface InitialJs {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

function ngBuild(cwd: string, outputPath: string): Promise<void> {
  const ng = path.join(ROOT, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [ng, 'build', '--configuration', 'production', '--output-path', outputPath, '--no-progress'],
      {
        cwd,
        env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`ng build in ${path.basename(cwd)} failed:\n${out}`)),
    );
  });
}

/** A workspace holding the reference app, with FacetTrack's production build options. */
async function referenceWorkspace(dir: string): Promise<void> {
  const own = JSON.parse(await readFile(path.join(ROOT, 'angular.json'), 'utf8'));
  const build = own.projects.facettrack.architect.build;
  await cp(REFERENCE_SRC, dir, { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const workspace = {
    version: 1,
    cli: { analytics: false },
    projects: {
      reference: {
        projectType: 'application',
        root: '',
        sourceRoot: 'src',
        architect: {
          build: {
            builder: build.builder,
            options: {
              browser: 'src/main.ts',
              tsConfig: 'tsconfig.json',
              inlineStyleLanguage: 'scss',
              styles: ['src/styles.scss'],
            },
            configurations: { production: { ...build.configurations.production, budgets: [] } },
            defaultConfiguration: 'production',
          },
        },
      },
    },
  };
  await writeFile(path.join(dir, 'angular.json'), JSON.stringify(workspace, null, 2));
}

/** The scripts index.html loads before the app can start: the entry module and its modulepreloads. */
async function initialJs(browserDir: string): Promise<InitialJs> {
  const html = await readFile(path.join(browserDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of new Set(files)) {
    const bytes = await readFile(path.join(browserDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return { files: [...new Set(files)], raw, gzip, brotli };
}

async function fonts(browserDir: string): Promise<{ name: string; bytes: number }[]> {
  const found: { name: string; bytes: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.(woff2?|ttf|otf|eot)$/.test(entry.name))
        found.push({ name: path.relative(browserDir, full), bytes: (await stat(full)).size });
    }
  };
  await walk(browserDir);
  return found.sort((a, b) => b.bytes - a.bytes);
}

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

/** Builds both apps and returns the figures (the caller prints them). */
export async function benchClientWeight(): Promise<WeightFigure[]> {
  const tmp = await mkdtemp(path.join(process.env['TMPDIR'] ?? tmpdir(), 'ft-client-weight-'));
  try {
    const refDir = path.join(tmp, 'reference');
    await referenceWorkspace(refDir);
    // One after the other: two Angular builds at once would fight over two cores.
    await ngBuild(ROOT, path.join(tmp, 'facettrack-out'));
    await ngBuild(refDir, path.join(tmp, 'reference-out'));
    const app = await initialJs(path.join(tmp, 'facettrack-out', 'browser'));
    const ref = await initialJs(path.join(tmp, 'reference-out', 'browser'));
    const appFonts = await fonts(path.join(tmp, 'facettrack-out', 'browser'));
    const largest = appFonts[0] ?? { name: '(none)', bytes: 0 };
    const icon = appFonts.find((f) => /material-symbols/.test(f.name)) ?? {
      name: '(none)',
      bytes: 0,
    };
    const ratio = app.gzip / ref.gzip;
    return [
      {
        label: `initial JS gzip (${app.files.length} files, ${kB(app.raw)} raw, ${kB(app.brotli)} brotli)`,
        value: kB(app.gzip),
        reference: `${kB(ref.gzip)} bare Angular + Material (${ref.files.length} files, ${kB(ref.raw)} raw, ${kB(ref.brotli)} brotli)`,
        ratio,
        ok: ratio <= MAX_INITIAL_RATIO,
      },
      {
        label: `largest font (${largest.name})`,
        value: kB(largest.bytes),
        reference: `${kB(MAX_FONT_BYTES)} limit`,
        ratio: largest.bytes / MAX_FONT_BYTES,
        ok: largest.bytes <= MAX_FONT_BYTES,
      },
      {
        label: `icon font (${icon.name})`,
        value: kB(icon.bytes),
        reference: `${kB(MAX_ICON_FONT_BYTES)} limit`,
        ratio: icon.bytes / MAX_ICON_FONT_BYTES,
        ok: icon.bytes > 0 && icon.bytes < MAX_ICON_FONT_BYTES,
      },
    ];
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Prints each figure, its reference and the ratio; true when every target is met. */
export async function printClientWeight(): Promise<boolean> {
  const figures = await benchClientWeight();
  for (const f of figures)
    console.log(
      `${f.label}: ${f.value} vs ${f.reference}${f.ratio === null ? '' : ` = ${f.ratio.toFixed(2)}x`}  ${f.ok ? 'ok' : 'OVER'}`,
    );
  return figures.every((f) => f.ok);
}

if (import.meta.main) process.exit((await printClientWeight()) ? 0 : 1);
