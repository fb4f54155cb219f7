import type { District } from '../service-terms.ts';

/**
 * Essex postcode districts (outward codes) with an approximate centre and the Essex district each mostly
 * falls in.
 *
 * WHERE THESE FIGURES COME FROM: they are approximate. They were compiled by hand from the known
 * positions of the towns and villages each outward code serves (for example CM9 = Maldon, Heybridge,
 * Tollesbury), weighting towards where most people live. They are accurate to a mile or two, which is
 * enough to sort a directory by distance and to guess a district, and no more. Outward codes that straddle
 * a boundary are given the district where most of their people live (CM3 also reaches into Maldon, CM4
 * into Chelmsford, CO6 into Braintree, CM22 into Epping Forest, and so on).
 *
 * For production, replace this table with centroids derived from the ONS Postcode Directory (ONSPD),
 * published by the Office for National Statistics under the Open Government Licence v3.0: the mean
 * position of the live postcodes in each outward code, and the local authority district that holds most
 * of them.
 *
 * Entries without a district are in the county of Essex but served by a unitary council (Southend-on-Sea
 * or Thurrock), not by Essex County Council's twelve districts. They are kept so that a resident there
 * still gets distances to nearby services.
 */
export interface OutwardCentroid {
  lat: number;
  lng: number;
  district?: District;
  /** Set when the outward code is in Essex but its council is a unitary authority. */
  unitary?: 'southend-on-sea' | 'thurrock';
}

