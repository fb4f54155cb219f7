import type { TFunction } from 'i18next';
import {
  COUNCIL_CONTACTS,
  NATIONAL_HELPLINES,
  type CouncilContact,
  type NationalHelpline,
} from '../../../domain/council-contacts.ts';

function Call(props: { number: CouncilContact; sample: boolean; t: TFunction }) {
  return (
    <>
      <a class="fb-phone-link tap-target" href={`tel:${props.number.dial}`} dir="ltr">
        {props.number.phone}
      </a>
      {props.sample ? <span class="fb-sample-tag">{props.t('feedback:help.sample')}</span> : null}
    </>
  );
}

/** Each national line's words in `feedback:help`. */
const WORDS: Readonly<Record<NationalHelpline['id'], string>> = {
  emergency: 'emergency',
  nhs111: 'nhs',
  samaritans: 'samaritans',
  domesticAbuse: 'domesticAbuse',
};

/**
 * How to get help now, with more said about each than the shared panel (components/help-now.tsx): the
 * questionnaire shows it as a step of its own. The numbers come from the one list (`domain/council-contacts.ts`).
 */
export function HelpNow(props: { t: TFunction; mode: 'self' | 'assisted' }) {
  const { t } = props;
  const context = props.mode === 'assisted' ? { context: 'assisted' } : {};
  return (
    <div class="fb-help-now">
      <p class="lead">{t('feedback:help.intro', context)}</p>
      <ul class="fb-help-now__list">
        {NATIONAL_HELPLINES.map((line) => (
          <li
            key={line.id}
            class={
              line.id === 'emergency' ? 'fb-help-now__item fb-help-now__item--emergency' : 'fb-help-now__item'
            }
          >
            <h2 class="fb-help-now__heading">{t(`feedback:help.${WORDS[line.id]}Heading`)}</h2>
            <p>{t(`feedback:help.${WORDS[line.id]}Body`)}</p>
            <Call number={line} sample={false} t={t} />
          </li>
        ))}
        <li class="fb-help-now__item">
          <h2 class="fb-help-now__heading">{t('feedback:help.safeguardingHeading')}</h2>
          <p>{t('feedback:help.safeguardingBody')}</p>
          <Call number={COUNCIL_CONTACTS.safeguarding} sample={COUNCIL_CONTACTS.sample} t={t} />
        </li>
        <li class="fb-help-now__item">
          <h2 class="fb-help-now__heading">{t('feedback:help.outOfHoursHeading')}</h2>
          <p>{t('feedback:help.outOfHoursBody')}</p>
          <Call number={COUNCIL_CONTACTS.outOfHours} sample={COUNCIL_CONTACTS.sample} t={t} />
        </li>
      </ul>
    </div>
  );
}
