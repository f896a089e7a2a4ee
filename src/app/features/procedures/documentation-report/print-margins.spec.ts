import type { PatientView } from '@domain';
import { cssString, printMarginsCss } from './print-margins.ts';

const patient = {
  id: '1',
  mrn: 'DEMO-1001',
  givenName: 'Maya',
  familyName: 'Okafor',
  birthDate: '1980-03-02',
} as PatientView;

describe('printMarginsCss (running header and footer of the printed report)', () => {
  it('puts name, MRN and date of birth at the top and "Page N of M" at the foot of every page', () => {
    const css = printMarginsCss(patient, 'Facet joint intervention documentation');
    expect(css).toContain('@top-left { content: "Okafor, Maya · MRN DEMO-1001 · born 2 Mar 1980";');
    expect(css).toContain('@top-right { content: "Facet joint intervention documentation";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(css).toContain('@bottom-left { content: "Okafor, Maya · MRN DEMO-1001";');
  });

  it('keeps a name with quotes or backslashes inside its string', () => {
    for (const [text, css] of [
      ['O"Neil', '"O\\"Neil"'],
      ['back\\slash', '"back\\\\slash"'],
      ['two\nlines', '"two lines"'],
      ['Ibáñez', '"Ibáñez"'],
    ] as const) {
      expect(cssString(text)).toBe(css);
    }
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(printMarginsCss({ ...patient, familyName: 'O"Neil}' }, 'x'));
    expect(sheet.cssRules.length).toBe(1);
  });
});
