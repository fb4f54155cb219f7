import { COUNCIL_CONTACTS, NATIONAL_HELPLINES } from '../../domain/council-contacts.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/**
 * "Need help now?": shown before anything else when someone may be unsafe. Used by guided help and by
 * search, so the numbers live in one place: the national lines, then the council's.
 */
export function HelpNow(props: { headingLevel?: 2 | 3; id?: string }) {
  const { t } = useTranslation();
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const lines = [
    ...NATIONAL_HELPLINES.map((line) => ({ key: line.id, contact: line })),
    { key: 'adultSocialCare', contact: COUNCIL_CONTACTS.adultSocialCare },
    { key: 'safeguarding', contact: COUNCIL_CONTACTS.safeguarding },
    { key: 'outOfHours', contact: COUNCIL_CONTACTS.outOfHours },
  ];
  return (
    <section class="help-now" aria-labelledby={props.id ?? 'help-now-heading'}>
      <Heading id={props.id ?? 'help-now-heading'}>{t('helpNow.title')}</Heading>
      <ul class="help-now__list">
        {lines.map(({ key, contact }) => (
          <li key={key}>
            <span class="help-now__when">{t(`helpNow.${key}`)}</span>{' '}
            <a class="help-now__call tap-target" href={`tel:${contact.dial}`}>
              {t('helpNow.call', { number: contact.phone })}
            </a>
          </li>
        ))}
      </ul>
      {COUNCIL_CONTACTS.sample ? <p class="help-now__sample">{t('helpNow.sample')}</p> : null}
    </section>
  );
}
