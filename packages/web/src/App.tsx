import type { TUser } from '@hamkke/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.js';
import { Calendars } from './Calendars.js';
import { Home } from './Home.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SignIn } from './SignIn.js';

type TSession = { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; user: TUser };

/** The views of the signed-in app, by hash (`#/calendars`); the router of the workspace comes later. */
const VIEWS = ['home', 'calendars'] as const;
type TView = (typeof VIEWS)[number];

const viewOfHash = (hash: string): TView => (hash === '#/calendars' ? 'calendars' : 'home');
const hrefOf = (view: TView): string => (view === 'home' ? '#/' : `#/${view}`);

function useHashView(): TView {
  const [view, setView] = useState(() => viewOfHash(window.location.hash));
  useEffect(() => {
    const changed = () => setView(viewOfHash(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return view;
}

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<TSession>({ kind: 'loading' });
  // Stable, so that the home page does not reload its tickets when the language changes.
  const signedOut = useCallback(() => setSession({ kind: 'signedOut' }), []);
  const signedIn = useCallback((user: TUser) => setSession({ kind: 'signedIn', user }), []);
  const hashView = useHashView();
  const isStaff = session.kind === 'signedIn' && session.user.role !== 'customer';
  // Customers have the home page only.
  const view: TView = isStaff ? hashView : 'home';

  // A view reached by a link starts at its heading, for keyboards and screen readers alike.
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [view]);

  useEffect(() => {
    let isCurrent = true;
    api.me().then(
      (user) => isCurrent && setSession({ kind: 'signedIn', user }),
      (error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) console.error(error);
        if (isCurrent) setSession({ kind: 'signedOut' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        {isStaff && (
          <nav className="nav" aria-label={t('nav.label')}>
            {VIEWS.map((v) => (
              <a key={v} href={hrefOf(v)} aria-current={view === v ? 'page' : undefined}>
                {t(`nav.${v}`)}
              </a>
            ))}
          </nav>
        )}
        <LanguageSwitch />
      </header>
      <main className="content">
        {session.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {session.kind === 'signedOut' && <SignIn onSignedIn={signedIn} />}
        {session.kind === 'signedIn' && view === 'home' && (
          <Home user={session.user} onSignedOut={signedOut} />
        )}
        {session.kind === 'signedIn' && view === 'calendars' && <Calendars onSignedOut={signedOut} />}
      </main>
    </div>
  );
}
