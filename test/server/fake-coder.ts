// A stand-in coder for the server tests: codes "ready to talk" as an overture with a rule whose
// rationale is known, so that ingest, classify and the evidence rationale can be checked without
// depending on the shipped codebook's current rules.
import type { Coder } from '../../src/core/coding/coder.js';
import type { CodedStatement } from '../../src/core/types.js';

export const FAKE_RATIONALE = 'Professed readiness to talk is the plainest form of an overture.';

export function fakeCoder(): Coder & {
  compiled: { rules: Array<{ id: string; spec: { rationale: string } }> };
} {
  return {
    version: 'fake-codebook-1',
    compiled: { rules: [{ id: 'overture.en.ready', spec: { rationale: FAKE_RATIONALE } }] },
    code({ text, defaultSpeaker }): CodedStatement[] {
      const statements: CodedStatement[] = [];
      const pattern = /[^.!?]+[.!?]?/g;
      for (const match of text.matchAll(pattern)) {
        const raw = match[0];
        const lead = raw.length - raw.trimStart().length;
        const sentence = raw.trim();
        if (sentence === '') continue;
        const start = (match.index ?? 0) + lead;
        const at = sentence.indexOf('ready to talk');
        statements.push({
          start,
          end: start + sentence.length,
          text: sentence,
          signals:
            at < 0
              ? []
              : [
                  {
                    signal: 'overture',
                    speaker: defaultSpeaker,
                    target: null,
                    position: null,
                    stance: null,
                    confidence: 0.9,
                    origin: 'rule',
                    evidence: [{ rule: 'overture.en.ready', start: start + at, end: start + at + 13 }],
                  },
                ],
        });
      }
      return statements;
    },
  };
}
