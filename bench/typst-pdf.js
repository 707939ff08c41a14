#!/usr/bin/env node
// typst-pdf.js IN.typ OUT.pdf FONTDIR - Typst 0.14 through @myriaddreamin/typst-ts-node-compiler
// (installed by bench/run into bench/node_modules). Prints "pages N" on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const [input, output, fonts] = process.argv.slice(2);
if (!input || !output || !fonts) {
  console.error('usage: typst-pdf.js IN.typ OUT.pdf FONTDIR');
  process.exit(2);
}
const { NodeCompiler } = require(path.join(__dirname, 'node_modules/@myriaddreamin/typst-ts-node-compiler'));
const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(input)),
  fontArgs: [{ fontPaths: [path.resolve(fonts)] }],
});
const res = compiler.compile({ mainFilePath: path.resolve(input) });
const diag = res.takeDiagnostics();
if (!res.result) {
  console.error('typst: compile failed', diag ? JSON.stringify(compiler.fetchDiagnostics(diag)).slice(0, 2000) : '');
  process.exit(1);
}
const pdf = compiler.pdf(res.result);
fs.writeFileSync(output, pdf);
const m = pdf.toString('latin1').match(/\/Type\s*\/Pages[^]*?\/Count\s+(\d+)/);
console.log('pages ' + (m ? m[1] : '?'));
