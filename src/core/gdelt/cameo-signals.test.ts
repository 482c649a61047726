import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { cameoPositionKey, cameoSignal } from './cameo-signals.js';

test('appeals and expressed intent to negotiate are overtures', () => {
  for (const code of ['026', '027', '028', '036', '037', '038', '039', '0256', '0356', '106', '0871']) {
    assert.equal(cameoSignal(code), 'overture', code);
  }
});

test('talks actually held and concessions made carry no signal', () => {
  for (const code of ['040', '042', '043', '045', '046', '057', '0831', '0861', '084', '087']) {
    assert.equal(cameoSignal(code), null, code);
  }
});

test('rejecting talks, mediation or a settlement plan is a refusal', () => {
  for (const code of ['125', '126', '127', '1246', '164']) assert.equal(cameoSignal(code), 'refusal', code);
});

test('every THREATEN code is a threat, including threats to halt talks', () => {
  for (const code of ['130', '1312', '134', '138', '1385', '139'])
    assert.equal(cameoSignal(code), 'threat', code);
});

test('demands for regime change and sanctions relief are positions with their keys', () => {
  assert.equal(cameoSignal('1041'), 'position');
  assert.equal(cameoPositionKey('1041'), 'regime-change');
  assert.equal(cameoSignal('1054'), 'position');
  assert.equal(cameoPositionKey('1054'), 'sanctions-relief');
  assert.equal(cameoPositionKey('036'), null);
});

test('military aid promised or given is a commitment', () => {
  for (const code of ['0232', '0332', '072', '074']) assert.equal(cameoSignal(code), 'commitment', code);
});

test('leading zeros matter and unknown codes map to nothing', () => {
  assert.equal(cameoSignal('36'), null);
  assert.equal(cameoSignal('999'), null);
  assert.equal(cameoSignal(''), null);
  assert.equal(cameoSignal('190'), null);
});
