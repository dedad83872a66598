// Times face-api (1.7.15 on tfjs 4.22.0, wasm backend by default) over a list of photos, the way the CLI benchmark
// times `socialcard check`: for each photo detectAllFaces + withFaceLandmarks + withFaceExpressions with face-api's
// default detector options (tinyFaceDetector at 416, threshold 0.5). JPEG decoding (jpeg-js) and the tensor upload are
// left out of the time, so the figure is the networks alone, in face-api's favour.
// Usage (in this folder): node time-photos.js LIST_FILE [backend=wasm] [rounds=1]
//   LIST_FILE: one photo path per line. Prints one line: photos, mean and median wall ms per photo, process CPU ms
//   per photo, total wall s, after one untimed warm-up pass over the first 3 photos.
'use strict';
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const list = process.argv[2];
const backend = process.argv[3] || 'wasm';
const rounds = Number(process.argv[4] || 1);
const modelDir = path.join(__dirname, 'node_modules', '@vladmandic', 'face-api', 'model');

function load(file) {
  const decoded = jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
  return tf.tensor3d(new Int32Array(decoded.data), [decoded.height, decoded.width, 3], 'int32');
}

async function analyse(img) {
  const results = await faceapi.detectAllFaces(img, new faceapi.TinyFaceDetectorOptions())
    .withFaceLandmarks().withFaceExpressions();
  return results.length;
}

async function main() {
  if (!list) throw new Error('usage: node time-photos.js LIST_FILE [backend] [rounds]');
  const files = fs.readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  await tf.setBackend(backend);
  await tf.ready();
  for (const net of ['tinyFaceDetector', 'faceLandmark68Net', 'faceExpressionNet']) {
    await faceapi.nets[net].loadFromDisk(modelDir);
  }
  for (const file of files.slice(0, 3)) {
    const img = load(file);
    await analyse(img);
    img.dispose();
  }
  const wall = [];
  let cpu = 0;
  let faces = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const file of files) {
      const img = load(file);
      const c0 = process.cpuUsage();
      const w0 = process.hrtime.bigint();
      faces += await analyse(img);
      wall.push(Number(process.hrtime.bigint() - w0) / 1e6);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1e3;
      img.dispose();
    }
  }
  const total = Number(process.hrtime.bigint() - t0) / 1e9;
  const sorted = [...wall].sort((a, b) => a - b);
  const mean = wall.reduce((a, b) => a + b, 0) / wall.length;
  console.log(`faceapi backend=${tf.getBackend()} photos=${wall.length} faces=${faces} mean_ms=${mean.toFixed(3)} ` +
    `median_ms=${sorted[Math.floor(sorted.length / 2)].toFixed(3)} cpu_ms=${(cpu / wall.length).toFixed(3)} total_s=${total.toFixed(2)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
