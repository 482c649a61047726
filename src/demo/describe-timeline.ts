// The scenario's timeline in words, dated: what the README tells and what a dashboard can mark.
import { addDays } from './add-days.js';
import type { Hump, Scenario } from './scenario.js';

export interface TimelineEntry {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** Days from the scenario's first day. */
  day: number;
  id: string;
  description: string;
}

export function describeTimeline(scenario: Scenario, start: string): TimelineEntry[] {
  const entries: Array<Omit<TimelineEntry, 'date'>> = [];
  scenario.pressure.forEach((hump, index) => {
    entries.push({
      day: hump.start,
      id: `pressure-rise-${index + 1}`,
      description: `Pressure rise ${index + 1}: the synthetic losses index climbs ${Math.round(hump.strength * 100)}% above its quiet level by ${dayLabel(hump.full)}, holds until ${dayLabel(hump.hold)} and subsides by ${dayLabel(hump.end)}.`,
    });
  });
  scenario.offensives.forEach((hump, index) => {
    entries.push(window(hump, `offensive-${index + 1}`, `Peace offensive ${index + 1}`, index === 1));
  });
  entries.push({
    ...window(scenario.opening, 'opening', 'The opening', false),
    description: `The opening (days ${scenario.opening.start}–${scenario.opening.end}): a smaller burst of Russian overtures, fewer companion tactics, and concessions (neutrality and army limits softened).`,
  });
  for (const event of scenario.events)
    entries.push({ day: event.day, id: event.id, description: event.description });
  return entries
    .sort((a, b) => a.day - b.day || a.id.localeCompare(b.id))
    .map((entry) => ({ date: addDays(start, entry.day), ...entry }));
}

function window(hump: Hump, id: string, label: string, hardens: boolean): Omit<TimelineEntry, 'date'> {
  return {
    day: hump.start,
    id,
    description: `${label} (days ${hump.start}–${hump.end}, strongest on days ${hump.full}–${hump.hold}): Russian officials and state media call for talks while blaming Kyiv and the West, driving wedges, delegitimising, threatening and stalling; positions are ${hardens ? 'asserted and hardened' : 'asserted'}, never softened.`,
  };
}

const dayLabel = (day: number): string => `day ${day}`;
