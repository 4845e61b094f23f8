/** The registry of the supervising office's own government (the reference bodies'): its bodies file, report and are scored. */
export const defaultRegistryId = 'tianjin';

/** Kinds of body a notice can name. */
export type BodyKind =
  | 'department' // a municipal commission, bureau or office
  | 'district' // a district or county government
  | 'regulator' // a central regulator's local office or branch
  | 'external' // a body not under the issuing government (a national ministry, a central agency's local office)
  | 'group' // a fixed set of bodies (各区县人民政府)
  | 'placeholder'; // a set the supervising office must designate (市有关行政主管部门)

export interface BodyEntry {
  id: string;
  shortName: string;
  fullName: string;
  kind: BodyKind;
  aliases: string[];
  /** Member body ids, for groups. */
  members?: string[];
  /** The body this one was merged into: its names and id resolve to that survivor. */
  mergedInto?: string | null;
}

/** Looks bodies up by any of their names, exactly as a notice writes them. */
export class BodyRegistry {
  private readonly byName = new Map<string, BodyEntry>();
  private readonly byId = new Map<string, BodyEntry>();

  constructor(readonly entries: readonly BodyEntry[]) {
    const byIdAll = new Map(entries.map((e) => [e.id, e]));
    // A merged body stands for its survivor (followed along a chain of merges).
    const survivor = (entry: BodyEntry, seen = new Set<string>()): BodyEntry => {
      const next = entry.mergedInto ? byIdAll.get(entry.mergedInto) : undefined;
      return next && !seen.has(next.id) ? survivor(next, seen.add(entry.id)) : entry;
    };
    // Live bodies' own names win over names kept from merged ones.
    const ordered = [...entries.filter((e) => e.mergedInto), ...entries.filter((e) => !e.mergedInto)];
    for (const entry of ordered) {
      const target = survivor(entry);
      this.byId.set(entry.id, target);
      for (const name of [entry.shortName, entry.fullName, ...entry.aliases]) {
        this.byName.set(normalizeName(name), target);
      }
    }
  }

  find(name: string): BodyEntry | undefined {
    return this.byName.get(normalizeName(name));
  }

  get(id: string): BodyEntry | undefined {
    return this.byId.get(id);
  }

  /** The concrete bodies a name stands for: members of a group, or the body itself. */
  expand(id: string): BodyEntry[] {
    const entry = this.byId.get(id);
    if (!entry) return [];
    if (entry.kind !== 'group') return [entry];
    return (entry.members ?? []).flatMap((member) => this.expand(member));
  }
}

/** Names compare without white space and with full-width brackets folded to half-width. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}
