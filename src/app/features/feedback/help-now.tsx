import type { TFunction } from 'i18next';
import {
  COUNCIL_CONTACTS,
  EMERGENCY,
  NHS_111,
  type CouncilContact,
} from '../../../domain/council-contacts.ts';

function Call(props: { number: CouncilContact; sample: boolean; t: TFunction }) {
  return (
    <>
      <a class="fb-phone-link" href={`tel:${props.number.dial}`} dir="ltr">
        {props.number.phone}
      </a>
      {props.sample ? <span class="fb-sample-tag">{props.t('feedback:help.sample')}</span> : null}
    </>
  );
}

/**
 * How to get help now, with more said about each than the shared panel (components/help-now.tsx): the
 * questionnaire shows it as a step of its own. The numbers are the council's, from one place.
 */
export function HelpNow(props: { t: TFunction; mode: 'self' | 'assisted' }) {
  const { t } = props;
  const context = props.mode === 'assisted' ? { context: 'assisted' } : {};
  return (
    <div class="fb-help-now">
      <p class="lead">{t('feedback:help.intro', context)}</p>
      <ul class="fb-help-now__list">
        <li class="fb-help-now__item fb-help-now__item--emergency">
          <h2 class="fb-help-now__heading">{t('feedback:help.emergencyHeading')}</h2>
          <p>{t('feedback:help.emergencyBody')}</p>
          <Call number={EMERGENCY} sample={false} t={t} />
        </li>
        <li class="fb-help-now__item">
          <h2 class="fb-help-now__heading">{t('feedback:help.nhsHeading')}</h2>
          <p>{t('feedback:help.nhsBody')}</p>
          <Call number={NHS_111} sample={false} t={t} />
        </li>
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
