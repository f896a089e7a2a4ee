/**
 * `npm run icons` (and the first step of `npm run build`): cuts the Material Symbols (outlined) font,
 * 4 MB with every icon on four variable axes, down to the icons this UI names, pinned to the one style
 * it draws (FILL 0, weight 400, grade 0, optical size 24). `<mat-icon>name</mat-icon>` keeps working:
 * the subset keeps the letters and, for each icon, its private-use code point, and with layout closure
 * off the ligature rules survive only for the icons kept (with closure on, every ligature spelled from
 * those letters would come back, i.e. the whole font).
 *
 * Icon names are found in the client's templates and code: the text of `<mat-icon>` (quoted names in
 * an interpolation too), `icon="..."` attributes, and `icon: '...'`, `icon = input('...')` and the
 * values of `const ..._ICONS = {...}` tables in TypeScript. A name the font does not know fails the script.
 *
 * `node scripts/icon-font.ts --check` writes nothing and exits 1 when the committed font does not hold
 * exactly the icons the code uses (run by `npm test`). The output is deterministic, so a regenerated
 * font only shows up in git when the icons changed.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Blob, Buffer as ShapeBuffer, Face, Font, shape } from 'harfbuzzjs';
import subsetFont from 'subset-font';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCAN_DIR = path.join(ROOT, 'src', 'app');
const OUT_DIR = path.join(ROOT, 'src', 'styles', 'fonts');
export const FONT_FILE = path.join(OUT_DIR, 'material-symbols-subset.woff2');
export const MANIFEST_FILE = path.join(OUT_DIR, 'material-symbols-subset.json');
const SOURCE_FONT = createRequire(import.meta.url).resolve(
  'material-symbols/material-symbols-outlined.woff2',
);
/** The one instance the UI draws (the material-symbols CSS defaults). */
const AXES = { FILL: 0, wght: 400, GRAD: 0, opsz: 24 };
/** Every character a ligature name is spelled with. */
const LIGATURE_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_';

const NAME = '[a-z0-9_]+';
const PATTERNS: { files: RegExp; find: RegExp; inner?: RegExp }[] = [
  // <mat-icon ...>name</mat-icon>, or the quoted names an interpolation inside it yields
  // ({{ 'name' }}, either branch of a ternary; not the operands of a comparison).
  {
    files: /\.(html|ts)$/,
    find: /<mat-icon\b[^>]*>([\s\S]*?)<\/mat-icon>/g,
    inner: new RegExp(`^\\s*(${NAME})\\s*$|(?:\\{\\{|[?:])\\s*'(${NAME})'`, 'g'),
  },
  // A widget's icon input given as a plain attribute: <app-notice-panel icon="error">.
  { files: /\.(html|ts)$/, find: new RegExp(`\\sicon="(${NAME})"`, 'g') },
  // Icon names kept in data (nav items, status displays) and input defaults.
  {
    files: /\.ts$/,
    find: new RegExp(`\\bicon:\\s*'(${NAME})'|\\bicon = input\\('(${NAME})'`, 'g'),
  },
  // Lookup tables named for icons: const STAGE_ICONS = { intake: 'assignment_ind', ... }.
  {
    files: /\.ts$/,
    find: /\b[A-Z_]*ICONS?\b[^=]*=\s*\{([^}]*)\}/g,
    inner: new RegExp(`:\\s*'(${NAME})'`, 'g'),
  },
];

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') out.push(...(await sourceFiles(full)));
    } else if (/\.(html|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) out.push(full);
  }
  return out.sort();
}

