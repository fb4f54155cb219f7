import { z } from 'zod/mini';
import { RichText } from './rich-text.ts';
import { Delivery, District, Theme, WhoFor } from './service-terms.ts';

/** An ORUK schedule, kept close to the standard so "open now" can be computed on the device. */
export const Schedule = z.object({
  freq: z.optional(z.enum(['WEEKLY', 'MONTHLY', 'DAILY'])),
  /** RFC 5545 BYDAY list: "MO,TU", "2TU" (second Tuesday), "-1FR" (last Friday). */
  byday: z.optional(z.string()),
  /** Days of the month, e.g. "1,15" or "-1". */
  bymonthday: z.optional(z.string()),
  /** Local Europe/London wall-clock times, "HH:MM". closes_at before opens_at means past midnight. */
  opensAt: z.optional(z.string()),
  closesAt: z.optional(z.string()),
  /** ISO dates (YYYY-MM-DD) bounding when this schedule applies. */
  validFrom: z.optional(z.string()),
  validTo: z.optional(z.string()),
  dtstart: z.optional(z.string()),
  interval: z.optional(z.number()),
  description: z.optional(z.string()),
  /** True when the service is open by appointment only, so no times apply. */
  byAppointment: z.optional(z.boolean()),
  /** False when this schedule does not run on bank holidays. */
  openOnBankHolidays: z.optional(z.boolean()),
});
export type Schedule = z.infer<typeof Schedule>;

export const ServiceLocation = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  address: z.optional(z.string()),
  postcode: z.optional(z.string()),
  district: z.optional(District),
  lat: z.optional(z.number()),
  lng: z.optional(z.number()),
  accessibility: z.array(z.string()),
  schedules: z.array(Schedule),
});
export type ServiceLocation = z.infer<typeof ServiceLocation>;

/**
 * The compact record the app stores, searches and shows. Mapped from ORUK 3.0 by `domain/oruk`.
 * Field names are short-lived JSON on a phone: keep them plain and flat.
 */
export const Service = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string(),
  organizationId: z.optional(z.string()),
  /** Plain text: paragraphs apart by a blank line, line breaks kept, each list item on a line. */
  description: z.string(),
  /** The description's lists, links and bold words, when it has any (see `rich-text.ts`). */
  descriptionBlocks: z.optional(RichText),
  summary: z.optional(z.string()),
  easyRead: z.optional(z.string()),
  /** What the service wants everyone to know first, such as a move or a pause (ORUK `alert`). */
  alert: z.optional(z.string()),
  /** How to start using it: drop in, book, or be referred (HSDS `application_process`). */
  applicationProcess: z.optional(z.string()),
  /** Who can use it, in the feed's own words (ORUK `eligibility_description`). */
  eligibility: z.optional(z.string()),
  /** The groups the feed says it is for, as it names them: eligibility records, audience tags. */
  audience: z.optional(z.array(z.string())),
  themes: z.array(Theme),
  whoFor: z.array(WhoFor),
  minAge: z.optional(z.number()),
  maxAge: z.optional(z.number()),
  /** True only when the feed says it is free. Not free and no `cost` means the feed does not say. */
  free: z.boolean(),
  cost: z.optional(z.string()),
  delivery: z.array(Delivery),
  districts: z.array(District),
  /** It serves all of Essex; national and phone-or-online-only services with no area do too. */
  countyWide: z.boolean(),
  /** It serves people anywhere in the country, not only in Essex. */
  national: z.optional(z.boolean()),
  /** There is nowhere to go: it is given by phone or online only. */
  onlineOnly: z.optional(z.boolean()),
  locations: z.array(ServiceLocation),
  /** Schedules that belong to the service itself (phone lines, online), not to a place. */
  schedules: z.array(Schedule),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  url: z.optional(z.string()),
  languages: z.array(z.string()),
  taxonomy: z.array(z.object({ id: z.string(), name: z.string() })),
  /** When the council last checked the listing (ORUK `assured_date`), ISO date. */
  lastChecked: z.optional(z.string()),
  /** When the record last changed (ORUK `last_modified`), ISO timestamp. */
  updatedAt: z.string(),
  sample: z.optional(z.boolean()),
});
export type Service = z.infer<typeof Service>;
