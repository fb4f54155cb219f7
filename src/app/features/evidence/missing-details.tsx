import { FOR_WHOM, FOUND_NEEDS, type FoundNeed, type ForWhom } from '../../../domain/evidence/found.ts';
import { questionsWithRole } from '../../../domain/guided/rules.ts';
import type { District } from '../../../domain/service-terms.ts';
import { DistrictSelect } from '../../components/district-select.tsx';
import { OptionList } from '../../components/option-list.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { GuidedIcon } from '../guided/guided-icons.tsx';
import { GUIDED_RULES } from '../guided/journey.ts';

/** Guided help's need answers, for their words and pictures: the same needs, in the same words. */
const NEED_ANSWERS = new Map(
  questionsWithRole(GUIDED_RULES, 'need').flatMap((question) =>
    question.answers.map((answer) => [answer.id, answer] as const),
  ),
);

/** "No answer" for who it was for: radios cannot be unticked, so rather-not-say is a choice of its own. */
export const NOT_SAID = '';

/** What was missing, all optional: the needs (guided help's), the district, and who it was for. */
export function MissingDetails(props: {
  needs: FoundNeed[];
  onNeeds: (update: (now: FoundNeed[]) => FoundNeed[]) => void;
  district: District | '';
  onDistrict: (district: District | '') => void;
  forWhom: ForWhom | typeof NOT_SAID;
  onForWhom: (forWhom: ForWhom | typeof NOT_SAID) => void;
}) {
  const { t } = useTranslation('evidence', 'guided');
  return (
    <>
      <fieldset class="fieldset" aria-describedby="missing-needs-hint">
        <legend class="fieldset__legend">{t('missing.needs')}</legend>
        <p class="hint" id="missing-needs-hint">
          {t('missing.needsHint')}
        </p>
        <OptionList
          name="need"
          type="checkbox"
          options={FOUND_NEEDS.map((need) => {
            const answer = NEED_ANSWERS.get(need);
            return {
              id: need,
              label: answer ? t(answer.key) : need,
              ...(answer ? { icon: <GuidedIcon name={answer.icon} /> } : {}),
            };
          })}
          checked={props.needs}
          onChange={(id, picked) =>
            props.onNeeds((now) => (picked ? [...now, id as FoundNeed] : now.filter((need) => need !== id)))
          }
        />
      </fieldset>
      <div class="missing-field">
        <label class="label" for="missing-district">
          {t('missing.where')}
        </label>
        <DistrictSelect
          id="missing-district"
          name="district"
          value={props.district}
          none={t('missing.whereNotSaid')}
          nameOf={(name) => t(`districts.${name}`)}
          onChange={props.onDistrict}
        />
      </div>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('missing.forWhom')}</legend>
        <OptionList
          name="for-whom"
          type="radio"
          options={[...FOR_WHOM, NOT_SAID].map((id) => ({
            id,
            label: t(`missing.forWhomAnswers.${id || 'notSaid'}`),
          }))}
          checked={[props.forWhom]}
          onChange={(id, picked) => {
            if (picked) props.onForWhom(id as ForWhom | typeof NOT_SAID);
          }}
        />
      </fieldset>
    </>
  );
}
