import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Question } from '../../../domain/guided/rules.ts';
import { DISTRICTS, type District } from '../../../domain/service-terms.ts';
import type { ErrorItem } from '../../components/error-summary.tsx';
import { PAGE_HEADING_ID } from '../../components/page.tsx';
import { withAnswersTo, withStepSkipped } from './answer-changes.ts';
import { readGuidedSession, updateGuidedSession } from './guided-session.ts';
import type { StepPlace } from './journey.ts';
import { GuidedIcon } from './guided-icons.tsx';
import { OptionList } from '../../components/option-list.tsx';
import { QuestionPage } from './question-page.tsx';
import { checkPostcode } from './where-postcode.ts';
import { DISTRICT_FIELD, DistrictField, POSTCODE_FIELD, PostcodeField } from './where-fields.tsx';

/**
 * Where: a district, a postcode or anywhere in Essex. Unlike the other steps it is kept on Continue,
 * once the postcode has been checked, so a half-typed postcode never reaches the shortlist.
 */
export function WhereStep(props: { place: StepPlace; question: Question; t: TFunction }) {
  const { place, question, t } = props;
  const { route } = useLocation();
  const saved = readGuidedSession().answers;
  const [choice, setChoice] = useState<string | undefined>(saved.choices[question.id]?.[0]);
  const [district, setDistrict] = useState<string>(saved.district ?? '');
  const [postcode, setPostcode] = useState<string>(saved.postcode ?? '');
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const input = question.answers.find((answer) => answer.id === choice)?.input;

  const submit = () => {
    const found: ErrorItem[] = [];
    let placeAnswer: { district?: District; postcode?: string } = {};
    if (input === 'district') {
      const known = DISTRICTS.find((name) => name === district);
      if (known) placeAnswer = { district: known };
      else found.push({ field: DISTRICT_FIELD, message: t('where.errors.chooseDistrict') });
    } else if (input === 'postcode') {
      const checked = checkPostcode(postcode);
      if ('problem' in checked)
        found.push({ field: POSTCODE_FIELD, message: t(`where.errors.${checked.problem}`) });
      else placeAnswer = { postcode: checked.postcode };
    }
    if (found.length > 0) {
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    updateGuidedSession((session) => {
      const { district: _district, postcode: _postcode, ...rest } = session.answers;
      return {
        ...session,
        answers: { ...withAnswersTo(rest, question.id, choice ? [choice] : []), ...placeAnswer },
      };
    });
    route(place.nextPath);
  };

  const skip = () => {
    updateGuidedSession((session) => ({ ...session, answers: withStepSkipped(session.answers, place.step) }));
    route(place.nextPath);
  };

  const errorFor = (field: string) => errors.find((error) => error.field === field);
  const districtError = errorFor(DISTRICT_FIELD);
  const postcodeError = errorFor(POSTCODE_FIELD);
  const hintId = `${question.id}-hint`;

  const districtField = (
    <DistrictField t={t} value={district} error={districtError?.message} onChange={setDistrict} />
  );
  const postcodeField = (
    <PostcodeField t={t} value={postcode} error={postcodeError?.message} onChange={setPostcode} />
  );

  const reveal: Record<string, ComponentChildren> = {};
  for (const answer of question.answers) {
    if (answer.input === 'district') reveal[answer.id] = districtField;
    if (answer.input === 'postcode') reveal[answer.id] = postcodeField;
  }

  return (
    <QuestionPage
      t={t}
      place={place}
      title={t(question.key)}
      errors={errors}
      attempt={attempt}
      onContinue={submit}
      onSkip={skip}
    >
      {/* The page's heading asks the question: it names the group, so nothing reads it twice. */}
      <fieldset class="fieldset" aria-labelledby={PAGE_HEADING_ID} aria-describedby={hintId}>
        <p class="hint" id={hintId}>
          {t('journey.chooseOne')}
        </p>
        <OptionList
          name={question.id}
          type="radio"
          options={question.answers.map((answer) => ({
            id: answer.id,
            label: t(answer.key),
            icon: <GuidedIcon name={answer.icon} />,
          }))}
          checked={choice ? [choice] : []}
          onChange={(id, picked) => picked && setChoice(id)}
          reveal={reveal}
        />
      </fieldset>
    </QuestionPage>
  );
}
