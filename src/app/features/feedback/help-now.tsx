import type { TFunction } from 'i18next';
import { HELP_CONTACTS, type HelpNumber } from './help-contacts.ts';

function Call(props: { number: HelpNumber; sample: boolean; t: TFunction }) {
  return (
    <>
      <a class="fb-phone-link" href={`tel:${props.number.tel}`} dir="ltr">
        {props.number.display}
      </a>
      {props.sample ? <span class="fb-sample-tag">{props.t('feedback:help.sample')}</span> : null}
    </>
  );
}

/** How to get help now: 999, NHS 111, the council's adult safeguarding line and its out-of-hours line. */
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
          <Call number={HELP_CONTACTS.emergency} sample={false} t={t} />
        </li>
        <li class="fb-help-now__item">
          <h2 class="fb-help-now__heading">{t('feedback:help.nhsHeading')}</h2>
          <p>{t('feedback:help.nhsBody')}</p>
          <Call number={HELP_CONTACTS.nhs} sample={false} t={t} />
        </li>
        <li class="fb-help-now__item">
          <h2 class="fb-help-now__heading">{t('feedback:help.safeguardingHeading')}</h2>
          <p>{t('feedback:help.safeguardingBody')}</p>
          <Call number={HELP_CONTACTS.safeguarding} sample={HELP_CONTACTS.sample} t={t} />
        </li>
        <li class="fb-help-now__item">
          <h2 class="fb-help-now__heading">{t('feedback:help.outOfHoursHeading')}</h2>
          <p>{t('feedback:help.outOfHoursBody')}</p>
          <Call number={HELP_CONTACTS.outOfHours} sample={HELP_CONTACTS.sample} t={t} />
        </li>
      </ul>
    </div>
  );
}
