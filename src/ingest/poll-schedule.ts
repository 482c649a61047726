// When each feed source is next due. A source that keeps failing backs off exponentially (up
// to 32 times its interval) so a dead feed is not hammered; a success resets it.
import type { FeedSourceRow } from '../store/queries/feed-sources.js';

export const DEFAULT_INTERVAL_MINUTES = 60;

export function nextPollAt(
  source: Pick<FeedSourceRow, 'schedule_minutes' | 'last_fetched_at' | 'failures'>,
): Date {
  if (!source.last_fetched_at) return new Date(0);
  const minutes = (source.schedule_minutes ?? DEFAULT_INTERVAL_MINUTES) * 2 ** Math.min(source.failures, 5);
  return new Date(source.last_fetched_at.getTime() + minutes * 60_000);
}

export function dueSources<
  T extends Pick<FeedSourceRow, 'schedule_minutes' | 'last_fetched_at' | 'failures'>,
>(sources: readonly T[], now: Date): { due: T[]; wakeAt: Date | null } {
  const due: T[] = [];
  let wakeAt: Date | null = null;
  for (const source of sources) {
    const at = nextPollAt(source);
    if (at.getTime() <= now.getTime()) due.push(source);
    else if (!wakeAt || at < wakeAt) wakeAt = at;
  }
  return { due, wakeAt };
}
