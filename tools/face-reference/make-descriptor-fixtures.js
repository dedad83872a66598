// Reference face descriptors of @vladmandic/face-api 1.7.15 (tfjs 4.22.0, cpu backend) for the SocialCard.Faces
// face-recognition exactness tests. Usage (in this folder): npm install && node make-descriptor-fixtures.js [outDir]
// Per photo: the face square (the tiny detector's box at 416, widened to a square) resized by tfjs to the net's
// 150x150 input and rounded to bytes, written as <name>.rgb.gz (PNG 'Sub'-filtered rows, then gzip, as in
// make-fixtures.js), and the 128 descriptor values the net computes from exactly those bytes, in index.json.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const jpeg = require('jpeg-js');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const tf = faceapi.tf;
const here = __dirname;
const repo = path.resolve(here, '..', '..');
const outDir = path.resolve(process.argv[2] || path.join(repo, 'tests', 'SocialCard.Faces.Tests', 'Data', 'FaceRecognitionReference'));
const modelDir = path.join(here, 'node_modules', '@vladmandic', 'face-api', 'model');
const devset = path.resolve(repo, '..', 'shared', 'photos', 'devset');
const originals = path.join(devset, 'originals');
const size = 150;

// Four people, one of them twice (two photos of the same person), both collections.
const photos = [
  { name: 'frl_london_013', file: path.join(originals, 'frl_london_013.jpg') },
  { name: 'voteview_020501', file: path.join(originals, 'voteview_020501.jpg') },
  { name: 'voteview_021178', file: path.join(originals, 'voteview_021178.jpg') },
  { name: 'devset_0458430542', file: path.join(devset, 'images', '0458430542.jpg') },
];

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

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  fs.mkdirSync(outDir, { recursive: true });
  const index = { generator: 'tools/face-reference/make-descriptor-fixtures.js', faceApi: '1.7.15', tfjs: tf.version_core,
    backend: tf.getBackend(), inputSize: size, photos: [] };
  for (const photo of photos) {
    const decoded = jpeg.decode(fs.readFileSync(photo.file), { useTArray: true, formatAsRGBA: false });
    const { width, height } = decoded;
    const img = tf.tensor3d(new Int32Array(decoded.data.subarray(0, width * height * 3)), [height, width, 3], 'int32');
    const found = await faceapi.detectSingleFace(img, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }));
    const b = found.box;
    const side = Math.round(Math.max(b.width, b.height));
    const x = Math.max(0, Math.min(width - side, Math.round(b.x + (b.width - side) / 2)));
    const y = Math.max(0, Math.min(height - side, Math.round(b.y + (b.height - side) / 2)));
    const input = tf.tidy(() => tf.image.resizeBilinear(img.slice([y, x, 0], [side, side, 3]).toFloat(), [size, size]).round().clipByValue(0, 255).toInt());
    const rgb = Buffer.from(await input.data());
    const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
    fs.writeFileSync(path.join(outDir, `${photo.name}.rgb.gz`), zlib.gzipSync(subFilter(rgb, size, size), { level: 9 }));
    index.photos.push({ name: photo.name, source: path.basename(photo.file), crop: [x, y, side], rgb: `${photo.name}.rgb.gz`,
      descriptor: Array.from(descriptor, Number) });
    input.dispose();
    img.dispose();
  }
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 1));
}

main().catch((e) => { console.error(e); process.exit(1); });
