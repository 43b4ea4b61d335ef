import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';

/** The join link as an SVG QR code data URL (crisp at any projector size), or null while drawing. */
export function useQrCode(link: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!link) return;
    let cancelled = false;
    QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => {
        if (!cancelled) setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      },
      () => {
        if (!cancelled) setUrl(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [link]);
  return link ? url : null;
}

/** The code spaced in pairs for reading aloud and off a wall: "AB3 K7P" → groups of three. */
export function spacedCode(code: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += 3) groups.push(code.slice(i, i + 3));
  return groups;
}

function CodeDisplay({ code, large }: { code: string; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <p
      className={`fac-join__code${large ? ' fac-join__code--huge' : ''}`}
      aria-label={t('console.join.codeAria', { code: code.split('').join(' ') })}
      data-join-code={code}
    >
      {spacedCode(code).map((group, i) => (
        <span key={i} className="fac-join__group">
          {group}
        </span>
      ))}
    </p>
  );
}

/**
 * The lobby's join panel: the code large enough to read from the back of a training room, a QR
 * code of the join link, the link itself with a copy button, and a full-screen view for the
 * projector (Escape or the button closes it).
 */
export function JoinPanel({ code, link }: { code: string; link: string | undefined }) {
  const { t } = useTranslation();
  const qr = useQrCode(link);
  const titleId = useId();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const [projector, setProjector] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!projector) return;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setProjector(false);
    };
    document.addEventListener('keydown', onKey);
    const opener = openRef.current;
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [projector]);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  const qrImage = qr ? (
    <img className="fac-join__qr" src={qr} alt={t('console.join.qrAlt', { link: link ?? '' })} />
  ) : null;

  return (
    <section className="fac-join panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('console.join.title')}</h2>
      <div className="fac-join__body">
        <div>
          <p className="fac-join__instruction">{t('console.join.instruction')}</p>
          <CodeDisplay code={code} />
          {link ? (
            <p className="fac-join__link">
              <span className="fac-muted">{t('console.join.link')}</span>{' '}
              <a href={link} className="fac-join__url">
                {/* A line may break after each slash, so the code at the end stays whole. */}
                {link.split(/(?<=\/)/).map((part, i) => (
                  <Fragment key={i}>
                    {part}
                    <wbr />
                  </Fragment>
                ))}
              </a>
            </p>
          ) : null}
          <p className="fac-actions">
            {link ? (
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={copy}
              >
                {t('console.join.copy')}
              </button>
            ) : null}
            <button
              ref={openRef}
              type="button"
              className="button button--small"
              onClick={() => setProjector(true)}
            >
              {t('console.join.projector')}
            </button>
          </p>
          <p role="status" className="fac-muted">
            {copied === 'ok' ? t('console.join.copied') : null}
            {copied === 'failed' ? t('console.join.copyFailed') : null}
          </p>
        </div>
        {qrImage}
      </div>
      {projector ? (
        <div
          className="fac-projector"
          role="dialog"
          aria-modal="true"
          aria-label={t('console.join.projectorTitle')}
        >
          <p className="fac-projector__instruction">{t('console.join.instruction')}</p>
          <CodeDisplay code={code} large />
          {link ? <p className="fac-projector__link">{link}</p> : null}
          {qrImage}
          <button
            ref={closeRef}
            type="button"
            className="button"
            onClick={() => setProjector(false)}
          >
            {t('console.join.closeProjector')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
