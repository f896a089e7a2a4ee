import type { Permission } from '@domain';

/** One entry in the side navigation. */
export interface NavItem {
  readonly label: string;
  /** A Material Symbols (outlined) name. */
  readonly icon: string;
  readonly route: string;
  /** Who sees the item; absent means everyone signed in. The route guard enforces it too. */
  readonly permission?: Permission;
}

/** The side navigation, in order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', icon: 'home', route: '/' },
  { label: 'Worklist', icon: 'checklist', route: '/worklist', permission: 'worklist:read' },
  { label: 'Patients', icon: 'groups', route: '/patients', permission: 'patients:read' },
  {
    label: 'Overdue digest',
    icon: 'schedule',
    route: '/overdue-digest',
    permission: 'digest:read',
  },
  {
    label: 'Dashboard',
    icon: 'monitoring',
    route: '/practice-dashboard',
    permission: 'reports:aggregate',
  },
  { label: 'Outcomes', icon: 'query_stats', route: '/outcomes', permission: 'reports:outcomes' },
  { label: 'Users', icon: 'manage_accounts', route: '/admin/users', permission: 'users:manage' },
  { label: 'Audit log', icon: 'policy', route: '/admin/audit', permission: 'audit:read' },
  { label: 'Rule sets', icon: 'rule', route: '/admin/rule-sets', permission: 'rule-sets:manage' },
  {
    label: 'Practice export',
    icon: 'cloud_download',
    route: '/admin/exports',
    permission: 'practice:export',
  },
];
