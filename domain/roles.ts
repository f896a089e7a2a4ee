/** The four kinds of user and what each may do (design.md, "Who uses it"). */
export const ROLES = ['nurse', 'physician', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Human labels for roles, for menus and tables. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  nurse: 'Nurse',
  physician: 'Physician',
  manager: 'Practice manager',
  admin: 'Administrator',
};

/**
 * Which roles hold each permission. The server enforces these on every route; the client only uses
 * them to hide what a role cannot do. Managers never receive identifiable patient data.
 */
export const PERMISSIONS = {
  'patients:read': ['nurse', 'physician'],
  'patients:write': ['nurse', 'physician'],
  'procedures:write': ['physician'],
  'interpretations:sign': ['physician'],
  'reports:aggregate': ['manager', 'physician'],
  /** Cohort outcomes carry patient and procedure ids (a bar opens the procedure): physicians only. */
  'reports:outcomes': ['physician'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
  'rule-sets:manage': ['admin'],
  'settings:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** True when `role` holds `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission a role holds, in declaration order. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(role, p));
}
