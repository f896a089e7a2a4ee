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
      icon: 'checklist',
      title: 'Worklist',
      text: "Today's procedures, pain diaries and follow-up calls due, with what is overdue; each diary opens from its row.",
      link: { route: '/worklist', label: 'Open worklist' },
    },
    {
      icon: 'speed',
      title: 'Pain diaries',
      text: 'Record baseline and post-procedure scores in seconds, by keyboard or tablet: open the diary from the worklist or from the patient’s procedures.',
      link: { route: '/worklist', label: 'Diaries due today' },
    },
    {
      icon: 'groups',
      title: 'Patients',
      text: 'Register patients, open an episode, record conservative care and move it along the pathway.',
      link: { route: '/patients', label: 'Open patients' },
    },
  ],
  physician: [
    {
      icon: 'timeline',
      title: 'Patient timeline',
      text: 'Stages, conservative care, procedures with their relief charts, function scores and return to running in one view.',
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
      title: 'Block verdicts',
      text: 'Each diagnostic block judged against the rule set, per side, with the evidence and every payer check, ready to sign: open a procedure from the patient record.',
      link: { route: '/patients', label: 'Find a patient' },
    },
    {
      icon: 'checklist',
      title: 'Worklist and overdue digest',
      text: 'Planned procedures, diaries and follow-ups of the day, and what has slipped.',
      link: { route: '/worklist', label: 'Open worklist' },
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
    {
      icon: 'rule',
      title: 'Rule sets',
      text: 'Thresholds, diary time points and conservative-care length, with each setting’s source.',
      link: { route: '/admin/rule-sets', label: 'Open rule sets' },
    },
    {
      icon: 'schedule',
      title: 'Overdue digest',
      text: 'Diaries and follow-ups past due across the practice.',
      link: { route: '/overdue-digest', label: 'Open digest' },
    },
    {
      icon: 'cloud_download',
      title: 'Practice export',
      text: 'The whole practice as FHIR NDJSON or CSV, audited.',
      link: { route: '/admin/exports', label: 'Open exports' },
    },
  ],
};
