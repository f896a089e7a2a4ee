import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PainScoreCreate, PatientDiary, PatientScoreReceipt } from '@domain';
import { firstValueFrom } from 'rxjs';

const diaryUrl = (token: string) => `/api/v1/diary/${encodeURIComponent(token)}`;

/** The patient's two calls (no session: the token in the path is the credential). */
@Injectable({ providedIn: 'root' })
export class HomeDiaryApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/diary/:token */
  diary(token: string): Promise<PatientDiary> {
    return firstValueFrom(this.http.get<PatientDiary>(diaryUrl(token)));
  }

  /** POST /api/v1/diary/:token/pain-scores */
  addScore(token: string, body: PainScoreCreate): Promise<PatientScoreReceipt> {
    return firstValueFrom(this.http.post<PatientScoreReceipt>(`${diaryUrl(token)}/pain-scores`, body));
  }
}
