/**
 * How to reach the council when someone needs help now. A council deploying Signpost replaces these
 * with its own numbers; the values shipped are fictional, from Ofcom's ranges reserved for drama
 * (01632 960000–960999), so nothing real is ever called. 999 and NHS 111 are the only real numbers shown.
 */
export interface CouncilContact {
  /** Shown to people: spaced as it is said. */
  phone: string;
  /** What a `tel:` link dials. */
  dial: string;
}

export const COUNCIL_CONTACTS = {
  sample: true,
  adultSocialCare: { phone: '01632 960 100', dial: '+441632960100' },
  safeguarding: { phone: '01632 960 200', dial: '+441632960200' },
  outOfHours: { phone: '01632 960 300', dial: '+441632960300' },
} as const satisfies { sample: boolean } & Record<string, CouncilContact | boolean>;

export const EMERGENCY = { phone: '999', dial: '999' } as const;
export const NHS_111 = { phone: '111', dial: '111' } as const;
