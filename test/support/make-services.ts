import type { Service, ServiceLocation } from '../../src/domain/service.ts';
import type { District } from '../../src/domain/service-terms.ts';

/**
 * A small, deterministic factory of realistic (fictional) Essex `Service` records for tests. Nothing is
 * random and nothing depends on call order: ids come from names, places from a fixed table of towns.
 */

/** Towns with their real positions (to a few hundred metres) and districts. */
export const TOWNS = {
  basildon: { lat: 51.576, lng: 0.488, district: 'basildon', postcode: 'SS14 1DL' },
  braintree: { lat: 51.878, lng: 0.553, district: 'braintree', postcode: 'CM7 1TY' },
  witham: { lat: 51.8, lng: 0.64, district: 'braintree', postcode: 'CM8 2FB' },
  brentwood: { lat: 51.621, lng: 0.306, district: 'brentwood', postcode: 'CM14 4BP' },
  canvey: { lat: 51.52, lng: 0.58, district: 'castle-point', postcode: 'SS8 7AA' },
  chelmsford: { lat: 51.736, lng: 0.469, district: 'chelmsford', postcode: 'CM1 1QH' },
  colchester: { lat: 51.889, lng: 0.904, district: 'colchester', postcode: 'CO1 1PJ' },
  loughton: { lat: 51.648, lng: 0.055, district: 'epping-forest', postcode: 'IG10 1HP' },
  harlow: { lat: 51.773, lng: 0.102, district: 'harlow', postcode: 'CM20 1AB' },
  maldon: { lat: 51.731, lng: 0.676, district: 'maldon', postcode: 'CM9 5PZ' },
  rayleigh: { lat: 51.586, lng: 0.604, district: 'rochford', postcode: 'SS6 7ED' },
  clacton: { lat: 51.792, lng: 1.147, district: 'tendring', postcode: 'CO15 1SE' },
  'saffron-walden': { lat: 52.022, lng: 0.239, district: 'uttlesford', postcode: 'CB10 1JB' },
} as const satisfies Record<string, { lat: number; lng: number; district: District; postcode: string }>;
export type Town = keyof typeof TOWNS;

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A located place in a town, with a Monday-to-Friday 9 to 5 schedule unless told otherwise. */
export function makeLocation(town: Town, overrides: Partial<ServiceLocation> = {}): ServiceLocation {
  const place = TOWNS[town];
  return {
    id: `loc-${town}`,
    address: `1 High Street, ${town
      .split('-')
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join(' ')}`,
    postcode: place.postcode,
    district: place.district,
    lat: place.lat,
    lng: place.lng,
    accessibility: [],
    schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' }],
    ...overrides,
  };
}

type ServiceInput = Partial<Service> & { name: string; towns?: Town[] };

/**
 * A service with plain defaults: free, in person, staying-well, no age limits. `towns` adds a location in
 * each town and lists its districts (unless `districts` is given).
 */
export function makeService(input: ServiceInput): Service {
  const { towns = [], ...overrides } = input;
  const locations = overrides.locations ?? towns.map((town) => makeLocation(town));
  const districts = overrides.districts ?? [...new Set(towns.map((town): District => TOWNS[town].district))];
  const service: Service = {
    id: slug(input.name),
    organization: 'Essex Community Trust (sample)',
    description: `${input.name}.`,
    themes: ['staying-well'],
    whoFor: [],
    free: true,
    delivery: ['in-person'],
    countyWide: false,
    schedules: [],
    languages: ['en'],
    taxonomy: [],
    updatedAt: '2025-01-06T09:00:00Z',
    lastChecked: '2025-01-06',
    sample: true,
    ...overrides,
    locations,
    districts,
  };
  return service;
}

