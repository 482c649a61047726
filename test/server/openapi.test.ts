// The OpenAPI document is written by hand as data; these checks keep it and the app in step.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { API_PREFIX, createApp } from '../../src/server/app.js';
import { OPENAPI_DOCUMENT } from '../../src/server/openapi-document.js';
import type { Store } from '../../src/store/store.js';

// Routing and the OpenAPI route never touch the store.
const app = createApp({ store: {} as unknown as Store, webDir: null });

/** `GET /documents/{id}` for every route the app serves under the API prefix. */
function appOperations(): string[] {
  const operations = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith(`${API_PREFIX}/`))
    .map((route) => `${route.method} ${route.path.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}')}`);
  return [...new Set(operations)].sort();
}

function documentOperations(): string[] {
  return Object.entries(OPENAPI_DOCUMENT.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

test('every route of the app is in the OpenAPI document and every documented route exists', () => {
  assert.deepEqual(documentOperations(), appOperations());
});

test('every reference in the OpenAPI document resolves', () => {
  const refs = JSON.stringify(OPENAPI_DOCUMENT).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 10);
  for (const ref of refs) {
    const path = ref.slice(8, -1).replace(/^#\//, '').split('/');
    let node: unknown = OPENAPI_DOCUMENT;
    for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
    assert.ok(node !== undefined, `${ref} does not resolve`);
  }
});

test('path parameters in the document are the ones in the route', () => {
  for (const [path, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
    const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const operation of Object.values(item) as Array<{
      parameters?: Array<{ name: string; in: string }>;
    }>) {
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      assert.deepEqual(declared, inPath, path);
    }
  }
});

test('the document is served at /api/v1/openapi.json as OpenAPI 3.1', async () => {
  const response = await app.request('/api/v1/openapi.json');
  assert.equal(response.status, 200);
  const body = (await response.json()) as typeof OPENAPI_DOCUMENT;
  assert.equal(body.openapi, '3.1.0');
  assert.deepEqual(body, JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
});

test('a documented route asked with another method is a 405 that says which methods it takes', async () => {
  const response = await app.request('/api/v1/openapi.json', { method: 'DELETE' });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('Allow'), 'GET');
  const body = (await response.json()) as { error: { code: string } };
  assert.equal(body.error.code, 'method-not-allowed');
  assert.equal((await app.request('/api/v1/no-such-thing')).status, 404);
});
