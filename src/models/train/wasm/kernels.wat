;; Float32 SIMD kernels of the fast training engine (src/models/train/network.ts), for Dense
;; layers with many weights (MNIST's 784 x 128). Hand-written; assembled with the npm package
;; wabt by scripts/build-kernels.mjs into kernels-wasm.ts (a test checks the two agree).
;;
;; All pointers are byte offsets into the exported memory, 16-byte aligned; row widths `outW`
;; are multiples of 4 (one v128 holds 4 float32). Zero inputs are skipped: MNIST's pixels are
;; about 80% zeros and a ReLU's outputs about half. Products and sums round to float32 each
;; step, as tfjs' and Keras' float32 kernels do.
(module
  (memory (export "memory") 1)

  ;; out[r, :] = sum over i of x[r, i] * w[i, :], then + b; for r in 0..n.
  ;; x: n x inW, w: inW x outW, b: outW, out: n x outW (row-major float32).
  (func (export "dense_forward")
    (param $x i32) (param $w i32) (param $b i32) (param $out i32)
    (param $n i32) (param $inW i32) (param $outW i32)
    (local $rowBytes i32) (local $r i32) (local $i i32) (local $o i32)
    (local $xp i32) (local $xend i32) (local $orow i32) (local $wrow i32)
    (local $xi f32) (local $xv v128)
    (local.set $rowBytes (i32.shl (local.get $outW) (i32.const 2)))
    (local.set $xp (local.get $x))
    (local.set $orow (local.get $out))
    (local.set $r (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
        (memory.fill (local.get $orow) (i32.const 0) (local.get $rowBytes))
        (local.set $xend (i32.add (local.get $xp) (i32.shl (local.get $inW) (i32.const 2))))
        (local.set $wrow (local.get $w))
        (block $inputsDone
          (loop $inputs
            (br_if $inputsDone (i32.ge_u (local.get $xp) (local.get $xend)))
            (local.set $xi (f32.load (local.get $xp)))
            (if (f32.ne (local.get $xi) (f32.const 0))
              (then
                (local.set $xv (f32x4.splat (local.get $xi)))
                (local.set $o (i32.const 0))
                (loop $outs
                  (v128.store
                    (i32.add (local.get $orow) (local.get $o))
                    (f32x4.add
                      (v128.load (i32.add (local.get $orow) (local.get $o)))
                      (f32x4.mul (local.get $xv) (v128.load (i32.add (local.get $wrow) (local.get $o))))))
                  (local.set $o (i32.add (local.get $o) (i32.const 16)))
                  (br_if $outs (i32.lt_u (local.get $o) (local.get $rowBytes))))))
            (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
            (local.set $wrow (i32.add (local.get $wrow) (local.get $rowBytes)))
            (br $inputs)))
        (local.set $o (i32.const 0))
        (loop $bias
          (v128.store
            (i32.add (local.get $orow) (local.get $o))
            (f32x4.add
              (v128.load (i32.add (local.get $orow) (local.get $o)))
              (v128.load (i32.add (local.get $b) (local.get $o)))))
          (local.set $o (i32.add (local.get $o) (i32.const 16)))
          (br_if $bias (i32.lt_u (local.get $o) (local.get $rowBytes))))
        (local.set $orow (i32.add (local.get $orow) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; dw = x^T @ dy: dw[i, :] = sum over r (ascending) of x[r, i] * dy[r, :].
  ;; x: n x inW, dy: n x outW, dw: inW x outW.
  (func (export "dense_kernel_grad")
    (param $x i32) (param $dy i32) (param $dw i32)
    (param $n i32) (param $inW i32) (param $outW i32)
    (local $rowBytes i32) (local $r i32) (local $o i32)
    (local $xp i32) (local $xend i32) (local $dyrow i32) (local $dwrow i32)
    (local $xi f32) (local $xv v128)
    (local.set $rowBytes (i32.shl (local.get $outW) (i32.const 2)))
    (memory.fill (local.get $dw) (i32.const 0) (i32.mul (local.get $inW) (local.get $rowBytes)))
    (local.set $xp (local.get $x))
    (local.set $dyrow (local.get $dy))
    (local.set $r (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
        (local.set $xend (i32.add (local.get $xp) (i32.shl (local.get $inW) (i32.const 2))))
        (local.set $dwrow (local.get $dw))
        (block $inputsDone
          (loop $inputs
            (br_if $inputsDone (i32.ge_u (local.get $xp) (local.get $xend)))
            (local.set $xi (f32.load (local.get $xp)))
            (if (f32.ne (local.get $xi) (f32.const 0))
              (then
                (local.set $xv (f32x4.splat (local.get $xi)))
                (local.set $o (i32.const 0))
                (loop $outs
                  (v128.store
                    (i32.add (local.get $dwrow) (local.get $o))
                    (f32x4.add
                      (v128.load (i32.add (local.get $dwrow) (local.get $o)))
                      (f32x4.mul (local.get $xv) (v128.load (i32.add (local.get $dyrow) (local.get $o))))))
                  (local.set $o (i32.add (local.get $o) (i32.const 16)))
                  (br_if $outs (i32.lt_u (local.get $o) (local.get $rowBytes))))))
            (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
            (local.set $dwrow (i32.add (local.get $dwrow) (local.get $rowBytes)))
            (br $inputs)))
        (local.set $dyrow (i32.add (local.get $dyrow) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; RMSprop (Keras 3, epsilon inside the square root) over `len` floats (a multiple of 4):
  ;; v = rho * v + (1 - rho) * g^2;  w -= lr * g / sqrt(v + eps).
  (func (export "rmsprop")
    (param $w i32) (param $g i32) (param $v i32) (param $len i32)
    (param $lr f32) (param $rho f32) (param $eps f32)
    (local $p i32) (local $end i32)
    (local $rhoV v128) (local $oneMinusRho v128) (local $lrV v128) (local $epsV v128)
    (local $gv v128) (local $vv v128)
    (local.set $rhoV (f32x4.splat (local.get $rho)))
    (local.set $oneMinusRho (f32x4.splat (f32.sub (f32.const 1) (local.get $rho))))
    (local.set $lrV (f32x4.splat (local.get $lr)))
    (local.set $epsV (f32x4.splat (local.get $eps)))
    (local.set $end (i32.shl (local.get $len) (i32.const 2)))
    (local.set $p (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $p))))
        (local.set $vv
          (f32x4.add
            (f32x4.mul (local.get $rhoV) (v128.load (i32.add (local.get $v) (local.get $p))))
            (f32x4.mul (local.get $oneMinusRho) (f32x4.mul (local.get $gv) (local.get $gv)))))
        (v128.store (i32.add (local.get $v) (local.get $p)) (local.get $vv))
        (v128.store
          (i32.add (local.get $w) (local.get $p))
          (f32x4.sub
            (v128.load (i32.add (local.get $w) (local.get $p)))
            (f32x4.div
              (f32x4.mul (local.get $lrV) (local.get $gv))
              (f32x4.sqrt (f32x4.add (local.get $vv) (local.get $epsV))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $each))))
;; The same two products for output widths that are a multiple of 32, faster: the nonzero inputs
;; are listed first (at $nz: pairs of a row's byte address and the input value), then each block
;; of 32 outputs is summed in 8 registers over that list and stored once. Each sum still starts
;; at 0 and adds the products in the same order, so the results equal the kernels above bit for bit.

  ;; out[r, :] = sum over i of x[r, i] * w[i, :], then + b. $nz: scratch for 2 * inW values.
  (func (export "dense_forward_b32")
    (param $x i32) (param $w i32) (param $b i32) (param $out i32)
    (param $n i32) (param $inW i32) (param $outW i32) (param $nz i32)
    (local $rowBytes i32) (local $r i32) (local $xp i32) (local $xend i32) (local $wrow i32)
    (local $nzEnd i32) (local $p i32) (local $ob i32) (local $wp i32) (local $op i32) (local $bp i32) (local $orow i32)
    (local $xi f32) (local $xv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $rowBytes (i32.shl (local.get $outW) (i32.const 2)))
    (local.set $xp (local.get $x))
    (local.set $orow (local.get $out))
    (local.set $r (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
        ;; the row's nonzero inputs: (address of w's row i, x[r, i])
        (local.set $nzEnd (local.get $nz))
        (local.set $wrow (local.get $w))
        (local.set $xend (i32.add (local.get $xp) (i32.shl (local.get $inW) (i32.const 2))))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_u (local.get $xp) (local.get $xend)))
            (local.set $xi (f32.load (local.get $xp)))
            (if (f32.ne (local.get $xi) (f32.const 0))
              (then
                (i32.store (local.get $nzEnd) (local.get $wrow))
                (f32.store offset=4 (local.get $nzEnd) (local.get $xi))
                (local.set $nzEnd (i32.add (local.get $nzEnd) (i32.const 8)))))
            (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
            (local.set $wrow (i32.add (local.get $wrow) (local.get $rowBytes)))
            (br $gather)))
        (local.set $ob (i32.const 0))
        (loop $blocks
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $a4 (v128.const i32x4 0 0 0 0))
        (local.set $a5 (v128.const i32x4 0 0 0 0))
        (local.set $a6 (v128.const i32x4 0 0 0 0))
        (local.set $a7 (v128.const i32x4 0 0 0 0))
        (local.set $p (local.get $nz))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.ge_u (local.get $p) (local.get $nzEnd)))
            (local.set $wp (i32.add (i32.load (local.get $p)) (local.get $ob)))
            (local.set $xv (f32x4.splat (f32.load offset=4 (local.get $p))))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $xv) (v128.load offset=0 (local.get $wp)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $xv) (v128.load offset=16 (local.get $wp)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $xv) (v128.load offset=32 (local.get $wp)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $xv) (v128.load offset=48 (local.get $wp)))))
            (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $xv) (v128.load offset=64 (local.get $wp)))))
            (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $xv) (v128.load offset=80 (local.get $wp)))))
            (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $xv) (v128.load offset=96 (local.get $wp)))))
            (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $xv) (v128.load offset=112 (local.get $wp)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $sum)))
        (local.set $op (i32.add (local.get $orow) (local.get $ob)))
        (local.set $bp (i32.add (local.get $b) (local.get $ob)))
        (v128.store offset=0 (local.get $op) (f32x4.add (local.get $a0) (v128.load offset=0 (local.get $bp))))
        (v128.store offset=16 (local.get $op) (f32x4.add (local.get $a1) (v128.load offset=16 (local.get $bp))))
        (v128.store offset=32 (local.get $op) (f32x4.add (local.get $a2) (v128.load offset=32 (local.get $bp))))
        (v128.store offset=48 (local.get $op) (f32x4.add (local.get $a3) (v128.load offset=48 (local.get $bp))))
        (v128.store offset=64 (local.get $op) (f32x4.add (local.get $a4) (v128.load offset=64 (local.get $bp))))
        (v128.store offset=80 (local.get $op) (f32x4.add (local.get $a5) (v128.load offset=80 (local.get $bp))))
        (v128.store offset=96 (local.get $op) (f32x4.add (local.get $a6) (v128.load offset=96 (local.get $bp))))
        (v128.store offset=112 (local.get $op) (f32x4.add (local.get $a7) (v128.load offset=112 (local.get $bp))))
        (local.set $ob (i32.add (local.get $ob) (i32.const 128)))
        (br_if $blocks (i32.lt_u (local.get $ob) (local.get $rowBytes))))
        (local.set $orow (i32.add (local.get $orow) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; dw[i, :] = sum over r (ascending) of x[r, i] * dy[r, :]. $nz: scratch for 2 * n values.
  (func (export "dense_kernel_grad_b32")
    (param $x i32) (param $dy i32) (param $dw i32)
    (param $n i32) (param $inW i32) (param $outW i32) (param $nz i32)
    (local $rowBytes i32) (local $xRowBytes i32) (local $i i32) (local $r i32) (local $xp i32) (local $dyrow i32)
    (local $nzEnd i32) (local $p i32) (local $ob i32) (local $wp i32) (local $op i32) (local $dwrow i32)
    (local $xi f32) (local $xv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $rowBytes (i32.shl (local.get $outW) (i32.const 2)))
    (local.set $xRowBytes (i32.shl (local.get $inW) (i32.const 2)))
    (local.set $dwrow (local.get $dw))
    (local.set $i (i32.const 0))
    (block $inputsDone
      (loop $inputs
        (br_if $inputsDone (i32.ge_u (local.get $i) (local.get $inW)))
        ;; the rows where input i is nonzero: (address of dy's row r, x[r, i])
        (local.set $nzEnd (local.get $nz))
        (local.set $xp (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $dyrow (local.get $dy))
        (local.set $r (i32.const 0))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_u (local.get $r) (local.get $n)))
            (local.set $xi (f32.load (local.get $xp)))
            (if (f32.ne (local.get $xi) (f32.const 0))
              (then
                (i32.store (local.get $nzEnd) (local.get $dyrow))
                (f32.store offset=4 (local.get $nzEnd) (local.get $xi))
                (local.set $nzEnd (i32.add (local.get $nzEnd) (i32.const 8)))))
            (local.set $xp (i32.add (local.get $xp) (local.get $xRowBytes)))
            (local.set $dyrow (i32.add (local.get $dyrow) (local.get $rowBytes)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $gather)))
        (local.set $ob (i32.const 0))
        (loop $blocks
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $a4 (v128.const i32x4 0 0 0 0))
        (local.set $a5 (v128.const i32x4 0 0 0 0))
        (local.set $a6 (v128.const i32x4 0 0 0 0))
        (local.set $a7 (v128.const i32x4 0 0 0 0))
        (local.set $p (local.get $nz))
        (block $sumDone
          (loop $sum
            (br_if $sumDone (i32.ge_u (local.get $p) (local.get $nzEnd)))
            (local.set $wp (i32.add (i32.load (local.get $p)) (local.get $ob)))
            (local.set $xv (f32x4.splat (f32.load offset=4 (local.get $p))))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $xv) (v128.load offset=0 (local.get $wp)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $xv) (v128.load offset=16 (local.get $wp)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $xv) (v128.load offset=32 (local.get $wp)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $xv) (v128.load offset=48 (local.get $wp)))))
            (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $xv) (v128.load offset=64 (local.get $wp)))))
            (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $xv) (v128.load offset=80 (local.get $wp)))))
            (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $xv) (v128.load offset=96 (local.get $wp)))))
            (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $xv) (v128.load offset=112 (local.get $wp)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $sum)))
        (local.set $op (i32.add (local.get $dwrow) (local.get $ob)))
        (v128.store offset=0 (local.get $op) (local.get $a0))
        (v128.store offset=16 (local.get $op) (local.get $a1))
        (v128.store offset=32 (local.get $op) (local.get $a2))
        (v128.store offset=48 (local.get $op) (local.get $a3))
        (v128.store offset=64 (local.get $op) (local.get $a4))
        (v128.store offset=80 (local.get $op) (local.get $a5))
        (v128.store offset=96 (local.get $op) (local.get $a6))
        (v128.store offset=112 (local.get $op) (local.get $a7))
        (local.set $ob (i32.add (local.get $ob) (i32.const 128)))
        (br_if $blocks (i32.lt_u (local.get $ob) (local.get $rowBytes))))
        (local.set $dwrow (i32.add (local.get $dwrow) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $inputs))))
)
