// A speaker group: whose statements an analysis counts. A camp counts the statements published
// by that camp's sources; an actor counts the statements attributed to that speaker wherever they
// were published; a source counts what it published. A saved group is a union of those.
import { invalidOption } from '../errors.js';

export const GROUP_KINDS = ['camp', 'actor', 'source', 'group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface SpeakerGroup {
  name: string;
  camps: string[];
  actors: string[];
  sources: string[];
}

export interface GroupRef {
  /** Absent when the name came without a prefix and must be looked up. */
  kind?: GroupKind;
  name: string;
}

/** Reads `camp:ru-official`, `actor:putin`, `source:tass`, `group:kremlin-voices`, or a bare name. */
export function parseGroupRef(value: string): GroupRef {
  const colon = value.indexOf(':');
  if (colon > 0) {
    const kind = value.slice(0, colon);
    const name = value.slice(colon + 1);
    if (!(GROUP_KINDS as readonly string[]).includes(kind) || name === '') {
      throw invalidOption('group', value, 'NAME or camp:NAME, actor:NAME, source:NAME, group:NAME');
    }
    return { kind: kind as GroupKind, name };
  }
  if (value.trim() === '') throw invalidOption('group', value, 'a camp, actor, source or saved group name');
  return { name: value };
}

/** A saved group's members: strings with the same prefixes (bare names count as camps). */
export function groupFromMembers(name: string, members: readonly string[]): SpeakerGroup {
  const group: SpeakerGroup = { name, camps: [], actors: [], sources: [] };
  for (const member of members) {
    const ref = parseGroupRef(member);
    if (ref.kind === 'actor') group.actors.push(ref.name);
    else if (ref.kind === 'source') group.sources.push(ref.name);
    else group.camps.push(ref.name);
  }
  return group;
}
