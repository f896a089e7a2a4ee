import { citedSources } from './sources.ts';

describe('citedSources (domain.md "Sources")', () => {
  const cases: [string, string, { number: number; reference: string | null }[]][] = [
    ['no citation', 'Practice policy', []],
    ['one', 'ASIPP guidance [23]', [{ number: 23, reference: 'ASIPP guidance.' }]],
    [
      'several, in order, repeats once',
      'Medicare LCD [6][1][15] and again [6]',
      [
        { number: 6, reference: 'CGS "Pathway to an RFA Request" (2023).' },
        {
          number: 1,
          reference: 'Noridian JE prior-authorization page, facet joint interventions.',
        },
        { number: 15, reference: 'First Coast article A57787.' },
      ],
    ],
    ['a number not in the list', 'Somewhere [99]', [{ number: 99, reference: null }]],
    ['not a citation', 'Dose [a] or [1234]', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => expect(citedSources(text)).toEqual(expected));
  }
});
