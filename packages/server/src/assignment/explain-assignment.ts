import type { TAssignmentExplanation } from '@hamkke/core';

type TSkipped = NonNullable<TAssignmentExplanation['skipped']>;
type TCandidate = NonNullable<TAssignmentExplanation['candidates']>[number];

function skippedText(skipped: TSkipped): { ko: string; en: string } {
  if (skipped.length === 0) return { ko: '', en: '' };
  const WHY_KO = { away: '부재', inactive: '비활성', deployed: '프로젝트 투입' } as const;
  const ko = skipped.map((s) => `${s.name}(${WHY_KO[s.why]})`).join(', ');
  const en = skipped.map((s) => `${s.name} (${s.why})`).join(', ');
  return { ko: ` 제외: ${ko}.`, en: ` Skipped: ${en}.` };
}

/** The timeline's words for a ticket given to the customer's primary agent. */
export function explainPrimary(
  primary: { id: string; name: string; module: string | null },
  skipped: TSkipped,
): TAssignmentExplanation {
  const scopeKo = primary.module ? `${primary.module} 모듈 ` : '';
  const scopeEn = primary.module ? ` for module ${primary.module}` : '';
  const s = skippedText(skipped);
  return {
    rule: 'primary_agent',
    assignee: { id: primary.id, name: primary.name },
    reason: {
      ko: `고객사의 ${scopeKo}주 담당자 ${primary.name}에게 자동 배정했습니다.${s.ko}`,
      en: `Assigned automatically to ${primary.name}, the customer's primary agent${scopeEn}.${s.en}`,
    },
    skipped,
  };
}

/** The timeline's words for a ticket given round-robin within a team, with every candidate's figures. */
export function explainRoundRobin(args: {
  team: { id: string; name: string };
  chosen: TCandidate;
  ranked: TCandidate[];
  module: string | null;
  isSkillFiltered: boolean;
  skipped: TSkipped;
}): TAssignmentExplanation {
  const { team, chosen, module, isSkillFiltered } = args;
  const s = skippedText(args.skipped);
  const skillKo = isSkillFiltered ? ` ${module} 모듈을 아는 팀원 중` : '';
  const skillEn = isSkillFiltered ? ` among the members who know ${module}` : '';
  return {
    rule: 'team_round_robin',
    assignee: { id: chosen.id, name: chosen.name },
    teamId: team.id,
    teamName: team.name,
    reason: {
      ko:
        `${team.name} 팀에서${skillKo} 숙련도 대비 가중 업무량이 가장 적은 ${chosen.name}에게 자동 배정했습니다 ` +
        `(가중 업무량 ${chosen.weightedLoad}, 모듈 숙련도 ${chosen.moduleLevel}, 고객사 숙련도 ${chosen.customerLevel}` +
        `${chosen.deployedPercent ? `, 프로젝트 투입 ${chosen.deployedPercent}%` : ''}).${s.ko}`,
      en:
        `Assigned automatically round-robin in team ${team.name}${skillEn} to ${chosen.name}, who has the lowest ` +
        `weighted open load for their skill (load ${chosen.weightedLoad}, module level ${chosen.moduleLevel}, ` +
        `customer level ${chosen.customerLevel}${chosen.deployedPercent ? `, ${chosen.deployedPercent}% on a project` : ''}).${s.en}`,
    },
    candidates: args.ranked.map((c) => ({
      id: c.id,
      name: c.name,
      weightedLoad: c.weightedLoad,
      moduleLevel: c.moduleLevel,
      customerLevel: c.customerLevel,
      deployedPercent: c.deployedPercent,
      score: c.score,
    })),
    skipped: args.skipped,
  };
}
