/** The three entry points, one per audience; shared by the header nav and the start page. */
export const NAV_ITEMS = [
  { id: 'facilitate', to: '/facilitate', labelKey: 'nav.facilitate' },
  { id: 'join', to: '/join', labelKey: 'nav.join' },
  { id: 'debriefs', to: '/debriefs', labelKey: 'nav.debriefs' },
] as const;

export type EntryPoint = (typeof NAV_ITEMS)[number]['id'];
