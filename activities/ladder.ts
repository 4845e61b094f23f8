import type { LadderPorts, SlipRequest } from '../domain/supervision/slips.ts';

/**
 * The escalation ladder's activities: the plan's ladder with the working-day
 * calendar, a numbered 督办单, its acknowledgement. The worker hands in their
 * implementation (services/supervision/), which reads the holiday calendar and
 * writes the document, neither of which activities/ reaches by itself.
 */
export function ladderActivities(ports: LadderPorts | null) {
  const need = () => {
    if (!ports) throw new Error('督办升级未配置 The worker was built without the escalation ladder.');
    return ports;
  };
  return {
    escalationLadder: (planId: string, from: number) => need().ladder(planId, from),
    issueSupervisionSlip: (request: SlipRequest) => need().issueSlip(request),
    issueSupervisionSlips: (requests: SlipRequest[]) => need().issueSlips(requests),
    acknowledgeSupervisionSlip: (slipId: string, by: string, at: string) => need().acknowledgeSlip(slipId, by, at),
  };
}
