import { describe, expect, it } from 'vitest';
import { scrubPersonalDetails as scrub } from '../../src/domain/feedback/scrub.ts';

describe('scrubbing personal details from a quote', () => {
  it('takes out email addresses', () => {
    expect(scrub('Write to me at jo.bloggs+care@example.co.uk please')).toBe('Write to me at [email] please');
  });

  it('takes out UK phone numbers however they are written', () => {
    expect(scrub('Ring 01245 123456 or 07700 900123.')).toBe('Ring [phone] or [phone].');
    expect(scrub('Call +44 7700 900123, or (01206) 555 010, or 020-7946-0958')).toBe(
      'Call [phone], or [phone], or [phone]',
    );
    expect(scrub('My mobile is +44 (0)7700 900123')).toBe('My mobile is [phone]');
  });

  it('leaves ordinary numbers alone', () => {
    expect(scrub('I waited 6 weeks and 3 days for 2 visits a week')).toBe(
      'I waited 6 weeks and 3 days for 2 visits a week',
    );
  });

  it('takes out NHS numbers', () => {
    expect(scrub('NHS number 943 476 5919')).toBe('NHS number [nhs-number]');
  });

  it('takes out UK postcodes, in capitals or not, with or without the space', () => {
    expect(scrub('We moved to CM1 1QH last year')).toBe('We moved to [postcode] last year');
    expect(scrub('near co15 1ab and SS07AB')).toBe('near [postcode] and [postcode]');
  });

  it('takes out dates written with numbers', () => {
    expect(scrub('Assessed on 03/03/2025, reviewed 4.6.25 and 2025-07-01.')).toBe(
      'Assessed on [date], reviewed [date] and [date].',
    );
  });

  it('takes out dates written with the month’s name', () => {
    expect(scrub('Since 3 March 2025 nobody came')).toBe('Since [date] nobody came');
    expect(scrub('On the 21st of Feb, and again on March 3rd, 2025')).toBe(
      'On the [date], and again on [date]',
    );
    expect(scrub('It started in September 2024.')).toBe('It started in [date].');
  });

  it('does not take "may" for a month', () => {
    expect(scrub('You may 10 times ask and get nowhere')).toBe('You may 10 times ask and get nowhere');
  });

  it('takes out street addresses', () => {
    expect(scrub('I live at 12 High Street in Witham')).toBe('I live at [address] in Witham');
    expect(scrub('Flat 3, 14a Station Road, Harlow')).toBe('[address], Harlow');
    expect(scrub('from 7 St Mary’s Close')).toBe('from [address]');
  });

  it('takes out a name someone gives as theirs', () => {
    expect(scrub('Hello, my name is Sarah O’Neill and I care for my dad')).toBe(
      'Hello, my name is [name] and I care for my dad',
    );
    expect(scrub('My name is Aleksandra.')).toBe('My name is [name].');
  });

  it('takes out names after a title, keeping the title', () => {
    expect(scrub('Dr Patel and Mrs. Jones were kind, Mr Smith less so')).toBe(
      'Dr [name] and Mrs. [name] were kind, Mr [name] less so',
    );
  });

  it('takes out the names of family, keeping who they are to the person', () => {
    expect(scrub('my son Tom and my wife, Jane, help me. My daughter Zoë Ellis visits.')).toBe(
      'my son [name] and my wife, [name], help me. My daughter [name] visits.',
    );
  });

  it('keeps the words that carry the experience', () => {
    const words = 'The carers group at the library is the best thing that happened to us this year.';
    expect(scrub(words)).toBe(words);
  });

  it('scrubs every kind of detail in one story', () => {
    expect(
      scrub(
        'My name is Pat Green, I live at 4 Mill Lane, CO7 6AB. Mrs Green next door rang 01255 820000 ' +
          'on 12 May 2025 and emailed pat@example.com about my husband Ron.',
      ),
    ).toBe(
      'My name is [name], I live at [address], [postcode]. Mrs [name] next door rang [phone] ' +
        'on [date] and emailed [email] about my husband [name].',
    );
  });
});
