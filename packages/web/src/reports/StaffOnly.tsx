import { Navigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { isStaff } from '../domain.js';
import { useUser } from '../shell/session.js';

/** The staff's pages: a customer user who opens one (a shared link) is taken to the portal instead. */
export function StaffOnly({
  children,
  portal = '/portal',
}: {
  children: ReactNode;
  portal?: '/portal' | '/portal/reports';
}) {
  const user = useUser();
  return isStaff(user.role) ? children : <Navigate to={portal} />;
}
