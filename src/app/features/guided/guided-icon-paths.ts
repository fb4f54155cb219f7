/**
 * Pictograms for guided help's answers, named by the rules file's `icon`: line drawings on a 24-unit
 * grid that follow the text colour.
 */
const PERSON = 'M12 3.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM5 21v-2a7 7 0 0 1 14 0v2';
const PEOPLE =
  'M8 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM16.5 6a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM2 21v-2.5a6 6 0 0 1 12 0V21M15 21v-3a4 4 0 0 1 7 -2.6';

export const GUIDED_ICONS: Record<string, string> = {
  person: PERSON,
  'people-heart':
    'M8 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM2 21v-2.5a6 6 0 0 1 11-3.3M17.5 20l-3.6-3.7a2.2 2.2 0 0 1 3.6-2.5 2.2 2.2 0 0 1 3.6 2.5z',
  briefcase: 'M3 8h18v12H3zM8 8V5h8v3M3 13h18M11 13v2h2v-2',
  map: 'M3 6.5l6-2.5 6 2.5 6-2.5v13.5l-6 2.5-6-2.5-6 2.5zM9 4v13.5M15 6.5V20',
  'map-pin':
    'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11zM12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  county:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8l1.2 2.6 2.8.3-2.1 1.9.6 2.8L12 14.2l-2.5 1.4.6-2.8L8 10.9l2.8-.3z',
  home: 'M4 10h16l-2 10H6zM8 10l4-6 4 6M10 14v3M14 14v3',
  washing: 'M12 3s-6 6.8-6 11a6 6 0 0 0 12 0c0-4.2-6-11-6-11zM9.5 15a2.5 2.5 0 0 0 2.5 2.5',
  shield: 'M12 3l8 3v6c0 4.8-3.4 8-8 9-4.6-1-8-4.2-8-9V6zM9 12l2 2 4-4',
  hospital: 'M4 21V5h16v16M2 21h20M10 21v-4h4v4M12 8v6M9 11h6',
  bus: 'M5 3h14v14H5zM5 11h14M7 20v-3M17 20v-3M8.5 14h.01M15.5 14h.01',
  'chat-heart': 'M4 4h16v12H9l-5 4zM12 13l-2.6-2.6a1.6 1.6 0 0 1 2.6-1.9 1.6 1.6 0 0 1 2.6 1.9z',
  pound: 'M16.5 7A3.5 3.5 0 0 0 9.5 7.5V19M6 19h12M6.5 12.5h7',
  house: 'M3 11 12 3l9 8M5 9.5V21h14V9.5M10 21v-6h4v6',
  graduation: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2.5 9 2.5 12 0v-5M22 9v6',
  'hands-heart':
    'M12 11.5l-3.2-3.3a2 2 0 0 1 3.2-2.4 2 2 0 0 1 3.2 2.4zM2 15h4l3 2h4.5a1.5 1.5 0 0 1 0 3H9M2 21h13l6-5.5a1.6 1.6 0 0 0-2.2-2.3L15 16',
  question:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17h.01',
  book: 'M3 5h6a3 3 0 0 1 3 3v12a2.5 2.5 0 0 0-2.5-2.5H3zM21 5h-6a3 3 0 0 0-3 3v12a2.5 2.5 0 0 1 2.5-2.5H21z',
  tools: 'M15 3.5a5 5 0 0 0-4.7 6.8L3 17.6 6.4 21l7.3-7.3A5 5 0 0 0 20.5 9l-3.2 1.1-2.4-2.4L16 4.5z',
  chat: 'M4 4h16v12H9l-5 4zM8 8h8M8 11.5h5',
  people: PEOPLE,
  hand: 'M8 13V5.5a1.5 1.5 0 0 1 3 0V11M11 10.5v-6a1.5 1.5 0 0 1 3 0V11M14 10.5V6.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-.5a6 6 0 0 1-5-2.7L2.8 15a1.5 1.5 0 0 1 2.5-1.7L8 16',
  'age-young': 'M12 6a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 20v-2.5a4 4 0 0 1 8 0V20',
  'age-adult': PERSON,
  'age-older':
    'M10 3a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM6 21v-6.5a4 4 0 0 1 8 0V21M17.5 12v9M17.5 12a2 2 0 0 1 3 1',
  free: 'M3 12V4h8l10 10-8 8zM7.5 7.5h.01',
  meet: PEOPLE,
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
  laptop: 'M5 5h14v10H5zM2 19h20',
};

/** True when the journey's icon name has a drawing (a test keeps every icon in the rules drawn). */
export function hasGuidedIcon(name: string): boolean {
  return name in GUIDED_ICONS;
}
