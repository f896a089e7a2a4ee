import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import type { AuditQuery, AuditVerifyResult } from '@domain';
import { withPagedList } from '../../../core/data/paged-list.ts';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { AuditLogApi } from './audit-log-api.ts';

/** The filters of the audit query, without paging. */
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

interface AuditLogState {
  verifying: boolean;
  verifyResult: AuditVerifyResult | null;
  verifyError: string | null;
  /** Share of a full check done (0 to 1), or null when none is running. */
  verifyProgress: number | null;
}

const initialState: AuditLogState = {
  verifying: false,
  verifyResult: null,
  verifyError: null,
  verifyProgress: null,
};

const initialQuery: AuditQuery = { page: 1, pageSize: 25 };

/** The audit log: filtered server-side pages of events and the chain integrity check. */
export const AuditLogStore = signalStore(
  withPagedList(AuditLogApi, initialQuery, (api, query) =>
    api.events(query),
  ),
  withState(initialState),
  withMethods((store, api = inject(AuditLogApi)) => {
    return {
      /** Shows the first page of events matching `filters` (filters not named are cleared). */
      filter(filters: AuditFilters): void {
        const { pageSize } = store.query();
        patchState(store, { query: { ...filters, page: 1, pageSize } });
      },
      /** Asks the server to recompute the hash chain. */
      async verify(): Promise<void> {
        patchState(store, { verifying: true, verifyResult: null, verifyError: null });
        try {
          patchState(store, { verifyResult: await api.verify() });
        } catch (error) {
          patchState(store, { verifyError: problemMessage(toProblem(error)) });
        } finally {
          patchState(store, { verifying: false });
        }
      },
      /** Re-reads the whole chain chunk by chunk, reporting progress, and keeps the first break found. */
      async fullCheck(): Promise<void> {
        patchState(store, { verifying: true, verifyResult: null, verifyError: null, verifyProgress: 0 });
        try {
          let from: string | null = '0';
          let checked = 0;
          let broken: AuditVerifyResult | null = null;
          while (from !== null) {
            const chunk: AuditVerifyResult = await api.verifyFullChunk(from);
            checked += chunk.checked;
            if (!chunk.ok && !broken) broken = chunk;
            from = chunk.nextSeq ?? null;
            const total = chunk.total ?? 0;
            patchState(store, { verifyProgress: from === null || total === 0 ? 1 : Number(from) / total });
          }
          patchState(store, { verifyResult: broken ? { ...broken, checked } : { ok: true, checked } });
        } catch (error) {
          patchState(store, { verifyError: problemMessage(toProblem(error)) });
        } finally {
          patchState(store, { verifying: false, verifyProgress: null });
        }
      },
    };
  }),
);
