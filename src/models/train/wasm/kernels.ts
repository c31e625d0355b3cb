/**
 * The SIMD kernels of kernels.wat, and an arena: float32 buffers inside the kernels' memory, so
 * the kernels work on the network's own arrays without copying. The arena's size is fixed when
 * it is made (growing the memory would detach every view), so a network using it has a fixed
 * batch capacity.
 */

interface KernelExports {
  memory: WebAssembly.Memory;
  dense_forward(x: number, w: number, b: number, out: number, n: number, inW: number, outW: number): void;
  dense_kernel_grad(x: number, dy: number, dw: number, n: number, inW: number, outW: number): void;
  dense_forward_b32(x: number, w: number, b: number, out: number, n: number, inW: number, outW: number, nz: number): void;
  dense_kernel_grad_b32(x: number, dy: number, dw: number, n: number, inW: number, outW: number, nz: number): void;
  rmsprop(w: number, g: number, v: number, len: number, lr: number, rho: number, eps: number): void;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** undefined: not loaded yet; null: no WebAssembly SIMD here (the engine then stays in JS). */
let compiled: WebAssembly.Module | null | undefined;
let loading: Promise<boolean> | null = null;

/**
 * Loads and compiles the kernels (their bytes are a separate chunk, so the first page load does
 * not fetch them). `train` and `evaluateRecipe` await this; until it has resolved, networks run
 * in plain TypeScript. Resolves to whether WebAssembly SIMD is available.
 */
export function loadKernels(): Promise<boolean> {
  loading ??= import('./kernels-wasm').then(
    async ({ KERNELS_WASM_BASE64 }) => {
      try {
        const bytes = decodeBase64(KERNELS_WASM_BASE64);
        compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? await WebAssembly.compile(bytes) : null;
      } catch {
        compiled = null;
      }
      return compiled !== null;
    },
    () => {
      compiled = null;
      return false;
    },
  );
  return loading;
}

function kernelModule(): WebAssembly.Module | null {
  return compiled ?? null;
}

const PAGE = 65536;

/** Fixed-size float32 memory with the kernels that work on it. */
export class KernelArena {
  private readonly k: KernelExports;
  private readonly heap: Float32Array;
  private next = 0;
  /** Byte address and size (in 8-byte entries) of the scratch list of nonzero inputs. */
  private readonly scratch: number;
  private readonly scratchEntries: number;

  private constructor(k: KernelExports, floats: number, scratchEntries: number) {
    this.k = k;
    const need = Math.ceil((floats * 4 + scratchEntries * 8) / PAGE) + 1;
    const have = k.memory.buffer.byteLength / PAGE;
    if (need > have) k.memory.grow(need - have);
    this.heap = new Float32Array(k.memory.buffer);
    this.scratchEntries = scratchEntries;
    this.scratch = this.alloc(scratchEntries * 2).byteOffset;
  }

  /**
   * An arena for `floats` float32 values in all (allocations are rounded up to 4), plus a scratch
   * list of `scratchEntries` nonzero inputs (at least the widest input and the largest batch), or
   * null without SIMD.
   */
  static create(floats: number, scratchEntries: number): KernelArena | null {
    const mod = kernelModule();
    if (!mod) return null;
    const instance = new WebAssembly.Instance(mod, {});
    return new KernelArena(instance.exports as unknown as KernelExports, floats + scratchEntries * 2 + 4, scratchEntries);
  }

  /** Floats an allocation of `n` takes (16-byte aligned). */
  static size(n: number): number {
    return Math.ceil(n / 4) * 4;
  }

  /** A zeroed float32 buffer of `n` values inside the arena (16-byte aligned). */
  alloc(n: number): Float32Array {
    const size = KernelArena.size(n);
    if (this.next + size > this.heap.length) throw new Error('Internal error: the kernel arena is full.');
    const view = this.heap.subarray(this.next, this.next + n);
    this.next += size;
    return view;
  }

  /** True when `a` lives in this arena. */
  owns(a: Float32Array): boolean {
    return a.buffer === this.heap.buffer;
  }

  /** out = x @ w + b (n rows); outW a multiple of 4. `blocked: false` forces the simple kernel (tests). */
  denseForward(x: Float32Array, w: Float32Array, b: Float32Array, out: Float32Array, n: number, inW: number, outW: number, blocked = true): void {
    if (blocked && outW % 32 === 0 && inW <= this.scratchEntries) {
      this.k.dense_forward_b32(x.byteOffset, w.byteOffset, b.byteOffset, out.byteOffset, n, inW, outW, this.scratch);
    } else {
      this.k.dense_forward(x.byteOffset, w.byteOffset, b.byteOffset, out.byteOffset, n, inW, outW);
    }
  }

  /** dw = x^T @ dy (n rows); outW a multiple of 4. */
  denseKernelGrad(x: Float32Array, dy: Float32Array, dw: Float32Array, n: number, inW: number, outW: number, blocked = true): void {
    if (blocked && outW % 32 === 0 && n <= this.scratchEntries) {
      this.k.dense_kernel_grad_b32(x.byteOffset, dy.byteOffset, dw.byteOffset, n, inW, outW, this.scratch);
    } else {
      this.k.dense_kernel_grad(x.byteOffset, dy.byteOffset, dw.byteOffset, n, inW, outW);
    }
  }

  /** RMSprop over whole arrays; the padding up to a multiple of 4 stays zero. */
  rmsprop(w: Float32Array, g: Float32Array, v: Float32Array, lr: number, rho: number, eps: number): void {
    this.k.rmsprop(w.byteOffset, g.byteOffset, v.byteOffset, KernelArena.size(w.length), lr, rho, eps);
  }
}
