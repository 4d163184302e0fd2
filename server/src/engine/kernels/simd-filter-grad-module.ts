/**
 * A hand-assembled WebAssembly SIMD kernel for the conv filter gradient, working directly on the
 * wasm backend's heap (it imports the backend's memory):
 *
 *   dW[kh, kw, ci, co] += Σ_{b, oh, ow} xp[b, oh·sh + kh, ow·sw + kw, ci] · dy[b, oh, ow, co]
 *
 * over a padded input xp (Cin a multiple of 4, Cout of 8). It is a GEMM with a huge contraction
 * (B·Ho·Wo) and a tiny output, which XNNPACK (no K-blocking) runs at a fraction of its speed; here
 * the contraction is blocked by output row, so one row of dy and KH rows of xp stay in L1 while a
 * 4×8 register tile (8 f32x4 accumulators) of dW is updated for every (kh, kw, ci, co) tile.
 */

const I32 = 0x7f;
const V128 = 0x7b;

/** Parameter order of the exported `filterGrad` (all i32; pointers and strides in bytes). */
export const FILTER_GRAD_PARAMS = [
  'x', 'dy', 'out', 'batch', 'outHeight', 'outWidth', 'kh', 'kw', 'cin', 'cout',
  'xRowBytes', 'xImageBytes', 'strideH', 'strideW',
] as const;
type Param = (typeof FILTER_GRAD_PARAMS)[number];

const LOCALS = ['b', 'oh', 'i', 'j', 'ci', 'co', 'ow', 'xRow', 'dyRow', 'xk', 'outK', 'o', 'xp', 'dp', 'coutBytes', 'xStepBytes', 'dyRowBytes'] as const;
type Local = (typeof LOCALS)[number];
const ACCS = 8;

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

