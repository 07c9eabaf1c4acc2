// JavaScript reference for bench/run_solver_bench.sh: npm's `munkres` (the
// Hungarian method, plain JavaScript) on a dense matrix written by
// `solver_bench gen` (.npy, float64 or int64, square or rectangular).
//   node munkres_ref.mjs <file.npy> <reps>
// prints "munkres <warm seconds> <objective> <cold seconds>": cold = the first
// call of the process, warm = best of the following reps (call only; the
// array-of-arrays input is built outside the timing, like scipy's).
import { readFileSync } from "node:fs";
import { munkres } from "munkres";

function readNpy(path) {
  const buf = readFileSync(path);
  const headerLen = buf.readUInt16LE(8);
  const header = buf.toString("latin1", 10, 10 + headerLen);
  const shape = header.match(/'shape': \((\d+), (\d+)\)/).slice(1).map(Number);
  const descr = header.match(/'descr': '([^']+)'/)[1];
  const off = 10 + headerLen;
  const bytes = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + buf.length);
  const flat = descr === "<i8" ? Array.from(new BigInt64Array(bytes), Number) : new Float64Array(bytes);
  return { rows: shape[0], cols: shape[1], flat };
}

const [path, repsArg] = process.argv.slice(2);
const reps = Number(repsArg || 1);
const { rows, cols, flat } = readNpy(path);
// munkres minimises: cost = -score.
const cost = [];
for (let r = 0; r < rows; ++r) {
  const row = new Array(cols);
  for (let c = 0; c < cols; ++c) row[c] = -flat[r * cols + c];
  cost.push(row);
}
let pairs;
let t0 = performance.now();
pairs = munkres(cost);
const cold = (performance.now() - t0) / 1000;
let warm = Infinity;
for (let k = 0; k < reps; ++k) {
  t0 = performance.now();
  pairs = munkres(cost);
  warm = Math.min(warm, (performance.now() - t0) / 1000);
}
if (!Number.isFinite(warm)) warm = cold;
let objective = 0;
for (const [r, c] of pairs) objective += flat[r * cols + c];
console.log(`munkres ${warm.toFixed(6)} ${objective.toPrecision(17)} ${cold.toFixed(6)}`);
