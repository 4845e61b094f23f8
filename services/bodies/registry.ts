import { createHash } from 'node:crypto';
import { ValidationError, NotFoundError } from '../../domain/errors.ts';
import { normalizeName, type BodyKind } from '../../domain/bodies/registry.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { defaultRegistryId } from '../plans/registry.ts';

export const bodyKinds = ['department', 'district', 'regulator', 'external', 'group', 'placeholder'] as const satisfies readonly BodyKind[];

export interface BodyFields {
  registryId?: string | null;
  shortName: string;
  fullName?: string | null;
  kind: BodyKind;
  aliases?: string[] | null;
  /** For a group: its member body ids. */
  members?: string[] | null;
}

const limits = { name: 100, aliases: 20 };

/** A body's id: the same registry and name give the same id, so registering twice is harmless. */
export const bodyIdFor = (registryId: string, shortName: string) =>
  `body-${createHash('sha256').update(`${registryId}\n${normalizeName(shortName)}`).digest('hex').slice(0, 12)}`;

function cleanNames(fields: Pick<BodyFields, 'shortName' | 'fullName' | 'aliases'>) {
  const shortName = fields.shortName.trim();
  const fullName = fields.fullName?.trim() || shortName;
  const aliases = [...new Set((fields.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== shortName && a !== fullName))];
  if (!shortName || shortName.length > limits.name || fullName.length > limits.name || aliases.some((a) => a.length > limits.name)) {
    throw new ValidationError(`单位名称不能为空，且不超过 ${limits.name} 字。 A body name is required and at most ${limits.name} characters.`);
  }
  if (aliases.length > limits.aliases) throw new ValidationError(`别名最多 ${limits.aliases} 个。 At most ${limits.aliases} aliases.`);
  return { shortName, fullName, aliases };
}

/** Refuses a name that another live body of the registry already answers to. */
async function checkNamesFree(prisma: PrismaClient, registryId: string, names: string[], self: string | null) {
  const others = await prisma.body.findMany({ where: { registryId, mergedIntoId: null, ...(self ? { id: { not: self } } : {}) } });
  const wanted = new Set(names.map(normalizeName));
  for (const other of others) {
    const clash = [other.shortName, other.fullName, ...(JSON.parse(other.aliases) as string[])].find((n) => wanted.has(normalizeName(n)));
    if (clash) throw new ValidationError(`名称"${clash}"已属于"${other.shortName}"。 The name "${clash}" already belongs to ${other.shortName}.`);
  }
}

async function checkMembers(prisma: PrismaClient, kind: BodyKind, members: string[] | null | undefined) {
  if (kind !== 'group') return [];
  const ids = [...new Set(members ?? [])];
  const found = await prisma.body.count({ where: { id: { in: ids }, mergedIntoId: null, kind: { notIn: ['group', 'placeholder'] } } });
  if (ids.length === 0 || found !== ids.length) throw new ValidationError('群组须由已登记的具体单位组成。 A group is made of registered bodies (not groups or placeholders).');
  return ids;
}

/** Registers a body (idempotent for the same registry and short name with the same kind). */
export async function createBody(prisma: PrismaClient, fields: BodyFields) {
  const registryId = fields.registryId ?? defaultRegistryId;
  if (!(await prisma.registry.findUnique({ where: { id: registryId } }))) throw new NotFoundError('登记册不存在。 No such registry.');
  const names = cleanNames(fields);
  const id = bodyIdFor(registryId, names.shortName);
  const existing = await prisma.body.findUnique({ where: { id } });
  if (existing && existing.kind === fields.kind && !existing.mergedIntoId) return existing;
  if (existing) throw new ValidationError(`单位"${names.shortName}"已登记。 ${names.shortName} is already registered.`);
  await checkNamesFree(prisma, registryId, [names.shortName, names.fullName, ...names.aliases], null);
  const members = await checkMembers(prisma, fields.kind, fields.members);
  return prisma.body.create({
    data: {
      id, registryId, shortName: names.shortName, fullName: names.fullName, kind: fields.kind, aliases: JSON.stringify(names.aliases),
      members: { create: members.map((memberId) => ({ memberId })) },
    },
  });
}