export const ESSEX_OUTWARD_CODES: Readonly<Record<string, OutwardCentroid>> = {
  // Basildon
  CM11: { lat: 51.625, lng: 0.43, district: 'basildon' }, // Billericay (east), Ramsden Heath
  CM12: { lat: 51.632, lng: 0.405, district: 'basildon' }, // Billericay (west)
  SS11: { lat: 51.62, lng: 0.53, district: 'basildon' }, // Wickford (north), Runwell
  SS12: { lat: 51.603, lng: 0.51, district: 'basildon' }, // Wickford, Shotgate
  SS13: { lat: 51.566, lng: 0.508, district: 'basildon' }, // Pitsea, Bowers Gifford
  SS14: { lat: 51.577, lng: 0.478, district: 'basildon' }, // Basildon town centre, Fryerns
  SS15: { lat: 51.575, lng: 0.42, district: 'basildon' }, // Laindon
  SS16: { lat: 51.561, lng: 0.448, district: 'basildon' }, // Langdon Hills, Vange
  // Braintree
  CM7: { lat: 51.895, lng: 0.545, district: 'braintree' }, // Braintree, Finchingfield, Wethersfield
  CM77: { lat: 51.862, lng: 0.54, district: 'braintree' }, // Great Notley, Rayne, Cressing
  CM8: { lat: 51.8, lng: 0.638, district: 'braintree' }, // Witham, Rivenhall, Terling
  CO8: { lat: 51.972, lng: 0.77, district: 'braintree' }, // Bures Hamlet and villages (also Suffolk)
  CO9: { lat: 51.96, lng: 0.62, district: 'braintree' }, // Halstead, Sible and Castle Hedingham
  // Brentwood
  CM4: { lat: 51.672, lng: 0.385, district: 'brentwood' }, // Ingatestone, Blackmore (also Stock)
  CM13: { lat: 51.608, lng: 0.34, district: 'brentwood' }, // Hutton, Ingrave, West Horndon
  CM14: { lat: 51.614, lng: 0.29, district: 'brentwood' }, // Brentwood town, Warley
  CM15: { lat: 51.645, lng: 0.29, district: 'brentwood' }, // Shenfield, Pilgrims Hatch, Doddinghurst
  // Castle Point
  SS7: { lat: 51.561, lng: 0.578, district: 'castle-point' }, // Benfleet, Thundersley, Hadleigh
  SS8: { lat: 51.52, lng: 0.58, district: 'castle-point' }, // Canvey Island
  // Chelmsford
  CM1: { lat: 51.748, lng: 0.45, district: 'chelmsford' }, // Chelmsford (north, west), Writtle, Broomfield
  CM2: { lat: 51.72, lng: 0.49, district: 'chelmsford' }, // Chelmsford (south, east), Great Baddow
  CM3: { lat: 51.705, lng: 0.58, district: 'chelmsford' }, // South Woodham Ferrers, Danbury, Boreham
  // Colchester
  CO1: { lat: 51.889, lng: 0.905, district: 'colchester' }, // Colchester town centre
  CO2: { lat: 51.872, lng: 0.9, district: 'colchester' }, // Colchester (south), Old Heath
  CO3: { lat: 51.886, lng: 0.86, district: 'colchester' }, // Lexden, Stanway
  CO4: { lat: 51.905, lng: 0.93, district: 'colchester' }, // Highwoods, Mile End, Greenstead
  CO5: { lat: 51.8, lng: 0.83, district: 'colchester' }, // Tiptree, West Mersea (also Kelvedon)
  CO6: { lat: 51.9, lng: 0.76, district: 'colchester' }, // West Bergholt, Marks Tey (also Coggeshall)
  // Epping Forest
  CM5: { lat: 51.707, lng: 0.245, district: 'epping-forest' }, // Chipping Ongar, Fyfield
  CM16: { lat: 51.7, lng: 0.122, district: 'epping-forest' }, // Epping, Theydon Bois, North Weald
  EN9: { lat: 51.7, lng: 0.008, district: 'epping-forest' }, // Waltham Abbey, Nazeing
  IG7: { lat: 51.617, lng: 0.08, district: 'epping-forest' }, // Chigwell, Grange Hill
  IG9: { lat: 51.625, lng: 0.037, district: 'epping-forest' }, // Buckhurst Hill
  IG10: { lat: 51.65, lng: 0.065, district: 'epping-forest' }, // Loughton
  RM4: { lat: 51.64, lng: 0.14, district: 'epping-forest' }, // Abridge, Stapleford Abbotts, Navestock
  // Harlow
  CM17: { lat: 51.77, lng: 0.14, district: 'harlow' }, // Old Harlow, Potter Street
  CM18: { lat: 51.754, lng: 0.1, district: 'harlow' }, // Harlow (south), Staple Tye
  CM19: { lat: 51.763, lng: 0.065, district: 'harlow' }, // Harlow (west), Great Parndon, Roydon
  CM20: { lat: 51.78, lng: 0.1, district: 'harlow' }, // Harlow town centre (north)
  // Maldon
  CM0: { lat: 51.66, lng: 0.84, district: 'maldon' }, // Burnham-on-Crouch, Southminster, Bradwell
  CM9: { lat: 51.74, lng: 0.71, district: 'maldon' }, // Maldon, Heybridge, Tollesbury
  // Rochford
  SS4: { lat: 51.59, lng: 0.71, district: 'rochford' }, // Rochford, Ashingdon, Canewdon
  SS5: { lat: 51.607, lng: 0.64, district: 'rochford' }, // Hockley, Hullbridge, Hawkwell
  SS6: { lat: 51.586, lng: 0.602, district: 'rochford' }, // Rayleigh
  // Tendring
  CO7: { lat: 51.86, lng: 1.0, district: 'tendring' }, // Brightlingsea, Elmstead, Alresford (also Wivenhoe)
  CO11: { lat: 51.942, lng: 1.07, district: 'tendring' }, // Manningtree, Mistley, Lawford
  CO12: { lat: 51.932, lng: 1.265, district: 'tendring' }, // Harwich, Dovercourt
  CO13: { lat: 51.832, lng: 1.235, district: 'tendring' }, // Frinton-on-Sea, Kirby Cross
  CO14: { lat: 51.85, lng: 1.265, district: 'tendring' }, // Walton-on-the-Naze
  CO15: { lat: 51.792, lng: 1.15, district: 'tendring' }, // Clacton-on-Sea
  CO16: { lat: 51.81, lng: 1.11, district: 'tendring' }, // Great Clacton, Jaywick, St Osyth, Weeley
  // Uttlesford
  CB10: { lat: 52.035, lng: 0.28, district: 'uttlesford' }, // Saffron Walden (north, east), Great Chesterford
  CB11: { lat: 51.985, lng: 0.2, district: 'uttlesford' }, // Saffron Walden (south), Newport, Clavering
  CM6: { lat: 51.89, lng: 0.37, district: 'uttlesford' }, // Great Dunmow, Thaxted, Felsted
  CM22: { lat: 51.84, lng: 0.23, district: 'uttlesford' }, // Takeley, Hatfield Broad Oak (also Sheering)
  CM24: { lat: 51.9, lng: 0.2, district: 'uttlesford' }, // Stansted Mountfitchet
  // In Essex, but unitary councils (not Essex County Council)
  SS0: { lat: 51.542, lng: 0.685, unitary: 'southend-on-sea' }, // Westcliff-on-Sea
  SS1: { lat: 51.535, lng: 0.725, unitary: 'southend-on-sea' }, // Southend-on-Sea, Thorpe Bay
  SS2: { lat: 51.553, lng: 0.71, unitary: 'southend-on-sea' }, // Prittlewell, Southchurch
  SS3: { lat: 51.543, lng: 0.79, unitary: 'southend-on-sea' }, // Shoeburyness (also Great Wakering)
  SS9: { lat: 51.548, lng: 0.65, unitary: 'southend-on-sea' }, // Leigh-on-Sea, Eastwood
  SS17: { lat: 51.52, lng: 0.43, unitary: 'thurrock' }, // Stanford-le-Hope, Corringham
  RM15: { lat: 51.51, lng: 0.29, unitary: 'thurrock' }, // South Ockendon, Aveley
  RM16: { lat: 51.493, lng: 0.35, unitary: 'thurrock' }, // Chafford Hundred, Orsett
  RM17: { lat: 51.478, lng: 0.33, unitary: 'thurrock' }, // Grays
  RM18: { lat: 51.462, lng: 0.37, unitary: 'thurrock' }, // Tilbury
  RM19: { lat: 51.482, lng: 0.24, unitary: 'thurrock' }, // Purfleet
  RM20: { lat: 51.476, lng: 0.28, unitary: 'thurrock' }, // West Thurrock
};

