// An ad-hoc feature vector (`overture analogues --features FILE.json`): the case features an
// analyst wants compared, on the same 0–3 scales and tactic names as the cases. A feature left
// out is unknown and not compared.
import { z } from 'zod';
import { OvertureError } from '../errors.js';
import { type FeatureVector, ORDINAL_FEATURES, type OrdinalFeature, TACTIC_NAMES } from './case-features.js';

const level = z.number().int().min(0).max(3, { error: 'expected an integer from 0 to 3' });

const vectorSchema = z.strictObject({
  ...(Object.fromEntries(ORDINAL_FEATURES.map((name) => [name, level.optional()])) as Record<
    OrdinalFeature,
    z.ZodOptional<typeof level>
  >),
  tactics: z
    .array(z.enum(TACTIC_NAMES, { error: `expected tactic names: ${TACTIC_NAMES.join(', ')}` }))
    .optional(),
});

/** Reads `{"pressure": 2, "tactics": ["blame"], …}`; errors name the file and the field. */
export function parseFeatureVector(value: unknown, label: string): FeatureVector {
  const result = vectorSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p) => typeof p !== 'symbol').join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unexpected field(s) ${issue.keys.join(', ')} (expected ${[...ORDINAL_FEATURES, 'tactics'].join(', ')})`
        : issue.message;
    throw new OvertureError(
      'invalid-input',
      `invalid feature file ${label}${path ? ` at ${path}` : ''}: ${message}`,
    );
  }
  const vector: FeatureVector = {};
  for (const name of ORDINAL_FEATURES) {
    const v = result.data[name];
    if (v !== undefined) vector[name] = v;
  }
  if (result.data.tactics) vector.tactics = [...new Set(result.data.tactics)];
  return vector;
}
