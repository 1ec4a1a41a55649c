/**
 * `npm run openapi`: regenerates docs/openapi.json and packages/contracts/src/generated/openapi.ts from the
 * code. `npm run openapi:check` (CI): renders into a temporary directory and exits 1, naming the files, when
 * the committed ones differ — a changed route schema must come with its regenerated contract.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { differences, FILES, generate, ROOT } from '../openapi/document.ts';

const check = process.argv.includes('--check');
const rendered = await generate();
const into = check ? mkdtempSync(join(tmpdir(), 'linli-openapi-')) : ROOT;
for (const [k, rel] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
  mkdirSync(dirname(join(into, rel)), { recursive: true });
  writeFileSync(join(into, rel), rendered[k]);
}
if (!check) {
  console.log(`wrote ${Object.values(FILES).join(', ')}`);
} else {
  const differ = await differences(rendered);
  if (differ.length) {
    console.error(
      `The OpenAPI contract is out of date: ${differ.join(', ')} differ from the code (fresh copies in ${into}).\nRun \`npm run openapi\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`OpenAPI contract up to date (${Object.values(FILES).join(', ')}).`);
}
