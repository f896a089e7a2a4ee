import type { Role } from '@domain';

/** One card on the home page: what a role can do here now, or what is coming. */
export interface HomeCard {
  readonly title: string;
  readonly text: string;
  readonly icon: string;
  /** Present when the card leads somewhere that exists today. */
  readonly link?: { readonly route: string; readonly label: string };
}

/** Honest, short: what each role will find, from design.md "Who uses it". */
export const HOME_CARDS: Readonly<Record<Role, readonly HomeCard[]>> = {
  nurse: [
    {
      icon: 'groups',
      title: 'Patients',
      text: 'Register patients, open an episode, record conservative care and move it along the pathway.',
      link: { route: '/patients', label: 'Open patients' },
    },
    {
      icon: 'event_note',
      title: 'Worklist (coming next)',
      text: "Today's procedures, pain diaries and follow-up calls due, with what is overdue.",
      link: { route: '/worklist', label: 'Open worklist' },
    },
    {
      icon: 'speed',
      title: 'Pain scores (coming next)',
      text: 'Record baseline and post-procedure scores in seconds, by keyboard or tablet.',
    },
  ],
  physician: [
    {
      icon: 'timeline',
      title: 'Patient timeline',
      text: 'Stages, conservative care, function scores and return to running in one view; procedures and relief charts come next.',
      link: { route: '/patients', label: 'Open patients' },
    },
    {
      icon: 'query_stats',
      title: 'Outcomes',
      text: 'Peak relief per block, verdicts under each rule set, MBB to RFA conversion and RFA durability across patients.',
      link: { route: '/outcomes', label: 'Open outcomes' },
    },
    {
      icon: 'fact_check',
      title: 'Block verdicts (coming next)',
      text: 'Each diagnostic block judged against the rule set, with the evidence, ready to sign.',
    },
  ],
  manager: [
    {
      icon: 'monitoring',
      title: 'Practice dashboard',
      text: 'Volumes, positive-block and conversion rates, follow-up completion: aggregate and de-identified.',
      link: { route: '/practice-dashboard', label: 'Open dashboard' },
    },
  ],
  admin: [
    {
      icon: 'manage_accounts',
      title: 'Users',
      text: 'Create accounts, change roles, unlock, deactivate and reset passwords.',
      link: { route: '/admin/users', label: 'Manage users' },
    },
    {
      icon: 'policy',
      title: 'Audit log',
      text: 'Every sign-in and change, who and when, and a check that the log has not been altered.',
      link: { route: '/admin/audit', label: 'Open audit log' },
    },
  ],
};
