/** Kinds of body a notice can name. */
export type BodyKind =
  | 'department' // a municipal commission, bureau or office
  | 'district' // a district or county government
  | 'regulator' // a central regulator's local office or branch
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
}

/** Looks bodies up by any of their names, exactly as a notice writes them. */
export class BodyRegistry {
  private readonly byName = new Map<string, BodyEntry>();
  private readonly byId = new Map<string, BodyEntry>();

  constructor(readonly entries: readonly BodyEntry[]) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      for (const name of [entry.shortName, entry.fullName, ...entry.aliases]) {
        this.byName.set(normalizeName(name), entry);
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
