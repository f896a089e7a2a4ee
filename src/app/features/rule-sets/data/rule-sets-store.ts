import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import type { PracticeSettingsView, Problem, RuleSetSettings, RuleSetView } from '@domain';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';
import { RuleSetsApi } from './rule-sets-api.ts';

interface RuleSetsState {
  ruleSets: RuleSetView[];
  loading: boolean;
  loadError: string | null;
  /** The practice's time zone (shown on the same admin page). */
  practiceSettings: PracticeSettingsView | null;
  savingTimeZone: boolean;
}

/** The practice's rule sets: list, copy, new versions and the default for new episodes. */
export const RuleSetsStore = signalStore(
  withState<RuleSetsState>({ ruleSets: [], loading: false, loadError: null, practiceSettings: null, savingTimeZone: false }),
  withMethods((store, api = inject(RuleSetsApi)) => {
    const load = async (): Promise<void> => {
      patchState(store, { loading: true, loadError: null });
      try {
        patchState(store, { ruleSets: await api.list(), loading: false });
      } catch (error) {
        patchState(store, { loading: false, loadError: problemMessage(toProblem(error)) });
      }
    };

    /** Runs a write that creates a rule set, then reloads the list (versions and "latest" change). */
    const create = async (write: () => Promise<RuleSetView>): Promise<WriteResult<RuleSetView>> => {
      const result = await attempt(write);
      if (result.ok) await load();
      return result;
    };

    return {
      load,
      /** Loads the practice settings; a failure leaves the form empty (the rule sets still show). */
      async loadPracticeSettings(): Promise<void> {
        try {
          patchState(store, { practiceSettings: await api.practiceSettings() });
        } catch {
          patchState(store, { practiceSettings: null });
        }
      },
      /** Saves the practice's time zone. */
      async saveTimeZone(timeZone: string): Promise<{ ok: true } | { ok: false; problem: Problem }> {
        patchState(store, { savingTimeZone: true });
        try {
          patchState(store, { practiceSettings: await api.saveTimeZone(timeZone), savingTimeZone: false });
          return { ok: true };
        } catch (error) {
          patchState(store, { savingTimeZone: false });
          return { ok: false, problem: toProblem(error) };
        }
      },
      /** Copies a rule set under a new name. */
      copy(from: RuleSetView, name: string): Promise<WriteResult<RuleSetView>> {
        return create(() => api.copy(from.id, name));
      },
      /** Saves edited settings as the next version of a practice rule set. */
      saveVersion(base: RuleSetView, settings: RuleSetSettings): Promise<WriteResult<RuleSetView>> {
        return create(() => api.saveVersion(base.id, settings));
      },
      /** Makes a rule set the default for new episodes. */
      makeDefault(ruleSet: RuleSetView): Promise<WriteResult<RuleSetView>> {
        return attempt(async () => {
          const ruleSets = await api.makeDefault(ruleSet.id);
          patchState(store, { ruleSets });
          return ruleSets.find((r) => r.id === ruleSet.id) ?? ruleSet;
        });
      },
    };
  }),
  withHooks({
    onInit(store) {
      void store.load();
      void store.loadPracticeSettings();
    },
  }),
);
