import { stableUuid } from '../../src/domain/oruk/stable-id.ts';
import { Random } from './sample-directory.ts';

/**
 * A FICTIONAL council feed as real ones arrive: descriptions from rich-text editors (TinyMCE, CKEditor,
 * Word pasted in), text with its entities encoded once or twice, empty fees, web and email addresses as
 * staff type them, no taxonomy at all, LGA service types, Placecube's `pc_targetAudience`, ORUK 1's
 * eligibility records, national and phone-or-online services, and a few records that cannot be listed.
 * Organisations, venues and streets are made up; phone numbers are from Ofcom's drama ranges; web and
 * email addresses use example domains.
 */

export const MESSY_SIZE = 240;
export const MESSY_SEED = 'signpost-messy-feed';

type Json = Record<string, unknown>;

interface Town {
  name: string;
  district: string;
  postcode: string;
  lat: number;
  lng: number;
}

const TOWNS: readonly Town[] = [
  { name: 'Chelmsford', district: 'Chelmsford', postcode: 'CM1', lat: 51.7356, lng: 0.4685 },
  { name: 'Colchester', district: 'Colchester', postcode: 'CO1', lat: 51.8892, lng: 0.9042 },
  { name: 'Basildon', district: 'Basildon', postcode: 'SS14', lat: 51.5761, lng: 0.4886 },
  { name: 'Harlow', district: 'Harlow', postcode: 'CM20', lat: 51.7727, lng: 0.1023 },
  { name: 'Braintree', district: 'Braintree', postcode: 'CM7', lat: 51.8784, lng: 0.5529 },
  { name: 'Clacton-on-Sea', district: 'Tendring', postcode: 'CO15', lat: 51.7898, lng: 1.1557 },
  { name: 'Maldon', district: 'Maldon', postcode: 'CM9', lat: 51.7318, lng: 0.6758 },
  { name: 'Brentwood', district: 'Brentwood', postcode: 'CM14', lat: 51.6214, lng: 0.3057 },
  { name: 'Rayleigh', district: 'Rochford', postcode: 'SS6', lat: 51.5861, lng: 0.6049 },
  { name: 'Canvey Island', district: 'Castle Point', postcode: 'SS8', lat: 51.5213, lng: 0.5798 },
  { name: 'Loughton', district: 'Epping Forest', postcode: 'IG10', lat: 51.6495, lng: 0.0745 },
  { name: 'Saffron Walden', district: 'Uttlesford', postcode: 'CB11', lat: 52.0227, lng: 0.2398 },
  { name: 'Witham', district: 'Braintree', postcode: 'CM8', lat: 51.8006, lng: 0.6393 },
  { name: 'Harwich', district: 'Tendring', postcode: 'CO12', lat: 51.9353, lng: 1.2747 },
  { name: 'Epping', district: 'Epping Forest', postcode: 'CM16', lat: 51.6993, lng: 0.1106 },
  { name: 'Great Dunmow', district: 'Uttlesford', postcode: 'CM6', lat: 51.8726, lng: 0.3625 },
];

const VENUES = [
  'Larkspur Community Hall',
  'St Cedd’s Church Rooms',
  'The Old Maltings',
  'Meadowsweet Centre',
  'Kingfisher Library',
  'Oakapple Family Hub',
  'The Granary Rooms',
  'Foxglove House',
  'Brackenbury Hall',
  'Willowherb Day Centre',
];

const STREETS = [
  'Tansy Lane',
  'Cobbler’s Row',
  'Mill Race Road',
  'Hornbeam Avenue',
  'Saltings Way',
  'Bellringer Close',
  'Quayside Walk',
  'Thistledown Street',
];

/** What a kind of service is called, says, and is tagged with; `{town}` and `{venue}` are filled in. */
interface Kind {
  names: readonly string[];
  org: string;
  /** One or two sentences; the editor styles below dress them up. */
  lead: string;
  bullets: readonly string[];
  /** Placecube-style audience tags, with the trailing spaces real feeds have. */
  audience: readonly string[];
  /** LGA service types: [id, name]. */
  lga: readonly (readonly [string, string])[];
  /** A council's own category words. */
  categories: readonly string[];
  fees: readonly (string | null)[];
  eligibility?: string;
  national?: boolean;
  remote?: 'Telephone' | 'Online';
}

