// The synthetic pressure indicators: daily series whose sharp rises come first, by construction,
// and the offensives after them (scenario.ts). All of them put pressure on Russia when they rise.
import type { IndicatorPoint } from '../core/types.js';
import { addDays } from './add-days.js';
import { humpAt, type Scenario } from './scenario.js';
import type { Random } from './seeded-random.js';

export interface DemoIndicator {
  name: string;
  actor: string;
  direction: 'up' | 'down';
  cumulative: boolean;
  description: string;
  points: IndicatorPoint[];
}

export function generateIndicators(scenario: Scenario, start: string, random: Random): DemoIndicator[] {
  const days = Array.from({ length: scenario.days }, (_, day) => day);
  const date = (day: number): string => addDays(start, day);
  const losses = days.map((day) => {
    const pressure = scenario.pressure.reduce((sum, hump) => sum + humpAt(hump, day), 0);
    const weekly = day % 7 === 5 || day % 7 === 6 ? -3 : 1;
    return Math.max(20, 100 * (1 + pressure) + 0.02 * day + weekly + 4 * random.normal());
  });
  let total = 180_000;
  const cumulative = losses.map((value) => {
    total += Math.round(value * 9);
    return total;
  });
  // The rouble weakens a few days before each rise in losses (sanctions bite, oil falls) and
  // recovers slowly; its noise is a small random walk.
  let drift = 0;
  const rouble = days.map((day) => {
    drift = 0.9 * drift + 0.4 * random.normal();
    const strain = scenario.pressure.reduce(
      (sum, hump) => sum + humpAt({ ...hump, start: hump.start - 8 }, day),
      0,
    );
    return 88 + 0.01 * day + 12 * strain + drift;
  });
  const aidByDay = new Map<number, number>();
  for (const event of scenario.events) {
    if (event.aidBn !== undefined) aidByDay.set(event.day, (aidByDay.get(event.day) ?? 0) + event.aidBn);
  }
  let aid = 0;
  const aidTotal = days.map((day) => {
    aid += aidByDay.get(day) ?? 0;
    return aid;
  });
  const points = (values: number[], decimals: number): IndicatorPoint[] =>
    values.map((value, day) => ({ date: date(day), value: Number(value.toFixed(decimals)) }));
  return [
    {
      name: 'synthetic-ru-losses-index',
      actor: 'russia',
      direction: 'up',
      cumulative: false,
      description: 'SYNTHETIC. Invented daily index of Russian battlefield losses (100 = the quiet months).',
      points: points(losses, 1),
    },
    {
      name: 'synthetic-ru-losses-cumulative',
      actor: 'russia',
      direction: 'up',
      cumulative: true,
      description:
        'SYNTHETIC. Invented running total of Russian personnel losses, built from the daily index.',
      points: points(cumulative, 0),
    },
    {
      name: 'synthetic-rub-per-usd',
      actor: 'russia',
      direction: 'up',
      cumulative: false,
      description:
        'SYNTHETIC. Invented rouble exchange rate, roubles per US dollar (a rise is economic strain).',
      points: points(rouble, 2),
    },
    {
      name: 'synthetic-western-aid-bn',
      actor: 'russia',
      direction: 'up',
      cumulative: true,
      description:
        'SYNTHETIC. Invented running total of Western aid committed to Ukraine, billions of dollars.',
      points: points(aidTotal, 0),
    },
  ];
}
