import * as esbuild from 'esbuild';
import { minifyTemplatesPlugin } from '/work/main/scripts/minify-templates.mjs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const entry = process.argv[2], name = process.argv[3];
const r = await esbuild.build({ bundle:true, metafile:true, format:'esm', target:'es2022', tsconfig:'tsconfig.json', legalComments:'none', minify:true, charset:'utf8', plugins:[minifyTemplatesPlugin], entryPoints:{[name]:entry}, outdir:'/tmp/metaout', splitting:true, chunkNames:`chunks/${name}-[name]-[hash]`, write:true});
const outs = r.metafile.outputs;
const main = Object.keys(outs).find(f=>f.endsWith(`${name}.js`));
const seen = new Set(); const q=[main];
while(q.length){const f=q.pop(); if(seen.has(f)) continue; seen.add(f); for(const i of outs[f].imports) if(i.kind==='import-statement') q.push(i.path);}
const inputs = {};
let tot=0;
for (const f of seen){ const gz=gzipSync(readFileSync(f),{level:9}).length; tot+=gz; console.log(f, outs[f].bytes, gz); for(const [k,v] of Object.entries(outs[f].inputs)) inputs[k]=(inputs[k]??0)+v.bytesInOutput;}
console.log('total gzip', tot);
for (const [k,v] of Object.entries(inputs).sort((a,b)=>b[1]-a[1])) console.log(String(v).padStart(7), k);
