import { pickRank, type TPickItem, type TPickQuery } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { currentDirectory } from './directory.js';

type TCandidate = { item: TPickItem; rank: number; sortName: string };

function pickBest(candidates: TCandidate[], limit: number): { items: TPickItem[] } {
  candidates.sort((a, b) => a.rank - b.rank || a.sortName.localeCompare(b.sortName, 'ko'));
  return { items: candidates.slice(0, limit).map((c) => c.item) };
}

/** Active organizations for a picker, by 초성 or the start of the name or code; a customer gets only their own. */
export async function pickOrganizations(actor: TActor, query: TPickQuery): Promise<{ items: TPickItem[] }> {
  const { organizations } = await currentDirectory();
  const out: TCandidate[] = [];
  for (const o of organizations) {
    if (!o.isActive || (!isStaff(actor) && o.id !== actor.organizationId)) continue;
    const rank = query.q ? pickRank(query.q, [o.name, o.code]) : 0;
    if (rank === null) continue;
    out.push({
      item: { id: o.id, name: o.name, detail: o.code, organizationId: o.id },
      rank,
      sortName: o.name,
    });
  }
  return pickBest(out, query.limit);
}

/** Active users for a picker (staff only), by 초성 or the start of the name or e-mail; `organizationId` narrows to a customer's users. */
export async function pickUsers(actor: TActor, query: TPickQuery): Promise<{ items: TPickItem[] }> {
  assert(isStaff(actor), { en: 'Only staff pick users', ko: '사용자 선택은 직원만 할 수 있습니다' });
  const { users, organizations } = await currentDirectory();
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const out: TCandidate[] = [];
  for (const u of users) {
    if (!u.isActive) continue;
    if (query.organizationId && u.organizationId !== query.organizationId) continue;
    const rank = query.q ? pickRank(query.q, [u.name, u.email]) : 0;
    if (rank === null) continue;
    const where = u.organizationId ? (orgName.get(u.organizationId) ?? '') : u.role;
    out.push({
      item: { id: u.id, name: u.name, detail: `${u.email} · ${where}`, organizationId: u.organizationId },
      rank,
      sortName: u.name,
    });
  }
  return pickBest(out, query.limit);
}

/** Active systems for a picker, by SID, product or the organization's name (초성 too); a customer gets their own. */
export async function pickSystems(actor: TActor, query: TPickQuery): Promise<{ items: TPickItem[] }> {
  const { systems } = await currentDirectory();
  const out: TCandidate[] = [];
  for (const s of systems) {
    if (!s.isActive || (!isStaff(actor) && s.organizationId !== actor.organizationId)) continue;
    if (query.organizationId && s.organizationId !== query.organizationId) continue;
    const rank = query.q ? pickRank(query.q, [s.sid, s.product, s.organizationName, s.description]) : 0;
    if (rank === null) continue;
    const name = s.client ? `${s.sid}/${s.client}` : s.sid;
    out.push({
      item: {
        id: s.id,
        name,
        detail: [s.organizationName, s.tier, `${s.product} ${s.release}`.trim()].join(' · '),
        organizationId: s.organizationId,
      },
      rank,
      sortName: `${s.organizationName} ${name}`,
    });
  }
  return pickBest(out, query.limit);
}
