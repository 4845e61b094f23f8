import { guessKind } from '../../domain/bodies/kinds.ts';
import { normalizeName, type BodyKind, type BodyRegistry } from '../../domain/bodies/registry.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { createBody } from '../bodies/registry.ts';
import { loadRegistry } from './registry.ts';

/** How the office settles a body name the registry does not know: map it, register it, or keep it to designate later. */
export type DraftBodyResolution =
  | { name: string; mapTo: string }
  | { name: string; register: { kind: BodyKind; fullName?: string | null; aliases?: string[] | null } }
  | { name: string; placeholder: true };

/** A draft names bodies the registry does not know, and no resolution settles them. */
export class UnresolvedBodiesError extends ValidationError {
  override name = 'UnresolvedBodiesError';
  constructor(readonly names: string[]) {
    super(
      `以下单位未登记，请登记、对应到已有单位或保留为待指定：${names.join('、')}。 ` +
        `These bodies are not registered; register them, map them to a registered body or keep them as placeholders to designate: ${names.join(', ')}.`,
    );
  }
}

/** Every body name the draft's tasks use, in order of first mention. */
export const namedBodies = (tasks: Array<{ leads: string[]; supports: string[] }>) => [...new Set(tasks.flatMap((t) => [...t.leads, ...t.supports]))];

/** The names the registry does not know. */
export const unresolvedNames = (registry: BodyRegistry, names: string[]) => names.filter((name) => !registry.find(name));

/**
 * Applies the resolutions of the draft's unknown names to the registry, after
 * checking that every unknown name has one (so a refused draft changes
 * nothing). Idempotent: mapping adds the name as an alias, registering the same
 * name twice finds the first. Returns the bodies newly registered.
 */
export async function resolveDraftBodies(
  prisma: PrismaClient,
  registryId: string,
  tasks: Array<{ leads: string[]; supports: string[] }>,
  resolutions: DraftBodyResolution[],
): Promise<{ registry: BodyRegistry; registered: Array<{ name: string; bodyId: string }> }> {
  const registry = await loadRegistry(prisma, registryId);
  const unknown = unresolvedNames(registry, namedBodies(tasks));
  const byName = new Map(resolutions.map((r) => [normalizeName(r.name), r]));
  const missing = unknown.filter((name) => !byName.has(normalizeName(name)));
  if (missing.length) throw new UnresolvedBodiesError(missing);
  for (const name of unknown) {
    const target = byName.get(normalizeName(name))!;
    if ('mapTo' in target && !registry.get(target.mapTo)) throw new NotFoundError(`"${name}"要对应的单位不在本登记册中。 The body "${name}" is mapped to is not in this registry.`);
    if ('register' in target && ['group'].includes(target.register.kind)) throw new ValidationError(`"${name}"：群组请在单位页登记并选择成员。 Register a group on the bodies page, with its members.`);
  }
  const registered: Array<{ name: string; bodyId: string }> = [];
  for (const name of unknown) {
    const target = byName.get(normalizeName(name))!;
    if ('mapTo' in target) {
      const body = registry.get(target.mapTo)!;
      const row = await prisma.body.findUniqueOrThrow({ where: { id: body.id } });
      const aliases = [...new Set([...(JSON.parse(row.aliases) as string[]), name])];
      await prisma.body.update({ where: { id: body.id }, data: { aliases: JSON.stringify(aliases) } });
    } else {
      const kind = 'placeholder' in target ? 'placeholder' : target.register.kind;
      const extra: { fullName?: string | null; aliases?: string[] | null } = 'register' in target ? target.register : {};
      const body = await createBody(prisma, { registryId, shortName: name, kind, fullName: extra.fullName, aliases: extra.aliases });
      registered.push({ name, bodyId: body.id });
    }
  }
  return { registry: unknown.length ? await loadRegistry(prisma, registryId) : registry, registered };
}

/** What `plan:import --register-unknown` does for each unknown name: register it, or keep a placeholder group a placeholder. */
export const registerEveryUnknown = (registry: BodyRegistry, tasks: Array<{ leads: string[]; supports: string[] }>): DraftBodyResolution[] =>
  unresolvedNames(registry, namedBodies(tasks)).map((name) => {
    const kind = guessKind(name);
    return kind === 'placeholder' ? { name, placeholder: true as const } : { name, register: { kind } };
  });
