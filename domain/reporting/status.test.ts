import { describe, expect, it } from 'vitest';
import { reportingStatus } from './status.ts';

const due = '2027-02-05T15:59:59.000Z';
const before = Date.parse('2027-02-01T00:00:00Z');
const after = Date.parse('2027-02-06T00:00:00Z');

describe('reportingStatus', () => {
  it('not filed: not yet due before the deadline, missing after it; a returned report likewise', () => {
    expect(reportingStatus({ status: 'assigned', due, submittedAt: null }, before)).toBe('notDue');
    expect(reportingStatus({ status: 'assigned', due, submittedAt: null }, after)).toBe('missing');
    expect(reportingStatus({ status: 'returned', due, submittedAt: null }, before)).toBe('notDue');
    expect(reportingStatus({ status: 'returned', due, submittedAt: null }, after)).toBe('missing');
  });
  it('filed and awaiting the office: submitted, on either side of the deadline', () => {
    expect(reportingStatus({ status: 'submitted', due, submittedAt: '2027-02-10T00:00:00Z' }, after)).toBe('submitted');
  });
  it('accepted: on time when the report accepted was filed by the deadline (to the second), late otherwise', () => {
    expect(reportingStatus({ status: 'accepted', due, submittedAt: due }, after)).toBe('onTime');
    expect(reportingStatus({ status: 'accepted', due, submittedAt: '2027-02-05T16:00:00.000Z' }, before)).toBe('late');
  });
});
