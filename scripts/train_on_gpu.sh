#!/usr/bin/env bash
# Train the GPU presets side by side on one lent GPU (cleanup/training/train.py: gpu, gpu-c5,
# gpu-cont) and pack what comes back. Run from the repository root on the GPU machine, with
# the examples written here beforehand and carried along:
#   cleanup train --preset gpu --write-examples runs/examples-gpu --epochs 12 --workers 2
#   cleanup train --preset gpu-c5 --write-examples runs/examples-gpu-c5 --epochs 12 --workers 2
# That machine's python3 has torch and transformers; cleanup runs from the checkout without
# its word lists (training from stored examples needs neither the corpus nor wordfreq).
# Results go to $OUT (default runs/gpu-out): one log per run, and the best two models in
# parts under 16 MB (scripts/pack_gpu_runs.py); unpack here with
#   cat OUT/models.tar.part-* | tar xf - -C runs/
set -u
export PYTHONUNBUFFERED=1
OUT=${OUT:-runs/gpu-out}
MINUTES=${MINUTES:-8}
mkdir -p "$OUT"
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  python3 -c "import torch, transformers; print('torch', torch.__version__, 'transformers', transformers.__version__, 'cuda', torch.cuda.is_available())"
  nproc; } > "$OUT/machine.txt" 2>&1
cat "$OUT/machine.txt"
for preset in gpu gpu-c5 gpu-cont; do
  python3 -m cleanup.training --preset "$preset" --max-minutes "$MINUTES" > "$OUT/$preset.log" 2>&1 &
done
wait
tail -n 4 "$OUT"/*.log
python3 scripts/pack_gpu_runs.py "$OUT" gpu gpu-c5 gpu-cont
ls -la "$OUT"