/** A fixed, realistic directory of 22 fictional services covering every need in the guided help. */
export function makeDirectory(): Service[] {
  return [
    makeService({
      name: 'Essex Carers Support Line',
      organization: 'Carers Together Essex',
      summary: 'Advice and a listening ear for unpaid carers, by phone and online.',
      description:
        'Information, advice and emotional support for anyone who looks after a family member or friend. ' +
        'We help with carer assessments, planning for emergencies and arranging a break.',
      themes: ['carers'],
      whoFor: ['carer-self'],
      delivery: ['phone', 'online'],
      countyWide: true,
      districts: [],
      taxonomy: [{ id: 'carers-support', name: 'Carers support' }],
    }),
    makeService({
      name: "Chelmsford Carers' Café",
      summary: 'A friendly monthly café where unpaid carers meet others who understand.',
      description: 'Tea, cake and peer support for carers. Bring the person you care for if you like.',
      themes: ['carers', 'work-and-activities'],
      whoFor: ['carer-self'],
      towns: ['chelmsford'],
      taxonomy: [{ id: 'peer-support-group', name: 'Peer support group' }],
    }),
    makeService({
      name: 'Epping Forest Carers Group',
      description: 'A fortnightly group for carers in Loughton and Epping: talks, outings and a chat.',
      themes: ['carers'],
      whoFor: ['carer-self'],
      towns: ['loughton'],
      taxonomy: [{ id: 'carers-support', name: 'Carers support' }],
    }),
    makeService({
      name: 'Young Carers Groups',
      description: 'Groups, trips and someone to talk to for young carers aged 8 to 17.',
      themes: ['carers'],
      whoFor: ['carer-self'],
      minAge: 8,
      maxAge: 17,
      countyWide: true,
      taxonomy: [{ id: 'young-carers', name: 'Young carers' }],
    }),
    makeService({
      name: 'Memory Lane Dementia Café',
      summary: 'A relaxed café for people living with dementia and the people who care for them.',
      description: 'Music, reminiscence and information about memory services, every second Tuesday.',
      whoFor: ['cared-for', 'carer-self', 'older-people'],
      towns: ['colchester'],
      taxonomy: [{ id: 'dementia-support', name: 'Dementia support' }],
    }),
    makeService({
      name: 'Colchester Befriending Scheme',
      description: 'Volunteers visit or phone older people who feel lonely or isolated, once a week.',
      whoFor: ['older-people'],
      delivery: ['in-person', 'phone'],
      towns: ['colchester'],
      minAge: 60,
      taxonomy: [{ id: 'befriending', name: 'Befriending' }],
    }),
    makeService({
      name: 'Basildon Wellbeing Hub',
      summary: 'Drop in if you are feeling low, anxious or stressed.',
      description: 'Talk to someone in confidence, join a wellbeing group or get help with low mood.',
      whoFor: ['mental-health'],
      towns: ['basildon'],
      taxonomy: [{ id: 'mental-health-support', name: 'Mental health support' }],
    }),
    makeService({
      name: 'Welfare Rights and Benefits Advice',
      organization: 'Essex Welfare Rights (sample)',
      summary: 'Check you get the benefits you are entitled to.',
      description:
        'Help with claims for Attendance Allowance, Pension Credit and Personal Independence Payment, ' +
        'and with debt and the cost of living.',
      delivery: ['phone', 'online'],
      countyWide: true,
      taxonomy: [{ id: 'benefits-advice', name: 'Benefits advice' }],
    }),
    makeService({
      name: 'Home from Hospital Service',
      description:
        'Short-term practical support after a hospital stay: shopping, collecting prescriptions and ' +
        'settling back in at home.',
      whoFor: ['older-people'],
      towns: ['braintree', 'witham'],
      taxonomy: [{ id: 'hospital-discharge', name: 'Hospital discharge support' }],
    }),
    makeService({
      name: 'Careline Personal Alarms',
      description:
        'A personal alarm and falls detector that connects you to a 24-hour response team. Installed at home.',
      free: false,
      cost: '£4.50 a week',
      delivery: ['phone'],
      countyWide: true,
      taxonomy: [{ id: 'telecare', name: 'Telecare and alarms' }],
    }),
    makeService({
      name: 'Castle Point Scams Awareness',
      description: 'Talks and one-to-one advice to help you spot scams, fraud and doorstep crime.',
      whoFor: ['older-people'],
      towns: ['canvey'],
      taxonomy: [{ id: 'scams', name: 'Scams and fraud' }],
    }),
    makeService({
      name: 'Harlow Community Transport',
      description: 'Door-to-door dial-a-ride minibus for people who find buses difficult.',
      whoFor: ['physical-sensory', 'older-people'],
      free: false,
      cost: '£3 each way',
      towns: ['harlow'],
      taxonomy: [{ id: 'community-transport', name: 'Community transport' }],
    }),
    makeService({
      name: 'Tendring Housing Options',
      description: 'Advice if you are homeless or at risk of losing your home, and help to find a tenancy.',
      themes: ['housing'],
      towns: ['clacton'],
      taxonomy: [{ id: 'housing-advice', name: 'Housing advice' }],
    }),
    makeService({
      name: 'Essex Supported Employment',
      description: 'Job coaching and support into paid work for adults with a learning disability or autism.',
      themes: ['work-and-activities'],
      whoFor: ['learning-disability', 'autism'],
      minAge: 18,
      maxAge: 64,
      countyWide: true,
      delivery: ['in-person', 'online'],
      taxonomy: [{ id: 'employment-support', name: 'Employment support' }],
    }),
    makeService({
      name: 'Maldon Volunteer Centre',
      description: 'Find volunteering that suits you, from gardening to driving.',
      themes: ['work-and-activities'],
      towns: ['maldon'],
      taxonomy: [{ id: 'volunteering', name: 'Volunteering' }],
    }),
    makeService({
      name: 'Brentwood Health Walks',
      description: 'Gentle guided walks of about an hour, starting from the library.',
      themes: ['staying-well', 'work-and-activities'],
      whoFor: ['older-people'],
      towns: ['brentwood'],
      taxonomy: [{ id: 'physical-activity', name: 'Physical activity' }],
    }),
    makeService({
      name: 'Essex Equipment and Daily Living Aids',
      description:
        'Equipment to help with everyday tasks at home: grab rails, bath seats, kettle tippers and more.',
      whoFor: ['physical-sensory', 'older-people'],
      delivery: ['in-person', 'phone'],
      countyWide: true,
      taxonomy: [{ id: 'equipment', name: 'Equipment and adaptations' }],
    }),
    makeService({
      name: 'Saffron Walden Lunch Club',
      description: 'A hot two-course lunch and good company every Thursday.',
      themes: ['work-and-activities'],
      whoFor: ['older-people'],
      free: false,
      cost: '£6 a meal',
      minAge: 60,
      towns: ['saffron-walden'],
      taxonomy: [{ id: 'lunch-club', name: 'Lunch club' }],
    }),
    makeService({
      name: 'Rochford Home Help',
      description: 'Help around the home: cleaning, shopping and laundry, weekly or fortnightly.',
      whoFor: ['older-people'],
      free: false,
      cost: 'From £18 an hour',
      towns: ['rayleigh'],
      taxonomy: [{ id: 'home-help', name: 'Home help' }],
    }),
    makeService({
      name: 'Washing and Dressing Support at Home',
      description: 'Personal care at home from trained staff: washing, dressing and help with meals.',
      whoFor: ['older-people', 'physical-sensory'],
      free: false,
      cost: 'Charged after a financial assessment',
      towns: ['chelmsford'],
      taxonomy: [{ id: 'personal-care', name: 'Personal care' }],
    }),
    makeService({
      name: 'Living Well Online Guides',
      description: 'Easy-to-read guides and information about staying independent at home.',
      delivery: ['online'],
      countyWide: true,
      taxonomy: [{ id: 'information-advice', name: 'Information and advice' }],
    }),
    makeService({
      name: 'Witham Community Advice',
      description: 'Free, independent advice and information on any problem. Drop in or phone.',
      delivery: ['in-person', 'phone'],
      towns: ['witham'],
      taxonomy: [{ id: 'advice', name: 'General advice' }],
    }),
  ];
}

/** One service from `makeDirectory` by its id; throws when the id is wrong (a broken test). */
export function serviceById(services: readonly Service[], id: string): Service {
  const found = services.find((service) => service.id === id);
  if (!found) throw new Error(`no test service ${id}`);
  return found;
}
