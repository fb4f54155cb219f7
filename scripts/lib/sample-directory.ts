import { DISTRICT_NAMES, sortDistricts } from '../../src/domain/oruk/essex-places.ts';
import {
  fromService,
  orukPage,
  type OrukPage,
  type OrukServiceOut,
} from '../../src/domain/oruk/from-service.ts';
import { hash128, stableUuid, uuidFromWords } from '../../src/domain/oruk/stable-id.ts';
import type { Schedule, Service, ServiceLocation } from '../../src/domain/service.ts';
import {
  DELIVERY,
  DISTRICTS,
  THEMES,
  WHO_FOR,
  type Delivery,
  type District,
  type Theme,
  type WhoFor,
} from '../../src/domain/service-terms.ts';

/**
 * A realistic but FICTIONAL Essex directory: invented organisations, venues and streets in real towns, phone
 * numbers only from Ofcom's drama ranges, addresses only on example domains, every record marked sample.
 * Each service is built from (seed, index) alone, so any size can be streamed and a run of N is a prefix.
 */

export const SAMPLE_SIZE = 360;
export const SAMPLE_SEED = 'signpost-essex-sample';
/** Dates in the sample (last checked, course terms) are relative to this day, so the file is reproducible. */
export const SAMPLE_TODAY = '2026-11-16';

export interface SampleOptions {
  seed?: string;
  /** YYYY-MM-DD. */
  today?: string;
}

/** sfc32, seeded from a hash of a string: small, fast and the same on every machine. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = hash128(seed);
    for (let i = 0; i < 12; i++) this.word();
  }

  word(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.word() / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Up to `count` different items, in their original order. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return items.filter((_, i) => chosen.has(i));
  }

  uuid(): string {
    return uuidFromWords([this.word(), this.word(), this.word(), this.word()], 4);
  }
}

interface Town {
  name: string;
  district: District;
  lat: number;
  lng: number;
  /** Postcode districts that cover the town. */
  outward: readonly string[];
}

const TOWNS: readonly Town[] = [
  { name: 'Basildon', district: 'basildon', lat: 51.5761, lng: 0.4887, outward: ['SS14', 'SS15', 'SS16'] },
  { name: 'Billericay', district: 'basildon', lat: 51.628, lng: 0.419, outward: ['CM12', 'CM11'] },
  { name: 'Wickford', district: 'basildon', lat: 51.6114, lng: 0.5207, outward: ['SS11', 'SS12'] },
  { name: 'Pitsea', district: 'basildon', lat: 51.564, lng: 0.506, outward: ['SS13'] },
  { name: 'Braintree', district: 'braintree', lat: 51.8786, lng: 0.5528, outward: ['CM7'] },
  { name: 'Witham', district: 'braintree', lat: 51.8007, lng: 0.6397, outward: ['CM8'] },
  { name: 'Halstead', district: 'braintree', lat: 51.9451, lng: 0.6411, outward: ['CO9'] },
  { name: 'Silver End', district: 'braintree', lat: 51.848, lng: 0.621, outward: ['CM8'] },
  { name: 'Brentwood', district: 'brentwood', lat: 51.6214, lng: 0.305, outward: ['CM14', 'CM15'] },
  { name: 'Shenfield', district: 'brentwood', lat: 51.63, lng: 0.329, outward: ['CM15'] },
  { name: 'Ingatestone', district: 'brentwood', lat: 51.671, lng: 0.384, outward: ['CM4'] },
  { name: 'Canvey Island', district: 'castle-point', lat: 51.5236, lng: 0.5836, outward: ['SS8'] },
  { name: 'Benfleet', district: 'castle-point', lat: 51.552, lng: 0.559, outward: ['SS7'] },
  { name: 'Hadleigh', district: 'castle-point', lat: 51.553, lng: 0.61, outward: ['SS7'] },
  { name: 'Thundersley', district: 'castle-point', lat: 51.568, lng: 0.587, outward: ['SS7'] },
  { name: 'Chelmsford', district: 'chelmsford', lat: 51.7356, lng: 0.4685, outward: ['CM1', 'CM2'] },
  { name: 'South Woodham Ferrers', district: 'chelmsford', lat: 51.646, lng: 0.614, outward: ['CM3'] },
  { name: 'Great Baddow', district: 'chelmsford', lat: 51.719, lng: 0.507, outward: ['CM2'] },
  { name: 'Writtle', district: 'chelmsford', lat: 51.729, lng: 0.427, outward: ['CM1'] },
  {
    name: 'Colchester',
    district: 'colchester',
    lat: 51.8892,
    lng: 0.9042,
    outward: ['CO1', 'CO2', 'CO3', 'CO4'],
  },
  { name: 'Wivenhoe', district: 'colchester', lat: 51.856, lng: 0.959, outward: ['CO7'] },
  { name: 'Tiptree', district: 'colchester', lat: 51.811, lng: 0.748, outward: ['CO5'] },
  { name: 'West Mersea', district: 'colchester', lat: 51.778, lng: 0.917, outward: ['CO5'] },
  { name: 'Epping', district: 'epping-forest', lat: 51.6986, lng: 0.1106, outward: ['CM16'] },
  { name: 'Loughton', district: 'epping-forest', lat: 51.6494, lng: 0.0735, outward: ['IG10'] },
  { name: 'Waltham Abbey', district: 'epping-forest', lat: 51.6873, lng: -0.0042, outward: ['EN9'] },
  { name: 'Chipping Ongar', district: 'epping-forest', lat: 51.705, lng: 0.244, outward: ['CM5'] },
  {
    name: 'Harlow',
    district: 'harlow',
    lat: 51.7727,
    lng: 0.1023,
    outward: ['CM17', 'CM18', 'CM19', 'CM20'],
  },
  { name: 'Old Harlow', district: 'harlow', lat: 51.78, lng: 0.13, outward: ['CM17'] },
  { name: 'Church Langley', district: 'harlow', lat: 51.762, lng: 0.139, outward: ['CM17'] },
  { name: 'Maldon', district: 'maldon', lat: 51.7318, lng: 0.6758, outward: ['CM9'] },
  { name: 'Heybridge', district: 'maldon', lat: 51.742, lng: 0.691, outward: ['CM9'] },
  { name: 'Burnham-on-Crouch', district: 'maldon', lat: 51.633, lng: 0.814, outward: ['CM0'] },
  { name: 'Tollesbury', district: 'maldon', lat: 51.759, lng: 0.834, outward: ['CM9'] },
  { name: 'Rochford', district: 'rochford', lat: 51.582, lng: 0.7064, outward: ['SS4'] },
  { name: 'Rayleigh', district: 'rochford', lat: 51.5864, lng: 0.6049, outward: ['SS6'] },
  { name: 'Hockley', district: 'rochford', lat: 51.601, lng: 0.654, outward: ['SS5'] },
  { name: 'Hullbridge', district: 'rochford', lat: 51.615, lng: 0.617, outward: ['SS5'] },
  { name: 'Clacton-on-Sea', district: 'tendring', lat: 51.7918, lng: 1.1457, outward: ['CO15', 'CO16'] },
  { name: 'Harwich', district: 'tendring', lat: 51.934, lng: 1.26, outward: ['CO12'] },
  { name: 'Frinton-on-Sea', district: 'tendring', lat: 51.83, lng: 1.244, outward: ['CO13'] },
  { name: 'Walton-on-the-Naze', district: 'tendring', lat: 51.848, lng: 1.268, outward: ['CO14'] },
  { name: 'Manningtree', district: 'tendring', lat: 51.944, lng: 1.062, outward: ['CO11'] },
  { name: 'Saffron Walden', district: 'uttlesford', lat: 52.0226, lng: 0.239, outward: ['CB10', 'CB11'] },
  { name: 'Great Dunmow', district: 'uttlesford', lat: 51.8727, lng: 0.3617, outward: ['CM6'] },
  { name: 'Stansted Mountfitchet', district: 'uttlesford', lat: 51.899, lng: 0.2, outward: ['CM24'] },
  { name: 'Thaxted', district: 'uttlesford', lat: 51.954, lng: 0.344, outward: ['CM6'] },
];

/** Invented names, checked against nothing but chosen to be unlikely to match a real building. */
const VENUE_NAMES = [
  'Quillfeather',
  'Marlpit',
  'Ottermead',
  'Pennycress',
  'Brindlecombe',
  'Larchmere',
  'Withybed',
  'Copperwick',
  'Heronsgate',
  'Saltings',
  'Tanglewood',
  'Cressbrook',
  'Foxhollow',
  'Amberlea',
  'Sedgemoor Park',
  'Kestrelmoor',
  'Puddingstone',
  'Wherrystone',
  'Threadneedle Green',
  'Lapwing',
];

const VENUE_TYPES = [
  'Community Centre',
  'Community Hub',
  'Village Hall',
  'Memorial Hall',
  'Methodist Church Hall',
  'Family and Community Centre',
  'Centre',
  'Pavilion',
];

const STREETS = [
  'Tanglewood Row',
  'Pennycress Lane',
  'Marlpit Walk',
  'Ottermead Road',
  'Saltgrass Way',
  'Brindlecombe Close',
  'Quillfeather Street',
  'Withybed Lane',
  'Larchmere Avenue',
  'Copperwick Drive',
  'Heronsgate Parade',
  'Cobnut Yard',
  'Lapwingate Crescent',
  'Wherrystone Mews',
  'Foxhollow Road',
  'Amberlea Gardens',
  'Puddingstone Lane',
  'Sedgemoor Rise',
  'Cressbrook Terrace',
  'Threadneedle Green',
];

