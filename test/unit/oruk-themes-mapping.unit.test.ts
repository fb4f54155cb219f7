import { describe, expect, it } from 'vitest';
import { classify, THEMES_MAPPING, type ThemesMapping } from '../../src/domain/themes-mapping.ts';

describe('classify', () => {
  it('files a service by its taxonomy terms, ignoring case', () => {
    expect(classify([{ id: '1', name: 'CARERS SUPPORT' }])).toEqual({
      themes: ['carers'],
      whoFor: ['carer-self'],
    });
    expect(classify([{ id: '2', name: 'Supported living' }]).themes).toEqual(['housing']);
    expect(classify([{ id: '3', name: 'Volunteering' }]).themes).toEqual(['work-and-activities']);
  });

  it('keeps "for the carer" and "for the person cared for" apart', () => {
    expect(classify([{ id: '1', name: 'Respite and short breaks' }]).whoFor).toEqual(['cared-for']);
    expect(classify([{ id: '2', name: 'Unpaid carers' }]).whoFor).toEqual(['carer-self']);
  });

  it('reads the name and description when the terms give no theme', () => {
    const result = classify([], {
      description: 'Peer support group for people living with anxiety or depression',
    });
    expect(result).toEqual({ themes: ['staying-well'], whoFor: ['mental-health'] });
  });

  it('prefers the terms to the text for themes, but takes groups from both', () => {
    const result = classify([{ id: '1', name: 'Employment support' }], {
      description: 'Job coaching for autistic adults',
    });
    expect(result).toEqual({ themes: ['work-and-activities'], whoFor: ['autism'] });
  });

  it('takes a theme from free text carefully: one word in the name, or two different ones in the description', () => {
    expect(classify([], { description: 'We rent out the hall' }).themes).toEqual([]);
    expect(classify([], { name: 'Rent deposit scheme' }).themes).toEqual(['housing']);
    expect(classify([], { description: 'Help to keep your tenancy and pay the rent' }).themes).toEqual([
      'housing',
    ]);
    expect(classify([], { description: 'Meet other people over tea and a chat' }).themes).toEqual([]);
  });

  it('matches whole words, and word starts only where a keyword ends in *', () => {
    expect(classify([], { name: 'A parent-led group' }).themes).toEqual([]);
    expect(classify([], { description: 'Autistic adults social' }).whoFor).toEqual(['autism']);
    expect(classify([], { name: 'Dementia Café' })).toEqual({
      themes: ['staying-well', 'work-and-activities'],
      whoFor: ['older-people'],
    });
  });

  it('reads short category words in terms only', () => {
    expect(classify([{ id: 'c1', name: 'Money' }]).themes).toEqual(['staying-well']);
    expect(classify([{ id: 'c2', name: 'Work & Learning' }]).themes).toEqual(['work-and-activities']);
    expect(
      classify([], { description: 'We work hard to make sure your money is well spent' }).themes,
    ).toEqual([]);
  });

  it('reads the LGA service types and needs lists, by name or by identifier', () => {
    expect(classify([{ id: 'esdServiceType:298', name: 'Carers support groups' }]).themes).toEqual([
      'carers',
    ]);
    expect(classify([{ id: 'http://id.esd.org.uk/service/298', name: '298' }]).themes).toEqual(['carers']);
    expect(classify([{ id: 'esdNeeds:69', name: 'Social inclusion' }]).themes).toEqual([
      'work-and-activities',
    ]);
    expect(classify([{ id: 'x', name: 'Meals on wheels' }]).themes).toEqual(['staying-well']);
    expect(classify([{ id: 'y', name: 'Disabled facilities grants' }]).themes).toEqual(['housing']);
    expect(classify([{ id: 'z', name: 'Adult education' }]).themes).toEqual(['work-and-activities']);
  });

  it('reads audience tags as councils write them, for themes and for who it is for', () => {
    const tags = ['Carers ', 'Sensory Impaired>Visually Impaired', 'Wheelchair Users', 'Mental Health'];
    const result = classify(tags.map((tag) => ({ id: tag, name: tag })));
    expect(result.themes).toEqual(['staying-well', 'carers']);
    expect(result.whoFor).toEqual(['carer-self', 'mental-health', 'physical-sensory']);
    expect(classify([{ id: 'Dementia', name: 'Dementia' }]).whoFor).toEqual(['older-people']);
  });

  it('can be changed by a council: exact term ids and new keywords', () => {
    const mapping: ThemesMapping = {
      ...THEMES_MAPPING,
      themes: { ...THEMES_MAPPING.themes, housing: { keywords: ['homes'], termIds: ['LGA-123'] } },
    };
    expect(classify([{ id: 'lga-123', name: 'Something' }], {}, mapping).themes).toEqual(['housing']);
    expect(classify([], { name: 'Homes for older people' }, mapping).themes).toEqual(['housing']);
  });

  it('files nothing it cannot recognise', () => {
    expect(classify([{ id: 'x', name: 'Miscellaneous' }], { description: 'Open to all' })).toEqual({
      themes: [],
      whoFor: [],
    });
  });
});
