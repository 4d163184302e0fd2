/**
 * A minimal WebAssembly assembler for the SIMD kernels of this folder: one exported function of
 * i32 parameters, i32 and v128 locals, structured loops, and the handful of SIMD opcodes needed.
 * The module imports `env.memory`, so kernels read and write tensors on the wasm backend's heap.
 */

const I32 = 0x7f;
const V128 = 0x7b;

/** SIMD opcodes (after the 0xfd prefix). */
export const SIMD = { load: 0x00, load32Splat: 0x09, store: 0x0b, const: 0x0c, f32x4Add: 0xe4, f32x4Mul: 0xe6, f32x4Max: 0xe9 } as const;

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Function body builder; `P` names the i32 params, `L` the i32 locals, numbers are v128 locals. */
export class Code<P extends string, L extends string> {
  readonly bytes: number[] = [];
  constructor(private readonly params: readonly P[], private readonly locals: readonly L[]) {}
  private index(n: P | L | number): number {
    if (typeof n === 'number') return this.params.length + this.locals.length + n;
    const p = this.params.indexOf(n as P);
    return p >= 0 ? p : this.params.length + this.locals.indexOf(n as L);
  }
  get(n: P | L | number) { this.bytes.push(0x20, ...leb(this.index(n))); return this; }
  set(n: P | L | number) { this.bytes.push(0x21, ...leb(this.index(n))); return this; }
  const(v: number) { this.bytes.push(0x41, ...sleb(v)); return this; }
  add() { this.bytes.push(0x6a); return this; }
  sub() { this.bytes.push(0x6b); return this; }
  mul() { this.bytes.push(0x6c); return this; }
  divU() { this.bytes.push(0x6e); return this; }
  remU() { this.bytes.push(0x70); return this; }
  ltU() { this.bytes.push(0x49); return this; }
  /** Pops a and b, pushes the smaller (i32.lt_u + select). */
  minU(a: P | L, b: P | L) {
    this.get(a).get(b).get(a).get(b).ltU();
    this.bytes.push(0x1b); // select
    return this;
  }
  /** target += value (a local, param or constant). */
  inc(target: L, value: P | L | number, constant = false) {
    this.get(target);
    if (constant) this.const(value as number); else this.get(value as P);
    return this.add().set(target);
  }
  /** for (v = 0; v < limit; v += step) { body } (nothing when limit is 0). */
  loop(v: L, limit: P | L, step: number, body: () => void) {
    this.const(0).set(v);
    this.bytes.push(0x02, 0x40);
    this.get(v).get(limit).bytes.push(0x4f, 0x0d, 0x00); // i32.ge_u; br_if → skip
    this.bytes.push(0x03, 0x40);
    body();
    this.inc(v, step, true);
    this.get(v).get(limit).ltU().bytes.push(0x0d, 0x00, 0x0b, 0x0b);
    return this;
  }
  /** if (cond on stack ≠ 0) { body } */
  when(body: () => void) {
    this.bytes.push(0x04, 0x40);
    body();
    this.bytes.push(0x0b);
    return this;
  }
  simd(op: number, align?: number, offset?: number) {
    this.bytes.push(0xfd, ...leb(op));
    if (align !== undefined) this.bytes.push(...leb(align), ...leb(offset ?? 0));
    return this;
  }
  zeroV128() { this.simd(SIMD.const).bytes.push(...new Array(16).fill(0)); return this; }
}

function section(id: number, body: number[]): number[] {
  return [id, ...leb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...leb(items.length), ...items.flat()];
}

function utf8(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
}

/** Module bytes with one exported function `exportName(params…)` whose body `emit` writes. */
export function assembleModule<P extends string, L extends string>(
  exportName: string, params: readonly P[], locals: readonly L[], v128Locals: number, emit: (c: Code<P, L>) => void,
): Uint8Array {
  const c = new Code(params, locals);
  emit(c);
  c.bytes.push(0x0b);
  const body = [...vec([[...leb(locals.length), I32], [...leb(v128Locals), V128]]), ...c.bytes];
  const type = [0x60, ...leb(params.length), ...params.map(() => I32), 0x00];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([type])),
    ...section(2, vec([[...utf8('env'), ...utf8('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0x00]])),
    ...section(7, vec([[...utf8(exportName), 0x00, 0x00]])),
    ...section(10, vec([[...leb(body.length), ...body]])),
  ]);
}

/** The slice of the WebAssembly JS API used here (the server's TypeScript libs do not declare it). */
export interface WasmMemory { readonly buffer: ArrayBuffer }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export type KernelFn = (...args: number[]) => void;

/** True when this runtime accepts `bytes` (i.e. has wasm SIMD). */
export function validModule(bytes: Uint8Array): boolean {
  return wasmApi.validate(bytes);
}

/**
 * Compiles `bytes` once and instantiates it once per memory; null where the runtime rejects the
 * module (no wasm SIMD), so callers fall back to XNNPACK.
 */
export function kernelOnMemory(bytes: () => Uint8Array, exportName: string): (memory: WasmMemory) => KernelFn | null {
  let module: object | null | undefined;
  const instances = new WeakMap<WasmMemory, KernelFn>();
  return (memory) => {
    if (module === undefined) {
      const b = bytes();
      module = wasmApi.validate(b) ? new wasmApi.Module(b) : null;
    }
    if (module === null) return null;
    let fn = instances.get(memory);
    if (!fn) {
      fn = new wasmApi.Instance(module, { env: { memory } }).exports[exportName] as KernelFn;
      instances.set(memory, fn);
    }
    return fn;
  };
}

/** The wasm backend's memory (emscripten exports it as `asm.memory`), or undefined. */
export function backendMemory(backend: { wasm: unknown }): WasmMemory | undefined {
  return (backend.wasm as { asm?: { memory?: WasmMemory } }).asm?.memory;
}
