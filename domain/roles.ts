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
  /** Ending the pathway (not facet-mediated, discharged) is a physician's decision (issue 10, defect 9). */
  'episodes:close': ['physician'],
  /** Correcting a pain score a physician's signed interpretation rests on (issue 10, defect 9). */
  'signed-scores:correct': ['physician'],
  'reports:aggregate': ['manager', 'physician'],
  /** Cohort outcomes carry patient and procedure ids (a bar opens the procedure): physicians only. */
  'reports:outcomes': ['physician'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
  'rule-sets:manage': ['admin'],
  'settings:manage': ['admin'],
  // Exports carry whole records out of the product: the physician for a patient, the admin for the practice.
  'patients:export': ['physician', 'admin'],
  'practice:export': ['admin'],
  // issue 12: the nurse's day (worklist, follow-ups, booking for the physician); the overdue digest
  'worklist:read': ['nurse', 'physician'],
  'follow-ups:write': ['nurse', 'physician'],
  'procedures:plan': ['nurse', 'physician'],
  'digest:read': ['physician', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Stages that end the facet pathway; moving an episode there needs `episodes:close`. */
export const CLOSING_STAGES: readonly string[] = ['not-facet-mediated', 'discharged'];

/** The permission a move to stage `to` needs: ending the pathway is the physician's call. */
export function stageMovePermission(to: string): Permission {
  return CLOSING_STAGES.includes(to) ? 'episodes:close' : 'patients:write';
}

/** True when `role` holds `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission a role holds, in declaration order. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(role, p));
}

/** What each permission lets a user do, in words an administrator reads before changing a role. */
export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'patients:read': 'see patient records',
  'patients:write': 'register patients and record care and pain scores',
  'procedures:write': 'record procedures',
  'interpretations:sign': 'sign interpretations',
  'episodes:close': 'end a patient’s pathway',
  'signed-scores:correct': 'correct scores a signed interpretation rests on',
  'reports:aggregate': 'see the practice dashboard',
  'reports:outcomes': 'review outcomes across patients',
  'users:manage': 'manage users',
  'audit:read': 'read the audit log',
  'rule-sets:manage': 'manage rule sets',
  'settings:manage': 'change practice settings',
  'patients:export': 'export patient records',
  'practice:export': 'export the whole practice',
  'worklist:read': 'use the worklist',
  'follow-ups:write': 'record follow-up calls',
  'procedures:plan': 'book procedures',
  'digest:read': 'see the overdue digest',
};

/** What a user gains and loses when their role changes from `from` to `to`, in words. */
export function roleChangeEffects(from: Role, to: Role): { gains: string[]; loses: string[] } {
  const before = new Set(permissionsOf(from));
  const after = new Set(permissionsOf(to));
  return {
    gains: [...after].filter((p) => !before.has(p)).map((p) => PERMISSION_LABELS[p]),
    loses: [...before].filter((p) => !after.has(p)).map((p) => PERMISSION_LABELS[p]),
  };
}
