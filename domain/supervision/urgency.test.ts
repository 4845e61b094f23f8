import { describe, expect, it } from 'vitest';
import { urgencyOrder, type UrgencyKey } from './urgency.ts';

const key = (id: string, status: string, light: string, due: string | null): UrgencyKey => ({ id, status, light, due: due === null ? null : Date.parse(due) });

describe('the ledger\'s urgency order', () => {
  it('puts what is owed first, the earliest deadline first, then review, then done, then what no longer counts', () => {
    const keys = [
      key('t/accepted', 'accepted', 'done', '2016-01-01T00:00:00Z'),
      key('t/late', 'assigned', 'red', '2016-01-31T15:59:59.999Z'),
      key('t/withdrawn', 'withdrawn', 'none', '2015-12-01T00:00:00Z'),
      key('t/submitted', 'submitted', 'green', '2015-12-01T00:00:00Z'),
      key('t/later', 'in_progress', 'yellow', '2016-02-29T15:59:59.999Z'),
      key('t/no-deadline', 'returned', 'yellow', null),
    ];
    expect(urgencyOrder(keys)).toEqual(['t/late', 't/later', 't/no-deadline', 't/submitted', 't/accepted', 't/withdrawn']);
  });

  it('puts a support still owed on a closed task (不计) after everything that counts, however early its deadline', () => {
    const keys = [key('open/lead', 'assigned', 'red', '2016-01-31T15:59:59.999Z'), key('closed/support', 'assigned', 'none', '2015-12-31T15:59:59.999Z'), key('open/done', 'accepted', 'done', null)];
    expect(urgencyOrder(keys)).toEqual(['open/lead', 'open/done', 'closed/support']);
  });

  it('breaks ties of phase and deadline by id, as localeCompare does', () => {
    const due = '2016-01-31T15:59:59.999Z';
    expect(urgencyOrder([key('b', 'assigned', 'red', due), key('B', 'assigned', 'red', due), key('a', 'assigned', 'red', due)])).toEqual(['a', 'b', 'B']);
  });
});
