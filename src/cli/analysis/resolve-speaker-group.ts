// Turns a --group value into the speaker group it names, looking a bare name up in the order
// saved group → camp → source → actor, and saying what exists when nothing matches.
import { groupFromMembers, parseGroupRef, type SpeakerGroup } from '../../core/analysis/speaker-group.js';
import { OvertureError } from '../../core/errors.js';
import type { Db } from '../../store/db.js';
import { findSpeakerGroup } from '../../store/queries/find-speaker-group.js';
import { listSpeakerGroups } from '../../store/queries/list-speaker-groups.js';
import { sourceCamps } from '../../store/queries/source-camps.js';

export async function resolveSpeakerGroup(db: Db, value: string): Promise<SpeakerGroup> {
  const ref = parseGroupRef(value);
  const single = (kind: 'camp' | 'actor' | 'source', name: string): SpeakerGroup => ({
    name,
    camps: kind === 'camp' ? [name] : [],
    actors: kind === 'actor' ? [name] : [],
    sources: kind === 'source' ? [name] : [],
  });
  const matches = await findSpeakerGroup(db, { name: ref.name });
  const match = ref.kind ? matches.find((m) => m.kind === ref.kind) : matches[0];
  if (match?.kind === 'group') return groupFromMembers(match.name, match.members ?? []);
  if (match) return single(match.kind as 'camp' | 'actor' | 'source', match.name);
  if (ref.kind && ref.kind !== 'group') {
    // An explicit camp:/actor:/source: is taken at its word: it may simply have no data yet.
    return { ...single(ref.kind, ref.name), name: value };
  }
  const camps = (await sourceCamps(db)).map((row) => row.camp);
  const groups = (await listSpeakerGroups(db)).map((row) => row.name);
  throw new OvertureError(
    'not-found',
    `no saved group, camp, source or actor named ${JSON.stringify(ref.name)} (camps with sources: ${camps.join(', ') || 'none'}; saved groups: ${groups.join(', ') || 'none'})`,
  );
}

/** The groups named by repeated --group options, or, when none is named, every camp with sources. */
export async function resolveSpeakerGroups(
  db: Db,
  values: readonly string[] | undefined,
): Promise<SpeakerGroup[]> {
  if (values && values.length > 0) {
    const groups: SpeakerGroup[] = [];
    for (const value of values) groups.push(await resolveSpeakerGroup(db, value));
    return groups;
  }
  return (await sourceCamps(db)).map(({ camp }) => ({ name: camp, camps: [camp], actors: [], sources: [] }));
}
