import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.ts';

// Issue 11, part 4: the browser gets compressed, long-cached assets and a small icon font whose
// ligatures still draw icons. A mat-icon whose name is missing from the subset font would render the
// name as letters, several times wider than the 24 px glyph: that is what the icon check catches.

/** Every visible <mat-icon> whose text did not become a single icon glyph, with its width. */
async function iconsDrawnAsText(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.locator('mat-icon').evaluateAll((icons) =>
    icons
      .filter((icon) => icon.getBoundingClientRect().width > 0)
      .map((icon) => {
        // The width of the text itself, not of the element (an avatar icon is a 40 px box).
        const range = document.createRange();
        range.selectNodeContents(icon);
        return { icon, width: range.getBoundingClientRect().width };
      })
      .filter(({ icon, width }) => width > parseFloat(getComputedStyle(icon).fontSize) * 1.25)
      .map(({ icon, width }) => `${icon.textContent?.trim()} (${Math.round(width)}px)`),
  );
}

test('icons draw from the subset font on the pages a nurse and a physician use', async ({
  page,
}) => {
  const fonts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (/\.woff2$/.test(response.url()))
      fonts.push({ url: response.url(), bytes: (await response.body()).length });
  });
  await signIn(page, 'physician');
  expect(await iconsDrawnAsText(page)).toEqual([]);
  await page.getByRole('link', { name: 'Patients' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await iconsDrawnAsText(page)).toEqual([]);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font.bytes, font.url).toBeLessThan(100 * 1024);
});

test('scripts and styles arrive compressed and cached for a year; index.html is revalidated', async ({
  page,
  request,
}) => {
  const assets: { url: string; encoding?: string; cache?: string }[] = [];
  page.on('response', (response) => {
    if (/\.(js|css)$/.test(new URL(response.url()).pathname)) {
      const headers = response.headers();
      assets.push({
        url: response.url(),
        encoding: headers['content-encoding'],
        cache: headers['cache-control'],
      });
    }
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(assets.length).toBeGreaterThan(2);
  for (const asset of assets) {
    // Chromium offers brotli on secure origins (127.0.0.1 counts), gzip elsewhere.
    expect(['br', 'gzip'], asset.url).toContain(asset.encoding);
    expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
  }
  const index = await request.get('/login', { headers: { 'accept-encoding': 'br' } });
  expect(index.headers()['cache-control']).toBe('no-cache');
});