const KINDS: readonly Kind[] = [
  {
    names: ['{town} Carers Cuppa & Chat', 'Carers’ Coffee Morning – {town}', 'Caring Together {town}'],
    org: '{town} Carers Network',
    lead: 'A friendly monthly get-together for unpaid carers. Have a cuppa, meet other carers and find out what support is available.',
    bullets: ['Information and advice', 'Peer support from other carers', 'Guest speakers'],
    audience: ['Carers ', 'Adults'],
    lga: [['esdServiceType:298', 'Carers support groups']],
    categories: ['Carers', 'Support Groups'],
    fees: ['Free', '', null, 'No charge'],
  },
  {
    names: ['Memory Café at {venue}', '{town} Dementia Café', 'Forget-Me-Not Café'],
    org: 'Forget-Me-Not Dementia Support',
    lead: 'A relaxed café for people living with dementia and the people who care for them. Music, reminiscence and a warm welcome.',
    bullets: ['Singing for the brain', 'Advice from a dementia adviser', 'Tea & homemade cake'],
    audience: ['Dementia', 'Carers ', 'Older People'],
    lga: [['esdServiceType:1149', 'Dementia cafés']],
    categories: ['Health & Wellbeing', 'Older People'],
    fees: ['£2 per person inc. refreshments', 'Donations welcome', ''],
  },
  {
    names: ['Telephone Befriending', 'Friendly Voices Phone Friends', 'Chatterbox Calls'],
    org: 'Friendly Voices Essex',
    lead: 'A weekly phone call from a trained volunteer befriender for older people who feel lonely or isolated.',
    bullets: ['Same volunteer each week', 'Calls at a time that suits you', 'No need to leave home'],
    audience: ['Older People', 'Isolated'],
    lga: [['esdServiceType:296', 'Befriending services']],
    categories: ['Loneliness', 'Older People'],
    fees: ['Free', ''],
    remote: 'Telephone',
  },
  {
    names: ['Welfare Benefits Advice Surgery', 'Money Matters Drop-in', 'Benefits Check Clinic'],
    org: 'Advice Point {town}',
    lead: 'Free, confidential advice on benefits, debt and money worries. We can help you fill in forms and check you are getting everything you are entitled to.',
    bullets: ['Attendance Allowance and PIP forms', 'Council Tax Reduction', 'Debt and budgeting'],
    audience: ['Adults', 'Low income'],
    lga: [['esdServiceType:190', 'Welfare benefits advice']],
    categories: ['Money & Debt', 'Advice'],
    fees: ['Free', 'FREE', ''],
  },
  {
    names: ['Housing Options Drop-in', 'Homeless Prevention Service', 'Tenancy Sustainment Support'],
    org: '{town} Housing Trust',
    lead: 'Worried about losing your home? Our housing advisers can help with rent arrears, problems with your landlord and finding somewhere to live.',
    bullets: ['Rent arrears', 'Eviction notices', 'Temporary accommodation'],
    audience: ['Homeless', 'Adults'],
    lga: [['esdServiceType:1284', 'Housing advice']],
    categories: ['Housing'],
    fees: ['', 'Free'],
  },
  {
    names: ['Handyperson Service', 'Safe at Home Small Repairs', 'Home Fix Scheme'],
    org: 'Safe at Home Essex',
    lead: 'Small repairs and home adaptations to help older and disabled people stay safe and independent at home.',
    bullets: ['Grab rails and key safes', 'Minor repairs', 'Fitting smoke alarms'],
    audience: ['Older People', 'Physical Disability'],
    lga: [['esdServiceType:1810', 'Home adaptations']],
    categories: ['Housing', 'Independent Living'],
    fees: ['£15 per hour plus materials', 'Labour free for over 70s; you pay for materials', ''],
  },
  {
    names: ['Steps into Work', 'Job Club {town}', 'Supported Employment Team'],
    org: 'Pathways to Employment',
    lead: 'One-to-one help to find paid work, write a CV and prepare for interviews, for adults with a disability or long-term health condition.',
    bullets: ['CV writing', 'Interview practice', 'Support in your first weeks at work'],
    audience: ['Learning Disabilities', 'Adults'],
    lga: [['esdServiceType:19', 'Employment support']],
    categories: ['Work & Learning'],
    fees: ['Free', ''],
  },
  {
    names: ['Volunteer Centre {town}', 'Get Involved Volunteering'],
    org: 'Community Voluntary Services {town}',
    lead: 'Find a volunteering role that suits you, from helping at a food bank to driving for community transport.',
    bullets: ['Drop-in advice sessions', 'Roles for all abilities'],
    audience: ['Adults'],
    lga: [['esdServiceType:643', 'Volunteering']],
    categories: ['Volunteering'],
    fees: ['Free'],
  },
  {
    names: ['Digital Skills for Beginners', 'Get Online Week Sessions', 'Silver Surfers'],
    org: 'Essex Adult Community Learning (sample)',
    lead: 'Friendly, patient sessions to help you use a tablet, smartphone or laptop: video calls with family, online shopping and staying safe online.',
    bullets: ['Bring your own device or borrow one', 'Small groups', 'No experience needed'],
    audience: ['Older People ', 'Adults'],
    lga: [['esdServiceType:272', 'Adult education']],
    categories: ['Learning', 'Work & Learning'],
    fees: ['£3.50 per session', 'Free for people on benefits, otherwise £4', ''],
  },
  {
    names: ['Health Walks {town}', 'Walking for Health – {town}', 'Stride Out Walking Group'],
    org: 'Active {town}',
    lead: 'Short, sociable walks led by trained volunteers. A gentle way to get active and meet people.',
    bullets: ['Walks of 30 to 90 minutes', 'Meet at {venue}'],
    audience: ['Adults', 'Older People'],
    lga: [['esdServiceType:343', 'Physical activity']],
    categories: ['Leisure & Activities', 'Health & Wellbeing'],
    fees: ['Free', null],
  },
  {
    names: ['{town} Men’s Shed', 'The Shed at {venue}'],
    org: '{town} Men’s Shed CIO',
    lead: 'A community workshop where men (and women) meet to make, mend and chat. Woodwork, bike repairs and plenty of tea.',
    bullets: ['Woodwork', 'Gardening projects', 'Tea and a chat'],
    audience: ['Older People'],
    lga: [['esdServiceType:831', 'Social clubs']],
    categories: ['Leisure & Activities'],
    fees: ['£2 per visit', ''],
  },
  {
    names: ['Stroke Survivors Club', 'Life After Stroke Group'],
    org: 'Stroke Support Essex (sample)',
    lead: 'Peer support for people who have had a stroke and their families, with exercise, communication practice and social time.',
    bullets: ['Seated exercise', 'Communication support', 'Carers welcome'],
    audience: ['Stroke', 'Physical Disability', 'Carers '],
    lga: [['esdServiceType:1815', 'Stroke support']],
    categories: ['Health & Wellbeing'],
    fees: ['', 'Free'],
  },
  {
    names: ['Low Vision Support Group', 'Sight Loss Drop-in', 'Eye Can Café'],
    org: 'Clear Sight Essex',
    lead: 'Advice and support for people with sight loss: equipment demonstrations, benefits help and a friendly group.',
    bullets: ['Magnifiers and talking clocks to try', 'Rehabilitation officers on hand'],
    audience: ['Sensory Impaired>Visually Impaired', 'Older People'],
    lga: [['esdServiceType:1805', 'Sensory impairment support']],
    categories: ['Disability', 'Health & Wellbeing'],
    fees: ['Free'],
  },
  {
    names: ['Hear to Help Drop-in', 'Hearing Aid Maintenance Clinic'],
    org: 'Hear to Help Volunteers',
    lead: 'Free hearing aid maintenance: new tubing, batteries and cleaning, plus advice on living with hearing loss.',
    bullets: ['NHS hearing aids only', 'Bring your brown book'],
    audience: ['Sensory Impaired>Hearing Impaired', 'Deaf'],
    lga: [['esdServiceType:1803', 'Hearing support']],
    categories: ['Health & Wellbeing'],
    fees: ['Free', ''],
  },
  {
    names: ['Friday Friends Social Club', 'Thursday Night Disco', 'Stars Social Group'],
    org: 'Together in {town}',
    lead: 'A lively social club for adults with a learning disability. Discos, games, days out and a chance to make friends.',
    bullets: ['Discos and karaoke', 'Trips out', 'Support workers welcome'],
    audience: ['Learning Disabilities', 'Adults 18+'],
    lga: [['esdServiceType:199', 'Social activities for people with learning disabilities']],
    categories: ['Learning Disability', 'Leisure & Activities'],
    fees: ['£3 entry', '£2.50', ''],
    eligibility:
      'Adults aged 18 and over with a learning disability. Carers and support workers get in free.',
  },
  {
    names: ['Autistic Adults Peer Group', 'Spectrum Social'],
    org: 'Autism Voices Essex',
    lead: 'A calm, structured meet-up run by and for autistic adults, with quiet space available.',
    bullets: ['Low-sensory room', 'Structured activities', 'No pressure to talk'],
    audience: ['Autism', 'Adults'],
    lga: [['esdServiceType:1804', 'Autism support']],
    categories: ['Autism'],
    fees: ['Free', null],
  },
  {
    names: ['Recovery College Courses', 'Wellbeing Workshops', 'Mind Your Mood Course'],
    org: 'Mindful Essex',
    lead: 'Free courses on managing anxiety, low mood and stress, co-produced by people with lived experience of mental ill health.',
    bullets: ['Six-week courses', 'Online or in person', 'Self-referral'],
    audience: ['Mental Health'],
    lga: [['esdServiceType:112', 'Mental health support']],
    categories: ['Mental Health', 'Health & Wellbeing'],
    fees: ['Free'],
  },
  {
    names: ['Bereavement Support Group', 'Time to Talk Bereavement Café'],
    org: 'Cruse-Style Bereavement Essex (sample)',
    lead: 'A safe space to talk about your loss with others who understand, supported by trained bereavement volunteers.',
    bullets: ['Monthly group', 'One-to-one support available'],
    audience: ['Bereaved', 'Adults'],
    lga: [['esdServiceType:189', 'Bereavement support']],
    categories: ['Health & Wellbeing'],
    fees: ['', 'Free'],
  },
  {
    names: ['Strength & Balance Classes', 'Steady Steps', 'Falls Prevention Exercise'],
    org: 'Active Ageing {town}',
    lead: 'Gentle exercise classes to improve strength and balance and reduce the risk of falls.',
    bullets: ['Chair-based and standing exercises', 'Qualified instructors'],
    audience: ['Older People', 'Frail elderly'],
    lga: [['esdServiceType:242', 'Care at home']],
    categories: ['Health & Wellbeing', 'Older People'],
    fees: ['£3 per class', '£2', ''],
  },
  {
    names: ['Sitting Service for Carers', 'Carers’ Break Scheme', 'Time Out Respite'],
    org: '{town} Carers Network',
    lead: 'A trained volunteer sits with the person you care for, so you can have a few hours to yourself.',
    bullets: ['Up to 3 hours a week', 'Same volunteer each time'],
    audience: ['Carers ', 'Dementia'],
    lga: [['esdServiceType:1755', 'Carers assessment']],
    categories: ['Carers', 'Respite'],
    fees: ['Free', 'Contribution may be asked', ''],
  },
  {
    names: ['National Carers Advice Line', 'Carers Helpline (national)'],
    org: 'Carers Together UK (sample)',
    lead: 'Confidential advice for carers anywhere in England, by phone and online chat.',
    bullets: ['Benefits for carers', 'Your rights at work', 'Carer’s assessments'],
    audience: ['Carers '],
    lga: [],
    categories: ['Carers', 'Advice'],
    fees: ['Free', 'Calls are free from landlines and mobiles'],
    national: true,
    remote: 'Telephone',
  },
  {
    names: ['Online Carers Forum', 'Carers Online Chat Group', 'Virtual Memory Café'],
    org: 'Carers Online Network (sample)',
    lead: 'An online community where carers can share tips and support each other, day or night.',
    bullets: ['Moderated forum', 'Weekly video meet-ups'],
    audience: ['Carers '],
    lga: [['esdServiceType:298', 'Carers support groups']],
    categories: ['Carers'],
    fees: ['Free', ''],
    remote: 'Online',
  },
  {
    names: ['Community Meals Delivery', 'Hot Meals at Home'],
    org: 'Good Neighbours Kitchen',
    lead: 'Hot and frozen meals delivered to your door, with a friendly check on how you are.',
    bullets: ['Special diets catered for', 'Seven days a week'],
    audience: ['Older People', 'Disabled'],
    lga: [['esdServiceType:927', 'Meals on wheels']],
    categories: ['Food', 'Older People'],
    fees: ['£5.20 per meal', '£4.90 a meal'],
  },
  {
    names: ['Domestic Abuse Outreach', 'Safe Space Drop-in'],
    org: 'Safer Lives Essex (sample)',
    lead: 'Confidential support for anyone affected by domestic abuse, including safety planning and help with housing.',
    bullets: ['Safety planning', 'Help to find a refuge', 'Support through court'],
    audience: ['Victims of domestic abuse', 'Adults'],
    lga: [['esdServiceType:437', 'Domestic abuse support']],
    categories: ['Safety'],
    fees: ['Free', ''],
  },
  {
    names: ['Wednesday Lunch Club', 'Luncheon Club at {venue}', 'Pie & Pudding Club'],
    org: '{venue} Community Association',
    lead: 'A two-course lunch and good company every week, with a raffle and occasional entertainment.',
    bullets: ['Transport can be arranged', 'Vegetarian option'],
    audience: ['Older People', 'Over 60s'],
    lga: [['esdServiceType:1806', 'Lunch clubs']],
    categories: ['Food', 'Leisure & Activities'],
    fees: ['£6.50 for two courses', '£6', ''],
  },
  {
    names: ['Crafty Company', 'Knit & Natter', 'Art for Wellbeing'],
    org: '{venue} Arts Collective',
    lead: 'A sociable craft group: bring your own project or try something new. All materials provided.',
    bullets: ['Knitting and crochet', 'Card making', 'Painting'],
    audience: ['Adults'],
    lga: [['esdServiceType:1792', 'Arts and crafts']],
    categories: ['Leisure & Activities'],
    fees: ['£2', 'Free', ''],
  },
  {
    // Nothing in name, text or tags says which theme: these are the few the data-quality page lists.
    names: ['The Hub at {venue}', 'Open House {town}', 'Tuesday Drop-in'],
    org: '{venue} Trust',
    lead: 'A warm welcome for everyone. Pop in and see us, we would love to meet you.',
    bullets: ['Open to all'],
    audience: [],
    lga: [],
    categories: [],
    fees: ['', null],
  },
];

