import { DISTRICTS, type District } from '../service.ts';
import { normaliseWords } from './words.ts';

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

/** Postcode districts (the part before the space) and the council most of each lies in; a town name wins. */
export const POSTCODE_DISTRICTS: Readonly<Record<string, District>> = {
  SS11: 'basildon',
  SS12: 'basildon',
  SS13: 'basildon',
  SS14: 'basildon',
  SS15: 'basildon',
  SS16: 'basildon',
  CM11: 'basildon',
  CM12: 'basildon',
  CM7: 'braintree',
  CM77: 'braintree',
  CM8: 'braintree',
  CO9: 'braintree',
  CM4: 'brentwood',
  CM13: 'brentwood',
  CM14: 'brentwood',
  CM15: 'brentwood',
  SS7: 'castle-point',
  SS8: 'castle-point',
  CM1: 'chelmsford',
  CM2: 'chelmsford',
  CM3: 'chelmsford',
  CO1: 'colchester',
  CO2: 'colchester',
  CO3: 'colchester',
  CO4: 'colchester',
  CO5: 'colchester',
  CO6: 'colchester',
  CO7: 'colchester',
  CM5: 'epping-forest',
  CM16: 'epping-forest',
  EN9: 'epping-forest',
  IG7: 'epping-forest',
  IG9: 'epping-forest',
  IG10: 'epping-forest',
  CM17: 'harlow',
  CM18: 'harlow',
  CM19: 'harlow',
  CM20: 'harlow',
  CM0: 'maldon',
  CM9: 'maldon',
  SS3: 'rochford',
  SS4: 'rochford',
  SS5: 'rochford',
  SS6: 'rochford',
  CO11: 'tendring',
  CO12: 'tendring',
  CO13: 'tendring',
  CO14: 'tendring',
  CO15: 'tendring',
  CO16: 'tendring',
  CB10: 'uttlesford',
  CB11: 'uttlesford',
  CM6: 'uttlesford',
  CM22: 'uttlesford',
  CM24: 'uttlesford',
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

/** "CM1 1AA", "cm11aa" or "CM1" → the district most of that postcode district lies in. */
export function districtOfPostcode(postcode: string): District | undefined {
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  const outward = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})?$/.exec(compact)?.[1];
  return outward === undefined ? undefined : POSTCODE_DISTRICTS[outward];
}

/** True when text says a service covers the whole county: "Essex", "all of Essex", "county-wide". */
export function meansWholeCounty(text: string): boolean {
  let words = normaliseWords(text);
  if (COUNTY_WIDE.test(words)) return true;
  for (const [region] of SUB_REGIONS) words = words.split(` ${region} `).join(' ');
  return words.includes(' essex ') && districtsNamedIn(words).length === 0;
}