const ACCESSIBILITY = [
  'Step-free access from the car park',
  'Hearing loop at the reception desk',
  'Accessible toilet',
  'Changing Places toilet with hoist and adult changing bench',
  'Blue Badge parking outside the entrance',
  'Large print and Easy Read leaflets available',
  'Quiet room available if you need a break',
  'Assistance dogs welcome',
  'Lift to all floors',
  'Automatic doors at the main entrance',
];

type OrgKind = 'carers' | 'older' | 'wellbeing' | 'housing' | 'work' | 'community' | 'disability' | 'arts';
type PhoneKind = 'landline' | 'mobile' | 'freephone';

interface Ctx {
  r: Random;
  /** Today plus `days`, as YYYY-MM-DD. */
  day(days: number): string;
  year: number;
  month: number;
}

interface Template {
  key: string;
  themes: readonly Theme[];
  whoFor: readonly WhoFor[];
  delivery: readonly Delivery[];
  /** {town}, {district}, {venue} and {org} are filled in. */
  names: readonly string[];
  summary: string;
  description: string;
  /** How to start: drop in, book, or be referred. {town}, {district}, {venue} and {org} are filled in. */
  howToGet?: string;
  /** A notice for everyone, shown first. */
  alert?: string;
  easyRead?: readonly string[];
  /** A free service may still say something about cost ("donations welcome"); a paid one always does. */
  free: boolean;
  costs?: readonly string[];
  /** venue: at a local venue; area: across a district, no venue; county: all Essex, no venue. */
  where: 'venue' | 'area' | 'county' | 'county-venue';
  /** A kind of local organisation, or the county-wide organisations that take turns to run it. */
  org: OrgKind | readonly string[];
  /** What kind of building it meets in, when a community centre or hall would be wrong. */
  venueTypes?: readonly string[];
  phone: PhoneKind;
  schedules(c: Ctx): Schedule[];
  minAge?: number;
  maxAge?: number;
  taxonomy: readonly string[];
}

const WEEKDAYS = 'MO,TU,WE,TH,FR';
const EVERY_DAY = 'MO,TU,WE,TH,FR,SA,SU';

function weekly(byday: string, opensAt: string, closesAt: string, extra: Partial<Schedule> = {}): Schedule {
  return { freq: 'WEEKLY', byday, opensAt, closesAt, ...extra };
}

function monthly(byday: string, opensAt: string, closesAt: string, extra: Partial<Schedule> = {}): Schedule {
  return { freq: 'MONTHLY', byday, opensAt, closesAt, ...extra };
}

function appointment(description: string, extra: Partial<Schedule> = {}): Schedule {
  return { byAppointment: true, description, ...extra };
}

/** A course of `weeks` weeks starting on a `byday` near today. */
function course(c: Ctx, byday: string, opensAt: string, closesAt: string, weeks: number): Schedule {
  const start = c.day(c.r.int(-20, 30));
  const validTo = addDays(start, weeks * 7 - 1);
  return weekly(byday, opensAt, closesAt, { validFrom: start, validTo, dtstart: start });
}

/** 1 November to 31 March around today. */
function winter(c: Ctx): Pick<Schedule, 'validFrom' | 'validTo'> {
  const year = c.month >= 6 ? c.year : c.year - 1;
  return { validFrom: `${year}-11-01`, validTo: `${year + 1}-03-31` };
}

const NTH = ['1', '2', '3', '4'];

