import { Fragment, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import QRCode from 'qrcode';

/** The search parameter that opens the projector view over the console (`?view=projector`). */
export const PROJECTOR_PARAM = ['view', 'projector'] as const;
export const PROJECTOR_HREF = `?${PROJECTOR_PARAM[0]}=${PROJECTOR_PARAM[1]}`;
/** The projector view alone, in a window of its own, with no console behind it. */
export const PROJECTOR_WINDOW = 'projector-window';

/**
 * Opens the projector view in a window of its own (for a second screen) and says whether the
 * browser let it open. The staff login is a bearer token in this tab's sessionStorage, never in a
 * cookie or the address: a window opened by script with an opener gets a copy of that storage,
 * so it needs no second login, while its address, copied or shared, gives nobody else anything
 * (it opens the login form). `noopener` would drop the copy, hence its absence here.
 */
export function openProjectorWindow(sessionId: string): boolean {
  const url = `${window.location.pathname}?${PROJECTOR_PARAM[0]}=${PROJECTOR_WINDOW}`;
  const opened = window.open(url, `crossroads-projector-${sessionId}`, 'popup');
  opened?.focus();
  return opened !== null;
}

/**
 * The two ways to put the session on the projector: full screen in this tab (one screen, or a
 * mirrored one), or a window of its own to drag to a second screen while the console stays here.
 * `describedBy` names the text that says what that window does.
 */
export function ProjectorControls({
  sessionId,
  describedBy,
  short = false,
}: {
  sessionId: string;
  describedBy?: string;
  /** The console's header: "Projector view" rather than the lobby's longer wording. */
  short?: boolean;
}) {
  const { t } = useTranslation();
  const [blocked, setBlocked] = useState(false);
  return (
    <>
      <Link
        className={`button button--small${short ? ' button--secondary' : ''}`}
        to={PROJECTOR_HREF}
      >
        {short ? t('console.projector.open') : t('console.join.projector')}
      </Link>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-describedby={describedBy}
        onClick={() => setBlocked(!openProjectorWindow(sessionId))}
      >
        {t('console.join.projectorWindow')}
      </button>
      {blocked ? <span role="alert">{t('console.join.projectorWindowBlocked')}</span> : null}
    </>
  );
}

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

/** A link whose line may break after each slash only, so the code at its end stays whole. */
export function LinkText({ link }: { link: string }) {
  return (
    <>
      {link.split(/(?<=\/)/).map((part, i) => (
        <Fragment key={i}>
          {part}
          <wbr />
        </Fragment>
      ))}
    </>
  );
}

export function CodeDisplay({ code, large }: { code: string; large?: boolean }) {
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
 * code of the join link, the link itself with a copy button, and a link to the projector view
 * (ProjectorView: the code with who has joined, live; its own window on a second screen if wished).
 */
export function JoinPanel({
  code,
  link,
  sessionId,
  projector = true,
}: {
  code: string;
  link: string | undefined;
  sessionId: string;
  /** Offers the projector here (false where the console's header already does, during play). */
  projector?: boolean;
}) {
  const { t } = useTranslation();
  const qr = useQrCode(link);
  const titleId = useId();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

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
                <LinkText link={link} />
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
            {projector ? (
              <ProjectorControls sessionId={sessionId} describedBy={`${titleId}-projector`} />
            ) : null}
          </p>
          {projector ? (
            <p id={`${titleId}-projector`} className="fac-muted">
              {t('console.join.projectorWindowHint')}
            </p>
          ) : null}
          <p role="status" className="fac-muted">
            {copied === 'ok' ? t('console.join.copied') : null}
            {copied === 'failed' ? t('console.join.copyFailed') : null}
          </p>
        </div>
        {qr ? (
          <img
            className="fac-join__qr"
            src={qr}
            alt={t('console.join.qrAlt', { link: link ?? '' })}
          />
        ) : null}
      </div>
    </section>
  );
}
