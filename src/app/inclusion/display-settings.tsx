import { useEffect, useState } from 'preact/hooks';
import { followUpsOn, onFollowUpsChange, setFollowUpsOn } from '../../store/follow-ups.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import {
  applyDisplaySettings,
  COLOUR_SCHEMES,
  readDisplaySettings,
  saveDisplaySettings,
  STANDARD_DISPLAY,
  TEXT_SIZES,
  type DisplaySettings,
} from './display.ts';
import './display-settings.css';

function Choices<T extends string>(props: {
  name: string;
  legend: string;
  options: readonly T[];
  chosen: T;
  label: (option: T) => string;
  onChoose: (option: T) => void;
}) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{props.legend}</legend>
      <div class="choices">
        {props.options.map((option) => (
          <div class="choices__item" key={option}>
            <input
              type="radio"
              id={`${props.name}-${option}`}
              name={props.name}
              value={option}
              checked={props.chosen === option}
              onChange={() => props.onChoose(option)}
            />
            <label for={`${props.name}-${option}`}>{props.label(option)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A new text size grows or shrinks everything above the settings at the foot of the page, which would
 * carry the radio just chosen (with the arrow keys, say) far off the screen: it is brought back.
 */
function keepFocusInView(): void {
  const focused = document.activeElement;
  if (focused instanceof HTMLElement && focused !== document.body)
    focused.scrollIntoView({ block: 'center' });
}

const FOLLOW_UP_CHOICES = ['ask', 'never'] as const;

/** Whether follow-ups are on; `unavailable` where this browser keeps nothing, so nothing to turn off. */
type FollowUps = boolean | 'unavailable';

/** Read before the panel is drawn, so the panel appears whole and nothing moves under a person tabbing. */
function useFollowUps(): [FollowUps | undefined, (on: boolean) => void] {
  const [on, setOn] = useState<FollowUps>();
  useEffect(() => {
    const read = () => void followUpsOn().then(setOn, () => setOn('unavailable'));
    read();
    return onFollowUpsChange(read);
  }, []);
  const choose = (next: boolean) => {
    setOn(next);
    void setFollowUpsOn(next);
  };
  return [on, choose];
}

/**
 * Whether to be asked, a few weeks on, if a service saved or called helped. Kept on the device like the
 * rest; turning it off also forgets the services remembered so far.
 */
function FollowUpSetting(props: { on: boolean; onChoose: (on: boolean) => void }) {
  const { t } = useTranslation('evidence');
  return (
    <>
      <Choices
        name="follow-ups"
        legend={t('setting.legend')}
        options={FOLLOW_UP_CHOICES}
        chosen={props.on ? 'ask' : 'never'}
        label={(choice) => t(`setting.${choice}`)}
        onChoose={(choice) => props.onChoose(choice === 'ask')}
      />
      <p class="display-settings__note">{t('setting.note')}</p>
    </>
  );
}

/**
 * Text size and colours. A choice applies at once (it changes how the page looks, not where you are,
 * so WCAG 3.2.2 allows it) and is remembered on this device only.
 */
export function DisplaySettingsPanel() {
  const { t, ready } = useTranslation('inclusion', 'evidence');
  const [settings, setSettings] = useState<DisplaySettings>(readDisplaySettings);
  const [followUps, chooseFollowUps] = useFollowUps();
  if (!ready || followUps === undefined) return <p class="loading">{t('common:loading')}</p>;
  const change = (next: DisplaySettings) => {
    setSettings(next);
    saveDisplaySettings(next);
    applyDisplaySettings(next);
    if (next.textSize !== settings.textSize) keepFocusInView();
  };
  return (
    <div class="display-settings">
      <Choices
        name="text-size"
        legend={t('display.textSize.legend')}
        options={TEXT_SIZES}
        chosen={settings.textSize}
        label={(size) => t(`display.textSize.${size}`)}
        onChoose={(textSize) => change({ ...settings, textSize })}
      />
      <Choices
        name="colours"
        legend={t('display.colours.legend')}
        options={COLOUR_SCHEMES}
        chosen={settings.colours}
        label={(colours) => t(`display.colours.${colours}`)}
        onChoose={(colours) => change({ ...settings, colours })}
      />
      {followUps !== 'unavailable' && <FollowUpSetting on={followUps} onChoose={chooseFollowUps} />}
      <p class="display-settings__note">{t('display.remembered')}</p>
      <button type="button" class="button button--secondary" onClick={() => change(STANDARD_DISPLAY)}>
        {t('display.reset')}
      </button>
    </div>
  );
}