const LOCAL_TEMPLATES: readonly Template[] = [
  {
    key: 'memory-cafe',
    howToGet:
      'Just come along. If it is your first visit, call us before and a volunteer will look out for you.',
    themes: ['staying-well', 'carers'],
    whoFor: ['carer-self', 'cared-for', 'older-people'],
    delivery: ['in-person', 'phone'],
    names: [
      '{town} Memory Café',
      'Memory Café at {venue}',
      'Forget-Me-Not Memory Café, {town}',
      'Remember When Café, {town}',
    ],
    summary: 'A relaxed monthly café for people living with dementia and the people who care for them.',
    description:
      'A friendly café for people with memory loss or dementia and their families and carers. Come for tea, cake, music and a chat with people who understand. Our volunteers can tell you about other support in {town} and help you get it.',
    easyRead: [
      'This is a café for people with dementia.',
      'You can bring the person who cares for you.',
      'You can have tea and cake.',
      'You can listen to music and talk to people.',
      'It is free.',
    ],
    free: true,
    costs: ['Free. Tea and cake by donation.', 'Free'],
    where: 'venue',
    org: 'older',
    phone: 'landline',
    schedules: (c) => [monthly(`${c.r.pick(NTH)}${c.r.pick(['TU', 'WE', 'TH'])}`, '14:00', '16:00')],
    taxonomy: ['Dementia support', 'Carers support'],
  },
  {
    key: 'carers-coffee',
    themes: ['carers'],
    whoFor: ['carer-self'],
    delivery: ['in-person'],
    names: [
      "{town} Carers' Coffee Morning",
      "Carers' Cuppa and Chat, {town}",
      'Time Out for Carers at {venue}',
    ],
    summary: 'Meet other unpaid carers over a hot drink. No need to book.',
    description:
      'If you look after someone, this is time for you. Meet other unpaid carers over a hot drink, swap tips and hear from a different guest speaker each month, from benefits advisers to physiotherapists. You do not need to book, and you can bring the person you look after if that is easier.',
    easyRead: [
      'This group is for carers.',
      'A carer looks after someone who needs help.',
      'You can meet other carers.',
      'You can have a hot drink and a chat.',
      'You do not need to book.',
    ],
    free: true,
    where: 'venue',
    org: 'carers',
    phone: 'mobile',
    schedules: (c) =>
      c.r.chance(0.5)
        ? [weekly(c.r.pick(['MO', 'TU', 'TH']), c.r.pick(['10:00', '10:30']), '12:00')]
        : [monthly(`${c.r.pick(NTH)}MO`, '10:30', '12:30')],
    minAge: 18,
    taxonomy: ['Carers support', 'Peer support'],
  },
  {
    key: 'housing-dropin',
    themes: ['housing'],
    whoFor: [],
    delivery: ['in-person', 'phone'],
    names: [
      'Housing Options Drop-in, {town}',
      'Help with Housing: {town} Advice Session',
      '{org}: Housing Advice Drop-in',
    ],
    summary: 'Free advice if you are worried about your home, your rent or where you live.',
    description:
      'Worried about losing your home, struggling with rent, or living somewhere that no longer suits your needs? An adviser will talk through your options, help you deal with your landlord and check you are getting all the help with housing costs you are entitled to. Bring any letters you have been sent.',
    free: true,
    where: 'venue',
    org: 'housing',
    phone: 'landline',
    schedules: (c) => [
      weekly(c.r.pick(['TU,TH', 'MO,WE', 'WE,FR']), '10:00', '13:00', { openOnBankHolidays: false }),
    ],
    minAge: 18,
    taxonomy: ['Housing advice'],
  },
  {
    key: 'volunteer-dropin',
    themes: ['work-and-activities'],
    whoFor: [],
    delivery: ['in-person', 'online'],
    names: ['Volunteering Drop-in, {town}', 'Find a Volunteering Role in {town}', '{org} Volunteer Centre'],
    summary: 'Find a volunteering role that suits you, with support if you need it.',
    description:
      'Thinking about volunteering? Drop in for a relaxed chat about what you enjoy and what you would like to get out of it. We list hundreds of roles across {district}, from befriending to driving to gardening, and we support disabled people and people with health conditions to find a role that works for them. You can also browse roles on our website.',
    free: true,
    where: 'venue',
    org: 'community',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['WE', 'TH']), '10:00', '14:00')],
    minAge: 16,
    taxonomy: ['Volunteering'],
  },
  {
    key: 'strength-balance',
    themes: ['staying-well', 'work-and-activities'],
    whoFor: ['older-people', 'physical-sensory'],
    delivery: ['in-person'],
    names: [
      'Steady and Strong Exercise Class, {town}',
      'Strength and Balance Class at {venue}',
      'Seated Exercise for Older People, {town}',
    ],
    summary: 'A gentle class to build strength and balance and help prevent falls.',
    description:
      'A gentle exercise class that builds strength and balance to help prevent falls. Most exercises can be done sitting down, and a qualified instructor adapts each one to suit you. Wear comfortable clothes and bring a drink of water. For people aged 60 and over.',
    free: false,
    costs: ['£3 a session', '£3.50 a class', '£4 a session, pay on the day'],
    where: 'venue',
    org: 'older',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['TH', 'MO,TH', 'TU']), '10:30', '11:30')],
    minAge: 60,
    taxonomy: ['Exercise and physical activity', 'Falls prevention'],
  },
  {
    key: 'sitting-service',
    howToGet:
      'Call us to arrange a visit. We meet you and the person you care for at home before the first sitting, and agree what suits you both.',
    themes: ['carers'],
    whoFor: ['cared-for', 'older-people'],
    delivery: ['in-person', 'phone'],
    names: [
      '{district} Sitting Service',
      'Carer Break Sitting Service, {district}',
      '{org} Home Sitting Service',
    ],
    summary: 'A trained sitter stays with the person you care for so you can have a break.',
    description:
      'A trained, DBS-checked sitter comes to your home to be with the person you care for, so you can have a few hours to yourself. We try to send the same sitter each time so you both get to know them. Visits are usually two to four hours, in the day or the evening, anywhere in {district}.',
    free: false,
    costs: [
      '£17.50 an hour',
      '£18 an hour; you may be able to get help with the cost after a carers assessment',
    ],
    where: 'area',
    org: 'carers',
    phone: 'landline',
    schedules: () => [
      appointment('Visits at times agreed with you. Ring the office on weekdays to arrange them.'),
    ],
    taxonomy: ['Home care and sitting', 'Carers breaks'],
  },
  {
    key: 'handyperson',
    howToGet:
      'Call us, or ask your GP, social worker or occupational therapist to refer you. We visit first to see what would help, and tell you the cost before any work starts.',
    themes: ['housing', 'staying-well'],
    whoFor: ['older-people', 'physical-sensory'],
    delivery: ['in-person', 'phone'],
    names: [
      '{district} Handyperson Service',
      'Small Repairs and Adaptations Service, {district}',
      '{org} Handyperson Scheme',
    ],
    summary: 'Grab rails, key safes and small repairs to help you stay safe at home.',
    description:
      'Our handyperson fits grab rails, key safes, half steps and other small adaptations that help you stay safe and independent at home. We also do small jobs such as fixing a dripping tap or a loose stair rail. All our workers are DBS-checked and carry identification.',
    free: false,
    costs: ['£20 an hour plus materials', '£15 call-out, then £18 an hour plus materials'],
    where: 'area',
    org: 'housing',
    phone: 'landline',
    schedules: () => [appointment('Ring to book a visit. We will agree a day and time with you.')],
    minAge: 60,
    taxonomy: ['Adaptations and equipment', 'Home repairs'],
  },
  {
    key: 'digital-skills',
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['older-people'],
    delivery: ['in-person'],
    names: [
      'Get Online Sessions, {town}',
      'Tablet and Smartphone Help, {town}',
      'Digital Drop-in at {venue}',
    ],
    summary: 'Friendly help with your phone, tablet or laptop.',
    description:
      'Bring your phone, tablet or laptop and a volunteer will help with whatever you want to learn: video calls with family, ordering repeat prescriptions, online banking or filling in forms. There is no such thing as a silly question. We have a few tablets to borrow if you do not have your own.',
    free: true,
    where: 'venue',
    org: 'community',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['FR', 'MO', 'WE']), '13:30', '15:30')],
    taxonomy: ['Digital inclusion'],
  },
  {
    key: 'mh-peer-support',
    themes: ['staying-well'],
    whoFor: ['mental-health'],
    delivery: ['in-person'],
    names: [
      '{town} Mental Health Peer Support Group',
      'Open Minds Peer Group, {town}',
      'Talk It Through: Peer Support, {town}',
    ],
    summary: 'A peer support group run by people with their own experience of mental ill health.',
    description:
      'A peer support group run by people with their own experience of mental ill health. We talk about what has helped and what has not, in a calm and confidential setting, and you can just listen if you prefer. This is not a crisis service.',
    free: true,
    where: 'venue',
    org: 'wellbeing',
    phone: 'landline',
    schedules: (c) =>
      c.r.chance(0.5)
        ? [weekly('WE', '18:30', '20:00')]
        : [
            weekly(c.r.pick(['MO', 'TH']), '18:30', '20:00', {
              interval: 2,
              dtstart: c.day(-c.r.int(1, 13)),
            }),
          ],
    minAge: 18,
    taxonomy: ['Mental health', 'Peer support'],
  },
  {
    key: 'carers-support-worker',
    howToGet:
      'Call us to refer yourself, or ask your GP or social worker to refer you. We aim to call you back within five working days.',
    themes: ['carers'],
    whoFor: ['carer-self'],
    delivery: ['in-person', 'phone'],
    names: ["Carers' Support Worker Appointments, {town}", "Talk to a Carers' Support Worker, {town}"],
    summary: "One-to-one time with a carers' support worker, in person or by phone.",
    description:
      "Meet a carers' support worker at {venue} to talk about your caring role. They can help you get a carer's assessment, claim Carer's Allowance, make an emergency plan and find a break. If you cannot get away, they can talk to you by phone instead.",
    free: true,
    where: 'venue',
    org: 'carers',
    phone: 'landline',
    schedules: () => [appointment('Appointments of up to an hour. Ring or email to book a time.')],
    minAge: 18,
    taxonomy: ['Carers support', 'Information and advice'],
  },
  {
    key: 'tenancy-support',
    themes: ['housing'],
    whoFor: ['mental-health', 'learning-disability'],
    delivery: ['in-person', 'phone'],
    names: ['Tenancy Support Service, {district}', 'Keeping Your Home: Tenancy Support, {district}'],
    summary: 'Help to manage your tenancy and keep your home.',
    description:
      'Short-term support for people who are finding it hard to manage their tenancy, perhaps because of their mental health, a learning disability or a change in their lives. A support worker visits you at home for up to six months to help with bills, letters, benefits and getting on with neighbours and your landlord.',
    free: true,
    where: 'area',
    org: 'housing',
    phone: 'landline',
    schedules: () => [weekly(WEEKDAYS, '09:00', '17:00', { openOnBankHolidays: false })],
    minAge: 18,
    taxonomy: ['Housing support', 'Tenancy sustainment'],
  },
  {
    key: 'supported-employment',
    howToGet: 'Ask your Jobcentre work coach or social worker to refer you, or call us to refer yourself.',
    themes: ['work-and-activities'],
    whoFor: ['learning-disability', 'autism'],
    delivery: ['in-person', 'phone'],
    names: [
      'Supported Employment Service, {district}',
      'Working Together: Job Coaching, {district}',
      '{org}: Supported Employment',
    ],
    summary: 'A job coach to help you find and keep paid work.',
    description:
      'One-to-one help for adults with a learning disability and autistic adults who want a paid job. A job coach gets to know you, helps you find work that suits you, talks to employers about reasonable adjustments and supports you in your first weeks in the job.',
    easyRead: [
      'This service helps you get a job.',
      'A job coach will get to know you.',
      'They help you find a job you will like.',
      'They help you when you start your job.',
      'It is free.',
    ],
    free: true,
    where: 'venue',
    org: 'work',
    phone: 'landline',
    schedules: () => [weekly('MO,TU,WE,TH', '09:00', '16:00', { openOnBankHolidays: false })],
    minAge: 18,
    taxonomy: ['Employment support', 'Learning disability'],
  },
  {
    key: 'sight-loss',
    themes: ['staying-well'],
    whoFor: ['physical-sensory', 'older-people'],
    delivery: ['in-person'],
    names: ['Sight Loss Advice Drop-in, {town}', 'Low Vision Information Morning, {town}'],
    summary: 'Try out magnifiers and everyday aids and get advice on living with sight loss.',
    description:
      'Try out magnifiers, talking clocks, big-button phones and other everyday aids, and get advice on benefits, registering as sight impaired and staying independent. Our volunteers have sight loss themselves and know what it is like. Family members are welcome too.',
    free: true,
    where: 'venue',
    org: 'disability',
    phone: 'landline',
    schedules: (c) => [monthly(`-1${c.r.pick(['FR', 'TH'])}`, '10:00', '12:30')],
    taxonomy: ['Sight loss', 'Adaptations and equipment'],
  },
  {
    key: 'day-opportunities',
    themes: ['carers', 'work-and-activities'],
    whoFor: ['cared-for', 'learning-disability', 'autism'],
    delivery: ['in-person'],
    names: [
      '{venue} Day Opportunities',
      'Day Opportunities for Adults with Learning Disabilities, {town}',
      '{org} Day Service, {town}',
    ],
    summary: 'Weekday activities and skills for adults with learning disabilities and autistic adults.',
    description:
      'A lively day service where adults with learning disabilities and autistic adults take part in cooking, art, music, gardening and trips out, and learn everyday skills at their own pace. Families and carers get a regular break knowing the person they care for is busy and happy.',
    easyRead: [
      'This is a place to go in the day.',
      'It is for adults with a learning disability.',
      'You can cook, paint, make music and go on trips.',
      'You can learn new things.',
      'You have to pay. Social care can help with the cost.',
    ],
    free: false,
    costs: [
      '£48 a day. Funded places are available after a care needs assessment.',
      '£52 a day including lunch',
    ],
    where: 'venue',
    org: 'disability',
    phone: 'landline',
    schedules: () => [weekly(WEEKDAYS, '09:30', '15:30', { openOnBankHolidays: false })],
    minAge: 18,
    taxonomy: ['Day opportunities', 'Learning disability'],
  },
  {
    key: 'warm-homes',
    alert:
      'Winter is our busiest time. If we do not answer, leave a message and we will call you back within two working days.',
    themes: ['housing', 'staying-well'],
    whoFor: ['older-people'],
    delivery: ['in-person', 'phone'],
    names: ['Warm Homes Advice, {town}', 'Winter Warmth and Energy Advice, {town}'],
    summary: 'Help this winter to keep your home warm and your energy bills down.',
    description:
      'Help to keep your home warm and your energy bills down this winter. We check you are on the right tariff, help you apply for grants for insulation or a new boiler, and give out draught-proofing kits and thermal throws while stocks last.',
    free: true,
    where: 'venue',
    org: 'housing',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['MO,WE,FR', 'TU,TH']), '10:00', '15:00', winter(c))],
    taxonomy: ['Energy and warmth'],
  },
  {
    key: 'inclusive-arts',
    venueTypes: ['Studio', 'Arts Centre'],
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['learning-disability', 'autism', 'mental-health'],
    delivery: ['in-person'],
    names: [
      'Open Studio: Inclusive Art Group, {town}',
      '{town} Inclusive Arts Club',
      'Creative Sessions at {venue}',
    ],
    summary: 'Painting, printmaking and clay in a welcoming studio, led by artists.',
    description:
      'Painting, printmaking, clay and collage in a welcoming studio. Sessions are led by working artists and everyone works on their own project with as much or as little help as they like. The group is especially welcoming to people with a learning disability, autistic people and people recovering from mental ill health.',
    free: false,
    costs: ['£5 a session, materials included', '£4 a session'],
    where: 'venue',
    org: 'arts',
    phone: 'mobile',
    schedules: (c) => [weekly(c.r.pick(['TU', 'WE']), '13:00', '15:30')],
    minAge: 18,
    taxonomy: ['Arts and crafts'],
  },
  {
    key: 'benefits-advice',
    howToGet:
      'Call us to book an appointment. Bring letters about your benefits, and your bank statements if you have them.',
    themes: ['staying-well'],
    whoFor: ['older-people', 'carer-self'],
    delivery: ['in-person', 'phone'],
    names: ['Money and Benefits Advice, {town}', 'Benefits Check-up Clinic, {town}', '{org} Money Advice'],
    summary: 'Find out if you could be getting more money, and get help to claim it.',
    description:
      "Find out if you could be getting more money. An adviser checks which benefits you can claim, including Attendance Allowance, Pension Credit and Carer's Allowance, and helps you fill in the forms. We can also help with debts, bills and challenging a benefits decision.",
    free: true,
    where: 'venue',
    org: 'community',
    phone: 'landline',
    schedules: (c) => [
      weekly(c.r.pick(['MO,WE,FR', 'TU,TH']), '09:30', '16:30', { openOnBankHolidays: false }),
      appointment('Home visits for people who cannot get to us. Ring to ask for one.'),
    ],
    taxonomy: ['Benefits and money'],
  },
  {
    key: 'young-adult-carers',
    themes: ['carers', 'work-and-activities'],
    whoFor: ['carer-self'],
    delivery: ['in-person', 'online'],
    names: ['Young Adult Carers Group, {town}', 'Young Adult Carers Meet-up, {town}'],
    summary: 'Time out, trips and support for carers aged 18 to 25.',
    description:
      "For carers aged 18 to 25 who look after a parent, brother, sister or partner. Get out, have fun and talk to others who understand what it is like to juggle caring with college, work and friends. We also run trips and can help you plan your next steps in education or work. Can't make it in person? Join the online chat the same evening.",
    free: true,
    where: 'venue',
    org: 'carers',
    phone: 'mobile',
    schedules: (c) => [monthly(`${c.r.pick(NTH)}WE`, '18:00', '20:00')],
    minAge: 18,
    maxAge: 25,
    taxonomy: ['Young carers', 'Carers support'],
  },
  {
    key: 'supported-living-info',
    howToGet:
      'Book a place at an information session by phone or email. You can bring a family member or supporter.',
    themes: ['housing'],
    whoFor: ['learning-disability', 'autism', 'carer-self'],
    delivery: ['in-person', 'phone'],
    names: [
      'Moving On: Supported Living Information, {town}',
      'Supported Living Information Evenings, {town}',
    ],
    summary: 'How supported living works, for adults thinking of moving and their families.',
    description:
      'For adults with a learning disability and autistic adults thinking about moving into their own home with support, and for their families. Find out how supported living works, what it costs, who pays and how to plan a move. Each evening includes time to talk to tenants and support workers.',
    easyRead: [
      'Supported living means you live in your own home.',
      'Staff help you with the things you need.',
      'Come and find out how it works.',
      'You can bring your family.',
    ],
    free: true,
    where: 'venue',
    org: 'disability',
    phone: 'landline',
    schedules: (c) => [
      monthly(`${c.r.pick(['2', '3'])}TH`, '18:00', '19:30'),
      appointment('One-to-one meetings for families at other times. Ring to arrange one.'),
    ],
    taxonomy: ['Supported living', 'Learning disability'],
  },
  {
    key: 'community-shed',
    venueTypes: ['Workshop', 'Community Centre'],
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['older-people', 'mental-health'],
    delivery: ['in-person'],
    names: ['{town} Community Shed', 'The {venue} Shed', 'Makers and Menders Shed, {town}'],
    summary: 'Make and mend things, share skills and have a laugh.',
    description:
      'A workshop where people come together to make and mend things, share skills and have a laugh. Members have built benches for the park, repaired bikes and made bird boxes for a primary school. Everyone is welcome whatever their skills, and lots of members first came along to beat loneliness after retiring or losing a partner.',
    free: true,
    costs: ['Free. Donations of £2 towards tea and materials are welcome.'],
    where: 'venue',
    org: 'community',
    phone: 'mobile',
    schedules: (c) => [weekly(c.r.pick(['TU,FR', 'MO,TH', 'WE,SA']), '10:00', '15:00')],
    taxonomy: ['Social activities', 'Loneliness and isolation'],
  },
  {
    key: 'stroke-club',
    themes: ['staying-well', 'work-and-activities'],
    whoFor: ['physical-sensory', 'older-people', 'carer-self'],
    delivery: ['in-person'],
    names: ["{town} Stroke Survivors' Club", 'Life After Stroke Group, {town}'],
    summary: 'A monthly club for people living with the effects of a stroke, and their families.',
    description:
      'A monthly club for people living with the effects of a stroke and their families. Enjoy gentle exercise, speech and communication games and a talk from a health professional, then stay for tea. Transport can be arranged for members who cannot get there on their own.',
    free: true,
    where: 'venue',
    org: 'disability',
    phone: 'landline',
    schedules: (c) => [monthly(`${c.r.pick(['1', '3'])}WE`, '13:30', '15:30')],
    taxonomy: ['Stroke', 'Peer support'],
  },
  {
    key: 'dementia-day-club',
    themes: ['carers', 'staying-well'],
    whoFor: ['cared-for', 'older-people'],
    delivery: ['in-person'],
    names: [
      'Dementia Day Club, {town}',
      '{venue} Day Club',
      'Thursday Club for People with Dementia, {town}',
    ],
    summary: 'A day of music, activities and lunch for people living with dementia.',
    description:
      'A day out for people living with dementia, with music, reminiscence, chair exercise and a hot two-course lunch. Our staff are trained in dementia care. Family carers get a regular day off to rest, see friends or get things done.',
    free: false,
    costs: ['£38 a day including lunch', '£42 a day including lunch and transport'],
    where: 'venue',
    org: 'older',
    phone: 'landline',
    schedules: (c) => [
      weekly(c.r.pick(['WE', 'TH', 'TU,TH']), '10:00', '15:00', { openOnBankHolidays: false }),
    ],
    minAge: 18,
    taxonomy: ['Dementia support', 'Day opportunities'],
  },
  {
    key: 'home-from-hospital',
    howToGet:
      'The hospital ward can refer you before you go home. After you are home, you, your family or your GP can call us within two weeks.',
    themes: ['housing', 'staying-well'],
    whoFor: ['older-people'],
    delivery: ['in-person', 'phone'],
    names: ['Home from Hospital Service, {district}', 'Settle Home Support, {district}'],
    summary: 'Practical help for up to six weeks after a stay in hospital.',
    description:
      'Practical help for up to six weeks after a stay in hospital. We make sure your home is warm and safe, pick up shopping and prescriptions, and check on you by phone. Referrals come from hospital staff, your GP, or you and your family.',
    free: true,
    where: 'area',
    org: 'older',
    phone: 'landline',
    schedules: () => [
      weekly('MO,TU,WE,TH,FR,SA', '08:00', '18:00', { description: 'Referral line and visits' }),
    ],
    minAge: 18,
    taxonomy: ['Hospital discharge', 'Home support'],
  },
  {
    key: 'job-club-mh',
    themes: ['work-and-activities'],
    whoFor: ['mental-health'],
    delivery: ['in-person', 'online'],
    names: ['Work Well Job Club, {town}', 'Job Club for People with Mental Health Conditions, {town}'],
    summary: 'A weekly job club for people whose mental health has made work hard.',
    description:
      'A friendly weekly job club for people whose mental health has made it hard to find or keep work. Work on your CV, practise interviews, learn about your rights at work and decide if and when to tell an employer about your health. Join in person or by video call.',
    free: true,
    where: 'venue',
    org: 'wellbeing',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['TH', 'TU']), '10:00', '12:00')],
    minAge: 18,
    taxonomy: ['Employment support', 'Mental health'],
  },
  {
    key: 'hearing-clinic',
    themes: ['staying-well'],
    whoFor: ['physical-sensory', 'older-people'],
    delivery: ['in-person'],
    names: ['Hearing Aid Support Clinic, {town}', 'Hear to Help Drop-in, {town}'],
    summary: 'Volunteers clean and re-tube NHS hearing aids and fit new batteries.',
    description:
      'Trained volunteers clean and re-tube NHS hearing aids, fit new batteries and show you how to get the best from your aid. You can also find out about phones, doorbells and alarms for people with hearing loss. Just drop in.',
    free: true,
    where: 'venue',
    org: 'disability',
    phone: 'landline',
    schedules: (c) => [monthly(`${c.r.pick(['1', '2'])}MO`, '09:30', '12:00')],
    taxonomy: ['Hearing loss'],
  },
  {
    key: 'parent-carers-ld',
    themes: ['carers'],
    whoFor: ['carer-self', 'learning-disability'],
    delivery: ['in-person'],
    names: [
      'Parent Carers Group (Adults with Learning Disabilities), {town}',
      'Family Carers Evening, {town}',
    ],
    summary: 'For parents who care for an adult son or daughter with a learning disability.',
    description:
      'For parents and family members who care for an adult son or daughter with a learning disability. Share experiences, hear from speakers on wills and trusts, moving to adult services and planning for the future, and find out what is happening locally.',
    free: true,
    where: 'venue',
    org: 'carers',
    phone: 'landline',
    schedules: (c) => [monthly(`${c.r.pick(['2', '4'])}MO`, '19:00', '21:00')],
    minAge: 18,
    taxonomy: ['Carers support', 'Learning disability'],
  },
  {
    key: 'hoarding-support',
    themes: ['housing', 'staying-well'],
    whoFor: ['mental-health'],
    delivery: ['in-person', 'online'],
    names: ['Clutter and Hoarding Support Group, {town}', 'Making Space: Hoarding Support, {town}'],
    summary: 'A non-judgemental group for people who find it hard to let go of things.',
    description:
      'A non-judgemental group for people who find it hard to let go of possessions, and for their families. Learn practical ways to make your home safer and more comfortable at your own pace, with support from people who have been there. You can join by video call if you prefer.',
    free: true,
    where: 'venue',
    org: 'wellbeing',
    phone: 'landline',
    schedules: () => [monthly('-1TU', '18:30', '20:00')],
    minAge: 18,
    taxonomy: ['Hoarding', 'Mental health'],
  },
  {
    key: 'community-garden',
    venueTypes: ['Community Garden', 'Allotments'],
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['mental-health', 'learning-disability'],
    delivery: ['in-person'],
    names: [
      'Growing Together Community Garden, {town}',
      '{town} Therapeutic Gardening Group',
      'Green Fingers at {venue}',
    ],
    summary: 'Grow fruit, vegetables and flowers with others on an accessible plot.',
    description:
      'Grow fruit, vegetables and flowers with others on our accessible community plot. Raised beds and wide paths mean everyone can join in, and there is always a job for you whether you like digging, potting up or making the tea. Gloves and tools provided.',
    free: true,
    where: 'venue',
    org: 'community',
    phone: 'mobile',
    schedules: (c) => [weekly(c.r.pick(['SA', 'TU,SA', 'WE']), '10:00', '13:00')],
    taxonomy: ['Gardening', 'Social activities'],
  },
  {
    key: 'health-walks',
    themes: ['staying-well', 'work-and-activities'],
    whoFor: ['older-people', 'mental-health'],
    delivery: ['in-person'],
    names: ['Health Walks, {town}', '{town} Wellbeing Walks', 'Walk and Talk, {town}'],
    summary: 'Short, friendly walks on flat paths, led by trained volunteers.',
    description:
      'Short, friendly walks of about an hour on flat paths, led by trained volunteer walk leaders. A good way to get a bit fitter, get outdoors and meet people. Walks start and finish at {venue}, and there is a café nearby for anyone who wants to stay for a drink.',
    free: true,
    where: 'venue',
    org: 'community',
    phone: 'mobile',
    schedules: (c) => [weekly(c.r.pick(['MO', 'SA', 'WE']), '10:00', '11:00')],
    taxonomy: ['Walking', 'Exercise and physical activity'],
  },
  {
    key: 'carers-pamper',
    themes: ['carers', 'staying-well'],
    whoFor: ['carer-self'],
    delivery: ['in-person'],
    names: [
      "Carers' Relax and Unwind Afternoons, {town}",
      'Time for You: Carers Wellbeing Afternoon, {town}',
    ],
    summary: 'An afternoon for yourself: hand massage, mindfulness and crafts for carers.',
    description:
      'Take an afternoon for yourself. Enjoy a hand massage, a mindfulness session or a craft with other carers. Places are limited, so please ring to book. A volunteer can sit with the person you care for while you are here if you tell us in advance. Funded until the end of the current grant.',
    free: true,
    where: 'venue',
    org: 'carers',
    phone: 'landline',
    schedules: (c) => [
      monthly('-1WE', '13:00', '16:00', {
        validFrom: c.day(-c.r.int(100, 300)),
        validTo: c.day(c.r.int(60, 240)),
      }),
    ],
    minAge: 18,
    taxonomy: ['Carers support', 'Wellbeing'],
  },
  {
    key: 'retirement-housing',
    venueTypes: ['Court', 'House', 'Gardens'],
    themes: ['housing'],
    whoFor: ['older-people'],
    delivery: ['in-person'],
    names: ['Retirement Housing Open Morning, {town}', 'Extra Care Housing Information Morning, {town}'],
    summary: 'Look round retirement flats and ask about rents, care and how to apply.',
    description:
      'Thinking about moving somewhere smaller, safer or with care on hand? Look round our flats, meet residents and staff, and ask about rents, service charges and how to apply. Tea and coffee served. For people aged 55 and over.',
    free: true,
    where: 'venue',
    org: 'housing',
    phone: 'landline',
    schedules: () => [monthly('1SA', '10:00', '12:00')],
    minAge: 55,
    taxonomy: ['Retirement housing'],
  },
  {
    key: 'accessible-swim',
    alert:
      "The pool's changing places room is closed for repairs until further notice. Call before you come if you need it.",
    venueTypes: ['Leisure Centre', 'Swimming Pool'],
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['physical-sensory', 'autism', 'learning-disability'],
    delivery: ['in-person'],
    names: ['Accessible Swim, {town}', 'Quiet Swim at {venue}', 'Inclusive Swimming Session, {town}'],
    summary: 'A calm, quieter swim with a pool hoist and warmer water.',
    description:
      'A calm, quieter swim with the pool hoist ready, warmer water and lifeguards trained to support disabled swimmers. There is a Changing Places toilet and accessible changing rooms. Music and whistles are kept to a minimum.',
    free: false,
    costs: ['£3.20 a swim. A carer or support worker comes in at no charge.', '£3.50 a swim'],
    where: 'venue',
    org: 'community',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['SU', 'SA']), '16:00', '17:00')],
    taxonomy: ['Swimming', 'Exercise and physical activity'],
  },
  {
    key: 'telephone-befriending',
    themes: ['staying-well'],
    whoFor: ['older-people'],
    delivery: ['phone'],
    names: [
      'Telephone Befriending, {district}',
      'Chatterbox Telephone Friends, {district}',
      '{org} Friendly Call',
    ],
    summary: 'A volunteer rings you for a friendly chat every week.',
    description:
      'A friendly volunteer rings you every week for a chat at a time that suits you. Lots of people tell us their call is the highlight of their week. We match you with someone who shares your interests, and the same volunteer calls each time.',
    easyRead: [
      'A friendly person will phone you.',
      'They phone you every week.',
      'You can chat about anything you like.',
      'It is free.',
    ],
    free: true,
    where: 'area',
    org: 'older',
    phone: 'landline',
    schedules: () => [appointment('Weekly calls at a time agreed with you.')],
    minAge: 60,
    taxonomy: ['Befriending', 'Loneliness and isolation'],
  },
  {
    key: 'carers-emergency-plan',
    themes: ['carers'],
    whoFor: ['carer-self'],
    delivery: ['phone', 'online'],
    names: ["Carers' Emergency Planning, {district}", 'What If? Emergency Plans for Carers, {district}'],
    summary: 'Make a plan for the person you care for in case you are suddenly unable to.',
    description:
      'What would happen to the person you care for if you were suddenly ill? We help you write down what they need, who can step in and how to reach them, and give you a card to carry so people know someone depends on you. We can do this with you over the phone or by video call.',
    free: true,
    where: 'area',
    org: 'carers',
    phone: 'landline',
    schedules: () => [appointment('Ring or email us and we will book a time to make your plan together.')],
    minAge: 18,
    taxonomy: ['Carers support', 'Emergency planning'],
  },
  {
    key: 'ld-social-night',
    themes: ['work-and-activities'],
    whoFor: ['learning-disability', 'autism'],
    delivery: ['in-person'],
    names: ['Friday Night Social, {town}', '{town} Disco Club', 'Party Night at {venue}'],
    summary: 'A monthly night out with music, dancing and karaoke.',
    description:
      'A monthly night out with music, dancing, karaoke and a snack bar for adults with learning disabilities and autistic adults. A chance to see friends and make new ones in a safe, welcoming place. Support staff and carers are welcome too.',
    easyRead: [
      'This is a party once a month.',
      'There is music and dancing.',
      'You can see your friends.',
      'It costs £4 to get in.',
    ],
    free: false,
    costs: ['£4 entry. Support workers and carers come in at no charge.'],
    where: 'venue',
    org: 'disability',
    phone: 'mobile',
    schedules: () => [monthly('-1FR', '19:00', '22:00')],
    minAge: 18,
    taxonomy: ['Social activities', 'Learning disability'],
  },
  {
    key: 'adult-learning',
    themes: ['work-and-activities'],
    whoFor: [],
    delivery: ['in-person'],
    names: [
      'Confidence with Computers course, {town}',
      'Cooking on a Budget course, {town}',
      'Watercolour Painting for Beginners, {town}',
      'English for Everyday Life, {town}',
      'Everyday Maths course, {town}',
    ],
    summary: 'A ten-week course for adults in a small, friendly class.',
    description:
      'A ten-week course for adults in a small, friendly class. You do not need any qualifications to start. Tell us when you book if you have a disability or health condition and we will make sure the course works for you.',
    free: false,
    costs: [
      '£45 for the course. Lower fees if you get certain benefits.',
      '£60 for ten weeks, or £30 if you get certain benefits',
    ],
    where: 'venue',
    org: 'community',
    phone: 'landline',
    schedules: (c) => [course(c, c.r.pick(['WE', 'TH']), '13:00', '15:00', 10)],
    minAge: 19,
    taxonomy: ['Adult learning'],
  },
  {
    key: 'autism-social',
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['autism'],
    delivery: ['in-person'],
    names: ["Autistic Adults' Social Group, {town}", 'Spectrum Social, {town}'],
    summary: 'A relaxed social group run by and for autistic adults.',
    description:
      'A relaxed social group run by and for autistic adults. Board games, quizzes and days out, with a quiet room if you need a break. There is no pressure to talk, and you can come with someone you trust the first time.',
    free: false,
    costs: ['£2 towards refreshments'],
    where: 'venue',
    org: 'disability',
    phone: 'mobile',
    schedules: (c) => [weekly('SA', '11:00', '13:00', { interval: 2, dtstart: c.day(-c.r.int(1, 13)) })],
    minAge: 18,
    taxonomy: ['Autism', 'Social activities'],
  },
  {
    key: 'lunch-club',
    themes: ['staying-well', 'work-and-activities'],
    whoFor: ['older-people'],
    delivery: ['in-person'],
    names: ['{town} Lunch Club', 'Friendship Lunch Club at {venue}', 'Tuesday Lunch Club, {town}'],
    summary: 'A hot two-course lunch and good company.',
    description:
      'A hot two-course lunch and good company. Many members come along to get out of the house and see friends, and there is bingo or a quiz most weeks. We can help with transport if you cannot get here on your own.',
    free: false,
    costs: ['£5.50 for a two-course lunch', '£6 for lunch and a hot drink'],
    where: 'venue',
    org: 'older',
    phone: 'landline',
    schedules: (c) => [weekly(c.r.pick(['TU', 'TU,TH']), '12:00', '14:00')],
    minAge: 60,
    taxonomy: ['Lunch clubs', 'Loneliness and isolation'],
  },
];

