/**
 * Writes the firms of the `hotspots` command's tests (run again after changing this file, then
 * `REGEN=1 npx vitest run src/cli/hotspots-cli.test.ts` and review the goldens' diff):
 *
 *   npx tsx src/cli/test/make-hotspots-fixtures.ts
 *
 * src/cli/test/in/hotspots-firms.csv: 400 seeded firms round Kamata (Ota): a tight cluster of
 * metal-products makers (JSIC 24) and machinery makers (26) spread over the district, a few of
 * other industries, and two rows without usable coordinates.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../../lib/core/sample/random';

const HERE = dirname(fileURLToPath(import.meta.url));
const rng = createRandom(20_240_418);
const rows = ['id,name,jsic_medium,lat,lon'];
for (let i = 0; i < 400; i++) {
	const clustered = i < 140;
	const lat = clustered ? 35.562 + rng.normal(0, 0.003) : 35.53 + rng.next() * 0.06;
	const lon = clustered ? 139.716 + rng.normal(0, 0.004) : 139.68 + rng.next() * 0.08;
	const industry = clustered ? (rng.next() < 0.85 ? '24' : '26') : rng.pick([0.2, 0.6, 0.2]) === 0 ? '24' : rng.next() < 0.8 ? '26' : '09';
	rows.push(`F${String(i + 1).padStart(4, '0')},工場${i + 1},${industry},${lat.toFixed(6)},${lon.toFixed(6)}`);
}
rows.push('F0401,座標なし,24,,');
rows.push('F0402,緯度が文字,26,不明,139.7');
writeFileSync(join(HERE, 'in', 'hotspots-firms.csv'), rows.join('\n') + '\n');
