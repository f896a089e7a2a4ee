/** Audit events in words for the admin: "Read procedure", details as "Role: physician". */

const AUTH_ACTIONS: Readonly<Record<string, string>> = {
  'auth.login': 'Signed in',
  'auth.login-failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'auth.locked': 'Account locked',
  'auth.lock-spared': 'Lockout spared (last admin)',
  'access.denied': 'Refused access to patient data',
  'audit.verify': 'Checked the audit log',
  'worklist.read': 'Read the worklist',
  'digest.read': 'Read the overdue digest',
  'practice.seed': 'Seeded an invented practice',
  'report.read': 'Read a practice report',
  'diary-link.create': 'Created a diary link',
  'diary-link.revoke': 'Revoked a diary link',
  'diary-link.read': 'Patient opened a diary link',
  'diary-link.refused': 'Refused a diary link',
};

/** What each verb of an action code reads as, before the record's name. */
const VERBS: Readonly<Record<string, string>> = {
  read: 'Read',
  search: 'Searched',
  create: 'Created',
  update: 'Updated',
  'entered-in-error': 'Marked entered in error:',
  stage: 'Moved the stage of',
  'intake-update': 'Updated the intake of',
  sign: 'Signed',
  default: 'Made default:',
  'password-reset': 'Reset the password of',
  'export-fhir': 'Exported as FHIR:',
  'export-csv': 'Exported as CSV:',
  'bulk-start': 'Started a practice export',
  'bulk-patients': 'Exported patients in bulk',
  'bulk-download': 'Downloaded a practice export file',
  result: 'Recorded the result of',
  'no-answer': 'No answer for',
  reschedule: 'Rescheduled',
  cancel: 'Cancelled',
  baseline: 'Recorded the baseline of',
};

/** "procedure.read" reads "Read procedure"; an unknown code is shown as it is. */
export function auditActionText(action: string): string {
  if (AUTH_ACTIONS[action]) return AUTH_ACTIONS[action];
  const [record, verb] = action.split('.') as [string, string | undefined];
  const words = VERBS[verb ?? ''];
  if (!words) return action;
  return record === 'export' ? words : `${words} ${record.replace(/-/g, ' ')}`;
}

/** "procedureId" reads "Procedure id". */
const fieldWords = (key: string) => {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/** An event's details as readable fields ("Role: physician · Patient ids: 3, 4"), nested values as compact JSON. */
export function auditDetailsText(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const text = Array.isArray(value)
        ? value.join(', ')
        : value !== null && typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
      return `${fieldWords(key)}: ${text}`;
    })
    .join(' · ');
}
