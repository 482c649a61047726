// A linear model to and from its JSON file. Pure: the caller reads and writes the file. Loading
// checks everything a wrong or edited file could get wrong — format, version, feature
// extraction, shapes, and that the id still names the content — and says what and where.
import { sha256Hex } from '../codebook/sha256.js';
import { OvertureError } from '../errors.js';
import { SIGNALS, type SignalCategory } from '../types.js';
import { isValidBucketCount } from './hashed-features.js';
import { createLinearModel, type LinearModel, type LinearModelOptions, modelId } from './linear-model.js';
import {
  FEATURE_SPEC,
  type LinearModelData,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  modelBody,
  type SignalWeights,
  type TrainingSettings,
  WEIGHT_SCALE,
} from './model-body.js';

/** The model as the text of its file (one line of JSON and a newline); same model, same bytes. */
export function serializeModel(model: LinearModelData): string {
  const { format, version, ...rest } = modelBody(model);
  return `${JSON.stringify({ format, version, id: modelId(model), ...rest })}\n`;
}

type Json = Record<string, unknown>;

function fail(source: string, what: string, expected: string): never {
  throw new OvertureError('invalid-input', `invalid model in ${source}: ${what} (expected ${expected})`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(source: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(source, `"${path}" is ${JSON.stringify(value)}`, 'a finite number');
  return value;
}

/** An array of integers, checked; a plain loop (a model holds millions of them). */
function integers(source: string, path: string, value: unknown): readonly number[] {
  if (!Array.isArray(value)) fail(source, `"${path}" is ${JSON.stringify(value)}`, 'an array of integers');
  for (let k = 0; k < value.length; k++) {
    const n: unknown = value[k];
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      finite(source, `${path}[${k}]`, n);
      fail(source, `"${path}[${k}]" is ${n}`, 'an integer');
    }
  }
  return value as number[];
}

function bucketIndices(source: string, value: unknown, buckets: number): Uint32Array {
  const gaps = integers(source, 'indices', value);
  const indices = new Uint32Array(gaps.length);
  let index = 0;
  for (let k = 0; k < gaps.length; k++) {
    const gap = gaps[k] as number;
    if (gap < (k === 0 ? 0 : 1))
      fail(source, `"indices[${k}]" is ${gap}`, 'ascending buckets written as gaps');
    index += gap;
    if (index >= buckets)
      fail(source, `"indices[${k}]" reaches bucket ${index}`, `a bucket below ${buckets}`);
    indices[k] = index;
  }
  return indices;
}

function scaled(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = (values[k] as number) * WEIGHT_SCALE;
  return out;
}

function signalWeights(source: string, signal: SignalCategory, value: unknown, count: number): SignalWeights {
  const path = `signals.${signal}`;
  if (!isObject(value)) fail(source, `"${path}" is missing`, 'an object with bias, positives and values');
  const values = integers(source, `${path}.values`, value.values);
  if (values.length !== count)
    fail(source, `"${path}.values" has ${values.length} entries`, `${count}, one per index`);
  const bias = finite(source, `${path}.bias`, value.bias);
  return {
    bias: bias * WEIGHT_SCALE,
    positives: finite(source, `${path}.positives`, value.positives),
    values: scaled(values),
  };
}

function trainingSettings(source: string, value: unknown): TrainingSettings {
  if (!isObject(value)) fail(source, '"training" is missing', 'an object');
  const weighting = value.classWeighting;
  if (weighting !== 'balanced' && weighting !== 'sqrt' && weighting !== 'none') {
    fail(source, `"training.classWeighting" is ${JSON.stringify(weighting)}`, 'balanced, sqrt or none');
  }
  return {
    examples: finite(source, 'training.examples', value.examples),
    epochs: finite(source, 'training.epochs', value.epochs),
    learningRate: finite(source, 'training.learningRate', value.learningRate),
    l2: finite(source, 'training.l2', value.l2),
    classWeighting: weighting,
  };
}

/**
 * The id, checked against the file's own bytes: a file as serializeModel writes it is the body's
 * canonical text with `"id":"…",` after "version", so hashing the text without that member gives
 * the id without serialising 7 MB of weights again (0.09 s of a worker's start, measured). A file
 * written any other way (re-indented, keys reordered) is checked the slow way, by its content.
 */
function idFromBytes(json: string, id: unknown, options: LinearModelOptions): { id?: string } {
  if (typeof id !== 'string' || !/^[0-9a-f]{16}$/.test(id)) return {};
  const member = `"id":"${id}",`;
  const at = json.indexOf(member);
  if (at < 0) return {};
  const body = json.slice(0, at) + json.slice(at + member.length).trimEnd();
  return (options.sha256 ?? sha256Hex)(body).slice(0, 16) === id ? { id } : {};
}

/** Parses a model file's text; `source` names the file in error messages. */
export function loadModel(json: string, source = 'model', options: LinearModelOptions = {}): LinearModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new OvertureError(
      'invalid-input',
      `invalid model in ${source}: not JSON (expected an overture-linear-model file)`,
      {
        cause: error,
      },
    );
  }
  if (!isObject(raw) || raw.format !== MODEL_FORMAT) {
    fail(source, `"format" is ${JSON.stringify(isObject(raw) ? raw.format : raw)}`, `"${MODEL_FORMAT}"`);
  }
  if (raw.version !== MODEL_FORMAT_VERSION)
    fail(source, `"version" is ${JSON.stringify(raw.version)}`, String(MODEL_FORMAT_VERSION));
  if (raw.features !== FEATURE_SPEC)
    fail(source, `"features" is ${JSON.stringify(raw.features)}`, `"${FEATURE_SPEC}"`);
  const buckets = finite(source, 'buckets', raw.buckets);
  if (!isValidBucketCount(buckets))
    fail(source, `"buckets" is ${buckets}`, 'a power of two from 16 to 16777216');
  const codebookVersion = raw.codebookVersion;
  if (codebookVersion !== null && typeof codebookVersion !== 'string') {
    fail(source, `"codebookVersion" is ${JSON.stringify(codebookVersion)}`, 'a string or null');
  }
  if (raw.weightScale !== WEIGHT_SCALE)
    fail(source, `"weightScale" is ${JSON.stringify(raw.weightScale)}`, String(WEIGHT_SCALE));
  const indices = bucketIndices(source, raw.indices, buckets);
  if (!isObject(raw.signals)) fail(source, '"signals" is missing', 'an object with one entry per signal');
  const rawSignals = raw.signals;
  const signals = Object.fromEntries(
    SIGNALS.map((signal) => [signal, signalWeights(source, signal, rawSignals[signal], indices.length)]),
  ) as Record<SignalCategory, SignalWeights>;
  const data: LinearModelData = {
    codebookVersion,
    seed: finite(source, 'seed', raw.seed),
    buckets,
    training: trainingSettings(source, raw.training),
    indices,
    signals,
  };
  const model = createLinearModel(data, { ...options, ...idFromBytes(json, raw.id, options) });
  if (raw.id !== model.id) {
    fail(
      source,
      `"id" is ${JSON.stringify(raw.id)} but the content hashes to "${model.id}"`,
      'an unedited model file',
    );
  }
  return model;
}
