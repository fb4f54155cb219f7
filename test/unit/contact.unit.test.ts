import { describe, expect, it } from 'vitest';
import { mailtoHref, readEmailAddress, readPhoneNumber, telHref } from '../../src/domain/contact.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';

describe('email addresses', () => {
  it('accepts the addresses councils and charities publish', () => {
    for (const address of [
      'help@example.org',
      'carers.support@essex.example.gov.uk',
      "o'brien@example.org",
      'help+carers@example.org',
      'józef@example.pl',
      'info@xn--bcher-kva.example',
    ]) {
      expect(readEmailAddress(address), address).toBe(address);
    }
  });

  it('refuses an address that a mail link would read as headers, a copy or a body', () => {
    for (const hostile of [
      'help?body=Send%20your%20bank%20details&cc=someone@else.example',
      'help@example.org?cc=someone@else.example',
      'help&cc=someone@else.example',
      'help%3Fcc=x@example.org',
      'help#x@example.org',
      'help me@example.org',
      'help@example.org, other@example.org',
      'help@@example.org',
      '.help@example.org',
      'help..desk@example.org',
      'help@example',
      'help@exa mple.org',
      `${'a'.repeat(65)}@example.org`,
    ]) {
      expect(readEmailAddress(hostile), hostile).toBeUndefined();
      expect(mailtoHref(hostile), hostile).toBeUndefined();
    }
  });

  it('builds a mail link by encoding the part before the @', () => {
    expect(mailtoHref('help+carers@example.org')).toBe('mailto:help%2Bcarers@example.org');
    expect(mailtoHref('józef@example.pl')).toBe('mailto:j%C3%B3zef@example.pl');
    expect(new URL(mailtoHref("o'brien@example.org")!).search).toBe('');
  });
});

describe('phone numbers', () => {
  it('reads numbers as people write them', () => {
    expect(readPhoneNumber('01632 960 001')).toBe('01632 960 001');
    expect(readPhoneNumber(' "01632  960001" ')).toBe('01632 960001');
    expect(readPhoneNumber('(+44) 1632 960 001')).toBe('(+44) 1632 960 001');
    expect(readPhoneNumber('116 123')).toBe('116 123');
    expect(readPhoneNumber('01632 960 001 ext. 12')).toBe('01632 960 001 ext. 12');
  });

  it('refuses what is not a number', () => {
    for (const bad of [
      'call us',
      '0163 ?cc',
      '123',
      '01632 960 001;phone-context=evil',
      '1'.repeat(16),
      '01632+960001',
    ]) {
      expect(readPhoneNumber(bad), bad).toBeUndefined();
      expect(telHref(bad), bad).toBeUndefined();
    }
  });

  it('dials digits only, with the country code and extension where given', () => {
    expect(telHref('01632 960 001')).toBe('tel:01632960001');
    expect(telHref('(+44) 1632 960-001')).toBe('tel:+441632960001');
    expect(telHref('01632 960 001 x12')).toBe('tel:01632960001;ext=12');
  });
});

describe('contact details from a feed', () => {
  const record = (fields: Record<string, unknown>) =>
    toService(
      { id: 'svc-1', name: 'Carers café', status: 'active', ...fields },
      { importedAt: '2025-03-01T00:00:00.000Z', text: feedTextReader },
    );

  it('never lists an email that would add a copy or a body to the mail', () => {
    const result = record({ email: 'help?body=Send%20your%20details&cc=someone@else.example' });
    expect(result.ok ? result.service.email : undefined).toBeUndefined();
  });

  it('lists a real address and a real number as given', () => {
    const result = record({ email: 'help@example.org', phones: [{ id: 'p1', number: '01632 960 001' }] });
    expect(result.ok && result.service).toMatchObject({ email: 'help@example.org', phone: '01632 960 001' });
  });
});