/** Edits a body's names, kind, aliases or members; its id (held by workflows) never changes. */
export async function updateBody(prisma: PrismaClient, id: string, fields: Partial<Omit<BodyFields, 'registryId'>>) {
  const body = await prisma.body.findUnique({ where: { id } });
  if (!body) throw new NotFoundError('单位不存在。 No such body.');
  if (body.mergedIntoId) throw new ValidationError('该单位已并入其他单位，请编辑存续单位。 This body was merged: edit the body it was merged into.');
  const kind = (fields.kind ?? body.kind) as BodyKind;
  const names = cleanNames({
    shortName: fields.shortName ?? body.shortName,
    fullName: fields.fullName ?? (fields.shortName ? null : body.fullName),
    aliases: fields.aliases ?? (JSON.parse(body.aliases) as string[]),
  });
  await checkNamesFree(prisma, body.registryId, [names.shortName, names.fullName, ...names.aliases], id);
  const members = fields.members !== undefined || (kind === 'group') !== (body.kind === 'group')
    ? await checkMembers(prisma, kind, fields.members ?? (await prisma.bodyMember.findMany({ where: { groupId: id } })).map((m) => m.memberId))
    : null;
  return prisma.$transaction(async (tx) => {
    if (members) {
      await tx.bodyMember.deleteMany({ where: { groupId: id } });
      await tx.bodyMember.createMany({ data: members.map((memberId) => ({ groupId: id, memberId })) });
    }
    return tx.body.update({ where: { id }, data: { shortName: names.shortName, fullName: names.fullName, kind, aliases: JSON.stringify(names.aliases) } });
  });
}

/**
 * Merges one body into another: the merged body's names become the survivor's
 * aliases and its accounts and read-model assignments move over. Its row stays,
 * marked merged, so its id keeps resolving to the survivor: workflows holding
 * it are unaffected (the API acts for the survivor's users on them).
 */
export async function mergeBodies(prisma: PrismaClient, survivorId: string, mergedId: string) {
  if (survivorId === mergedId) throw new ValidationError('不能把单位并入自身。 A body cannot be merged into itself.');
  const [survivor, merged] = await Promise.all([prisma.body.findUnique({ where: { id: survivorId } }), prisma.body.findUnique({ where: { id: mergedId } })]);
  if (!survivor || !merged) throw new NotFoundError('单位不存在。 No such body.');
  if (survivor.mergedIntoId || merged.mergedIntoId) throw new ValidationError('该单位已被合并。 One of these bodies was already merged.');
  if ([survivor.kind, merged.kind].includes('group') && survivor.kind !== merged.kind) {
    throw new ValidationError('群组只能与群组合并。 A group merges only with a group.');
  }
  const aliases = [...new Set([...(JSON.parse(survivor.aliases) as string[]), merged.shortName, merged.fullName, ...(JSON.parse(merged.aliases) as string[])])]
    .filter((a) => a !== survivor.shortName && a !== survivor.fullName);
  return prisma.$transaction(async (tx) => {
    await tx.body.update({ where: { id: mergedId }, data: { mergedIntoId: survivorId } });
    await tx.body.updateMany({ where: { mergedIntoId: mergedId }, data: { mergedIntoId: survivorId } });
    await tx.account.updateMany({ where: { bodyId: mergedId }, data: { bodyId: survivorId } });
    await tx.assignment.updateMany({ where: { bodyId: mergedId }, data: { bodyId: survivorId } });
    const memberships = await tx.bodyMember.findMany({ where: { memberId: mergedId } });
    for (const m of memberships) {
      await tx.bodyMember.delete({ where: { groupId_memberId: m } });
      await tx.bodyMember.upsert({ where: { groupId_memberId: { groupId: m.groupId, memberId: survivorId } }, create: { groupId: m.groupId, memberId: survivorId }, update: {} });
    }
    return tx.body.update({ where: { id: survivorId }, data: { aliases: JSON.stringify(aliases) } });
  });
}

/** The ids that resolve to a body: its own and every body merged into it. */
export async function idsResolvingTo(prisma: PrismaClient, bodyId: string): Promise<string[]> {
  const merged = await prisma.body.findMany({ where: { mergedIntoId: bodyId }, select: { id: true } });
  return [bodyId, ...merged.map((b) => b.id)];
}
