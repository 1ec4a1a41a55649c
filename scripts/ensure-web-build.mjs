// `npm start` serves the web app from apps/web/dist; build it once on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../apps/web/dist/index.html', import.meta.url))) {
  console.log('Building the web app (first start only)…');
  execSync('npm run build -w @linli/web', { stdio: 'inherit' });
}
