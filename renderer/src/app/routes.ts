/** Hash routes (the page is a file:// document in the desktop app, so no history API paths). */
export type Route =
  | { page: 'dashboard' }
  | { page: 'positions' }
  | { page: 'position'; positionId: string }
  | { page: 'dividends' }
  | { page: 'simulation' }
  | { page: 'compare' }
  | { page: 'events' }
  | { page: 'settings' }
  | { page: 'performance' }
  | { page: 'risk' };

export const NAV: readonly { page: Route['page']; href: string; label: string }[] = [
  { page: 'dashboard', href: '#/dashboard', label: 'Dashboard' },
  { page: 'positions', href: '#/positions', label: 'Positions' },
  { page: 'performance', href: '#/performance', label: 'Performance' },
  { page: 'dividends', href: '#/dividends', label: 'Dividends' },
  { page: 'risk', href: '#/risk', label: 'Risk' },
  { page: 'simulation', href: '#/simulation', label: 'Simulation' },
  { page: 'compare', href: '#/simulation/compare', label: 'Compare strategies' },
  { page: 'events', href: '#/events', label: 'Event log' },
  { page: 'settings', href: '#/settings', label: 'Settings' },
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').split('?')[0] ?? '';
  const [head, id] = path.split('/');
  switch (head) {
    case 'positions':
      return id ? { page: 'position', positionId: decodeURIComponent(id) } : { page: 'positions' };
    case 'simulation':
      return id === 'compare' ? { page: 'compare' } : { page: 'simulation' };
    case 'dividends':
    case 'events':
    case 'settings':
    case 'performance':
    case 'risk':
      return { page: head };
    default:
      return { page: 'dashboard' };
  }
}

export function positionHref(positionId: string): string {
  return `#/positions/${encodeURIComponent(positionId)}`;
}

/** Which nav entry is current (a position's detail belongs to Positions). */
export function navPageOf(route: Route): Route['page'] {
  return route.page === 'position' ? 'positions' : route.page;
}
