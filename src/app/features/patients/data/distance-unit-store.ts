import { computed, inject, Injectable, signal } from '@angular/core';
import { KM_PER_MILE } from '@domain';
import { SessionStore } from '../../../core/session-store.ts';

/** How weekly running distance is shown and entered; the server always stores km. */
export type DistanceUnit = 'km' | 'mi';

export const DISTANCE_UNIT_LABELS: Readonly<Record<DistanceUnit, string>> = { km: 'km', mi: 'miles' };

const STORAGE_PREFIX = 'facettrack.distance-unit.';

/** Km as shown in `unit`, to one decimal. */
export function kmToUnit(km: number, unit: DistanceUnit): number {
  const value = unit === 'km' ? km : km / KM_PER_MILE;
  return Math.round(value * 10) / 10;
}

/** A distance entered in `unit`, as km for the server (two decimals, so 20 mi shows as 20 again). */
export function unitToKm(value: number, unit: DistanceUnit): number {
  const km = unit === 'km' ? value : value * KM_PER_MILE;
  return Math.round(km * 100) / 100;
}

/** Each user's choice of km or miles, kept in this browser's localStorage (a display setting, not data). */
@Injectable({ providedIn: 'root' })
export class DistanceUnitStore {
  private readonly session = inject(SessionStore);
  /** Bumped on every choice so `unit` reads storage again. */
  private readonly changes = signal(0);
  /** Choices made while storage is blocked, so they last at least for this page. */
  private readonly unsaved = new Map<string, DistanceUnit>();

  /** The signed-in user's unit; km until they choose. */
  readonly unit = computed<DistanceUnit>(() => {
    this.changes();
    const userId = this.session.user()?.id;
    if (!userId) return 'km';
    const stored = readStorage(STORAGE_PREFIX + userId) ?? this.unsaved.get(userId);
    return stored === 'mi' ? 'mi' : 'km';
  });

  /** Remembers the signed-in user's unit. */
  choose(unit: DistanceUnit): void {
    const userId = this.session.user()?.id;
    if (!userId) return;
    this.unsaved.set(userId, unit);
    try {
      localStorage.setItem(STORAGE_PREFIX + userId, unit);
    } catch {
      // Storage can be full or blocked (private mode): `unsaved` keeps the choice for this page.
    }
    this.changes.update((n) => n + 1);
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Forms show the weekly distance in the user's unit; schema and server name it in km. */
export function distanceFormPath(path: string): string {
  return path === 'weeklyDistanceKm' ? 'weeklyDistance' : path;
}
