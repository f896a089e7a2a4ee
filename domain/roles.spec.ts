import {
  hasPermission,
  type Permission,
  permissionsOf,
  type Role,
  roleChangeEffects,
  ROLES,
  stageMovePermission,
} from './roles.ts';

describe('roles and permissions (design.md, "Who uses it")', () => {
  // One row a permission: which roles hold it. A change here is a security decision.
  const table: [Permission, Role[]][] = [
    ['patients:read', ['nurse', 'physician']],
    ['patients:write', ['nurse', 'physician']],
    ['procedures:write', ['physician']],
    ['interpretations:sign', ['physician']],
    ['episodes:close', ['physician']],
    ['signed-scores:correct', ['physician']],
    ['reports:aggregate', ['manager', 'physician']],
    ['reports:outcomes', ['physician']],
    ['users:manage', ['admin']],
    ['audit:read', ['admin']],
    ['rule-sets:manage', ['admin']],
    ['patients:export', ['physician', 'admin']],
    ['practice:export', ['admin']],
  ];
  for (const [permission, holders] of table) {
    for (const role of ROLES) {
      const expected = holders.includes(role);
      it(`${role} ${expected ? 'holds' : 'does not hold'} ${permission}`, () => {
        expect(hasPermission(role, permission)).toBe(expected);
      });
    }
  }

  const moves: [string, Permission][] = [
    ['not-facet-mediated', 'episodes:close'],
    ['discharged', 'episodes:close'],
    ['conservative-care', 'patients:write'],
    ['diagnostic-blocks', 'patients:write'],
    ['treatment', 'patients:write'],
  ];
  for (const [to, permission] of moves) {
    it(`a move to ${to} needs ${permission}`, () =>
      expect(stageMovePermission(to)).toBe(permission));
  }

  it('never lets a manager read identifiable patient data', () => {
    expect(permissionsOf('manager')).toEqual(['reports:aggregate']);
  });

  describe('what a role change gives and takes (said before an admin confirms it)', () => {
    it('the same role changes nothing', () =>
      expect(roleChangeEffects('nurse', 'nurse')).toEqual({ gains: [], loses: [] }));
    it('nurse to manager loses every patient permission and gains only aggregates', () => {
      const { gains, loses } = roleChangeEffects('nurse', 'manager');
      expect(gains).toEqual(['see the practice dashboard']);
      expect(loses).toContain('see patient records');
      expect(loses).toContain('use the worklist');
    });
    it('nurse to physician only gains', () => {
      const { gains, loses } = roleChangeEffects('nurse', 'physician');
      expect(loses).toEqual([]);
      expect(gains).toContain('record procedures');
      expect(gains).toContain('sign interpretations');
    });
    it('names every permission in words', () => {
      for (const role of ROLES)
        for (const other of ROLES) {
          const { gains, loses } = roleChangeEffects(role, other);
          for (const words of [...gains, ...loses]) expect(words).toMatch(/^[a-z][a-z ’-]+$/);
        }
    });
  });
});
