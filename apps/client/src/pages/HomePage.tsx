import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NAV_ITEMS, type EntryPoint } from '../components/navItems';
import { usePageTitle } from '../components/usePageTitle';

function EntryIcon({ id }: { id: EntryPoint }) {
  return (
    <svg
      className="card__icon"
      viewBox="0 0 32 32"
      width="40"
      height="40"
      aria-hidden="true"
      focusable="false"
    >
      {id === 'facilitate' && (
        <>
          <rect
            x="3"
            y="5"
            width="26"
            height="17"
            rx="2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <path
            d="M11 27h10M16 22v5M8 17l5-5 4 3 7-7"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      )}
      {id === 'join' && (
        <>
          <circle cx="11" cy="11" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="22" cy="12" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
          <path
            d="M3.5 26c.8-4.6 3.8-7 7.5-7s6.7 2.4 7.5 7M18.5 19.4c1-.6 2.2-.9 3.5-.9 3 0 5.4 2 6 6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </>
      )}
      {id === 'debriefs' && (
        <>
          <path
            d="M8 3h12l6 6v20H8z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
          <path
            d="M20 3v6h6M12 16h10M12 20h10M12 24h6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </>
      )}
    </svg>
  );
}

/** The start page: what Crossroads is, and one large card per audience. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.documentTitle'));
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <p>{t('home.facilitation')}</p>
        <p>{t('home.scoring')}</p>
      </section>
      <section aria-labelledby="entry-title">
        <h2 id="entry-title" className="section-title">
          {t('home.choose')}
        </h2>
        <ul className="cards">
          {NAV_ITEMS.map((item) => (
            <li key={item.id} className="card" data-entry={item.id}>
              <EntryIcon id={item.id} />
              <h3 className="card__title">
                <Link to={item.to} className="card__link">
                  {t(`home.cards.${item.id}.title`)}
                </Link>
              </h3>
              <p className="card__audience">{t(`home.cards.${item.id}.audience`)}</p>
              <p className="card__description">{t(`home.cards.${item.id}.description`)}</p>
              <span className="card__arrow" aria-hidden="true">
                →
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
