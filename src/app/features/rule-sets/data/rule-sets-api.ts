import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { PracticeSettingsView, RuleSetSettings, RuleSetView } from '@domain';

/** The rule-set endpoints; errors arrive as HttpErrorResponse carrying a Problem. */
@Injectable({ providedIn: 'root' })
export class RuleSetsApi {
  private readonly http = inject(HttpClient);

  /** GET /api/v1/rule-sets: built-in and practice rule sets, every version. */
  list(): Promise<RuleSetView[]> {
    return firstValueFrom(this.http.get<RuleSetView[]>('/api/v1/rule-sets'));
  }

  /** POST /api/v1/rule-sets: a copy under a new name (version 1). */
  copy(fromId: string, name: string): Promise<RuleSetView> {
    return firstValueFrom(this.http.post<RuleSetView>('/api/v1/rule-sets', { fromId, name }));
  }

  /** POST /api/v1/rule-sets/:id/versions: edited settings as a new version. */
  saveVersion(id: string, settings: RuleSetSettings): Promise<RuleSetView> {
    return firstValueFrom(
      this.http.post<RuleSetView>(`/api/v1/rule-sets/${encodeURIComponent(id)}/versions`, { settings }),
    );
  }

  /** PUT /api/v1/practice-settings/default-rule-set: answers with the whole list. */
  makeDefault(ruleSetId: string): Promise<RuleSetView[]> {
    return firstValueFrom(this.http.put<RuleSetView[]>('/api/v1/practice-settings/default-rule-set', { ruleSetId }));
  }

  /** GET /api/v1/practice-settings: the practice's time zone. */
  practiceSettings(): Promise<PracticeSettingsView> {
    return firstValueFrom(this.http.get<PracticeSettingsView>('/api/v1/practice-settings'));
  }

  /** PUT /api/v1/practice-settings: a new IANA time zone (admins). */
  saveTimeZone(timeZone: string): Promise<PracticeSettingsView> {
    return firstValueFrom(this.http.put<PracticeSettingsView>('/api/v1/practice-settings', { timeZone }));
  }
}
