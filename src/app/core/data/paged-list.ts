import { inject, type ProviderToken } from '@angular/core';
import { patchState, signalStoreFeature, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, map, type Observable, of, pipe, switchMap, tap } from 'rxjs';
import { problemMessage, toProblem } from '../problem.ts';

/** The paging part of every list query (1-based page). */
export interface PageQuery {
  page: number;
  pageSize: number;
}

/** One server-side page of a list and how it got there. */
export interface PagedListState<Query extends PageQuery, Item> {
  query: Query;
  items: Item[];
  /** All matching rows on the server. */
  total: number;
  loading: boolean;
  /** Why the list could not be loaded, or null. */
  loadError: string | null;
}

/**
 * A server-side paged list written once for every list store (patients, users, audit events): the
 * query in state, every change of it fetching that page (a newer query cancels the answer to an
 * older one), the loading flag and a failed load's message, paging, reload, and `requery` for
 * filters (anything but paging starts again at page 1). `fetch` gets the injected API.
 */
export function withPagedList<Query extends PageQuery, Item, Api>(
  apiToken: ProviderToken<Api>,
  initialQuery: Query,
  fetch: (api: Api, query: Query) => Observable<{ items: Item[]; total: number }>,
) {
  const initialState: PagedListState<Query, Item> = {
    query: initialQuery,
    items: [],
    total: 0,
    loading: false,
    loadError: null,
  };
  return signalStoreFeature(
    withState(initialState),
    withMethods((store, api = inject(apiToken)) => {
      const load = rxMethod<Query>(
        pipe(
          tap(() => patchState(store, { loading: true, loadError: null })),
          switchMap((query) =>
            fetch(api, query).pipe(
              map(({ items, total }) => ({ items, total, loading: false })),
              catchError((error: unknown) =>
                of({ loading: false, loadError: problemMessage(toProblem(error)) }),
              ),
            ),
          ),
          tap((state) => patchState(store, state)),
        ),
      );
      // The generic query reads back as PageQuery through the store's types; it is the Query put in.
      const query = () => store.query() as Query;
      return {
        load,
        /** Changes the query's filters; the list starts again at page 1. */
        requery(change: Partial<Omit<Query, 'page'>>): void {
          patchState(store, { query: { ...query(), page: 1, ...change } as Query });
        },
        /** Shows another page (1-based) or page size. */
        showPage(page: number, pageSize: number): void {
          patchState(store, { query: { ...query(), page, pageSize } });
        },
        /** Fetches the current page again. */
        reload(): void {
          load(query());
        },
      };
    }),
    withHooks({
      onInit(store) {
        // Every change of query (search, filter, sort, page) fetches that page.
        store.load(store.query);
      },
    }),
  );
}
