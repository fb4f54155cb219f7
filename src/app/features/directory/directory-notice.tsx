import { useRef } from 'preact/hooks';
import { Icon } from '../../components/icons.tsx';
import { useOnline } from '../../hooks/use-online.ts';
import { agoWords } from './freshness.ts';
import type { Words } from './opening-words.ts';
import type { DirectoryInfo } from './use-directory.ts';

/** "Sample data" label, shown wherever the fictional sample directory is. */
export function SampleNotice(props: { text: string }) {
  return (
    <p class="inset inset--warning inset--with-icon inset--strong">
      <Icon name="warning" />
      <span>{props.text}</span>
    </p>
  );
}

/**
 * The freshness row's room in each state it can change to while it is read ("Checking for updates…" can
 * push the button onto a line of its own), held hidden, so nothing below moves as a check starts and ends.
 */
function FreshnessRooms(props: { freshness: string; words: Words }) {
  const { t } = props.words;
  const states = [t('directory.checking'), t('directory.updateFailed'), t('directory.offline')];
  // Their words are drawn from `data-room` (directory.css), so they are in no one's way when text is searched.
  return (
    <>
      {states.map((state, i) => (
        <div key={i} class="directory-freshness directory-notice__room" aria-hidden="true">
          <p class="meta" data-room={`${props.freshness} ${state}`} />
          {/* Offline (the last), there is no button to check with. */}
          {i < states.length - 1 ? (
            <span class="link-button tap-target" data-room={t('directory.checkNow')} />
          ) : null}
        </div>
      ))}
    </>
  );
}

/**
 * How the directory on this device stands: being saved for the first time, could not be saved (and what
 * to do), or how fresh it is, whether this device is offline, and a way to check for updates.
 */
export function DirectoryNotice(props: { info: DirectoryInfo; words: Words; showSample?: boolean }) {
  const { info, words } = props;
  const { t, locale } = words;
  const online = useOnline();
  // Once seen loading, the notice keeps room for either wording, so nothing below it moves as it changes.
  const seenLoading = useRef(false);
  if (info.status === 'loading') seenLoading.current = true;

  if (info.status === 'loading') {
    return (
      <div class="directory-notice">
        <div class="directory-notice__one-room">
          <p class="loading">{t(info.syncing ? 'directory.downloading' : 'directory.loading')}</p>
          <p class="directory-notice__room" aria-hidden="true">
            {t(info.syncing ? 'directory.loading' : 'directory.downloading')}
          </p>
          <FreshnessRooms freshness={t('directory.updatedJustNow')} words={words} />
        </div>
      </div>
    );
  }
  if (info.status === 'error') {
    // A request that fails while the device says it is online is the server's or the network's doing.
    const offline = !online;
    return (
      <div class="panel panel--error panel--strong" role="alert">
        <p>
          {t(
            info.error === 'storage'
              ? 'directory.errorStorage'
              : offline
                ? 'directory.errorOffline'
                : 'directory.errorServer',
          )}
        </p>
        <button type="button" class="button button--secondary" onClick={() => void info.refresh()}>
          {t('directory.tryAgain')}
        </button>
      </div>
    );
  }
  if (info.status === 'empty') return <p class="directory-notice">{t('directory.empty')}</p>;

  const ago = info.updatedAt ? agoWords(new Date(info.updatedAt), new Date(), locale) : undefined;
  const freshness = ago ? t('directory.updated', { when: ago }) : t('directory.updatedJustNow');
  let state = '';
  if (!online) state = t('directory.offline');
  else if (info.syncing) state = t('directory.checking');
  else if (info.error) state = t('directory.updateFailed');
  return (
    <div class="directory-notice">
      {props.showSample !== false && info.sample ? <SampleNotice text={t('directory.sample')} /> : null}
      <div class="directory-notice__one-room">
        <div class="directory-freshness">
          <p class="meta" role="status">
            <span class="directory-freshness__when">{freshness}</span> {state}
          </p>
          {online ? (
            <button type="button" class="link-button tap-target" onClick={() => void info.refresh()}>
              {t('directory.checkNow')}
            </button>
          ) : null}
        </div>
        <FreshnessRooms freshness={freshness} words={words} />
        {seenLoading.current ? (
          <p class="directory-notice__room" aria-hidden="true">
            {t('directory.downloading')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
