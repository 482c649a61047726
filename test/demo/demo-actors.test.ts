import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { DEMO_ACTORS } from '../../src/demo/demo-actors.js';
import { generateDemo } from '../../src/demo/generate-demo.js';

const actorsFile = resolve(process.cwd(), 'codebook/actors.yaml');

test('every actor the demo names is an actor of the default codebook', {
  skip: existsSync(actorsFile) ? false : 'codebook/actors.yaml absent',
}, () => {
  const ids = new Set(
    [...readFileSync(actorsFile, 'utf8').matchAll(/^\s*-\s+id:\s*([\w-]+)/gm)].map((m) => m[1]),
  );
  for (const actor of DEMO_ACTORS) assert.ok(ids.has(actor.id), `${actor.id} is not in codebook/actors.yaml`);
});

test('every speaker, target, source speaker and round party of the demo is a demo actor', () => {
  const known = new Set(DEMO_ACTORS.map((actor) => actor.id));
  const demo = generateDemo({ days: 180 });
  for (const source of demo.sources) if (source.defaultSpeaker) assert.ok(known.has(source.defaultSpeaker));
  for (const round of demo.rounds) for (const party of round.parties) assert.ok(known.has(party), party);
  for (const intended of demo.intended) {
    for (const statement of intended.statements) {
      for (const signal of statement.signals) {
        if (signal.speaker !== null) assert.ok(known.has(signal.speaker), signal.speaker);
        if (signal.target !== null) assert.ok(known.has(signal.target), signal.target);
      }
    }
  }
});
