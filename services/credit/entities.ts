import { randomUUID } from 'node:crypto';
import type { RecordKind } from '../../domain/credit/classes.ts';
import { normalizeUscc } from '../../domain/credit/uscc.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { reclassifyEntity } from '../../readmodel/classes.ts';
import type { PrismaClient } from '../../runtime/db.ts';

/** The entity of a code typed by a user: a malformed code or an unknown entity gets a clear error. */
export async function findEntity(prisma: PrismaClient, code: string) {
  const canonical = normalizeUscc(code);
  const entity = await prisma.marketEntity.findUnique({ where: { code: canonical } });
  if (!entity) throw new NotFoundError(`未登记的市场主体 ${canonical}。 No market entity is registered under this code.`);
  return entity;
}

export interface NewEntity {
  code: string;
  name: string;
  registrationBody: string;
  district: string;
  industry: string;
}

/** Registers one entity by hand and rates it at once (an entity with no records is good). */
export async function registerEntity(prisma: PrismaClient, input: NewEntity) {
  const code = normalizeUscc(input.code);
  for (const [key, value] of Object.entries(input)) if (!String(value).trim()) throw new ValidationError(`请填写 ${key}。 Give the ${key}.`);
  if (await prisma.marketEntity.findUnique({ where: { code } })) throw new ValidationError('该代码已登记。 This code is already registered.');
  return prisma.$transaction(async (tx) => {
    await tx.marketEntity.create({ data: { code, name: input.name.trim(), registrationBody: input.registrationBody.trim(), district: input.district.trim(), industry: input.industry.trim() } });
    await reclassifyEntity(tx, code, 'registered', new Date());
    return tx.marketEntity.findUniqueOrThrow({ where: { code } });
  });
}

export interface NewRecord {
  entityCode: string;
  kind: RecordKind;
  date: string;
  amountYuan?: number | null;
  serious?: boolean | null;
  description: string;
  repairExcluded?: boolean | null;
}

/** A record provided by the actor's body; the entity's class is recomputed in the same transaction. */
export async function addCreditRecord(prisma: PrismaClient, actor: Actor, input: NewRecord) {
  const entity = await findEntity(prisma, input.entityCode);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) throw new ValidationError('日期应为 YYYY-MM-DD。 The date must be YYYY-MM-DD.');
  if (input.kind === 'penalty' && !(typeof input.amountYuan === 'number' && input.amountYuan >= 0)) throw new ValidationError('行政处罚须填写罚款金额。 A penalty needs its fine.');
  if (!input.description.trim()) throw new ValidationError('请填写事由。 Give the description.');
  const body = actor.bodyId ? await prisma.body.findUnique({ where: { id: actor.bodyId }, select: { shortName: true } }) : null;
  const id = `manual:${randomUUID()}`;
  return prisma.$transaction(async (tx) => {
    await tx.creditRecord.create({
      data: {
        id, entityCode: entity.code, kind: input.kind, date: input.date, amountYuan: input.amountYuan ?? null, severity: input.serious ? 'serious' : 'general',
        description: input.description.trim(), repairExcluded: input.repairExcluded ?? false, providerBodyId: actor.bodyId, providerName: body?.shortName ?? '', source: 'manual',
      },
    });
    await reclassifyEntity(tx, entity.code, `record:${id}`, new Date());
    return tx.creditRecord.findUniqueOrThrow({ where: { id } });
  });
}
