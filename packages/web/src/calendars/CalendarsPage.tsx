import { useSignedOut } from '../shell/session.js';
import { Calendars } from './Calendars.js';

/** The calendar page, in its own look (legacy.css) until it is redone with the workspace's. */
export function CalendarsPage() {
  const signedOut = useSignedOut();
  return (
    <div className="legacy">
      <Calendars onSignedOut={signedOut} />
    </div>
  );
}