const COUNTY_TEMPLATES: readonly Template[] = [
  {
    key: 'carers-line',
    themes: ['carers'],
    whoFor: ['carer-self'],
    delivery: ['phone', 'online'],
    names: ["Carers' Information and Advice Line", "Carers' Helpline"],
    summary: 'Advice for unpaid carers anywhere in Essex, by phone or online.',
    description:
      "Information and advice for anyone in Essex who looks after a family member, partner or friend. We can explain carer's assessments and Carer's Allowance, help you find a break, and put you in touch with carers' groups near you. You can also chat to us online.",
    free: true,
    where: 'county',
    org: ['Tidewater Carers Trust', 'Estuary Carers Alliance', 'Hearthside Carers'],
    phone: 'freephone',
    schedules: () => [
      weekly(WEEKDAYS, '09:00', '17:00', { openOnBankHolidays: false }),
      weekly('SA', '10:00', '13:00'),
    ],
    minAge: 18,
    taxonomy: ['Carers support', 'Helplines'],
  },
  {
    key: 'night-line',
    themes: ['staying-well'],
    whoFor: ['mental-health'],
    delivery: ['phone'],
    names: ['Night Owl Listening Line', 'Late Night Listening Line'],
    summary: 'Someone to talk to at night when things feel too much.',
    description:
      'A confidential listening line for adults in Essex who are struggling with how they feel. Trained volunteers are there to listen at night, when other services are closed and things can feel hardest. You do not have to give your name.',
    free: true,
    where: 'county',
    org: ['Lanternlight Listening', 'Nightjar Listening Service', 'Moonwake Support Line'],
    phone: 'freephone',
    schedules: () => [weekly(EVERY_DAY, '20:00', '02:00', { openOnBankHolidays: true })],
    minAge: 18,
    taxonomy: ['Mental health', 'Helplines'],
  },
  {
    key: 'carers-online',
    themes: ['carers', 'staying-well'],
    whoFor: ['carer-self', 'mental-health'],
    delivery: ['online'],
    names: ["Carers' Online Wellbeing Sessions", 'Carers Connect Online'],
    summary: 'Monthly online sessions for carers on looking after your own wellbeing.',
    description:
      'Monthly video sessions for carers across Essex on looking after yourself: sleep, stress, staying connected and asking for help. Keep your camera off if you like. We send the joining link by email when you sign up.',
    free: true,
    where: 'county',
    org: ['Tidewater Carers Trust', 'Estuary Carers Alliance', 'Hearthside Carers'],
    phone: 'landline',
    schedules: () => [monthly('1TH', '19:30', '20:30')],
    minAge: 18,
    taxonomy: ['Carers support', 'Wellbeing'],
  },
  {
    key: 'advocacy',
    howToGet:
      'Call us, or ask anyone who supports you (a carer, a social worker, a nurse) to refer you, with your agreement.',
    themes: ['staying-well'],
    whoFor: ['learning-disability', 'autism', 'mental-health', 'older-people'],
    delivery: ['phone', 'online', 'in-person'],
    names: ['Independent Advocacy Service', 'Speak Up Advocacy'],
    summary: 'An independent advocate to help you have your say about your care.',
    description:
      'An independent advocate helps you understand your choices, say what you want and make sure you are listened to in decisions about your care, health or housing. Advocates can meet you at home, in hospital or wherever suits you, anywhere in Essex.',
    easyRead: [
      'An advocate is a person who helps you speak up.',
      'They help you say what you want.',
      'They make sure people listen to you.',
      'It is free.',
    ],
    free: true,
    where: 'county',
    org: ['Wayfinder Advocacy', 'Clearvoice Advocacy', 'Standfast Advocacy'],
    phone: 'landline',
    schedules: () => [weekly(WEEKDAYS, '09:00', '17:00', { openOnBankHolidays: false })],
    minAge: 18,
    taxonomy: ['Advocacy'],
  },
  {
    key: 'housing-line',
    themes: ['housing'],
    whoFor: [],
    delivery: ['phone', 'online'],
    names: ['Housing Advice Line', 'Home Matters Advice Line'],
    summary: 'Housing advice by phone for anyone in Essex.',
    description:
      'Advice by phone or web chat about renting, repairs, rent arrears, eviction and finding somewhere to live, for anyone in Essex. If you need more help we can refer you to an adviser near you.',
    free: true,
    where: 'county',
    org: ['Openway Housing Advice', 'Keystone Housing Advice', 'Doorstep Housing Trust'],
    phone: 'freephone',
    schedules: () => [
      weekly(WEEKDAYS, '09:00', '17:00', { openOnBankHolidays: false }),
      weekly('TU', '17:00', '19:00', { description: 'Late line for people who work in the day' }),
    ],
    taxonomy: ['Housing advice', 'Helplines'],
  },
  {
    key: 'out-of-hours-housing',
    themes: ['housing'],
    whoFor: [],
    delivery: ['phone'],
    names: ['Out-of-Hours Housing Emergency Line', 'Night and Weekend Housing Line'],
    summary: 'For housing emergencies at night, such as having nowhere to sleep tonight.',
    description:
      'If you have nowhere safe to sleep tonight, or you have been locked out or made homeless after office hours, ring this line for advice and to be put in touch with the duty housing team.',
    free: true,
    where: 'county',
    org: ['Openway Housing Advice', 'Keystone Housing Advice', 'Doorstep Housing Trust'],
    phone: 'freephone',
    schedules: () => [weekly(EVERY_DAY, '17:00', '09:00', { openOnBankHolidays: true })],
    taxonomy: ['Homelessness', 'Helplines'],
  },
  {
    key: 'online-job-workshops',
    themes: ['work-and-activities'],
    whoFor: ['mental-health', 'autism', 'physical-sensory'],
    delivery: ['online'],
    names: ['Online Job Search Workshops', 'Ready for Work: Online Workshops'],
    summary: 'Weekly online workshops on CVs, applications and interviews.',
    description:
      'Weekly online workshops on writing a CV, filling in applications and getting ready for interviews, for disabled people and people with long-term health conditions anywhere in Essex. Each workshop has captions and a British Sign Language interpreter on request.',
    free: true,
    where: 'county',
    org: ['Bridgework Employment', 'Stepwise Employment', 'Fairwork Pathways'],
    phone: 'landline',
    schedules: (c) => [course(c, 'TU', '10:00', '11:30', 8)],
    minAge: 18,
    taxonomy: ['Employment support'],
  },
  {
    key: 'sensory-line',
    themes: ['staying-well'],
    whoFor: ['physical-sensory', 'older-people'],
    delivery: ['phone', 'online'],
    names: ['Sight and Hearing Advice Line', 'Sensory Support Advice Line'],
    summary: 'Advice on living with sight or hearing loss, including in British Sign Language.',
    description:
      'Advice for people with sight loss, hearing loss or both, and their families: equipment, benefits, registration and local support. Contact us by phone, email or video call in British Sign Language.',
    free: true,
    where: 'county',
    org: ['Clearview Sight and Hearing', 'Brightsound Sensory Support', 'Lookout Sensory Services'],
    phone: 'landline',
    schedules: () => [weekly('MO,TU,WE,TH', '10:00', '16:00')],
    taxonomy: ['Sight loss', 'Hearing loss'],
  },
  {
    key: 'autism-line',
    themes: ['staying-well'],
    whoFor: ['autism', 'carer-self'],
    delivery: ['phone', 'online'],
    names: ['Autism Advice Line for Adults and Families', 'Autism Information Service'],
    summary: 'Advice for autistic adults and their families, before or after diagnosis.',
    description:
      'Advice for autistic adults, people waiting for an assessment and their families: understanding a diagnosis, rights at work and college, benefits and finding local groups. Prefer to write? Email us and we will reply within three working days.',
    free: true,
    where: 'county',
    org: ['Spectrum Bridges', 'Northstar Autism Network', 'Kaleido Autism Support'],
    phone: 'landline',
    schedules: () => [weekly('TU,TH', '10:00', '14:00'), weekly('WE', '18:00', '20:00')],
    taxonomy: ['Autism', 'Information and advice'],
  },
  {
    key: 'self-advocacy',
    themes: ['work-and-activities', 'staying-well'],
    whoFor: ['learning-disability'],
    delivery: ['online'],
    names: ['Speaking Up Together Online Group', 'Our Voice Self-Advocacy Group'],
    summary: 'An online group where people with a learning disability speak up about what matters.',
    description:
      'A monthly online group where people with a learning disability talk about what matters to them and tell the council and the NHS what needs to change. Supporters are welcome. We can lend you a tablet and help you get online.',
    easyRead: [
      'This group meets on the computer.',
      'It is for people with a learning disability.',
      'You can say what matters to you.',
      'We tell the council what you say.',
      'We can lend you a tablet.',
    ],
    free: true,
    where: 'county',
    org: ['Meadowlark Partnership', 'Allvoices Self-Advocacy', 'Ourway Partnership'],
    phone: 'landline',
    schedules: () => [monthly('2WE', '14:00', '15:30')],
    minAge: 18,
    taxonomy: ['Learning disability', 'Advocacy'],
  },
  {
    key: 'later-life-line',
    themes: ['staying-well', 'housing'],
    whoFor: ['older-people', 'carer-self'],
    delivery: ['phone'],
    names: ['Later Life Advice Line', "Older People's Information Line"],
    summary: 'Advice for older people and their families on care, money and housing.',
    description:
      'Advice for older people and their families on arranging care, paying for it, staying safe at home, moving home and claiming benefits. If you need more help we will put you in touch with someone near you.',
    free: true,
    where: 'county',
    org: ['Evergreen Later Life', 'Silverbirch Later Life', "Goldleaf Older People's Trust"],
    phone: 'freephone',
    schedules: () => [weekly(WEEKDAYS, '09:00', '17:00', { openOnBankHolidays: false })],
    minAge: 50,
    taxonomy: ['Information and advice', 'Helplines'],
  },
  {
    key: 'short-breaks',
    howToGet:
      "A carer's assessment from the council comes first. Call Adult Social Care to ask for one, and say you would like short breaks.",
    themes: ['carers'],
    whoFor: ['cared-for', 'carer-self'],
    delivery: ['phone', 'online'],
    names: ['Short Breaks Booking Service', 'Respite and Short Breaks Finder'],
    summary: 'Help to find and book a short break or respite stay for the person you care for.',
    description:
      'We help carers find and book short breaks: a few days or a week when the person you care for stays somewhere safe and welcoming, so you can rest. We check whether you could get help with the cost and deal with the booking for you.',
    free: false,
    costs: ['Costs depend on the break. We will check whether you can get help paying.'],
    where: 'county',
    org: ['Tidewater Carers Trust', 'Estuary Carers Alliance', 'Hearthside Carers'],
    phone: 'landline',
    schedules: () => [
      appointment('Ring or email and a coordinator will call you back within two working days.'),
    ],
    taxonomy: ['Carers breaks'],
  },
  {
    key: 'equipment-centre',
    venueTypes: ['Independent Living Centre', 'Business Park'],
    themes: ['staying-well', 'housing'],
    whoFor: ['physical-sensory', 'older-people'],
    delivery: ['in-person', 'phone', 'online'],
    names: ['Independent Living Centre', 'Daily Living Equipment Showroom'],
    summary: 'See and try equipment that makes daily life easier, with expert advice.',
    description:
      'See and try equipment that makes everyday life easier: riser chairs, bath lifts, kitchen gadgets, walking aids and more. An occupational therapist can advise you, and our online shop delivers across Essex. Visits to the showroom are by booking.',
    free: true,
    costs: ['Advice is free. Equipment to buy starts at £5.'],
    where: 'county-venue',
    org: ['Hearthstone Independent Living', 'Ablewell Living Centre', 'Easystep Equipment Trust'],
    phone: 'landline',
    schedules: () => [
      appointment('Showroom visits on weekdays. Ring or book online.', { openOnBankHolidays: false }),
    ],
    taxonomy: ['Adaptations and equipment'],
  },
  {
    key: 'volunteer-from-home',
    themes: ['work-and-activities'],
    whoFor: ['physical-sensory', 'mental-health'],
    delivery: ['online', 'phone'],
    names: ['Volunteer from Home', 'Online Volunteering Matching'],
    summary: 'Volunteering roles you can do from home, by phone or online.',
    description:
      'Volunteering roles you can do from home, such as making friendly phone calls, helping with social media or writing newsletters. Good for people who cannot easily get out, or who want to fit volunteering around caring or health.',
    free: true,
    where: 'county',
    org: ['Wayfinder Volunteering', 'Kindred Volunteering', 'Homefront Volunteering'],
    phone: 'landline',
    schedules: () => [appointment('We will arrange a short phone chat at a time that suits you.')],
    minAge: 16,
    taxonomy: ['Volunteering'],
  },
];

