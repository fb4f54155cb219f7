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
    const result = classify([], 'Peer support group for people living with anxiety or depression');
    expect(result).toEqual({ themes: ['staying-well'], whoFor: ['mental-health'] });
  });

  it('prefers the terms to the text for themes, but takes groups from both', () => {
    const result = classify([{ id: '1', name: 'Employment support' }], 'Job coaching for autistic adults');
    expect(result).toEqual({ themes: ['work-and-activities'], whoFor: ['autism'] });
  });

  it('matches whole words, and word starts only where a keyword ends in *', () => {
    expect(classify([], 'We rent out the hall').themes).toEqual(['housing']);
    expect(classify([], 'A parent-led group').themes).toEqual([]);
    expect(classify([], 'Autistic adults social').whoFor).toEqual(['autism']);
  });

  it('can be changed by a council: exact term ids and new keywords', () => {
    const mapping: ThemesMapping = {
      ...THEMES_MAPPING,
      themes: { ...THEMES_MAPPING.themes, housing: { keywords: ['homes'], termIds: ['LGA-123'] } },
    };
    expect(classify([{ id: 'lga-123', name: 'Something' }], '', mapping).themes).toEqual(['housing']);
    expect(classify([], 'Homes for older people', mapping).themes).toEqual(['housing']);
  });

  it('files nothing it cannot recognise', () => {
    expect(classify([{ id: 'x', name: 'Miscellaneous' }], 'Open to all')).toEqual({ themes: [], whoFor: [] });
  });
});
