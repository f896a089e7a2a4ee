import { formatDate } from '../../../shared/format/date-format.ts';
import type { PatientView } from '@domain';

/** A CSS string literal: quotes, backslashes and line breaks escaped, so a name cannot end it. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The running header and footer of the printed report (CSS paged media margin boxes): the patient's
 * name, MRN and date of birth at the top of every page, and "Page N of M" at the foot, so a loose page
 * 2 or 3 is never without its patient. Applied through the CSSOM (a constructed style sheet), which the
 * strict style-src policy allows, because the text differs per patient.
 */
export function printMarginsCss(patient: PatientView, title: string): string {
  const born = formatDate(patient.birthDate, 'd MMM y', 'UTC');
  const who = `${patient.familyName}, ${patient.givenName} · MRN ${patient.mrn} · born ${born}`;
  const box = 'font: 9pt Roboto, sans-serif; color: #1d1b20;';
  return [
    '@page {',
    '  margin: 18mm 12mm 16mm;',
    `  @top-left { content: ${cssString(who)}; ${box} }`,
    `  @top-right { content: ${cssString(title)}; ${box} }`,
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} }`,
    `  @bottom-left { content: ${cssString(`${patient.familyName}, ${patient.givenName} · MRN ${patient.mrn}`)}; ${box} }`,
    '}',
  ].join('\n');
}
