import type {
  TCreateDeployment,
  TDeployment,
  THandover,
  THandoverItem,
  THoursSplit,
  TTeam,
  TTeamLoad,
  TTicket,
  TUpdateDeployment,
} from '@hamkke/core';
import { request, type TPage } from '../api.js';

/** The statuses a ticket is open in (and so counts in a person's load). */
export const OPEN_STATUS_LIST = 'new,open,in_progress,waiting_customer,waiting_vendor';

/** The team pages' calls (docs/team.md). */
export const teamApi = {
  teams: () => request<{ items: TTeam[] }>('GET', '/teams'),
  load: (teamId?: string) => request<TTeamLoad>('GET', `/team/load${teamId ? `?teamId=${teamId}` : ''}`),
  openTicketsOf: (userId: string) =>
    request<TPage<TTicket>>(
      'GET',
      `/tickets?${new URLSearchParams({ assigneeId: userId, status: OPEN_STATUS_LIST, sort: 'priority', limit: '100' })}`,
    ),
  hoursSplit: (from: string, to: string) =>
    request<THoursSplit>('GET', `/team/hours-split?${new URLSearchParams({ from, to })}`),
  deployments: (from: string, to: string) =>
    request<{ items: TDeployment[] }>('GET', `/team/deployments?${new URLSearchParams({ from, to })}`),
  createDeployment: (input: TCreateDeployment) => request<TDeployment>('POST', '/team/deployments', input),
  updateDeployment: (id: string, change: TUpdateDeployment) =>
    request<TDeployment>('PATCH', `/team/deployments/${id}`, change),
  deleteDeployment: (id: string) => request<void>('DELETE', `/team/deployments/${id}`),
  handover: (deploymentId: string) =>
    request<
      Omit<THandover, 'inspections'> & { inspections?: THandover['inspections'] } & Record<string, unknown>
    >('GET', `/team/deployments/${deploymentId}/handover`),
  handOver: (
    deploymentId: string,
    input: ({ ticketId: string } | { scheduleId: string }) & { toUserId: string; note: string },
  ) => request<THandoverItem>('POST', `/team/deployments/${deploymentId}/handover-items`, input),
  handoverItems: (query: { deploymentId?: string; toUserId?: string; isPending?: boolean }) => {
    const params = new URLSearchParams();
    if (query.deploymentId) params.set('deploymentId', query.deploymentId);
    if (query.toUserId) params.set('toUserId', query.toUserId);
    if (query.isPending !== undefined) params.set('isPending', String(query.isPending));
    return request<{ items: THandoverItem[] }>('GET', `/team/handover-items?${params}`);
  },
  acknowledge: (id: string) => request<THandoverItem>('POST', `/team/handover-items/${id}/acknowledge`),
};

/** Who may rebalance and plan deployments: managers and admins (docs/team.md). */
export const canManage = (role: string) => role === 'manager' || role === 'admin';