class Code {
  readonly bytes: number[] = [];
  private index(name: Param | Local | number): number {
    if (typeof name === 'number') return FILTER_GRAD_PARAMS.length + LOCALS.length + name; // accumulators, then d0, d1, s
    const p = FILTER_GRAD_PARAMS.indexOf(name as Param);
    return p >= 0 ? p : FILTER_GRAD_PARAMS.length + LOCALS.indexOf(name as Local);
  }
  get(n: Param | Local | number) { this.bytes.push(0x20, ...leb(this.index(n))); return this; }
  set(n: Param | Local | number) { this.bytes.push(0x21, ...leb(this.index(n))); return this; }
  const(v: number) { this.bytes.push(0x41, ...sleb(v)); return this; }
  add() { this.bytes.push(0x6a); return this; }
  mul() { this.bytes.push(0x6c); return this; }
  ltU() { this.bytes.push(0x49); return this; }
  /** local = a + b (locals/params/constants). */
  sum(target: Param | Local, a: Param | Local | number, b: Param | Local | number, constant = false) {
    this.get(a as Param);
    if (constant) this.const(b as number); else this.get(b as Param);
    return this.add().set(target);
  }
  /** for (v = 0; v < limit; v += step) { body } — body runs at least once only when limit > 0. */
  loop(v: Local, limit: Param, step: number | Param, body: () => void) {
    this.const(0).set(v);
    this.bytes.push(0x02, 0x40); // block
    this.get(v).get(limit).bytes.push(0x4f, 0x0d, 0x00); // i32.ge_u; br_if 0 (skip when empty)
    this.bytes.push(0x03, 0x40); // loop
    body();
    this.get(v);
    if (typeof step === 'number') this.const(step); else this.get(step);
    this.add().set(v);
    this.get(v).get(limit).ltU().bytes.push(0x0d, 0x00); // br_if 0 (continue)
    this.bytes.push(0x0b, 0x0b); // end loop, end block
    return this;
  }
  simd(op: number, align?: number, offset?: number) {
    this.bytes.push(0xfd, ...leb(op));
    if (align !== undefined) this.bytes.push(...leb(align), ...leb(offset ?? 0));
    return this;
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...leb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...leb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
}

/** The module's bytes: imports `env.memory`, exports `filterGrad(FILTER_GRAD_PARAMS…)`. */
export function filterGradModuleBytes(): Uint8Array {
  const c = new Code();
  const D0 = ACCS;
  const D1 = ACCS + 1;
  const S = ACCS + 2;
  // byte strides
  c.get('cout').const(4).mul().set('coutBytes');
  c.get('strideW').get('cin').mul().const(4).mul().set('xStepBytes');
  c.get('outWidth').get('coutBytes').mul().set('dyRowBytes');
  c.get('dy').set('dyRow');
  c.loop('b', 'batch', 1, () => {
    c.loop('oh', 'outHeight', 1, () => {
      // xRow = x + b·xImageBytes + oh·strideH·xRowBytes
      c.get('x').get('b').get('xImageBytes').mul().add().get('oh').get('strideH').mul().get('xRowBytes').mul().add().set('xRow');
      c.loop('i', 'kh', 1, () => {
        c.loop('j', 'kw', 1, () => {
          // xk = xRow + i·xRowBytes + j·cin·4 ; outK = out + (i·kw + j)·cin·coutBytes
          c.get('xRow').get('i').get('xRowBytes').mul().add().get('j').get('cin').mul().const(4).mul().add().set('xk');
          c.get('out').get('i').get('kw').mul().get('j').add().get('cin').mul().get('coutBytes').mul().add().set('outK');
          c.loop('ci', 'cin', 4, () => {
            c.loop('co', 'cout', 8, () => {
              // o = outK + ci·coutBytes + co·4
              c.get('outK').get('ci').get('coutBytes').mul().add().get('co').const(4).mul().add().set('o');
              for (let r = 0; r < 4; r++) {
                for (let h = 0; h < 2; h++) {
                  c.get('o');
                  if (r > 0) c.get('coutBytes').const(r).mul().add();
                  c.simd(0x00, 4, h * 16).set(r * 2 + h); // v128.load
                }
              }
              c.get('xk').get('ci').const(4).mul().add().set('xp');
              c.get('dyRow').get('co').const(4).mul().add().set('dp');
              c.loop('ow', 'outWidth', 1, () => {
                c.get('dp').simd(0x00, 4, 0).set(D0);
                c.get('dp').simd(0x00, 4, 16).set(D1);
                for (let r = 0; r < 4; r++) {
                  c.get('xp').simd(0x09, 2, r * 4).set(S); // v128.load32_splat
                  for (let h = 0; h < 2; h++) {
                    c.get(r * 2 + h).get(S).get(h === 0 ? D0 : D1).simd(0xe6).simd(0xe4).set(r * 2 + h); // acc += s·d
                  }
                }
                c.sum('xp', 'xp', 'xStepBytes');
                c.sum('dp', 'dp', 'coutBytes');
              });
              for (let r = 0; r < 4; r++) {
                for (let h = 0; h < 2; h++) {
                  c.get('o');
                  if (r > 0) c.get('coutBytes').const(r).mul().add();
                  c.get(r * 2 + h).simd(0x0b, 4, h * 16); // v128.store
                }
              }
            });
          });
        });
      });
      c.sum('dyRow', 'dyRow', 'dyRowBytes');
    });
  });
  c.bytes.push(0x0b); // end function

  const locals = [[...leb(LOCALS.length), I32], [...leb(ACCS + 3), V128]];
  const body = [...vec(locals), ...c.bytes];
  const type = [0x60, ...leb(FILTER_GRAD_PARAMS.length), ...FILTER_GRAD_PARAMS.map(() => I32), 0x00];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([type])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0x00]])),
    ...section(7, vec([[...name('filterGrad'), 0x00, 0x00]])),
    ...section(10, vec([[...leb(body.length), ...body]])),
  ]);
}

export type FilterGradFn = (...args: number[]) => void;

/** The slice of the WebAssembly JS API used here (the server's TypeScript libs do not declare it). */
export interface WasmMemory { readonly buffer: ArrayBuffer }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const instances = new WeakMap<WasmMemory, FilterGradFn>();

/** The kernel bound to `memory` (compiled once per memory), or null where wasm SIMD is unavailable. */
export function filterGradKernel(memory: WasmMemory): FilterGradFn | null {
  const cached = instances.get(memory);
  if (cached) return cached;
  const bytes = filterGradModuleBytes();
  if (!wasmApi.validate(bytes)) return null;
  const instance = new wasmApi.Instance(new wasmApi.Module(bytes), { env: { memory } });
  const fn = instance.exports.filterGrad as FilterGradFn;
  instances.set(memory, fn);
  return fn;
}
