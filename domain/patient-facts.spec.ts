import { ageOn, monthsBetween, searchKey } from './patient-facts.ts';

describe('patient facts', () => {
  const ages: [string, string, number][] = [
    ['1990-06-15', '2026-06-14', 35],
    ['1990-06-15', '2026-06-15', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-01-01', '2026-01-01', 0],
  ];
  for (const [birth, on, age] of ages)
    it(`born ${birth}, on ${on}: ${age}`, () => expect(ageOn(birth, on)).toBe(age));

  const months: [string, string, number][] = [
    ['2026-01-15', '2026-04-14', 2],
    ['2026-01-15', '2026-04-15', 3],
    ['2025-11-30', '2026-02-28', 2],
    ['2025-12-01', '2026-03-01', 3],
  ];
  for (const [from, to, n] of months)
    it(`${from} -> ${to}: ${n} months`, () => expect(monthsBetween(from, to)).toBe(n));

  it('search keys ignore case and accents', () => {
    expect(searchKey(' Zoë Łopez-MÜLLER ')).toBe('zoe łopez-muller');
    expect(searchKey('José')).toBe(searchKey('jose'));
  });
});
