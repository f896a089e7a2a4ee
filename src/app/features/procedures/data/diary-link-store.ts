import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import type { DiaryLinkCreated, DiaryLinkView } from '@domain';
import { firstValueFrom } from 'rxjs';
import { problemMessage, toProblem } from '../../../core/problem.ts';
import { attempt, type WriteResult } from '../../../core/write-result.ts';

interface DiaryLinkState {
  links: DiaryLinkView[];
  /** The link just issued: its URL exists only in this answer, so the sheet is printed now. */
  issued: DiaryLinkCreated | null;
  /** The patient's first name for the sheet (nothing else of the record is printed). */
  firstName: string | null;
  error: string | null;
}

const url = (procedureId: string) => `/api/v1/procedures/${encodeURIComponent(procedureId)}/diary-links`;

/** A procedure's diary links (issue 15): issue, list, revoke. */
export const DiaryLinkStore = signalStore(
  withState<DiaryLinkState>({ links: [], issued: null, firstName: null, error: null }),
  withMethods((store, http = inject(HttpClient)) => {
    const list = async (procedureId: string) => {
      try {
        patchState(store, { links: await firstValueFrom(http.get<DiaryLinkView[]>(url(procedureId))), error: null });
      } catch (error) {
        patchState(store, { error: problemMessage(toProblem(error)) });
      }
    };
    return {
      load: list,
      async issue(procedureId: string, patientId: string): Promise<WriteResult<DiaryLinkCreated>> {
        const result = await attempt(async () => {
          const created = await firstValueFrom(http.post<DiaryLinkCreated>(url(procedureId), {}));
          const patient = await firstValueFrom(http.get<{ givenName: string }>(`/api/v1/patients/${encodeURIComponent(patientId)}`));
          patchState(store, { issued: created, firstName: patient.givenName });
          return created;
        });
        await list(procedureId);
        return result;
      },
      async revoke(procedureId: string, linkId: string): Promise<WriteResult<DiaryLinkView>> {
        const result = await attempt(() => firstValueFrom(http.delete<DiaryLinkView>(`/api/v1/diary-links/${encodeURIComponent(linkId)}`)));
        if (result.ok && store.issued()?.id === linkId) patchState(store, { issued: null });
        await list(procedureId);
        return result;
      },
    };
  }),
);