/** Every icon name the client's templates and code use, sorted. */
export async function usedIconNames(): Promise<string[]> {
  const names = new Set<string>();
  for (const file of await sourceFiles(SCAN_DIR)) {
    const text = await readFile(file, 'utf8');
    for (const { files, find, inner } of PATTERNS) {
      if (!files.test(file)) continue;
      for (const match of text.matchAll(find)) {
        const groups = inner
          ? [...match[1]!.matchAll(inner)].flatMap((m) => m.slice(1))
          : match.slice(1);
        for (const name of groups) if (name) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** Code point of each icon in the full font, found by shaping its name as the browser will. */
function codePoints(ttf: Uint8Array, names: string[]): Map<string, number> {
  const font = new Font(new Face(new Blob(ttf), 0));
  const face = new Face(new Blob(ttf), 0);
  const unicodeOfGlyph = new Map<number, number>();
  for (const unicode of face.collectUnicodes()) {
    const glyph = font.nominalGlyph(unicode);
    // Icons live in the private-use areas; the letters map to their own glyphs.
    if (glyph !== undefined && unicode >= 0xe000) unicodeOfGlyph.set(glyph, unicode);
  }
  const result = new Map<string, number>();
  const unknown: string[] = [];
  for (const name of names) {
    const buffer = new ShapeBuffer();
    buffer.addText(name);
    buffer.guessSegmentProperties();
    shape(font, buffer);
    const glyphs = buffer.getGlyphInfos();
    const unicode = glyphs.length === 1 ? unicodeOfGlyph.get(glyphs[0]!.codepoint) : undefined;
    if (unicode === undefined) unknown.push(name);
    else result.set(name, unicode);
  }
  if (unknown.length) throw new Error(`Not Material Symbols icon names: ${unknown.join(', ')}`);
  return result;
}

export interface IconManifest {
  source: string;
  axes: typeof AXES;
  icons: Record<string, string>;
}

async function readManifest(): Promise<IconManifest | null> {
  try {
    return JSON.parse(await readFile(MANIFEST_FILE, 'utf8')) as IconManifest;
  } catch {
    return null;
  }
}

async function sourceVersion(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(path.join(path.dirname(SOURCE_FONT), 'package.json'), 'utf8'),
  ) as { version: string };
  return `material-symbols ${pkg.version} outlined`;
}

/** Writes the subset font and its manifest; returns the font's size in bytes. */
export async function buildIconFont(names: string[]): Promise<number> {
  const woff2 = await readFile(SOURCE_FONT);
  // HarfBuzz's shaper reads TrueType, not woff2: the whole font, only unpacked.
  const points = codePoints(
    await subsetFont(woff2, '', { keepAllGlyphs: true, targetFormat: 'truetype' }),
    names,
  );
  const text = LIGATURE_LETTERS + String.fromCodePoint(...points.values());
  const subset = await subsetFont(woff2, text, {
    targetFormat: 'woff2',
    noLayoutClosure: true,
    variationAxes: AXES,
  });
  const manifest: IconManifest = {
    source: await sourceVersion(),
    axes: AXES,
    icons: Object.fromEntries([...points].map(([name, unicode]) => [name, unicode.toString(16)])),
  };
  await writeFile(FONT_FILE, subset);
  await writeFile(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  return subset.length;
}

/** What is wrong with the committed font, or an empty list when it holds exactly the icons used. */
export async function checkIconFont(): Promise<string[]> {
  const [names, manifest, source] = await Promise.all([
    usedIconNames(),
    readManifest(),
    sourceVersion(),
  ]);
  if (!manifest) return [`${path.relative(ROOT, MANIFEST_FILE)} is missing`];
  const have = new Set(Object.keys(manifest.icons));
  const problems: string[] = [];
  const missing = names.filter((n) => !have.has(n));
  const unused = [...have].filter((n) => !names.includes(n));
  if (missing.length) problems.push(`icons used but not in the font: ${missing.join(', ')}`);
  if (unused.length) problems.push(`icons in the font but no longer used: ${unused.join(', ')}`);
  if (manifest.source !== source)
    problems.push(`font cut from ${manifest.source}, installed is ${source}`);
  return problems;
}

if (import.meta.main) {
  if (process.argv.includes('--check')) {
    const problems = await checkIconFont();
    for (const p of problems) console.error(`icon font: ${p}`);
    if (problems.length) console.error('Run `npm run icons` and commit src/styles/fonts/.');
    else console.log('icon font: up to date');
    process.exit(problems.length ? 1 : 0);
  }
  const names = await usedIconNames();
  const bytes = await buildIconFont(names);
  console.log(
    `icon font: ${names.length} icons, ${(bytes / 1024).toFixed(1)} kB (${path.relative(ROOT, FONT_FILE)})`,
  );
}