const BRANDS = [
  'Larkspur',
  'Kingcup',
  'Foxglove',
  'Harebell',
  'Campion',
  'Teasel',
  'Samphire',
  'Bramble',
  'Yarrow',
  'Cowslip',
  'Sorrel',
  'Meadowsweet',
  'Speedwell',
  'Thrift',
  'Marigold',
  'Pennyroyal',
  'Tansy',
  'Vetchling',
  'Chicory',
  'Celandine',
  'Toadflax',
  'Agrimony',
  'Betony',
  'Feverfew',
  'Mallow',
  'Sainfoin',
  'Woodruff',
  'Rushlight',
  'Kittiwake',
  'Dunlin',
  'Heartsease',
  'Waymark',
  'Stillwater',
  'Oakhaven',
  'Tidemark',
  'Hazelbrook',
];

const ORG_SUFFIXES: Record<OrgKind, readonly string[]> = {
  carers: ['Carers Circle', 'Carers Network', 'Carers Together'],
  older: ['Later Life Trust', 'Age Well Club', 'Senior Friends'],
  wellbeing: ['Wellbeing Collective', 'Mental Wellbeing Network', 'Minds Together'],
  housing: ['Housing Advice', 'Homes Trust', 'Home Support'],
  work: ['Employment Project', 'Works', 'Pathways to Work'],
  community: ['Community Trust', 'Neighbours', 'Community Association'],
  disability: ['Disability Network', 'Access Group', 'Independent Living Trust'],
  arts: ['Arts', 'Creative Collective', 'Makers'],
};

