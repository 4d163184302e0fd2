import { assembleModule, kernelOnMemory, SIMD } from './wasm-simd-assembler';

/**
 * Conv filter gradient as a hand-assembled WebAssembly SIMD kernel on the wasm backend's heap:
 *
 *   dW[kh, kw, ci, co] += Σ_{b, oh, ow} xp[b, oh·sh + kh, ow·sw + kw, ci] · dy[b, oh, ow, co]
 *
 * over a padded input xp (Cin a multiple of 4, Cout of 8). It is a GEMM with a huge contraction
 * (B·Ho·Wo) and a tiny output, which XNNPACK (no K-blocking) runs at a fraction of its speed; here
 * the contraction is blocked by output row, so one row of dy and KH rows of xp stay in L1 while a
 * 4×8 register tile (8 f32x4 accumulators) of dW is updated for every (kh, kw, ci, co) tile.
 */

/** Parameter order of the exported `filterGrad` (all i32; pointers and strides in bytes). */
export const FILTER_GRAD_PARAMS = [
  'x', 'dy', 'out', 'batch', 'outHeight', 'outWidth', 'kh', 'kw', 'cin', 'cout',
  'xRowBytes', 'xImageBytes', 'strideH', 'strideW',
] as const;

const LOCALS = ['b', 'oh', 'i', 'j', 'ci', 'co', 'ow', 'xRow', 'dyRow', 'xk', 'outK', 'o', 'xp', 'dp', 'coutBytes', 'xStepBytes', 'dyRowBytes'] as const;
const D0 = 8;
const D1 = 9;
const S = 10;

/** The module's bytes: imports `env.memory`, exports `filterGrad(FILTER_GRAD_PARAMS…)`. */
export function filterGradModuleBytes(): Uint8Array {
  return assembleModule('filterGrad', FILTER_GRAD_PARAMS, LOCALS, 11, (c) => {
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
                c.get('outK').get('ci').get('coutBytes').mul().add().get('co').const(4).mul().add().set('o');
                for (let r = 0; r < 4; r++) {
                  for (let h = 0; h < 2; h++) {
                    c.get('o');
                    if (r > 0) c.get('coutBytes').const(r).mul().add();
                    c.simd(SIMD.load, 4, h * 16).set(r * 2 + h);
                  }
                }
                c.get('xk').get('ci').const(4).mul().add().set('xp');
                c.get('dyRow').get('co').const(4).mul().add().set('dp');
                c.loop('ow', 'outWidth', 1, () => {
                  c.get('dp').simd(SIMD.load, 4, 0).set(D0);
                  c.get('dp').simd(SIMD.load, 4, 16).set(D1);
                  for (let r = 0; r < 4; r++) {
                    c.get('xp').simd(SIMD.load32Splat, 2, r * 4).set(S);
                    for (let h = 0; h < 2; h++) {
                      c.get(r * 2 + h).get(S).get(h === 0 ? D0 : D1).simd(SIMD.f32x4Mul).simd(SIMD.f32x4Add).set(r * 2 + h);
                    }
                  }
                  c.inc('xp', 'xStepBytes');
                  c.inc('dp', 'coutBytes');
                });
                for (let r = 0; r < 4; r++) {
                  for (let h = 0; h < 2; h++) {
                    c.get('o');
                    if (r > 0) c.get('coutBytes').const(r).mul().add();
                    c.get(r * 2 + h).simd(SIMD.store, 4, h * 16);
                  }
                }
              });
            });
          });
        });
        c.inc('dyRow', 'dyRowBytes');
      });
    });
  });
}

/** The kernel bound to a wasm backend's memory, or null where wasm SIMD is unavailable. */
export const filterGradKernel = kernelOnMemory(filterGradModuleBytes, 'filterGrad');
