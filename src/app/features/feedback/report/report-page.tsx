import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import {
  LISTING_PROBLEMS,
  ListingProblemSubmission,
  MAX_DETAILS_LENGTH,
  type ListingProblem,
} from '../../../../domain/feedback/submission.ts';
import { findLanguage } from '../../../../domain/languages.ts';
import { getServicesByIds } from '../../../../store/directory.ts';
import { deleteDraft, getDraft, saveDraft } from '../../../../store/drafts.ts';
import { queueSubmission } from '../../../../store/feedback-send-triggers.ts';
import { StorageFullError } from '../../../../store/feedback-storage.ts';
import { ErrorSummary, useErrorTitle, type ErrorItem } from '../../../components/error-summary.tsx';
import { Page } from '../../../components/page.tsx';
import { useTranslation } from '../../../i18n/use-translation.ts';
import { BackLink, CharacterCount, Radios } from '../../../components/fields.tsx';
import '../feedback.css';

interface ReportDraft {
  id: string;
  problem?: ListingProblem;
  details?: string;
}

/** The name of the service as this device knows it, once the local directory has answered. */
function useServiceName(id: string): string | null | undefined {
  const [name, setName] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getServicesByIds([id]).then(
      ([service]) => live && setName(service?.name ?? null),
      () => live && setName(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return name;
}

/** "Report a problem with this listing": what is wrong, and details; sent through the outbox. */
export function ReportPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const serviceId = params.id ?? '';
  const { t, ready, language } = useTranslation('feedback');
  const name = useServiceName(serviceId);
  const draftKey = `report:${serviceId}`;
  const [draft, setDraft] = useState<ReportDraft | undefined>(undefined);
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [storageFull, setStorageFull] = useState(false);
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    void getDraft<ReportDraft>(draftKey).then(
      (found) => setDraft(found?.value ?? { id: crypto.randomUUID() }),
      () => setDraft({ id: crypto.randomUUID() }),
    );
    return () => clearTimeout(pause.current);
  }, [draftKey]);
  const title = ready ? t('feedback:report.title') : '';
  useErrorTitle(title, errors.length > 0, ready ? t('feedback:form.errorPrefix') : '');
  if (!ready || draft === undefined || name === undefined)
    return <p class="loading">{t('common:loading')}</p>;

  const keep = async (next: ReportDraft) => {
    setDraft(next);
    try {
      await saveDraft(draftKey, next);
      setStorageFull(false);
    } catch (error) {
      if (error instanceof StorageFullError) setStorageFull(true);
    }
  };
  const number = new Intl.NumberFormat(findLanguage(language)?.htmlLang ?? language);
  const send = async () => {
    const details = (draft.details ?? '').trim();
    const found: ErrorItem[] = [];
    if (!draft.problem) found.push({ field: 'problem', message: t('feedback:report.problemError') });
    if (draft.problem === 'other' && !details)
      found.push({ field: 'details', message: t('feedback:report.detailsError') });
    if (details.length > MAX_DETAILS_LENGTH)
      found.push({
        field: 'details',
        message: t('feedback:report.detailsTooLong', { max: number.format(MAX_DETAILS_LENGTH) }),
      });
    setErrors(found);
    if (found.length > 0) return;
    const parsed = ListingProblemSubmission.safeParse({
      kind: 'listing-problem',
      id: draft.id,
      createdAt: new Date().toISOString(),
      serviceId,
      problem: draft.problem,
      ...(details ? { details } : {}),
    });
    if (!parsed.success) {
      setErrors([{ field: 'problem', message: t('feedback:report.cannotSend') }]);
      return;
    }
    try {
      await queueSubmission(parsed.data);
    } catch (error) {
      const key =
        error instanceof StorageFullError ? 'feedback:check.storageFull' : 'feedback:check.couldNotKeep';
      setErrors([{ field: 'send-report', message: t(key) }]);
      return;
    }
    await deleteDraft(draftKey);
    route(`/services/${encodeURIComponent(serviceId)}/report/sent/${draft.id}`);
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <BackLink href={`/services/${encodeURIComponent(serviceId)}`} text={t('feedback:form.back')} />
      {storageFull ? (
        <div class="panel panel--warning panel--strong fb-warning-panel" role="alert">
          <p>{t('feedback:form.storageFull')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} title={t('feedback:form.errorSummaryTitle')} />
      <Page title={title}>
        <p class="fb-caption">{name ?? t('feedback:report.unknownService')}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <Radios<ListingProblem>
            name="problem"
            legend={t('feedback:report.problemLegend')}
            choices={LISTING_PROBLEMS.map((code) => ({
              value: code,
              label: t(`feedback:report.problems.${code}`),
            }))}
            value={draft.problem}
            onChange={(problem) => void keep({ ...draft, problem })}
            error={errorFor('problem')}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <CharacterCount
            id="details"
            label={t(
              draft.problem === 'other'
                ? 'feedback:report.detailsLabelRequired'
                : 'feedback:report.detailsLabel',
            )}
            hint={t('feedback:report.detailsHint')}
            value={draft.details ?? ''}
            maxLength={MAX_DETAILS_LENGTH}
            describe={(remaining) =>
              remaining >= 0
                ? t('feedback:steps.words.remaining', { count: remaining, n: number.format(remaining) })
                : t('feedback:steps.words.over', { count: -remaining, n: number.format(-remaining) })
            }
            onInput={(details) => {
              const next = { ...draft, details };
              setDraft(next);
              clearTimeout(pause.current);
              pause.current = setTimeout(() => void keep(next), 400);
            }}
            error={errorFor('details')}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <button type="submit" id="send-report" class="button">
            {t('feedback:report.send')}
          </button>
        </form>
      </Page>
    </>
  );
}
