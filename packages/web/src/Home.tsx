import type { TTicket, TUser } from '@hamkke/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.js';

type TTickets =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; items: TTicket[] };

export function Home({ user, onSignedOut }: { user: TUser; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const [tickets, setTickets] = useState<TTickets>({ kind: 'loading' });

  useEffect(() => {
    let isCurrent = true;
    api.latestTickets(20).then(
      (page) => isCurrent && setTickets({ kind: 'loaded', items: page.items }),
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 401) return onSignedOut();
        setTickets({ kind: 'failed', message: error instanceof ApiError ? error.message : '' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [onSignedOut]);

  async function signOut() {
    try {
      await api.logout();
    } finally {
      onSignedOut();
    }
  }

  return (
    <>
      <div className="home-header">
        <h1 tabIndex={-1}>{t('home.greeting', { name: user.name })}</h1>
        <button type="button" onClick={() => void signOut()}>
          {t('home.signOut')}
        </button>
      </div>
      <section className="card" aria-labelledby="latest-tickets">
        <h2 id="latest-tickets">{t('home.latestTickets')}</h2>
        {tickets.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {tickets.kind === 'failed' && (
          <p className="error" role="alert">
            {t('home.loadFailed')} {tickets.message}
          </p>
        )}
        {tickets.kind === 'loaded' && tickets.items.length === 0 && <p>{t('home.noTickets')}</p>}
        {tickets.kind === 'loaded' && tickets.items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ticket.number')}</th>
                <th scope="col">{t('ticket.title')}</th>
                <th scope="col">{t('ticket.status')}</th>
                <th scope="col">{t('ticket.priority')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.items.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="nowrap">{ticket.number}</td>
                  <td>{ticket.title}</td>
                  <td className="nowrap">{t(`status.${ticket.status}`)}</td>
                  <td>
                    <span className={`priority priority-${ticket.priority.toLowerCase()}`}>
                      {ticket.priority}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
