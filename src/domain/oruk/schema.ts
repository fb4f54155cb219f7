import { z } from 'zod/mini';

/**
 * Lenient schemas for the ORUK 3.0 objects Signpost reads (HSDS 3.0 uses the same names). Types only:
 * `to-service.ts` checks what values mean, so that it can say what is wrong in an administrator's words.
 */

const blankToAbsent = z.transform((value: unknown): unknown =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value,
);

/** A field a feed may leave out, send as `null` or send empty: all three read as absent. */
export function optionalField<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.pipe(blankToAbsent, z.optional(schema)));
}

// Feeds built from spreadsheets often send ids and codes as numbers.
const text = z.pipe(
  z.transform((value: unknown) => (typeof value === 'number' ? String(value) : value)),
  z.string(),
);

// ...and numbers as strings.
const numeric = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? Number(value)
      : value,
  ),
  z.number(),
);

const optionalText = optionalField(text);
const optionalNumber = optionalField(numeric);

function optionalList<T extends z.ZodMiniType>(item: T) {
  return optionalField(z.array(item));
}

export const OrukLanguage = z.object({
  id: optionalText,
  name: optionalText,
  code: optionalText,
  note: optionalText,
});
export type OrukLanguage = z.infer<typeof OrukLanguage>;

export const OrukPhone = z.object({
  id: optionalText,
  number: optionalText,
  extension: optionalText,
  type: optionalText,
  description: optionalText,
  languages: optionalList(OrukLanguage),
});
export type OrukPhone = z.infer<typeof OrukPhone>;

export const OrukContact = z.object({
  id: optionalText,
  name: optionalText,
  title: optionalText,
  email: optionalText,
  phones: optionalList(OrukPhone),
});
export type OrukContact = z.infer<typeof OrukContact>;

export const OrukSchedule = z.object({
  id: optionalText,
  service_id: optionalText,
  service_at_location_id: optionalText,
  location_id: optionalText,
  valid_from: optionalText,
  valid_to: optionalText,
  dtstart: optionalText,
  freq: optionalText,
  interval: optionalNumber,
  byday: optionalText,
  bymonthday: optionalText,
  description: optionalText,
  opens_at: optionalText,
  closes_at: optionalText,
  attending_type: optionalText,
  notes: optionalText,
});
export type OrukSchedule = z.infer<typeof OrukSchedule>;

export const OrukTaxonomyTerm = z.object({
  id: optionalText,
  code: optionalText,
  term: optionalText,
  name: optionalText,
  description: optionalText,
  parent_id: optionalText,
  taxonomy: optionalText,
  taxonomy_id: optionalText,
  /** ORUK 1's name for the taxonomy a term comes from: "esdServiceTypes", "esdNeeds". */
  vocabulary: optionalText,
});
export type OrukTaxonomyTerm = z.infer<typeof OrukTaxonomyTerm>;

export const OrukAttribute = z.object({
  id: optionalText,
  link_id: optionalText,
  link_type: optionalText,
  link_entity: optionalText,
  taxonomy_term_id: optionalText,
  value: optionalText,
  label: optionalText,
  taxonomy_term: optionalField(OrukTaxonomyTerm),
});
export type OrukAttribute = z.infer<typeof OrukAttribute>;

export const OrukAddress = z.object({
  id: optionalText,
  attention: optionalText,
  address_1: optionalText,
  address_2: optionalText,
  city: optionalText,
  region: optionalText,
  state_province: optionalText,
  postal_code: optionalText,
  country: optionalText,
  address_type: optionalText,
});
export type OrukAddress = z.infer<typeof OrukAddress>;

export const OrukAccessibility = z.object({
  id: optionalText,
  description: optionalText,
  details: optionalText,
  accessibility: optionalText,
  url: optionalText,
});
export type OrukAccessibility = z.infer<typeof OrukAccessibility>;

export const OrukLocation = z.object({
  id: optionalText,
  location_type: optionalText,
  name: optionalText,
  description: optionalText,
  latitude: optionalNumber,
  longitude: optionalNumber,
  addresses: optionalList(OrukAddress),
  /** ORUK 1's name for `addresses`. */
  physical_addresses: optionalList(OrukAddress),
  accessibility: optionalList(OrukAccessibility),
  /** ORUK 1's name for `accessibility`. */
  accessibility_for_disabilities: optionalList(OrukAccessibility),
  phones: optionalList(OrukPhone),
  schedules: optionalList(OrukSchedule),
  languages: optionalList(OrukLanguage),
});
export type OrukLocation = z.infer<typeof OrukLocation>;

