import { compareBlocks, FACET_LEVELS, sedationConfounds } from './procedures.ts';

describe('facet levels by region', () => {
  it('lists the cervical, thoracic and lumbar levels with their junctions', () => {
    expect(FACET_LEVELS.cervical).toEqual(['C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1']);
    expect(FACET_LEVELS.thoracic.at(0)).toBe('T1-T2');
    expect(FACET_LEVELS.thoracic.at(-1)).toBe('T12-L1');
    expect(FACET_LEVELS.lumbar).toEqual(['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']);
  });
});

describe('any sedation confounds a diagnostic block', () => {
  const table: [Parameters<typeof sedationConfounds>[0], boolean][] = [
    ['none', false],
    ['minimal', true],
    ['moderate', true],
    ['deep', true],
  ];
  for (const [level, confounds] of table)
    it(`${level}: ${confounds}`, () => expect(sedationConfounds(level)).toBe(confounds));
});

describe('comparative blocks (domain.md section 3)', () => {
  const table: [
    string,
    Parameters<typeof compareBlocks>[0],
    Parameters<typeof compareBlocks>[1],
    string,
  ][] = [
    [
      'lidocaine 2 h then bupivacaine 6 h',
      { agent: 'lidocaine', reliefDurationMinutes: 120 },
      { agent: 'bupivacaine', reliefDurationMinutes: 360 },
      'concordant',
    ],
    [
      'bupivacaine first, lidocaine second, longer with bupivacaine',
      { agent: 'bupivacaine', reliefDurationMinutes: 360 },
      { agent: 'lidocaine', reliefDurationMinutes: 60 },
      'concordant',
    ],
    [
      'equal durations are discordant',
      { agent: 'lidocaine', reliefDurationMinutes: 120 },
      { agent: 'ropivacaine', reliefDurationMinutes: 120 },
      'discordant',
    ],
    [
      'longer with lidocaine is discordant',
      { agent: 'lidocaine', reliefDurationMinutes: 300 },
      { agent: 'bupivacaine', reliefDurationMinutes: 60 },
      'discordant',
    ],
    [
      'two long-acting agents',
      { agent: 'bupivacaine', reliefDurationMinutes: 300 },
      { agent: 'ropivacaine', reliefDurationMinutes: 60 },
      'not-assessable',
    ],
    [
      'an "other" agent',
      { agent: 'other', reliefDurationMinutes: 300 },
      { agent: 'lidocaine', reliefDurationMinutes: 60 },
      'not-assessable',
    ],
    [
      'no relief at threshold after one block',
      { agent: 'lidocaine', reliefDurationMinutes: null },
      { agent: 'bupivacaine', reliefDurationMinutes: 60 },
      'not-assessable',
    ],
  ];
  for (const [name, first, second, result] of table)
    it(`${name} -> ${result}`, () => expect(compareBlocks(first, second).result).toBe(result));
});
