/**
 * Float32 matrix products for the convolution engine, row-major, in the three orientations that
 * im2col training needs. The loops keep the longest contiguous run innermost and accumulate in
 * float64 registers where a dot product is formed (NT), as the other kernels in the engine do.
 */

/** C[M, N] (+)= A[M, K] @ B[K, N]. */
export function gemmNN(M: number, N: number, K: number, A: Float32Array, B: Float32Array, C: Float32Array, accumulate: boolean): void {
  if (!accumulate) C.fill(0, 0, M * N);
  for (let i = 0; i < M; i++) {
    const ci = i * N;
    const ai = i * K;
    for (let k = 0; k < K; k++) {
      const a = A[ai + k];
      if (a === 0) continue; // ReLU outputs and MNIST pixels are often exactly 0
      const bk = k * N;
      for (let j = 0; j < N; j++) C[ci + j] += a * B[bk + j];
    }
  }
}

/** C[K, N] (+)= A[M, K]^T @ B[M, N]: the kernel gradient cols^T @ dY. */
export function gemmTN(M: number, N: number, K: number, A: Float32Array, B: Float32Array, C: Float32Array, accumulate: boolean): void {
  if (!accumulate) C.fill(0, 0, K * N);
  for (let m = 0; m < M; m++) {
    const am = m * K;
    const bm = m * N;
    for (let k = 0; k < K; k++) {
      const a = A[am + k];
      if (a === 0) continue;
      const ck = k * N;
      for (let j = 0; j < N; j++) C[ck + j] += a * B[bm + j];
    }
  }
}

/** C[M, K] = A[M, N] @ B[K, N]^T: the column gradient dY @ W^T. */
export function gemmNT(M: number, N: number, K: number, A: Float32Array, B: Float32Array, C: Float32Array): void {
  for (let i = 0; i < M; i++) {
    const ai = i * N;
    const ci = i * K;
    for (let k = 0; k < K; k++) {
      const bk = k * N;
      let s = 0;
      for (let j = 0; j < N; j++) s += A[ai + j] * B[bk + j];
      C[ci + k] = s;
    }
  }
}
