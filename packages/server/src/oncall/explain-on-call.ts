import type { TAssignmentExplanation, TOnCallPiece, TOutOfHoursReason } from '@hamkke/core';
import { seoulTime } from '../mail-out/queue-mail.js';

const WHY: Record<TOutOfHoursReason, { ko: string; en: string }> = {
  weekend: { ko: '주말', en: 'a weekend' },
  public_holiday: { ko: '공휴일', en: 'a public holiday' },
  closure: { ko: '회사 휴무일', en: 'a company closure day' },
  after_hours: { ko: '업무시간 이후', en: 'outside business hours' },
};

/** What the timeline keeps of an on-call assignment, beyond the common explanation. */
export type TOnCallExplanation = TAssignmentExplanation & {
  rule: 'on_call';
  onCall: {
    rotationId: string;
    rotationName: string;
    outOfHours: TOutOfHoursReason;
    calendarKey: string;
    shiftStart: string;
    shiftEnd: string;
    overrideId: string | null;
  };
};

/** The explanation of a P1 incident given to the person on call, in Korean and English. */
export function explainOnCall(input: {
  assignee: { id: string; name: string };
  rotation: { id: string; name: string; teamId: string | null; teamName: string | null };
  piece: TOnCallPiece;
  outOfHours: TOutOfHoursReason;
  calendarKey: string;
  skipped: { id: string; name: string }[];
}): TOnCallExplanation {
  const { assignee, rotation, piece, outOfHours } = input;
  const why = WHY[outOfHours];
  const period = `${seoulTime(piece.start)} ~ ${seoulTime(piece.end)}`;
  const scope = rotation.teamName
    ? {
        ko: `${rotation.teamName} 팀의 당직 순번 '${rotation.name}'`,
        en: `team ${rotation.teamName}'s rotation '${rotation.name}'`,
      }
    : { ko: `기본 당직 순번 '${rotation.name}'`, en: `the default rotation '${rotation.name}'` };
  const cover = piece.overrideId ? { ko: ', 대체 당직', en: ', covering by override' } : { ko: '', en: '' };
  const skippedKo = input.skipped.length
    ? ` 제외: ${input.skipped.map((s) => `${s.name}(비활성)`).join(', ')}.`
    : '';
  const skippedEn = input.skipped.length
    ? ` Skipped: ${input.skipped.map((s) => `${s.name} (inactive)`).join(', ')}.`
    : '';
  return {
    rule: 'on_call',
    assignee,
    ...(rotation.teamId ? { teamId: rotation.teamId, teamName: rotation.teamName ?? '' } : {}),
    reason: {
      ko: `업무시간 외(${why.ko}, ${input.calendarKey} 캘린더)에 접수된 P1 장애라 ${scope.ko}의 당직자 ${assignee.name}에게 자동 배정했습니다 (당직 ${period}${cover.ko}).${skippedKo}`,
      en: `A P1 incident opened out of hours (${why.en}, calendar ${input.calendarKey}): assigned to ${assignee.name}, on call in ${scope.en} (shift ${period}${cover.en}).${skippedEn}`,
    },
    ...(input.skipped.length
      ? { skipped: input.skipped.map((s) => ({ ...s, why: 'inactive' as const })) }
      : {}),
    onCall: {
      rotationId: rotation.id,
      rotationName: rotation.name,
      outOfHours,
      calendarKey: input.calendarKey,
      shiftStart: piece.start.toISOString(),
      shiftEnd: piece.end.toISOString(),
      overrideId: piece.overrideId,
    },
  };
}
