import type { Schedule, ServiceLocation } from '../service.ts';
import { districtOfPlace, districtOfPostcode } from './essex-places.ts';
import { oneLine, type FeedTextReader } from './feed-text.ts';
import type { FieldWarning } from './problems.ts';
import type { OrukSchedule, OrukService, OrukServiceAtLocation } from './schema.ts';
import { toSchedule } from './to-schedule.ts';

export interface PlaceContext {
  record: OrukService;
  serviceId: string;
  reader: FeedTextReader;
  warnings: FieldWarning[];
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}

const UNPLACED = 'so this place is listed without a map position';

// The standards' own examples place their civic centre at latitude 100: lose the pin, not the service.
function coordinates(
  latitude: number | undefined,
  longitude: number | undefined,
  path: string,
  warnings: FieldWarning[],
): { lat?: number; lng?: number } {
  let lat = latitude;
  let lng = longitude;
  if ((lat === undefined) !== (lng === undefined)) {
    warnings.push({
      field: path,
      value: String(lat ?? lng),
      reason: `has a latitude or a longitude but not both, ${UNPLACED}`,
    });
  }
  if (lat !== undefined && (lat < -90 || lat > 90)) {
    warnings.push({
      field: `${path}.latitude`,
      value: String(lat),
      reason: `is not a latitude between -90 and 90, ${UNPLACED}`,
    });
    lat = undefined;
  }
  if (lng !== undefined && (lng < -180 || lng > 180)) {
    warnings.push({
      field: `${path}.longitude`,
      value: String(lng),
      reason: `is not a longitude between -180 and 180, ${UNPLACED}`,
    });
    lng = undefined;
  }
  if (lat === 0 && lng === 0) {
    warnings.push({ field: path, value: '0, 0', reason: `is in the Atlantic, ${UNPLACED}` });
  }
  return lat === undefined || lng === undefined || (lat === 0 && lng === 0) ? {} : { lat, lng };
}

function scheduleKey(schedule: OrukSchedule): string {
  return schedule.id ?? JSON.stringify(schedule);
}

/**
 * Schedules → Signpost's, with their words cleaned. When one is unusable, all of them are left out:
 * a service whose Monday session is missing would read "closed" on a Monday.
 */
export function toSchedules(
  sources: readonly (readonly [OrukSchedule, string])[],
  reader: FeedTextReader,
  warnings: FieldWarning[],
): Schedule[] {
  const schedules: Schedule[] = [];
  const unusable: FieldWarning[] = [];
  const seen = new Set<string>();
  for (const [raw, path] of sources) {
    const key = scheduleKey(raw);
    if (seen.has(key)) continue;
    seen.add(key);
    const words = (value: string | undefined) =>
      value === undefined ? undefined : oneLine(reader.read(value).text);
    const mapped = toSchedule(
      {
        ...raw,
        description: words(raw.description),
        notes: words(raw.notes),
        attending_type: words(raw.attending_type),
      },
      path,
      unusable,
    );
    if (mapped) schedules.push(compact({ ...mapped, description: present(mapped.description) }));
  }
  if (unusable.length === 0) return schedules;
  const others =
    schedules.length > 0
      ? '; so that none is shown wrong, the other opening times here were left out too'
      : '';
  warnings.push(
    ...unusable.map((warning) => ({ ...warning, reason: `${warning.reason}; left out${others}` })),
  );
  return [];
}

/** A service_at_location → the place it names, `virtual` for an online one, or nothing for a postal one. */
export function toPlace(
  sal: OrukServiceAtLocation,
  index: number,
  context: PlaceContext,
): ServiceLocation | 'virtual' | undefined {
  const { record, serviceId, reader, warnings } = context;
  const path = `service_at_locations[${index}]`;
  const raw = sal.location;
  if (raw === undefined) return undefined;
  const type = raw.location_type?.trim().toLowerCase();
  if (type === 'virtual') return 'virtual';
  if (type === 'postal') return undefined;
  const words = (value: string | undefined) =>
    present(value === undefined ? undefined : oneLine(reader.read(value).text));

  const addresses = raw.addresses ?? raw.physical_addresses ?? [];
  const address = addresses.find((entry) => entry.address_type?.toLowerCase() !== 'postal') ?? addresses[0];
  const city = words(address?.city);
  const postcode = present(address?.postal_code);
  const district =
    [city, address?.address_2, address?.region]
      .map((place) => (place === undefined ? undefined : districtOfPlace(place)))
      .find((found) => found !== undefined) ??
    (postcode === undefined ? undefined : districtOfPostcode(postcode));
  const addressText = [address?.address_1, address?.address_2, city]
    .map((part) => words(part))
    .filter(Boolean)
    .join(', ');

  const { lat, lng } = coordinates(raw.latitude, raw.longitude, `${path}.location`, warnings);

  const sources: (readonly [OrukSchedule, string])[] = [
    ...(record.schedules ?? []).flatMap((schedule, i) =>
      sal.id !== undefined && schedule.service_at_location_id === sal.id
        ? [[schedule, `schedules[${i}]`] as const]
        : [],
    ),
    ...(sal.schedules ?? sal.regular_schedule ?? []).map(
      (schedule, i) => [schedule, `${path}.schedules[${i}]`] as const,
    ),
    ...(raw.schedules ?? []).map((schedule, i) => [schedule, `${path}.location.schedules[${i}]`] as const),
  ];
  const schedules = toSchedules(sources, reader, warnings);

  const accessibility = (raw.accessibility ?? raw.accessibility_for_disabilities ?? [])
    .map((entry) => words(entry.description ?? entry.accessibility ?? entry.details))
    .filter((entry): entry is string => entry !== undefined);

  return compact({
    id:
      present(raw.id) ?? present(sal.location_id) ?? present(sal.id) ?? `${serviceId}-location-${index + 1}`,
    name: words(raw.name),
    address: addressText === '' ? undefined : addressText,
    postcode,
    district,
    lat,
    lng,
    accessibility,
    schedules,
  });
}
