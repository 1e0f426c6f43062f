// ncc emits ESM for an ESM package; GitHub runs dist/index.js directly, so dist/ declares its own module type.
import { writeFileSync } from 'node:fs'
writeFileSync(new URL('../dist/package.json', import.meta.url), JSON.stringify({ type: 'module' }, null, 2) + '\n')
