import type { Notice } from '../domain/supervision/notices.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import type { TaskEvent } from '../domain/supervision/types.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { deliverNotices, type Mailer } from './notices.ts';
import { projectTask } from './projection.ts';

export interface ActivityDeps {
  mailer?: Mailer | null;
}

/**
 * Every activity Duban registers, built over its dependencies so tests can pass
 * their own database and mail server. Workflows import only the type of this.
 */
export function createActivities(prisma: PrismaClient, { mailer = null }: ActivityDeps = {}) {
  return {
    projectTask: (snapshot: TaskSnapshot, events: TaskEvent[]) => projectTask(prisma, snapshot, events),
    deliverNotices: (notices: Notice[]) => deliverNotices(prisma, mailer, notices),
    /** One notice at a time: what task workflows started before notices were batched still schedule. */
    deliverNotice: (notice: Notice) => deliverNotices(prisma, mailer, [notice]),
  };
}

export type Activities = ReturnType<typeof createActivities>;
