import { useState } from 'preact/hooks';
import { Icon } from '../../components/icons.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { QrCode } from './qr-code.tsx';
import { MAX_SHARED_SERVICES, sharedListLink } from './share-link.ts';

type Copy = 'copied' | 'failed' | undefined;

/** A link and a QR code that show someone else the same list; the person's own details never go in it. */
export function SharePanel(props: { ids: readonly string[] }) {
  const { t } = useTranslation('my-list');
  const [copy, setCopy] = useState<Copy>(undefined);
  const link = sharedListLink(location.origin, props.ids);
  const canShare = typeof navigator.share === 'function';

  const share = async () => {
    try {
      await navigator.share({ title: t('share.shareTitle'), text: t('share.shareText'), url: link });
    } catch {
      // Closing the share sheet rejects too; there is nothing to say about it.
    }
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section class="share-panel" aria-labelledby="share-panel-title">
      <h2 id="share-panel-title">{t('share.title')}</h2>
      <p>{t('share.intro')}</p>
      {props.ids.length > MAX_SHARED_SERVICES && (
        <p class="share-panel__capped">{t('share.capped', { count: MAX_SHARED_SERVICES })}</p>
      )}
      <div class="share-panel__body">
        <figure class="share-panel__qr">
          <QrCode text={link} label={t('share.qrLabel')} />
          <figcaption>{t('share.qrCaption')}</figcaption>
        </figure>
        <div class="share-panel__link-box">
          <p class="share-panel__link-label">{t('share.linkLabel')}</p>
          <p>
            <a class="share-panel__link tap-target" href={link} dir="ltr">
              {link}
            </a>
          </p>
          <div class="button-group">
            {canShare && (
              <button type="button" class="button" onClick={() => void share()}>
                <Icon name="share" />
                <span>{t('share.share')}</span>
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={() => void copyLink()}>
              {t('share.copy')}
            </button>
          </div>
          <p class="share-panel__status" role="status">
            {copy === 'copied' && <strong>{t('share.copied')}</strong>}
            {copy === 'failed' && t('share.copyFailed')}
          </p>
        </div>
      </div>
    </section>
  );
}
