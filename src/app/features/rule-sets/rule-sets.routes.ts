import type { Routes } from '@angular/router';
import { RuleSetsStore } from './data/rule-sets-store.ts';
import { RuleSetListPage } from './rule-set-list/rule-set-list-page.ts';

/** Rule-set administration (permission rule-sets:manage, checked on the parent route and by the server). */
export const RULE_SETS_ROUTES: Routes = [
  { path: '', component: RuleSetListPage, providers: [RuleSetsStore] },
];
