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
)
