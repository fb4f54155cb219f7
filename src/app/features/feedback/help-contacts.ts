/**
 * Where to get help now, shown when someone says they do not feel safe. 999 and NHS 111 are real; the
 * council's two numbers below are SAMPLE values from Ofcom's range kept for drama
 * (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama), labelled as samples
 * on screen until the council's own numbers are put here.
 */
export interface HelpNumber {
  /** As dialled: digits only, for a `tel:` link. */
  tel: string;
  /** As read: grouped the way UK numbers are written. */
  display: string;
}

export const HELP_CONTACTS = {
  sample: true,
  emergency: { tel: '999', display: '999' },
  nhs: { tel: '111', display: '111' },
  safeguarding: { tel: '01632960001', display: '01632 960 001' },
  outOfHours: { tel: '01632960002', display: '01632 960 002' },
} as const satisfies Record<string, HelpNumber | boolean>;
