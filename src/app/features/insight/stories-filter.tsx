import { AREAS_OF_FOCUS, QUESTION_LIST } from '../../../domain/feedback/questions.ts';
import { DistrictSelect } from '../../components/district-select.tsx';
import type { Search } from './stories-search.ts';
import { groupLabel, type Words } from './words.ts';

/** Search the stories by their words, area of focus, district and an answer given beside them. */
export function StoriesFilter(props: {
  words: Words;
  form: Search;
  onChange: (form: Search) => void;
  onSubmit: (event: Event) => void;
}) {
  const { t } = props.words;
  const { form, onChange: setForm } = props;
  return (
    <form class="form-panel" role="search" aria-label={t('stories.searchLabel')} onSubmit={props.onSubmit}>
      <div class="form-field">
        <label for="stories-q">{t('stories.words')}</label>
        <input
          id="stories-q"
          type="search"
          value={form.q}
          onInput={(e) => setForm({ ...form, q: e.currentTarget.value })}
        />
      </div>
      <div class="form-field">
        <label for="stories-area">{t('stories.area')}</label>
        <select
          id="stories-area"
          value={form.area}
          onChange={(e) => setForm({ ...form, area: e.currentTarget.value })}
        >
          <option value="">{t('stories.anyArea')}</option>
          {AREAS_OF_FOCUS.map((area) => (
            <option key={area} value={area}>
              {t(`areas.${area}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="form-field">
        <label for="stories-district">{t('breakdowns.district')}</label>
        <DistrictSelect
          id="stories-district"
          value={form.district}
          none={t('dashboard.anyDistrict')}
          nameOf={(d) => groupLabel(t, 'district', d)}
          onChange={(district) => setForm({ ...form, district })}
        />
      </div>
      <div class="form-field">
        <label for="stories-answer">{t('stories.answer')}</label>
        <select
          id="stories-answer"
          value={form.answer}
          onChange={(e) => setForm({ ...form, answer: e.currentTarget.value })}
        >
          <option value="">{t('stories.anyAnswer')}</option>
          {QUESTION_LIST.map((question) => (
            <optgroup key={question.id} label={t(`measures.${question.id}.name`)}>
              <option value={`${question.id}:`}>{t('stories.anyAnswerTo')}</option>
              {question.answers.map((answer) => (
                <option key={answer} value={`${question.id}:${answer}`}>
                  {t(`answers.${question.id}.${answer}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('stories.search')}
      </button>
    </form>
  );
}
