import type { Routes } from '@angular/router';
import { MessagePage } from './message/message-page.ts';

/** 403: where the permission guard sends a role that may not see a page (the page exists). */
export const FORBIDDEN_ROUTES: Routes = [
  {
    path: '',
    component: MessagePage,
    data: {
      icon: 'lock',
      heading: 'You do not have access to this page',
      message:
        'Your role does not include this page. Ask an administrator if you need it for your work.',
    },
  },
];

/** 404: any address the app does not know. */
export const NOT_FOUND_ROUTES: Routes = [
  {
    path: '',
    component: MessagePage,
    data: {
      icon: 'travel_explore',
      heading: 'Page not found',
      message: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    },
  },
];
