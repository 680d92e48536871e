import * as esbuild from 'esbuild';
import { minifyTemplatesPlugin } from '/work/main/scripts/minify-templates.mjs';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const r = await esbuild.build({ bundle:true, format:'esm', target:'es2022', tsconfig:'tsconfig.json', legalComments:'none', minify:true, charset:'utf8', plugins:[minifyTemplatesPlugin], entryPoints:{x:entry}, outdir:'/tmp/an', splitting:true, metafile:true, write:true, chunkNames:'c-[name]-[hash]'});
for (const [file, out] of Object.entries(r.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const isStatic = file.endsWith('/x.js') || (r.metafile.outputs['/tmp/an/x.js'.replace('/tmp/','tmp/')]?.imports||[]).some(i=>i.path===file && i.kind==='import-statement');
  console.log('\n==', file, out.bytes, isStatic?'STATIC':'');
  const ins = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,25);
  for (const [i, v] of ins) console.log('  ', v.bytesInOutput, i);
}
console.log(JSON.stringify(r.metafile.outputs['tmp/an/x.js']?.imports));
