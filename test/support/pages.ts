/**
 * Every page a person can reach, for the checks that must hold on all of them. Add new pages here.
 * `{service}` in a path stands for the id of a real service in the sample directory.
 * `shell`: the app's own pages, checked in every language. `layout`: pages that look different from all
 * the others, checked in every language too; the rest share a layout with one of them.
 * `staff`: the page is for signed-in staff with that role (the checks sign in first).
 */
export type StaffRole = 'field' | 'analyst' | 'admin';

export interface AppPage {
  path: string;
  name: string;
  shell?: true;
  layout?: true;
  staff?: StaffRole;
}

export const PAGES: AppPage[] = [
  { path: '/', name: 'home', shell: true, layout: true },
  { path: '/accessibility', name: 'accessibility statement', shell: true, layout: true },
  { path: '/privacy', name: 'privacy notice', shell: true },
  { path: '/no-such-page', name: 'page not found', shell: true },
  { path: '/search', name: 'search' },
  { path: '/search?q=carers', name: 'search results', layout: true },
  { path: '/services/{service}', name: 'service', layout: true },
  { path: '/services/no-such-service', name: 'service not found' },
  { path: '/services/{service}/report', name: 'report a problem with a listing' },
  { path: '/my-list', name: 'my list', layout: true },
  { path: '/my-list/shared?ids={service}', name: 'shared list' },
  { path: '/feedback', name: 'feedback' },
  { path: '/feedback/who', name: 'feedback question', layout: true },
  { path: '/staff/sign-in', name: 'staff sign-in', layout: true },
  { path: '/help-me-find', name: 'guided help' },
  { path: '/help-me-find/who', name: 'guided help question' },
  { path: '/help-me-find/help-now', name: 'guided help: need help now' },
  { path: '/insight', name: 'what people told us', layout: true },
  { path: '/insight/you-said-we-did', name: 'you said, we did' },
  { path: '/listing-problems/lookup', name: 'look up a reported problem' },
  { path: '/what-was-missing', name: 'what were you looking for' },
  { path: '/did-it-help', name: 'did it help' },
  // Signed-in staff, grouped by role so the checks sign in as few times as they can.
  { path: '/staff', name: 'staff home', staff: 'field' },
  { path: '/staff/record', name: 'record feedback for someone', staff: 'field' },
  { path: '/staff/dashboard', name: 'analysts’ dashboard', staff: 'analyst', layout: true },
  { path: '/staff/dashboard/stories', name: 'stories', staff: 'analyst' },
  { path: '/staff/dashboard/months', name: 'publish a month’s figures', staff: 'analyst' },
  { path: '/staff/dashboard/gaps', name: 'unmet need', staff: 'analyst' },
  { path: '/staff/dashboard/you-said-we-did', name: 'publish you said, we did', staff: 'analyst' },
  { path: '/staff/problems', name: 'listing problems', staff: 'admin' },
  { path: '/staff/directory-quality', name: 'directory data quality', staff: 'admin' },
  { path: '/staff/users', name: 'staff accounts', staff: 'admin' },
];
