// Times the reference (face-api 1.7.15 on tfjs 4.22.0, wasm backend by default) on a 358x441 devset ID photo,
// for a ratio against bench/SocialCard.Benchmarks/Faces (BenchmarkDotNet). Median of N runs after warm-up: wall
// time (what BenchmarkDotNet reports) and process CPU time (user+sys; less disturbed when other work shares the core).
// Usage (in this folder): node time-reference.js [backend=wasm|cpu] [runs=30] [photo]
// Run it pinned to one core for a fair comparison: taskset -c 0 node time-reference.js
'use strict';
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const backend = process.argv[2] || 'wasm';
const runs = Number(process.argv[3] || 30);
const devImages = path.resolve(__dirname, '..', '..', '..', 'shared', 'photos', 'devset', 'images');
const photo = process.argv[4] || path.join(devImages, '0458430542.jpg');
const modelDir = path.join(__dirname, 'node_modules', '@vladmandic', 'face-api', 'model');

async function median(fn) {
  for (let i = 0; i < 3; i++) await fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  return { wall: wall[mid], min: wall[0], cpu: cpu[mid] };
}

async function main() {
  await tf.setBackend(backend);
  await tf.ready();
  for (const net of ['tinyFaceDetector', 'faceLandmark68Net', 'faceLandmark68TinyNet', 'faceExpressionNet']) {
    await faceapi.nets[net].loadFromDisk(modelDir);
  }
  const decoded = jpeg.decode(fs.readFileSync(photo), { useTArray: true, formatAsRGBA: false });
  const img = tf.tensor3d(new Int32Array(decoded.data), [decoded.height, decoded.width, 3], 'int32');
  const crop = tf.slice3d(img, [120, 80, 0], [220, 200, 3]);
  const cropInput = await faceapi.toNetInput(crop);
  const results = {};
  for (const size of [160, 224, 352, 416]) {
    results[`Detector${size}`] = await median(async () => {
      const out = await faceapi.nets.tinyFaceDetector.forward(img, size);
      await out.data();
      out.dispose();
    });
  }
  const dense = async (net) => median(async () => {
    const out = faceapi.nets[net].runNet(cropInput);
    await out.data();
    out.dispose();
  });
  results.Landmark68 = await dense('faceLandmark68Net');
  results.Landmark68Tiny = await dense('faceLandmark68TinyNet');
  results.Expression = await dense('faceExpressionNet');
  results.AnalyzeDefault = await median(async () => {
    await faceapi.detectAllFaces(img, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }))
      .withFaceLandmarks().withFaceExpressions();
  });
  const flags = backend === 'wasm'
    ? `, simd ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, threads ${await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')}`
    : '';
  results.Analyze160 = await median(async () => {
    await faceapi.detectAllFaces(img, new faceapi.TinyFaceDetectorOptions({ inputSize: 160, scoreThreshold: 0.45 }))
      .withFaceLandmarks().withFaceExpressions();
  });
  results.Analyze352 = await median(async () => {
    await faceapi.detectAllFaces(img, new faceapi.TinyFaceDetectorOptions({ inputSize: 352, scoreThreshold: 0.45 }))
      .withFaceLandmarks().withFaceExpressions();
  });
  console.log(`backend ${tf.getBackend()}${flags}, ${runs} runs, ms, ${path.basename(photo)} ${decoded.width}x${decoded.height}`);
  console.log(`${'net'.padEnd(16)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'cpu-median'.padStart(11)}`);
  for (const [k, v] of Object.entries(results)) {
    console.log(`${k.padEnd(16)} ${v.wall.toFixed(3).padStart(9)} ${v.min.toFixed(3).padStart(9)} ${v.cpu.toFixed(3).padStart(11)}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
