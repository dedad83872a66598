// Reference outputs of @vladmandic/face-api 1.7.15 (tfjs 4.22.0, cpu backend) for the SocialCard.Faces exactness tests.
// Usage (in this folder): npm install && node make-fixtures.js [outDir]
// Writes, per photo, <name>.rgb.gz (the jpeg-js-decoded pixels: raw RGB24 rows, each byte replaced by its difference
// mod 256 to the same channel of the pixel to its left -- the PNG 'Sub' filter, first pixel of a row kept -- then gzip) and <name>.json (boxes, scores,
// 68 points from both landmark nets, expression probabilities, and raw tensors), plus index.json.
// Both sides therefore see identical pixels: the C# tests read the .rgb.gz, not the JPEG.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const jpeg = require('jpeg-js');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const here = __dirname;
const repo = path.resolve(here, '..', '..');
const outDir = path.resolve(process.argv[2] || path.join(repo, 'tests', 'SocialCard.Faces.Tests', 'Data', 'FaceApiReference'));
const modelDir = path.join(here, 'node_modules', '@vladmandic', 'face-api', 'model');
const devset = path.resolve(repo, '..', 'shared', 'photos', 'devset');
const originals = path.join(devset, 'originals');
const devImages = path.join(devset, 'images');

// Five small originals (different people, both collections), one 358x441 devset photo, and the package's 3-face demo.
const photos = [
  { name: 'voteview_020501', file: path.join(originals, 'voteview_020501.jpg') },
  { name: 'voteview_021735', file: path.join(originals, 'voteview_021735.jpg') },
  { name: 'voteview_021178', file: path.join(originals, 'voteview_021178.jpg') },
  { name: 'frl_london_013', file: path.join(originals, 'frl_london_013.jpg') },
  { name: 'voteview_021333', file: path.join(originals, 'voteview_021333.jpg') },
  { name: 'devset_0458430542', file: path.join(devImages, '0458430542.jpg') },
  { name: 'devset_1748655754', file: path.join(devImages, '1748655754.jpg') },
  { name: 'sample1', file: path.join(here, 'node_modules', '@vladmandic', 'face-api', 'demo', 'sample1.jpg') },
];
const inputSizes = [224, 320, 416];
const scoreThreshold = 0.5;
const rawPhoto = 'devset_0458430542'; // raw tensors for this one
const classes = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];

const r = (v) => Number(v); // full double precision of the float32 values
const boxJson = (b) => ({ x: r(b.x), y: r(b.y), width: r(b.width), height: r(b.height) });
const pointsJson = (lm) => lm.positions.map((p) => [r(p.x), r(p.y)]);

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68TinyNet.loadFromDisk(modelDir);
  await faceapi.nets.faceExpressionNet.loadFromDisk(modelDir);
  fs.mkdirSync(outDir, { recursive: true });
  const index = { generator: 'tools/face-reference/make-fixtures.js', faceApi: '1.7.15', tfjs: tf.version_core,
    backend: tf.getBackend(), scoreThreshold, inputSizes, expressionClasses: classes, photos: [] };

  for (const photo of photos) {
    const decoded = jpeg.decode(fs.readFileSync(photo.file), { useTArray: true, formatAsRGBA: false });
    const { width, height } = decoded;
    const rgb = Buffer.from(decoded.data.buffer, decoded.data.byteOffset, width * height * 3);
    fs.writeFileSync(path.join(outDir, `${photo.name}.rgb.gz`), zlib.gzipSync(subFilter(rgb, width, height), { level: 9 }));
    const img = tf.tensor3d(new Int32Array(rgb), [height, width, 3], 'int32');

    const result = { name: photo.name, source: path.basename(photo.file), width, height, rgb: `${photo.name}.rgb.gz`, runs: [] };
    for (const inputSize of inputSizes) {
      const options = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold });
      const full = await faceapi.detectAllFaces(img, options).withFaceLandmarks().withFaceExpressions();
      const tiny = await faceapi.detectAllFaces(img, options).withFaceLandmarks(true);
      const faces = full.map((f, i) => ({
        box: boxJson(f.detection.box),
        score: r(f.detection.score),
        landmarks: pointsJson(f.landmarks),
        landmarksTiny: tiny[i] ? pointsJson(tiny[i].landmarks) : null,
        expressions: classes.map((c) => r(f.expressions[c])),
      }));
      result.runs.push({ inputSize, faces });
    }

    if (photo.name === rawPhoto) {
      result.raw = await rawTensors(img, width, height);
    }
    img.dispose();
    fs.writeFileSync(path.join(outDir, `${photo.name}.json`), JSON.stringify(result, null, 1));
    index.photos.push(photo.name);
    console.log(photo.name, width, height, result.runs.map((run) => `${run.inputSize}:${run.faces.length}`).join(' '));
  }
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 1));
}

// Intermediate tensors of one photo: detector output grid (inputSize 416, before decoding), and for the first face the
// landmark-net fc outputs (68 and tiny, before post-processing) and the expression logits (before softmax).
async function rawTensors(img, width, height) {
  const inputSize = 416;
  const grid = await faceapi.nets.tinyFaceDetector.forward(img, inputSize);
  const raw = { detectorInputSize: inputSize, detectorGridShape: grid.shape, detectorGrid: Array.from(await grid.data()) };
  grid.dispose();
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold });
  const det = await faceapi.detectAllFaces(img, options).withFaceLandmarks();
  const face = det[0];
  const [crop] = await faceapi.extractFaceTensors(img, [face.detection]);
  raw.landmarkCrop = { width: crop.shape[1], height: crop.shape[0] };
  const fc68 = faceapi.nets.faceLandmark68Net.runNet(await faceapi.toNetInput(crop));
  raw.landmark68Fc = Array.from(await fc68.data());
  const fcTiny = faceapi.nets.faceLandmark68TinyNet.runNet(await faceapi.toNetInput(crop));
  raw.landmark68TinyFc = Array.from(await fcTiny.data());
  const aligned = face.landmarks.align();
  const [exprCrop] = await faceapi.extractFaceTensors(img, [aligned]);
  const logits = faceapi.nets.faceExpressionNet.runNet(await faceapi.toNetInput(exprCrop));
  raw.expressionLogits = Array.from(await logits.data());
  raw.expressionCrop = { width: exprCrop.shape[1], height: exprCrop.shape[0] };
  tf.dispose([crop, fc68, fcTiny, exprCrop, logits]);
  return raw;
}

// PNG 'Sub' filter per row on RGB24: d[i] = (p[i] - p[i-3]) & 255 for all but the first pixel of each row.
function subFilter(rgb, width, height) {
  const out = Buffer.alloc(rgb.length);
  const stride = width * 3;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      out[row + i] = i < 3 ? rgb[row + i] : (rgb[row + i] - rgb[row + i - 3]) & 255;
    }
  }
  return out;
}

main().catch((e) => { console.error(e); process.exit(1); });
