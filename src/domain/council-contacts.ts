/**
 * How to reach help when someone needs it now: the national lines, then the council's own.
 *
 * The national lines are real, and they are the only real numbers Signpost shows. Every "Need help now?"
 * panel (guided help, the questionnaire's safety step, search) shows them from `NATIONAL_HELPLINES`.
 *
 * A council deploying Signpost replaces `COUNCIL_CONTACTS` with its own numbers; the values shipped are
 * fictional, from Ofcom's ranges reserved for drama (01632 960000–960999), so nothing real is ever called.
 */
export interface CouncilContact {
  /** Shown to people: spaced as it is said. */
  phone: string;
  /** What a `tel:` link dials. */
  dial: string;
}

export const NATIONAL_HELPLINE_IDS = ['emergency', 'nhs111', 'samaritans', 'domesticAbuse'] as const;
export type NationalHelplineId = (typeof NATIONAL_HELPLINE_IDS)[number];

export interface NationalHelpline extends CouncilContact {
  /** Names the line's words in the locale files (`helpNow.<id>`, `feedback:help.<id>Heading`). */
  id: NationalHelplineId;
}

/**
 * The national lines, most urgent first: 999; NHS 111, whose option 2 is urgent mental-health help;
 * Samaritans; the National Domestic Abuse Helpline. All free, day and night.
 */
export const NATIONAL_HELPLINES: readonly NationalHelpline[] = [
  { id: 'emergency', phone: '999', dial: '999' },
  { id: 'nhs111', phone: '111', dial: '111' },
  { id: 'samaritans', phone: '116 123', dial: '116123' },
  { id: 'domesticAbuse', phone: '0808 2000 247', dial: '+448082000247' },
];

export const COUNCIL_CONTACTS = {
  sample: true,
  adultSocialCare: { phone: '01632 960 100', dial: '+441632960100' },
  safeguarding: { phone: '01632 960 200', dial: '+441632960200' },
  outOfHours: { phone: '01632 960 300', dial: '+441632960300' },
} as const satisfies { sample: boolean } & Record<string, CouncilContact | boolean>;
