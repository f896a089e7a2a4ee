import { hasPermission, type Permission, permissionsOf, type Role, ROLES } from './roles.ts';

describe('roles and permissions (design.md, "Who uses it")', () => {
  // One row a permission: which roles hold it. A change here is a security decision.
  const table: [Permission, Role[]][] = [
    ['patients:read', ['nurse', 'physician']],
    ['patients:write', ['nurse', 'physician']],
    ['procedures:write', ['physician']],
    ['interpretations:sign', ['physician']],
    ['reports:aggregate', ['manager', 'physician']],
    ['reports:outcomes', ['physician']],
    ['users:manage', ['admin']],
    ['audit:read', ['admin']],
    ['rule-sets:manage', ['admin']],
  ];
  for (const [permission, holders] of table) {
    for (const role of ROLES) {
      const expected = holders.includes(role);
      it(`${role} ${expected ? 'holds' : 'does not hold'} ${permission}`, () => {
        expect(hasPermission(role, permission)).toBe(expected);
      });
    }
  }

  it('never lets a manager read identifiable patient data', () => {
    expect(permissionsOf('manager')).toEqual(['reports:aggregate']);
  });
});
