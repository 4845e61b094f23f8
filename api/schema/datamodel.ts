import { getDatamodel } from '../../prisma/generated/pothos-types.ts';

/** A model's field as Prisma's datamodel describes it: what the raw ledger reads need to write SQL Prisma would. */
export interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  isId: boolean;
  isRequired: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: Field[] } | undefined>;
const fieldsCache = new Map<string, Map<string, Field>>();
const scalarsCache = new Map<string, Field[]>();

/** A model's fields by name, or null for a name that is not a model. */
export function fieldsOf(model: string): Map<string, Field> | null {
  let fields = fieldsCache.get(model);
  if (!fields) {
    const known = models[model];
    if (!known) return null;
    fieldsCache.set(model, (fields = new Map(known.fields.map((f) => [f.name, f]))));
  }
  return fields;
}

/** A model's own columns (no relations, no lists). */
export function scalarsOf(model: string): Field[] {
  let scalars = scalarsCache.get(model);
  if (!scalars) scalarsCache.set(model, (scalars = [...fieldsOf(model)!.values()].filter((f) => f.kind !== 'object' && !f.isList)));
  return scalars;
}

const idCache = new Map<string, string | undefined>();

/** The name of a model's id field (read on every raw ledger statement, so kept once found). */
export function idOf(model: string): string | undefined {
  if (!idCache.has(model)) idCache.set(model, [...(fieldsOf(model)?.values() ?? [])].find((f) => f.isId)?.name);
  return idCache.get(model);
}
