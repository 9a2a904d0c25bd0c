import type { TUser } from '@hamkke/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.js';
import { Home } from './Home.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SignIn } from './SignIn.js';

type TSession = { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; user: TUser };

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<TSession>({ kind: 'loading' });
  // Stable, so that the home page does not reload its tickets when the language changes.
  const signedOut = useCallback(() => setSession({ kind: 'signedOut' }), []);
  const signedIn = useCallback((user: TUser) => setSession({ kind: 'signedIn', user }), []);

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
        <LanguageSwitch />
      </header>
      <main className="content">
        {session.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {session.kind === 'signedOut' && <SignIn onSignedIn={signedIn} />}
        {session.kind === 'signedIn' && <Home user={session.user} onSignedOut={signedOut} />}
      </main>
    </div>
  );
}
