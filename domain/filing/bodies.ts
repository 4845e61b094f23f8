/**
 * Municipal bodies with administrative approval functions (具有行政审批职能的市级部门和单位).
 * The seed notice names them only as a group; Duban takes every municipal
 * department except the offices that supervise and assess the others and the
 * federation of industry and commerce (not an administrative body).
 */
const notApprovalBodies = new Set(['supervision-office', 'performance-office', 'federation-commerce']);

export interface BodyRef {
  id: string;
  shortName: string;
  kind: string;
}

export const approvalBodies = <B extends BodyRef>(bodies: B[]): B[] =>
  bodies.filter((b) => b.kind === 'department' && !notApprovalBodies.has(b.id));

/** Units that report every year: each district/county government and each approval body. */
export const reportingUnits = <B extends BodyRef>(bodies: B[]): B[] => [
  ...bodies.filter((b) => b.kind === 'district'),
  ...approvalBodies(bodies),
];