/**
 * Outward codes in postcode areas that Essex shares with its neighbours, but which are outside Essex
 * (Cambridge, Haverhill, Sudbury, Bishop's Stortford, Sawbridgeworth, east London...). A postcode here is
 * "not in Essex" rather than "unknown".
 */
export const NEIGHBOURING_OUTWARD_CODES: ReadonlySet<string> = new Set([
  ...range('CB', 1, 9),
  ...range('CB', 21, 25),
  'CM21',
  'CM23',
  'CO10',
  ...range('RM', 1, 3),
  ...range('RM', 5, 14),
  ...range('IG', 1, 6),
  'IG8',
  'IG11',
  ...range('EN', 1, 8),
  'EN10',
  'EN11',
]);

/** Postcode areas (the leading letters) that hold at least part of Essex. */
export const ESSEX_POSTCODE_AREAS: ReadonlySet<string> = new Set(['CB', 'CM', 'CO', 'EN', 'IG', 'RM', 'SS']);

/**
 * A hand-placed centre for each district: its main town, nudged towards where its people live. Same
 * provenance and accuracy as the table above.
 */
export const DISTRICT_CENTROIDS: Readonly<Record<District, { lat: number; lng: number }>> = {
  basildon: { lat: 51.58, lng: 0.47 },
  braintree: { lat: 51.88, lng: 0.6 },
  brentwood: { lat: 51.63, lng: 0.31 },
  'castle-point': { lat: 51.55, lng: 0.58 },
  chelmsford: { lat: 51.735, lng: 0.47 },
  colchester: { lat: 51.88, lng: 0.88 },
  'epping-forest': { lat: 51.67, lng: 0.1 },
  harlow: { lat: 51.77, lng: 0.1 },
  maldon: { lat: 51.72, lng: 0.75 },
  rochford: { lat: 51.595, lng: 0.66 },
  tendring: { lat: 51.85, lng: 1.13 },
  uttlesford: { lat: 51.93, lng: 0.28 },
};

function range(area: string, from: number, to: number): string[] {
  const codes: string[] = [];
  for (let n = from; n <= to; n++) codes.push(`${area}${n}`);
  return codes;
}