export const OrukServiceAtLocation = z.object({
  id: optionalText,
  service_id: optionalText,
  location_id: optionalText,
  description: optionalText,
  location: optionalField(OrukLocation),
  phones: optionalList(OrukPhone),
  contacts: optionalList(OrukContact),
  schedules: optionalList(OrukSchedule),
  /** ORUK 1's name for `schedules`. */
  regular_schedule: optionalList(OrukSchedule),
});
export type OrukServiceAtLocation = z.infer<typeof OrukServiceAtLocation>;

export const OrukServiceArea = z.object({
  id: optionalText,
  name: optionalText,
  description: optionalText,
  service_area: optionalText,
  extent: optionalText,
  extent_type: optionalText,
});
export type OrukServiceArea = z.infer<typeof OrukServiceArea>;

export const OrukCostOption = z.object({
  id: optionalText,
  valid_from: optionalText,
  valid_to: optionalText,
  option: optionalText,
  currency: optionalText,
  amount: optionalNumber,
  amount_description: optionalText,
});
export type OrukCostOption = z.infer<typeof OrukCostOption>;

/** ORUK 1's eligibility record: a group the service is for ("Carers", "Adults 18+"), with ages. */
export const OrukEligibility = z.object({
  id: optionalText,
  eligibility: optionalText,
  minimum_age: optionalNumber,
  maximum_age: optionalNumber,
});
export type OrukEligibility = z.infer<typeof OrukEligibility>;

/** ORUK 1's link from a service to a taxonomy term. */
export const OrukServiceTaxonomy = z.object({
  id: optionalText,
  taxonomy: optionalField(OrukTaxonomyTerm),
});
export type OrukServiceTaxonomy = z.infer<typeof OrukServiceTaxonomy>;

/** A vendor's audience tag: `{"audienceType": "Carers "}` (Placecube's `pc_targetAudience`) or plain text. */
export const OrukAudience = z.union([
  text,
  z.object({
    id: optionalText,
    audienceType: optionalText,
    name: optionalText,
    label: optionalText,
    value: optionalText,
  }),
]);
export type OrukAudience = z.infer<typeof OrukAudience>;

export const OrukOrganization = z.object({
  id: optionalText,
  name: optionalText,
  description: optionalText,
  email: optionalText,
  website: optionalText,
  phones: optionalList(OrukPhone),
});
export type OrukOrganization = z.infer<typeof OrukOrganization>;

export const OrukService = z.object({
  id: optionalText,
  organization_id: optionalText,
  name: optionalText,
  alternate_name: optionalText,
  description: optionalText,
  url: optionalText,
  email: optionalText,
  status: optionalText,
  fees: optionalText,
  fees_description: optionalText,
  eligibility_description: optionalText,
  alert: optionalText,
  application_process: optionalText,
  minimum_age: optionalNumber,
  maximum_age: optionalNumber,
  assured_date: optionalText,
  last_modified: optionalText,
  /** Not in the standard, but some feeds say how a service is delivered in a field of this name. */
  delivery: optionalField(z.union([text, z.array(text)])),
  /** ORUK 1's ways of taking part: "Online", "Telephone", "In person"; "Drop-in", "Appointment". */
  deliverable_type: optionalText,
  attending_type: optionalText,
  attending_access: optionalText,
  /** Free-text categories some feeds carry beside (or instead of) taxonomy terms. */
  category: optionalField(z.union([text, z.array(text)])),
  categories: optionalField(z.union([text, z.array(text)])),
  organization: optionalField(OrukOrganization),
  phones: optionalList(OrukPhone),
  contacts: optionalList(OrukContact),
  schedules: optionalList(OrukSchedule),
  service_areas: optionalList(OrukServiceArea),
  service_at_locations: optionalList(OrukServiceAtLocation),
  cost_options: optionalList(OrukCostOption),
  languages: optionalList(OrukLanguage),
  attributes: optionalList(OrukAttribute),
  /** ORUK 1's names for eligibility records, taxonomy links and schedules. */
  eligibilitys: optionalList(OrukEligibility),
  eligibilities: optionalList(OrukEligibility),
  service_taxonomys: optionalList(OrukServiceTaxonomy),
  regular_schedules: optionalList(OrukSchedule),
  /** Placecube's audience extension; some feeds send one tag as text, others a list. */
  pc_targetAudience: optionalField(z.union([text, z.array(OrukAudience)])),
});
export type OrukService = z.infer<typeof OrukService>;
