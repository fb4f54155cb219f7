/** Every page a person can reach, for the checks that must hold on all of them. Add new pages here. */
export const PAGES: Array<{ path: string; name: string }> = [
  { path: '/', name: 'home' },
  { path: '/accessibility', name: 'accessibility statement' },
  { path: '/privacy', name: 'privacy notice' },
  { path: '/search', name: 'search' },
  { path: '/my-list', name: 'my list' },
  { path: '/feedback', name: 'feedback' },
  { path: '/no-such-page', name: 'page not found' },
];
