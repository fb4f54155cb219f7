import type { TFunction } from 'i18next';
import { Icon } from '../../components/icons.tsx';
import { HELP_NOW_PATH } from './journey.ts';

/** The top of every page of the journey: Back on one side, "Need help now?" always on the other. */
export function JourneyBar(props: { t: TFunction; backPath?: string; from: string }) {
  const { t } = props;
  return (
    <div class="guided-bar">
      {props.backPath ? (
        <a class="back-link tap-target guided-back-link" href={props.backPath}>
          {t('journey.back')}
        </a>
      ) : (
        <span />
      )}
      <a
        class="guided-help-now-link tap-target"
        href={`${HELP_NOW_PATH}?from=${encodeURIComponent(props.from)}`}
      >
        <Icon name="help" />
        <span>{t('journey.helpNow')}</span>
      </a>
    </div>
  );
}
