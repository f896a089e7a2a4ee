/**
 * The reference list behind the clinical rules (domain.md "Sources"), so a citation such as "[23]"
 * on screen can be read in full. Keys are the numbers used in domain.md and in rule-set sources.
 */
export const SOURCE_REFERENCES: Readonly<Record<number, string>> = {
  1: 'Noridian JE prior-authorization page, facet joint interventions.',
  3: 'Noridian Q&A on the facet LCD.',
  4: 'CGS OPD facet page.',
  5: 'CGS facet FAQ.',
  6: 'CGS "Pathway to an RFA Request" (2023).',
  9: 'NGS prior authorization details.',
  10: 'Palmetto facet checklist.',
  11: 'ASRA "New coverage policies for facet joint interventions" (2021).',
  12: 'LCD text quoted in a physicians\u2019 forum (secondary).',
  13: 'Summary of billing article A57826 (secondary).',
  15: 'First Coast article A57787.',
  16: 'Cohen et al. 2020, lumbar facet consensus (Reg Anesth Pain Med).',
  17: 'Hurley et al. 2021, cervical facet consensus.',
  18: 'Chapter on controls for diagnostic blocks.',
  20: 'Barnsley 1993.',
  23: 'ASIPP guidance.',
  24: '2022 multicenter lidocaine vs bupivacaine diary study.',
  27: 'UW Health patient sheet 5656.',
  28: 'Midwest Spine MBB page.',
  34: 'Farrar 2001.',
  35: 'Salaffi 2004.',
  37: 'ODI bands and scoring.',
  38: 'Mannion 2005.',
  39: 'Vernon, Neck Disability Index.',
  40: 'UWRI (PubMed 33115339).',
  49: 'ASRA interventional pain anticoagulation guideline 2018.',
  50: 'ASA statement on anesthetic care in interventional pain.',
  51: 'Kornick 2004.',
  52: 'Facet procedure adverse events cohort (PMC6543534).',
  53: 'eviCore CMM-208.',
  54: 'CAM 137HB.',
  56: 'SIS conscious sedation fact finder.',
};

/** One citation found in a text, with its full reference (or null when the number is not listed). */
export interface CitedSource {
  readonly number: number;
  readonly reference: string | null;
}

/** The citations ("[6][1][15]") in a text, in order of first appearance, each with its reference. */
export function citedSources(text: string): CitedSource[] {
  const numbers = [...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
  return [...new Set(numbers)].map((number) => ({
    number,
    reference: SOURCE_REFERENCES[number] ?? null,
  }));
}
