import type { PrismaClient } from '../runtime/db.ts';

/**
 * Every activity Duban registers, built over its dependencies so tests can pass
 * their own database. Workflows import only the type of this.
 */
export function createActivities(prisma: PrismaClient) {
  return {
    /** Counts the bodies in the read model: the worker's proof that its database is there. */
    async countBodies(): Promise<number> {
      return prisma.body.count();
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
