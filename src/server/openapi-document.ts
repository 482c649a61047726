import { SIGNALS } from '../core/types.js';

// The API described as data (OpenAPI 3.1). test/server/openapi.test.ts checks that every route
// the app serves is here and that nothing here is missing from the app, so the two cannot drift.
const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]),
  );

const param = (name: string, description: string, schema: object = { type: 'string' }, where = 'query') => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema,
});
const day = { type: 'string', format: 'date', examples: ['2024-03-01'] };
const signal = { type: 'string', enum: [...SIGNALS] };
const period = { type: 'string', enum: ['day', 'week', 'half-month', 'month'], default: 'day' };
const since = param('since', 'first UTC day, inclusive', day);
const until = param('until', 'last UTC day, inclusive', day);
const limit = (max: number, fallback: number) =>
  param('limit', `how many items (1–${max})`, {
    type: 'integer',
    minimum: 1,
    maximum: max,
    default: fallback,
  });
const cursor = param('cursor', 'the nextCursor of the previous page (keyset pagination)');
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });
const errorCodes = [
  'invalid-option',
  'invalid-input',
  'unsafe-url',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'payload-too-large',
  'unsupported-media-type',
  'misdirected-request',
  'invalid-codebook',
  'store-failed',
  'internal',
  'fetch-failed',
];

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Overture API',
    version: '1.0.0',
    description:
      'Read what Overture has stored and computed — documents, coded statements with their evidence, signal rates, episodes, positions, indicators — and write corpus records through the ingest pipeline. Writes need `Authorization: Bearer <token>` when the server has a token; a server listening beyond loopback needs it for reads too. Errors are `{error: {code, message}}` with a stable code.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: '/api/v1' }],
  security: [{}, { bearer: [] }],
  paths: {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        responses: { '200': json({ type: 'object' }) },
      },
    },
    '/stats': {
      get: {
        operationId: 'getStats',
        summary: 'What the store holds',
        responses: { '200': json(ref('Stats')), ...errors(401) },
      },
    },
    '/sources': {
      get: {
        operationId: 'listSources',
        summary: 'Sources with their camp and what they contributed',
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('Source') } } }),
          ...errors(401),
        },
      },
    },
    '/documents': {
      get: {
        operationId: 'listDocuments',
        summary: 'Documents, newest first (keyset pagination)',
        parameters: [
          param('source', 'source name'),
          param('q', 'words to find in the title or text (case-insensitive substring)'),
          since,
          until,
          limit(200, 50),
          cursor,
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              items: { type: 'array', items: ref('DocumentSummary') },
              nextCursor: nullable('string'),
            },
          }),
          ...errors(400, 401),
        },
      },
    },
    '/documents/{id}': {
      get: {
        operationId: 'getDocument',
        summary: 'One document with its text, statements and signals (with evidence)',
        parameters: [param('id', 'document id', { type: 'integer', minimum: 1 }, 'path')],
        responses: { '200': json(ref('Document')), ...errors(400, 401, 404) },
      },
    },
    '/statements': {
      get: {
        operationId: 'listStatements',
        summary:
          'The evidence list: statements behind a count, newest first, with their signals and matched spans',
        parameters: [
          param('signal', 'only statements carrying this signal', signal),
          param('camp', "the source's camp"),
          param('speaker', "the signal's speaker (actor id), as the roll-ups count it"),
          param('source', 'source name'),
          param('group', 'a speaker group, in the /rates syntax: the statements its count was made of'),
          since,
          until,
          limit(500, 50),
          cursor,
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              items: { type: 'array', items: ref('EvidenceStatement') },
              nextCursor: nullable('string'),
            },
          }),
          ...errors(400, 401),
        },
      },
    },
    '/rates': {
      get: {
        operationId: 'getRates',
        summary:
          'Counts, totals and shares of a signal per period for speaker groups (from the daily roll-ups)',
        parameters: [
          param('signal', 'signal category', { ...signal, default: 'overture' }),
          param(
            'group',
            'a camp, actor, source or saved group (bare, or as camp:/actor:/source:/group:NAME, as in `overture episodes --group`); repeat or separate with commas (default: every camp with sources)',
          ),
          param('period', 'bucket', period),
          since,
          until,
        ],
        responses: { '200': json(ref('Rates')), ...errors(400, 401) },
      },
    },
    '/episodes': {
      get: {
        operationId: 'listEpisodes',
        summary: 'Bursts of a signal by a speaker group, with classification and reasons',
        parameters: [
          param('group', 'speaker group'),
          param('signal', 'signal category', signal),
          since,
          until,
          limit(1000, 200),
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: { items: { type: 'array', items: ref('EpisodeSummary') } },
          }),
          ...errors(400, 401),
        },
      },
    },
    '/episodes/{id}': {
      get: {
        operationId: 'getEpisode',
        summary: 'One episode with its evidence, tactics, position movement, amplification and pressure',
        parameters: [
          param('id', 'episode id (URL-encoded; it contains slashes)', { type: 'string' }, 'path'),
        ],
        responses: {
          '200': json({
            allOf: [ref('EpisodeSummary'), { type: 'object', properties: { detail: { type: 'object' } } }],
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    '/positions': {
      get: {
        operationId: 'getPositions',
        summary: 'The position ledger: stances per actor and key over time, and what did not change',
        parameters: [
          param('actor', 'speaker (actor id); default every actor'),
          since,
          until,
          limit(20000, 5000),
        ],
        responses: { '200': json(ref('PositionLedger')), ...errors(400, 401) },
      },
    },
    '/indicators': {
      get: {
        operationId: 'listIndicators',
        summary: 'Pressure indicators with the extent of their series',
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('Indicator') } } }),
          ...errors(401),
        },
      },
    },
    '/indicators/{name}': {
      get: {
        operationId: 'getIndicator',
        summary: "One indicator's series",
        parameters: [param('name', 'indicator name', { type: 'string' }, 'path'), since, until],
        responses: {
          '200': json({
            allOf: [
              ref('Indicator'),
              {
                type: 'object',
                properties: {
                  series: {
                    type: 'array',
                    items: { type: 'object', properties: { date: day, value: { type: 'number' } } },
                  },
                },
              },
            ],
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    '/pressure': {
      get: {
        operationId: 'getPressure',
        summary: "Composite pressure index: the mean of the indicators' signed standard scores",
        parameters: [
          param('actor', "only this actor's indicators (default all)"),
          param('period', 'bucket', period),
          since,
          until,
          param('standardise', 'z-scores over the whole series, or expanding (no look-ahead)', {
            type: 'string',
            enum: ['full', 'expanding'],
            default: 'full',
          }),
        ],
        responses: { '200': json(ref('Pressure')), ...errors(400, 401) },
      },
    },
    '/ingest': {
      post: {
        operationId: 'ingest',
        summary: 'Store and code corpus records (JSON Lines: id, text, title, url, date, lang, source, camp)',
        security: [{ bearer: [] }, {}],
        parameters: [
          param('source', 'the source of records that name none'),
          param('camp', 'create `source` with this camp when it does not exist'),
          param('code', 'code what was stored', { type: 'string', enum: ['true', 'false'], default: 'true' }),
        ],
        requestBody: {
          required: true,
          content: {
            'application/x-ndjson': { schema: { type: 'string', description: 'one JSON object per line' } },
          },
        },
        responses: { '200': json(ref('IngestSummary')), ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    '/classify': {
      post: {
        operationId: 'classify',
        summary: 'Code texts without storing them (the output of `overture classify`)',
        security: [{ bearer: [] }, {}],
        parameters: [
          param('all', 'include statements without signals', {
            type: 'string',
            enum: ['true', 'false'],
            default: 'false',
          }),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  ref('ClassifyRecord'),
                  { type: 'array', items: ref('ClassifyRecord'), maxItems: 1000 },
                ],
              },
            },
          },
        },
        responses: {
          '200': json({ oneOf: [ref('Classified'), { type: 'array', items: ref('Classified') }] }),
          ...errors(400, 401, 403, 413, 415),
        },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    responses: Object.fromEntries(
      [400, 401, 403, 404, 413, 415].map((status) => [
        `Error${status}`,
        json(ref('Error'), `error ${status}`),
      ]),
    ),
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string', enum: errorCodes }, message: { type: 'string' } },
          },
        },
      },
      Stats: {
        type: 'object',
        properties: {
          sources: { type: 'integer' },
          documents: { type: 'integer' },
          statements: { type: 'integer' },
          signals: { type: 'integer' },
          events: { type: 'integer' },
          codedDocuments: { type: 'integer' },
          codebookVersions: { type: 'array', items: { type: 'string' } },
          episodes: { type: 'integer' },
          indicators: { type: 'integer' },
          firstDay: nullable('string', { format: 'date' }),
          lastDay: nullable('string', { format: 'date' }),
          store: { type: 'string', enum: ['pglite', 'postgres'] },
          generatedAt: { type: 'string', format: 'date-time' },
        },
      },
      Source: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          camp: { type: 'string' },
          lang: nullable('string'),
          kind: { type: 'string' },
          url: nullable('string'),
          defaultSpeaker: nullable('string'),
          documents: { type: 'integer' },
          statements: { type: 'integer' },
          firstDay: nullable('string', { format: 'date' }),
          lastDay: nullable('string', { format: 'date' }),
          lastFetchedAt: nullable('string', { format: 'date-time' }),
          lastStatus: nullable('string'),
          failures: { type: 'integer' },
        },
      },
      DocumentSummary: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          source: { type: 'string' },
          camp: { type: 'string' },
          title: nullable('string'),
          url: nullable('string'),
          lang: { type: 'string' },
          publishedAt: nullable('string', { format: 'date-time' }),
          excerpt: { type: 'string', description: 'the first 280 characters of the text' },
          nearDuplicateOf: nullable('integer'),
          codedVersion: nullable('string'),
          statements: { type: 'integer' },
          signals: { type: 'integer' },
        },
      },
      Evidence: {
        type: 'object',
        properties: {
          rule: { type: 'string', description: 'rule id (signal.lang.name) or model:<id>' },
          start: { type: 'integer', description: "UTF-16 offset into the document's text" },
          end: { type: 'integer' },
          match: { type: 'string', description: 'the matched words' },
          rationale: nullable('string', { description: 'why the rule exists (from the codebook)' }),
        },
      },
      Signal: {
        type: 'object',
        properties: {
          signal,
          speaker: nullable('string'),
          target: nullable('string'),
          position: nullable('string'),
          stance: nullable('string'),
          confidence: { type: 'number' },
          origin: { type: 'string', enum: ['rule', 'model'] },
          codebookVersion: { type: 'string' },
          evidence: { type: 'array', items: ref('Evidence') },
        },
      },
      Document: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          source: {
            type: 'object',
            properties: { id: { type: 'integer' }, name: { type: 'string' }, camp: { type: 'string' } },
          },
          externalId: nullable('string'),
          title: nullable('string'),
          url: nullable('string'),
          lang: { type: 'string' },
          publishedAt: nullable('string', { format: 'date-time' }),
          contentHash: { type: 'string' },
          nearDuplicateOf: nullable('integer'),
          codedVersion: nullable('string'),
          meta: { type: 'object' },
          text: { type: 'string', description: 'as published: treat as untrusted text, never as markup' },
          statements: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                idx: { type: 'integer' },
                start: { type: 'integer' },
                end: { type: 'integer' },
                text: { type: 'string' },
                speaker: nullable('string'),
                signals: { type: 'array', items: ref('Signal') },
              },
            },
          },
        },
      },
      EvidenceStatement: {
        type: 'object',
        properties: {
          documentId: { type: 'integer' },
          statementIdx: { type: 'integer' },
          start: { type: 'integer', description: "offset of the statement in the document's text" },
          end: { type: 'integer' },
          text: { type: 'string' },
          speaker: nullable('string'),
          source: { type: 'string' },
          camp: { type: 'string' },
          publishedAt: nullable('string', { format: 'date-time' }),
          document: {
            type: 'object',
            properties: { id: { type: 'integer' }, title: nullable('string'), url: nullable('string') },
          },
          signals: { type: 'array', items: ref('Signal') },
        },
      },
      Rates: {
        type: 'object',
        properties: {
          signal,
          period,
          since: nullable('string', { format: 'date' }),
          until: nullable('string', { format: 'date' }),
          series: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                group: {
                  type: 'string',
                  description: 'the group name episodes are stored under',
                  examples: ['ru-official'],
                },
                members: {
                  type: 'object',
                  description: 'whose statements the group counts',
                  properties: {
                    camps: { type: 'array', items: { type: 'string' } },
                    actors: { type: 'array', items: { type: 'string' } },
                    sources: { type: 'array', items: { type: 'string' } },
                  },
                },
                points: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      period: { ...day, description: 'first day of the period' },
                      end: { ...day, description: 'last day of the period' },
                      relevant: { type: 'integer' },
                      total: { type: 'integer' },
                      share: nullable('number'),
                    },
                  },
                },
              },
            },
          },
        },
      },
      EpisodeSummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          speakerGroup: { type: 'string' },
          signal,
          start: day,
          peak: day,
          end: day,
          level: { type: 'integer' },
          classification: nullable('string', { examples: ['peace-offensive', 'opening', 'ambiguous'] }),
          reasons: { type: 'array', items: { type: 'string' } },
          computedAt: { type: 'string', format: 'date-time' },
        },
      },
      PositionLedger: {
        type: 'object',
        properties: {
          since: nullable('string', { format: 'date' }),
          until: nullable('string', { format: 'date' }),
          truncated: {
            type: 'boolean',
            description: 'true when only the newest `limit` statements were read',
          },
          entries: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                actor: { type: 'string' },
                key: { type: 'string' },
                status: { type: 'string', enum: ['moved', 'restated', 'held'] },
                latest: { type: 'object' },
                before: nullable('object'),
                counts: { type: 'object' },
                timeline: { type: 'array', items: { type: 'object' } },
              },
            },
          },
          unchanged: { type: 'array', items: { type: 'object' } },
        },
      },
      Indicator: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          actor: nullable('string'),
          direction: { type: 'string', enum: ['up', 'down'] },
          cumulative: { type: 'boolean' },
          description: nullable('string'),
          importedFrom: nullable('string'),
          points: { type: 'integer' },
          firstDay: nullable('string', { format: 'date' }),
          lastDay: nullable('string', { format: 'date' }),
        },
      },
      Pressure: {
        type: 'object',
        properties: {
          actor: nullable('string'),
          period,
          standardise: { type: 'string' },
          indicators: { type: 'array', items: { type: 'object' } },
          points: {
            type: 'array',
            items: {
              type: 'object',
              properties: { period: day, value: nullable('number'), components: { type: 'object' } },
            },
          },
        },
      },
      IngestSummary: {
        type: 'object',
        properties: {
          accepted: { type: 'integer' },
          updated: { type: 'integer' },
          duplicates: { type: 'integer' },
          nearDuplicates: { type: 'integer' },
          coded: { type: 'integer' },
          rejected: {
            type: 'array',
            items: { type: 'object', properties: { ref: { type: 'string' }, reason: { type: 'string' } } },
          },
        },
      },
      ClassifyRecord: {
        type: 'object',
        required: ['id', 'text'],
        additionalProperties: false,
        properties: {
          id: { type: ['string', 'number'] },
          text: { type: 'string' },
          lang: { type: 'string', description: 'detected when absent' },
          defaultSpeaker: {
            type: 'string',
            description: 'the actor a statement is attributed to when it quotes nobody',
          },
        },
      },
      Classified: {
        type: 'object',
        description: 'what `overture classify` prints for the record',
        properties: {
          id: { type: ['string', 'number'] },
          signals: { type: 'array', items: signal },
          positions: {
            type: 'array',
            items: { type: 'object', properties: { key: { type: 'string' }, stance: { type: 'string' } } },
          },
          statements: {
            type: 'array',
            description: 'the coded statements (all of them with all=true)',
            items: {
              type: 'object',
              properties: {
                start: { type: 'integer' },
                end: { type: 'integer' },
                text: { type: 'string' },
                signals: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      signal,
                      speaker: nullable('string'),
                      target: nullable('string'),
                      position: nullable('string'),
                      stance: nullable('string'),
                      confidence: { type: 'number' },
                      evidence: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: {
                            rule: { type: 'string' },
                            start: { type: 'integer' },
                            end: { type: 'integer' },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
