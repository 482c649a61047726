// A small L2-regularised logistic regression, fitted by Newton–Raphson (iteratively reweighted
// least squares; Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4.1).
// Features are standardised on the training rows, the intercept is not penalised, and the
// penalty keeps the fit finite when the classes separate — common with few episode starts.

export interface LogisticModel {
  intercept: number;
  /** Coefficients on the standardised features. */
  weights: number[];
  means: number[];
  sds: number[];
  iterations: number;
}

export interface LogisticOptions {
  /** Ridge penalty λ on the standardised coefficients (default 1). */
  l2?: number;
  maxIterations?: number;
}

export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: LogisticOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const means = Array.from({ length: p }, (_, j) => rows.reduce((s, row) => s + row[j]!, 0) / Math.max(1, n));
  const sds = means.map((mean, j) => {
    const variance = rows.reduce((s, row) => s + (row[j]! - mean) ** 2, 0) / Math.max(1, n - 1);
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  const x = rows.map((row) => [1, ...row.map((v, j) => (v - means[j]!) / sds[j]!)]);
  const beta = new Array<number>(p + 1).fill(0);
  const positives = labels.reduce((s, y) => s + y, 0);
  // Start at the base rate so that an all-negative or all-positive sample stays finite.
  const rate = (positives + 0.5) / (n + 1);
  beta[0] = Math.log(rate / (1 - rate));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(p + 1).fill(0);
    const hessian = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const mu = sigmoid(dot(beta, xi));
      const w = Math.max(mu * (1 - mu), 1e-12);
      const residual = labels[i]! - mu;
      for (let a = 0; a <= p; a++) {
        gradient[a] = gradient[a]! + residual * xi[a]!;
        for (let b = 0; b <= a; b++) hessian[a]![b] = hessian[a]![b]! + w * xi[a]! * xi[b]!;
      }
    }
    for (let a = 0; a <= p; a++) {
      for (let b = 0; b < a; b++) hessian[b]![a] = hessian[a]![b]!;
      if (a > 0) {
        gradient[a] = gradient[a]! - l2 * beta[a]!;
        hessian[a]![a] = hessian[a]![a]! + l2;
      }
    }
    if (n === 0) break;
    const step = solve(hessian, gradient);
    let change = 0;
    step.forEach((delta, j) => {
      beta[j] = beta[j]! + delta;
      change = Math.max(change, Math.abs(delta));
    });
    if (change < 1e-9) {
      iterations++;
      break;
    }
  }
  return { intercept: beta[0]!, weights: beta.slice(1), means, sds, iterations };
}

export function predictLogistic(model: LogisticModel, features: readonly number[]): number {
  let z = model.intercept;
  model.weights.forEach((w, j) => {
    z += (w * (features[j]! - model.means[j]!)) / model.sds[j]!;
  });
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian elimination with partial pivoting on a small symmetric positive-definite system. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const size = rhs.length;
  const m = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const diag = m[col]![col]!;
    if (Math.abs(diag) < 1e-300) continue;
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / diag;
      if (factor === 0) continue;
      for (let c = col; c <= size; c++) m[r]![c] = m[r]![c]! - factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-300 ? 0 : row[size]! / row[i]!));
}
