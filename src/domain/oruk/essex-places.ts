import { DISTRICTS, type District } from '../service-terms.ts';
import { normaliseWords } from './words.ts';
import { ESSEX_OUTWARD_CODES } from '../place/postcode-districts.ts';

/** Essex's twelve councils, their towns and postcode districts: to place a feed's addresses and service areas. */

export const DISTRICT_NAMES: Record<District, string> = {
  basildon: 'Basildon',
  braintree: 'Braintree',
  brentwood: 'Brentwood',
  'castle-point': 'Castle Point',
  chelmsford: 'Chelmsford',
  colchester: 'Colchester',
  'epping-forest': 'Epping Forest',
  harlow: 'Harlow',
  maldon: 'Maldon',
  rochford: 'Rochford',
  tendring: 'Tendring',
  uttlesford: 'Uttlesford',
};

/** Place names that are unambiguous within Essex; names shared with places elsewhere are left out. */
export const DISTRICT_PLACES: Record<District, readonly string[]> = {
  basildon: [
    'Basildon',
    'Billericay',
    'Wickford',
    'Pitsea',
    'Laindon',
    'Vange',
    'Langdon Hills',
    'Noak Bridge',
  ],
  braintree: [
    'Braintree',
    'Witham',
    'Halstead',
    'Coggeshall',
    'Kelvedon',
    'Hatfield Peverel',
    'Silver End',
    'Sible Hedingham',
    'Earls Colne',
  ],
  brentwood: ['Brentwood', 'Shenfield', 'Ingatestone', 'Doddinghurst', 'Kelvedon Hatch', 'Blackmore'],
  'castle-point': [
    'Castle Point',
    'Canvey Island',
    'Canvey',
    'Benfleet',
    'Hadleigh',
    'Thundersley',
    'Daws Heath',
  ],
  chelmsford: [
    'Chelmsford',
    'South Woodham Ferrers',
    'Great Baddow',
    'Writtle',
    'Broomfield',
    'Danbury',
    'Galleywood',
    'Boreham',
  ],
  colchester: ['Colchester', 'Wivenhoe', 'Tiptree', 'West Mersea', 'Mersea', 'Stanway', 'Dedham', 'Rowhedge'],
  'epping-forest': [
    'Epping Forest',
    'Epping',
    'Loughton',
    'Waltham Abbey',
    'Chipping Ongar',
    'Ongar',
    'Buckhurst Hill',
    'Chigwell',
    'Theydon Bois',
    'North Weald',
  ],
  harlow: ['Harlow', 'Old Harlow', 'Church Langley', 'Potter Street'],
  maldon: ['Maldon', 'Heybridge', 'Burnham-on-Crouch', 'Tollesbury', 'Southminster', 'Latchingdon'],
  rochford: [
    'Rochford',
    'Rayleigh',
    'Hockley',
    'Hullbridge',
    'Great Wakering',
    'Ashingdon',
    'Canewdon',
    'Hawkwell',
  ],
  tendring: [
    'Tendring',
    'Clacton-on-Sea',
    'Clacton',
    'Harwich',
    'Dovercourt',
    'Frinton-on-Sea',
    'Frinton',
    'Walton-on-the-Naze',
    'Brightlingsea',
    'Manningtree',
    'Jaywick',
    'Lawford',
    'St Osyth',
  ],
  uttlesford: [
    'Uttlesford',
    'Saffron Walden',
    'Great Dunmow',
    'Dunmow',
    'Stansted Mountfitchet',
    'Thaxted',
    'Takeley',
    'Elsenham',
  ],
};

/** Health and partnership areas people write in service areas ("Mid Essex"), longest first. */
const SUB_REGIONS: readonly (readonly [string, readonly District[]])[] = [
  ['north east essex', ['colchester', 'tendring']],
  ['south east essex', ['castle-point', 'rochford']],
  ['south west essex', ['basildon', 'brentwood']],
  ['mid essex', ['chelmsford', 'braintree', 'maldon']],
  ['west essex', ['epping-forest', 'harlow', 'uttlesford']],
];

const COUNTY_WIDE =
  /\b(?:all of|whole of|across|throughout|anywhere in) essex\b|\bcounty ?wide\b|\bessex ?wide\b/;

const PLACE_INDEX: readonly (readonly [string, District])[] = DISTRICTS.flatMap((district) =>
  DISTRICT_PLACES[district].map((place) => [normaliseWords(place), district] as const),
);

/** Districts in Signpost's usual order, without repeats. */
export function sortDistricts(districts: Iterable<District>): District[] {
  const found = new Set(districts);
  return DISTRICTS.filter((district) => found.has(district));
}

/** The districts a piece of text names, through their towns or a sub-region such as "Mid Essex". */
export function districtsNamedIn(text: string): District[] {
  let words = normaliseWords(text);
  const found: District[] = [];
  for (const [region, districts] of SUB_REGIONS) {
    const padded = ` ${region} `;
    if (words.includes(padded)) {
      found.push(...districts);
      words = words.split(padded).join(' ');
    }
  }
  for (const [place, district] of PLACE_INDEX) if (words.includes(place)) found.push(district);
  return sortDistricts(found);
}

/** The district of a single place name ("Clacton-on-Sea", "Chelmsford"), if it is in Essex. */
export function districtOfPlace(place: string): District | undefined {
  const words = normaliseWords(place);
  for (const [name, district] of PLACE_INDEX) if (words.includes(name)) return district;
  return undefined;
}

/**
 * "CM1 1AA", "cm11aa" or "CM1" → the district most of that postcode district lies in; none for Southend
 * and Thurrock, which have councils of their own. A town name in the address wins over this.
 */
export function districtOfPostcode(postcode: string): District | undefined {
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  const outward = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})?$/.exec(compact)?.[1];
  // One table of outward codes for the whole app, so the importer and the distance search agree.
  return outward === undefined ? undefined : ESSEX_OUTWARD_CODES[outward]?.district;
}

/** True when text says a service covers the whole county: "Essex", "all of Essex", "county-wide". */
export function meansWholeCounty(text: string): boolean {
  let words = normaliseWords(text);
  if (COUNTY_WIDE.test(words)) return true;
  for (const [region] of SUB_REGIONS) words = words.split(` ${region} `).join(' ');
  return words.includes(' essex ') && districtsNamedIn(words).length === 0;
}