/** How the description was written: each the way a real editor or a member of staff leaves it. */
type Style = 'tinymce' | 'ckeditor' | 'word' | 'quill' | 'encoded' | 'double' | 'escaped' | 'plain';
const STYLES: readonly Style[] = [
  'tinymce',
  'tinymce',
  'ckeditor',
  'word',
  'quill',
  'encoded',
  'double',
  'escaped',
  'plain',
  'tinymce',
];

function encode(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('’', '&rsquo;')
    .replaceAll("'", '&#39;')
    .replaceAll('–', '&ndash;');
}

interface Fill {
  town: Town;
  venue: string;
}

function fill(text: string, at: Fill): string {
  return text.replaceAll('{town}', at.town.name).replaceAll('{venue}', at.venue);
}

function describe(
  kind: Kind,
  style: Style,
  at: Fill,
  r: Random,
  links: { web: string; email: string; phone: string },
): string {
  const lead = fill(kind.lead, at);
  const bullets = kind.bullets.map((bullet) => fill(bullet, at));
  const website = `<a href="${links.web}" target="_blank" rel="noopener noreferrer">our website</a>`;
  const mail = `<a href="mailto:${links.email}">${links.email}</a>`;
  const tel = `<a href="tel:${links.phone.replaceAll(' ', '')}">${links.phone}</a>`;
  switch (style) {
    case 'tinymce':
      return (
        `<p>${encode(lead).replace('. ', '.&nbsp; ')}</p>\n<p><strong>What we offer:</strong></p>\n<ul>\n` +
        bullets.map((bullet) => `<li>${encode(bullet)}</li>`).join('\n') +
        `\n</ul>\n<p>For more information visit ${website} or email ${mail}.</p>`
      );
    case 'ckeditor':
      return (
        `<h3>About us</h3><p>${encode(lead)}</p><p>&nbsp;</p><h4>Sessions include</h4><ol>` +
        bullets.map((bullet) => `<li><span>${encode(bullet)}</span></li>`).join('') +
        `</ol><p>Call us on ${tel}${r.chance(0.3) ? ' or <a href="javascript:void(0)">click here to book</a>' : ''}.</p>`
      );
    case 'word':
      return (
        '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><![endif]-->' +
        '<style>p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}</style>' +
        `<p class="MsoNormal"><span style="font-size:12.0pt;font-family:Arial">${encode(lead)}<o:p></o:p></span></p>` +
        bullets
          .map(
            (bullet) =>
              `<p class="MsoListParagraphCxSpMiddle" style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><span style="font-family:Symbol">·<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp; </span></span>${encode(bullet)}<o:p></o:p></p>`,
          )
          .join('') +
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
      );
    case 'quill':
      return (
        `<p>${encode(lead)}</p><p><br></p><ul>` +
        bullets.map((bullet) => `<li>${encode(bullet)}</li>`).join('') +
        `</ul><p><br></p><p>Find us at <a href="${links.web.replace(/^https:\/\//, '')}" rel="noopener noreferrer" target="_blank">${links.web.replace(/^https:\/\//, '')}</a></p>`
      );
    case 'encoded':
      return `${encode(lead)} ${bullets.map(encode).join(', ')}.`;
    case 'double':
      return `<p>${encode(encode(lead)).replace(' ', '&amp;nbsp;')}</p><p>${bullets.map((bullet) => encode(encode(bullet))).join('<br />')}</p>`;
    case 'escaped':
      return encode(
        `<p>${encode(lead)}</p><ul>${bullets.map((bullet) => `<li>${encode(bullet)}</li>`).join('')}</ul>`,
      )
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;');
    case 'plain':
      return `${lead}\r\n\r\n${bullets.map((bullet) => `• ${bullet}`).join('\r\n')}\r\nRing ${links.phone} for details.  `;
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];

function schedule(r: Random, id: string, messy: boolean): Json {
  const day = r.pick(WEEKDAYS);
  if (messy && r.chance(0.5)) {
    // As typed into a free-text box: a day range and a time with am/pm.
    return {
      id,
      freq: 'WEEKLY',
      byday: r.pick(['Mon-Fri', 'Tuesdays']),
      opens_at: r.pick(['9am', '10.00']),
      closes_at: '12:00',
    };
  }
  const opens = r.pick(['09:30:00', '10:00:00', '13:30:00', '18:00']);
  const closes = opens.startsWith('18') ? '20:00' : opens.startsWith('13') ? '15:30:00' : '12:00:00';
  return r.chance(0.3)
    ? {
        id,
        freq: 'MONTHLY',
        byday: `${r.pick(['1', '2', '3', '-1'])}${day}`,
        opens_at: opens,
        closes_at: closes,
        description: 'Monthly session',
      }
    : { id, freq: 'WEEKLY', interval: 1, byday: day, opens_at: opens, closes_at: closes };
}

/** The web address, as staff typed it: mostly fine, sometimes not. */
function urlAsTyped(r: Random, host: string, at: Fill): string | null | undefined {
  const roll = r.next();
  if (roll < 0.45) return `https://${host}/`;
  if (roll < 0.55) return `www.${host}`;
  if (roll < 0.62) return `http:www.${host}`;
  if (roll < 0.67) return `https:/${host}/groups`;
  if (roll < 0.72) return `https://${host}.`;
  if (roll < 0.76) return at.venue;
  if (roll < 0.79) return `info@${host}`;
  if (roll < 0.82) return 'N/A';
  if (roll < 0.9) return '';
  return null;
}

function emailAsTyped(r: Random, host: string, local: string): string | null | undefined {
  const roll = r.next();
  if (roll < 0.5) return `${local}@${host}`;
  if (roll < 0.6) return `${local}@${host}.`;
  if (roll < 0.66) return `${local}@${host}; admin@${host}`;
  if (roll < 0.72) return `${local[0]?.toUpperCase()}${local.slice(1)} Team <${local}@${host}>`;
  if (roll < 0.76) return `${local} @ ${host}`;
  if (roll < 0.8) return 'Please ring reception';
  if (roll < 0.9) return '';
  return undefined;
}

function phoneAsTyped(r: Random, n: number): string {
  const local = String(n % 1000).padStart(3, '0');
  const roll = r.next();
  if (roll < 0.45) return `01632 960${local}`;
  if (roll < 0.6) return `01632960${local}`;
  if (roll < 0.7) return `Tel: 01632 960${local}`;
  if (roll < 0.78) return `07700 900${local} (mobile)`;
  if (roll < 0.86) return `0808 157 0${local} / 01632 960${local}`;
  if (roll < 0.9) return 'Call reception';
  return `01632 960 ${local}`;
}

function assuredDate(r: Random): string | null {
  const roll = r.next();
  if (roll < 0.4)
    return `2026-${String(r.int(6, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  if (roll < 0.65)
    return `2026-${String(r.int(1, 5)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  if (roll < 0.85)
    return `${r.pick(['2024', '2025'])}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  if (roll < 0.92)
    return `${String(r.int(1, 28)).padStart(2, '0')}/${String(r.int(1, 12)).padStart(2, '0')}/2025`;
  return null;
}

/** The taxonomy each service carries, in the way one of several kinds of feed carries it. */
function tagging(kind: Kind, shape: number, r: Random): Json {
  switch (shape % 5) {
    case 0:
    case 1:
      // Placecube: no taxonomy at all, an audience extension, ages of -1.
      return {
        pc_targetAudience: kind.audience.map((audienceType, i) => ({
          audienceType,
          id: String(80400 + i * 7 + shape),
        })),
        minimum_age: -1,
        maximum_age: -1,
      };
    case 2: {
      // ORUK 1 style: LGA service types linked through service_taxonomys, eligibility records.
      const [id, name] = kind.lga[0] ?? ['', ''];
      const number = id.split(':')[1] ?? '';
      const written = r.pick([id, `http://id.esd.org.uk/service/${number}`, number]);
      return {
        service_taxonomys:
          id === ''
            ? []
            : [
                {
                  id: stableUuid(`taxonomy:${shape}`),
                  taxonomy: { id: written, name, vocabulary: 'esdServiceTypes' },
                },
              ],
        eligibilitys: kind.audience.map((eligibility, i) => ({
          id: stableUuid(`eligibility:${shape}:${i}`),
          eligibility: eligibility.trim(),
          minimum_age: eligibility.includes('18') ? 18 : 0,
          maximum_age: 0,
        })),
      };
    }
    case 3:
      // HSDS 3.0 attributes from a council's own category list.
      return {
        attributes: kind.categories.map((name, i) => ({
          id: stableUuid(`attribute:${shape}:${i}`),
          link_type: 'category',
          taxonomy_term: { id: `local-${slug(name)}`, name, taxonomy: 'Council categories' },
        })),
      };
    default:
      // Nothing at all: the name and description must do.
      return {};
  }
}

function messyService(index: number, seed: string): Json {
  const r = new Random(`${seed}:${index}`);
  const kind = KINDS[index % KINDS.length]!;
  const town = TOWNS[(index * 7) % TOWNS.length]!;
  const venue = r.pick(VENUES);
  const at = { town, venue };
  const name = fill(r.pick(kind.names), at);
  const org = fill(kind.org, at);
  const host = `${slug(org).slice(0, 24)}.example.org`;
  const phone = `01632 960${String(index % 1000).padStart(3, '0')}`;
  const style = STYLES[(index * 3) % STYLES.length]!;
  const id = stableUuid(`${seed}:service:${index}`);
  const remote = kind.remote !== undefined;
  const street = `${r.int(1, 120)} ${r.pick(STREETS)}`;
  const postcode = `${town.postcode} ${r.int(1, 9)}${r.pick(['AB', 'DF', 'GH', 'JL', 'NP', 'QR'])}`;

  const record: Json = {
    id,
    name: r.chance(0.1) ? encode(name) : r.chance(0.1) ? ` ${name} ` : name,
    description: describe(kind, style, at, r, { web: `https://${host}/`, email: `hello@${host}`, phone }),
    url: urlAsTyped(r, host, at),
    email: emailAsTyped(r, host, r.pick(['hello', 'info', 'enquiries', 'carers'])),
    status: r.chance(0.2) ? undefined : r.pick(['active', 'active', 'Active']),
    fees: r.pick(kind.fees),
    assured_date: assuredDate(r),
    last_modified: `2026-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T${String(r.int(8, 17)).padStart(2, '0')}:15:00Z`,
    organization: {
      id: stableUuid(`${seed}:org:${org}`),
      name: r.chance(0.15) ? encode(org) : org,
      description: '',
    },
    phones: r.chance(0.85)
      ? [{ id: stableUuid(`${seed}:phone:${index}`), number: phoneAsTyped(r, index) }]
      : [],
    schedules:
      remote || r.chance(0.2) ? [] : [schedule(r, stableUuid(`${seed}:schedule:${index}`), r.chance(0.15))],
    ...tagging(kind, index, r),
  };
  if (kind.eligibility && r.chance(0.7))
    record.eligibility_description = `<p>${encode(kind.eligibility)}</p>`;
  if (kind.national) {
    record.service_areas = [
      { id: stableUuid(`${seed}:area:${index}`), name: r.pick(['National', 'England', 'UK']) },
    ];
  } else if (!remote) {
    record.service_areas = r.chance(0.3)
      ? [
          {
            id: stableUuid(`${seed}:area:${index}`),
            name: r.pick([town.district, 'Essex', `${town.district} and surrounding villages`]),
          },
        ]
      : [];
  }
  if (remote) {
    record.deliverable_type = kind.remote;
    record.service_at_locations =
      kind.remote === 'Online'
        ? [
            {
              id: stableUuid(`${seed}:sal:${index}`),
              location: {
                id: stableUuid(`${seed}:online:${index}`),
                location_type: 'virtual',
                name: 'Online',
              },
            },
          ]
        : [];
  } else {
    const lat = Math.round((town.lat + (r.next() - 0.5) * 0.02) * 1e5) / 1e5;
    const lng = Math.round((town.lng + (r.next() - 0.5) * 0.02) * 1e5) / 1e5;
    record.service_at_locations = [
      {
        id: stableUuid(`${seed}:sal:${index}`),
        location: {
          id: stableUuid(`${seed}:location:${index}`),
          location_type: 'physical',
          name: venue,
          latitude: r.chance(0.05) ? 0 : lat,
          longitude: r.chance(0.05) ? 0 : lng,
          addresses: [
            {
              id: stableUuid(`${seed}:address:${index}`),
              address_1: r.chance(0.2) ? `${venue}, ${street}` : street,
              city: r.chance(0.1) ? town.name.toUpperCase() : town.name,
              state_province: 'Essex',
              postal_code: r.chance(0.15) ? postcode.toLowerCase() : postcode,
              country: 'GB',
              address_type: 'physical',
            },
          ],
        },
      },
    ];
  }
  return record;
}

/** Records no directory can list: no id, no name, markup for a name, a repeated id, not an object. */
function unusable(seed: string, first: Json): unknown[] {
  return [
    {
      name: 'Carers Cuppa (copy)',
      description: '<p>Entered twice by mistake, without an id.</p>',
      status: 'active',
    },
    { id: stableUuid(`${seed}:unusable:1`), name: '', description: '<p>Draft listing, name to follow.</p>' },
    {
      id: stableUuid(`${seed}:unusable:2`),
      name: '<p>&nbsp;</p>',
      description: 'Test record, please ignore',
    },
    { id: stableUuid(`${seed}:unusable:3`), name: { en: 'Bilingual Drop-in', cy: 'Sesiwn Galw Heibio' } },
    { ...first, name: `${String(first.name)} (old listing)` },
    'Service record could not be exported',
  ];
}

/** The whole feed as an ORUK 3.0 page: `MESSY_SIZE` services with the unusable ones among them. */
export function messyFeed(size = MESSY_SIZE, seed = MESSY_SEED): Json {
  const services = Array.from({ length: size }, (_, index) => messyService(index, seed));
  const bad = unusable(seed, services[0]!);
  const contents: unknown[] = [];
  services.forEach((service, index) => {
    contents.push(service);
    if (index % 40 === 39 && bad.length > 0) contents.push(bad.shift());
  });
  contents.push(...bad);
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: false,
    contents,
  };
}
