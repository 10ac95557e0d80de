#!/usr/bin/env node
'use strict';
// The command line: `npx profile-provenance <command> --help`. Runs the compiled library.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const main = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('profile-provenance: the library is not built yet; run `npm run build` (or `npm run reproduce`) first');
  process.exit(2);
}
require(main).main(process.argv).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  },
);