const ORG_KINDS = Object.keys(ORG_SUFFIXES) as OrgKind[];

function isOrgKind(org: OrgKind | readonly string[]): org is OrgKind {
  return typeof org === 'string';
}

function localOrganisation(district: District, kind: OrgKind): string {
  const d = DISTRICTS.indexOf(district);
  const k = ORG_KINDS.indexOf(kind);
  const suffixes = ORG_SUFFIXES[kind];
  return `${BRANDS[(d * ORG_KINDS.length + k * 5) % BRANDS.length]} ${suffixes[d % suffixes.length]}`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Ofcom's drama ranges only: never a number that can ring a real person. */
function phoneNumber(r: Random, kind: PhoneKind): string {
  const last = String(r.int(0, 999)).padStart(3, '0');
  if (kind === 'mobile') return `07700 900${last}`;
  if (kind === 'freephone') return `0808 157 0${last}`;
  return `01632 960${last}`;
}

const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDINALS: Record<string, string> = {
  '1': 'First',
  '2': 'Second',
  '3': 'Third',
  '4': 'Fourth',
  '-1': 'Last',
};
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const RANGES: Record<string, string> = {
  [WEEKDAYS]: 'Monday to Friday',
  'MO,TU,WE,TH': 'Monday to Thursday',
  'MO,TU,WE,TH,FR,SA': 'Monday to Saturday',
};

function clock(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (hours === 0 && minutes === 0) return 'midnight';
  if (hours === 12 && minutes === 0) return 'noon';
  const suffix = hours < 12 ? 'am' : 'pm';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0 ? `${hour}${suffix}` : `${hour}.${String(minutes).padStart(2, '0')}${suffix}`;
}

function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** How a person would write the schedule on a poster: "Second Tuesday of the month, 2pm to 4pm". */
export function describeSchedule(schedule: Schedule): string | undefined {
  const { byday, opensAt, closesAt } = schedule;
  if (schedule.byAppointment || !byday || !opensAt || !closesAt) return undefined;
  const times = `${clock(opensAt)} to ${clock(closesAt)}`;
  const days = byday.split(',');
  let text: string;
  const nth = /^(-?\d)([A-Z]{2})$/.exec(byday);
  if (schedule.freq === 'MONTHLY' && nth)
    text = `${ORDINALS[nth[1] ?? '']} ${DAY_NAMES[nth[2] ?? '']} of the month, ${times}`;
  else if (schedule.interval === 2) text = `Every other ${DAY_NAMES[days[0] ?? '']}, ${times}`;
  else if (byday === EVERY_DAY) text = `${closesAt < opensAt ? 'Every night' : 'Every day'}, ${times}`;
  else if (RANGES[byday]) text = `${RANGES[byday]}, ${times}`;
  else {
    const names = days.map((day) => `${DAY_NAMES[day]}s`);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    text = `${list}, ${times}`;
  }
  if (schedule.validFrom && schedule.validTo) {
    text += `, from ${longDate(schedule.validFrom)} to ${longDate(schedule.validTo)}`;
  }
  return text;
}

function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function inOrder<T extends string>(order: readonly T[], items: readonly T[]): T[] {
  return order.filter((item) => items.includes(item));
}

/** Local templates dealt out theme by theme, so any run of them covers all four themes. */
const LOCAL_ROTATION: readonly Template[] = (() => {
  const byTheme = THEMES.map((theme) => LOCAL_TEMPLATES.filter((template) => template.themes[0] === theme));
  const dealt: Template[] = [];
  for (let i = 0; dealt.length < LOCAL_TEMPLATES.length; i++) {
    for (const pile of byTheme) {
      const template = pile[i];
      if (template) dealt.push(template);
    }
  }
  return dealt;
})();

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
const MAILBOXES = ['hello', 'info', 'enquiries', 'support', 'bookings', 'contact'];
const OTHER_LANGUAGES = ['pl', 'ro', 'ur', 'bn', 'pa', 'lt', 'tr', 'bg', 'ar', 'bfi'];
const VENUE_EXTRAS = [
  'There is parking nearby and the venue is on local bus routes.',
  'Please tell us if you need anything to help you take part.',
  'You are welcome to bring a friend or family member.',
  'Refreshments are provided.',
];
const OTHER_EXTRAS = [
  'We can arrange an interpreter if English is not your first language.',
  'Tell us if you would like information in large print or Easy Read.',
  'You can refer yourself, or someone can refer you with your agreement.',
];

function townsOf(district: District): Town[] {
  return TOWNS.filter((town) => town.district === district);
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function venue(r: Random, town: Town, types: readonly string[], schedules: Schedule[]): ServiceLocation {
  return {
    id: r.uuid(),
    name: `${r.pick(VENUE_NAMES)} ${r.pick(types)}`,
    address: `${r.int(1, 140)} ${r.pick(STREETS)}, ${town.name}`,
    postcode: `${r.pick(town.outward)} ${r.int(1, 9)}${r.pick(INWARD_LETTERS)}${r.pick(INWARD_LETTERS)}`,
    district: town.district,
    lat: round5(town.lat + (r.next() - 0.5) * 0.016),
    lng: round5(town.lng + (r.next() - 0.5) * 0.024),
    accessibility: r.some(ACCESSIBILITY, r.int(1, 3)),
    schedules,
  };
}

function withDescriptions(r: Random, schedules: Schedule[]): Schedule[] {
  return schedules.map((schedule) => {
    if (schedule.description !== undefined || !r.chance(0.55)) return schedule;
    const description = describeSchedule(schedule);
    return description === undefined ? schedule : { ...schedule, description };
  });
}

/** Every twelfth service is county-wide; the rest go round the twelve districts in turn. */
function placeOf(index: number): { template: Template; district?: District; round: number } {
  if (index % 12 === 11) {
    const county = Math.floor(index / 12);
    const template = COUNTY_TEMPLATES[county % COUNTY_TEMPLATES.length];
    if (!template) throw new Error('no county template');
    return { template, round: Math.floor(county / COUNTY_TEMPLATES.length) };
  }
  const local = index - Math.floor(index / 12);
  const d = local % DISTRICTS.length;
  const round = Math.floor(local / DISTRICTS.length);
  const template = LOCAL_ROTATION[(round + d * 3) % LOCAL_ROTATION.length];
  const district = DISTRICTS[d];
  if (!template || !district) throw new Error('no local template');
  return { template, district, round };
}

/** The sample service at `index`: the same (seed, index, today) always gives the same service. */
export function sampleService(index: number, options: SampleOptions = {}): Service {
  const seed = options.seed ?? SAMPLE_SEED;
  const today = options.today ?? SAMPLE_TODAY;
  const r = new Random(`${seed}:${index}`);
  const id = r.uuid();
  const { template, district, round } = placeOf(index);
  const [year = 2026, month = 1] = today.split('-').map(Number);
  const ctx: Ctx = { r, day: (days) => addDays(today, days), year, month };

  const countyWide = template.where === 'county' || template.where === 'county-venue';
  const homeDistrict = district ?? r.pick(DISTRICTS);
  const towns = townsOf(homeDistrict);
  const town = r.chance(0.45) ? towns[0] : r.pick(towns);
  if (!town) throw new Error(`no towns in ${homeDistrict}`);
  const organization = isOrgKind(template.org)
    ? localOrganisation(homeDistrict, template.org)
    : (template.org[round % template.org.length] ?? 'Sample Organisation');
  const orgSlug = slug(organization);

  const locations: ServiceLocation[] = [];
  const venueTypes = template.venueTypes ?? VENUE_TYPES;
  let schedules: Schedule[] = [];
  if (template.where === 'venue' || template.where === 'county-venue') {
    locations.push(venue(r, town, venueTypes, withDescriptions(r, template.schedules(ctx))));
    if (template.where === 'venue' && r.chance(0.12)) {
      const other = r.pick(towns);
      locations.push(venue(r, other, venueTypes, withDescriptions(r, template.schedules(ctx))));
    }
  } else {
    schedules = withDescriptions(r, template.schedules(ctx));
  }

  const values = {
    town: town.name,
    district: DISTRICT_NAMES[homeDistrict],
    venue: locations[0]?.name ?? '',
    org: organization,
  };
  const name = fill(r.pick(template.names), values);
  const extras = locations.length > 0 ? VENUE_EXTRAS : OTHER_EXTRAS;
  const description = [fill(template.description, values), ...(r.chance(0.5) ? [r.pick(extras)] : [])].join(
    ' ',
  );
  const helpline = template.phone === 'freephone';
  const online = template.delivery.includes('online');

  const languages = ['en'];
  if (template.key === 'sensory-line') languages.push('bfi');
  else if (r.chance(0.2)) languages.push(...r.some(OTHER_LANGUAGES, r.int(1, 2)));

  const stale = r.chance(0.14);
  const daysAgo = stale ? r.int(190, 620) : r.int(3, 170);
  const edited = addDays(today, -daysAgo + r.int(0, 2));
  const time = [r.int(7, 18), r.int(0, 59), r.int(0, 59)]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');

  const service: Service = {
    id,
    name,
    organization,
    organizationId: stableUuid(`signpost-sample-organisation:${organization}`),
    description,
    themes: inOrder(THEMES, template.themes),
    whoFor: inOrder(WHO_FOR, template.whoFor),
    free: template.free,
    delivery: inOrder(DELIVERY, template.delivery),
    districts: countyWide
      ? sortDistricts(locations.flatMap((location) => (location.district ? [location.district] : [])))
      : [homeDistrict],
    countyWide,
    locations,
    schedules,
    languages,
    taxonomy: template.taxonomy.map((term) => ({
      id: stableUuid(`signpost-sample-category:${term}`),
      name: term,
    })),
    lastChecked: addDays(today, -daysAgo),
    updatedAt: `${edited}T${time}.000Z`,
    sample: true,
  };
  if (r.chance(0.85)) service.summary = fill(template.summary, values);
  if (template.howToGet) service.applicationProcess = fill(template.howToGet, values);
  if (template.alert) service.alert = fill(template.alert, values);
  if (template.easyRead && r.chance(0.8)) service.easyRead = template.easyRead.join('\n');
  if (template.minAge !== undefined) service.minAge = template.minAge;
  if (template.maxAge !== undefined) service.maxAge = template.maxAge;
  const cost = template.costs ? r.pick(template.costs) : undefined;
  if (cost !== undefined) service.cost = cost;
  if (helpline || r.chance(0.93)) service.phone = phoneNumber(r, template.phone);
  if (r.chance(0.7)) service.email = `${r.pick(MAILBOXES)}@${orgSlug}.example`;
  if (online || r.chance(0.75))
    service.url = `https://${orgSlug}.example/${slug(name).slice(0, 48).replace(/-$/, '')}`;
  return service;
}

export function sampleServices(count: number, options: SampleOptions = {}): Service[] {
  return Array.from({ length: count }, (_, index) => sampleService(index, options));
}

/** The whole sample as one ORUK 3.0 page: `total_pages` 1, every service in `contents`. */
export function sampleDirectory(count = SAMPLE_SIZE, options: SampleOptions = {}): OrukPage<OrukServiceOut> {
  return orukPage(sampleServices(count, options).map(fromService), {
    page: 1,
    perPage: Math.max(1, count),
    total: count,
  });
}
