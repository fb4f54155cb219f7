import { z } from 'zod/mini';
import { DISTRICTS } from '../service-terms.ts';

/**
 * "About you": who answered and how, and the optional questions the measures are broken down by.
 * Codes only; the words are under `about.<field>.<code>` in the locale files. Districts are
 * `DISTRICTS` in `../service.ts`, shared with the directory.
 */

/** `85-plus`, not `85+`: a `+` in a query string reads as a space. */
export const AGE_BANDS = [
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75-84',
  '85-plus',
  'prefer-not-to-say',
] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

/** Who the person is. `draws-on-care`: a person who draws on care and support. */
export const RESPONDENT_GROUPS = ['resident', 'carer', 'draws-on-care', 'both'] as const;
export const RespondentGroup = z.enum(RESPONDENT_GROUPS);
export type RespondentGroup = z.infer<typeof RespondentGroup>;

/** How the answers were given. `on-behalf` answers are proxies: left out of the headline figures. */
export const HOW_ANSWERED = ['own', 'with-help', 'on-behalf'] as const;
export const HowAnswered = z.enum(HOW_ANSWERED);
export type HowAnswered = z.infer<typeof HowAnswered>;
export const PROXY: HowAnswered = 'on-behalf';

/** How the response reached us. The `staff-*` channels are staff-assisted capture. */
export const CHANNELS = [
  'self-online',
  'staff-in-person',
  'staff-phone',
  'staff-group',
  'guided-help',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** How a member of staff gathered the answers, for each staff channel. */
export const GATHERED_BY = ['in-person', 'phone', 'group'] as const;
export const GatheredBy = z.enum(GATHERED_BY);
export type GatheredBy = z.infer<typeof GatheredBy>;
export const STAFF_CHANNEL_GATHERED_BY: Readonly<Partial<Record<Channel, GatheredBy>>> = {
  'staff-in-person': 'in-person',
  'staff-phone': 'phone',
  'staff-group': 'group',
};

/** Who put the answers in: the person themselves, or staff with them. */
export function provenanceOf(channel: Channel): 'self-completed' | 'staff-assisted' | 'paper' {
  return STAFF_CHANNEL_GATHERED_BY[channel] ? 'staff-assisted' : 'self-completed';
}

// The optional equality questions, each answerable with "prefer not to say".

/** Sex, as the 2021 Census asks it. */
export const SEXES = ['female', 'male', 'prefer-not-to-say'] as const;
export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

/** The ONS five high-level ethnic groups (2021 Census, England). */
export const ETHNIC_GROUPS = ['asian', 'black', 'mixed', 'white', 'other', 'prefer-not-to-say'] as const;
export const EthnicGroup = z.enum(ETHNIC_GROUPS);
export type EthnicGroup = z.infer<typeof EthnicGroup>;

/** Whether the person considers themselves disabled. */
export const DISABILITY_ANSWERS = ['yes', 'no', 'prefer-not-to-say'] as const;
export const Disability = z.enum(DISABILITY_ANSWERS);
export type Disability = z.infer<typeof Disability>;

/** Every "about you" field with its choices, in the order the form asks them. */
export const ABOUT_YOU_OPTIONS = {
  respondent: RESPONDENT_GROUPS,
  howAnswered: HOW_ANSWERED,
  district: DISTRICTS,
  ageBand: AGE_BANDS,
  sex: SEXES,
  ethnicGroup: ETHNIC_GROUPS,
  disability: DISABILITY_ANSWERS,
} as const;
