import type { TMessages } from './ko.js';

export const en: TMessages = {
  app: { name: 'Hamkke ITSM', loading: 'Loading…' },
  language: { label: 'Language' },
  signIn: {
    title: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Could not sign in.',
  },
  home: {
    greeting: 'Hello, {{name}}',
    signOut: 'Sign out',
    latestTickets: 'Latest tickets',
    noTickets: 'No tickets.',
    loadFailed: 'Could not load the tickets.',
  },
  ticket: { number: 'Number', title: 'Title', status: 'Status', priority: 'Priority' },
  status: {
    new: 'New',
    open: 'Open',
    in_progress: 'In progress',
    waiting_customer: 'Waiting for customer',
    waiting_vendor: 'Waiting for vendor',
    resolved: 'Resolved',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  error: { network: 'Cannot reach the server.' },
};
