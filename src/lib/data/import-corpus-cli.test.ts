import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { corpusCases, expectOutcome, FIRMS_FOR_ZONES, ZONES_FOR_FIRMS, type CorpusCase } from '../../../tests/fixtures/import/corpus';

// The import corpus through the command line: `cluster-map classify` with the case's file as
// --firms (or as --zones for boundary files), run in the case's folder so messages name the file
// as the user typed it. The outcome is the exit status, the one-line error (status 2) or the
// summary counts (status 0).

const BIN = join(import.meta.dirname, '../../../bin/cluster-map.js');
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-import-corpus-'));

function classify(c: CorpusCase): Promise<Record<string, unknown>> {
	const [firms, zones] = c.zones ? [FIRMS_FOR_ZONES, c.file] : [c.file, ZONES_FOR_FIRMS];
	const args = [BIN, 'classify', '--firms', firms, '--zones', zones, '--out', join(OUT, `${c.name}.csv`)];
	return new Promise((resolve) => {
		execFile(process.execPath, args, { cwd: c.dir, encoding: 'utf8' }, (error, _stdout, stderr) => {
			const status = error ? ((error as { code?: number }).code ?? 1) : 0;
			const lines = stderr.split('\n').filter((l) => l !== '');
			if (status !== 0) resolve({ status, message: lines[0] ?? '' });
			else resolve({ status, summary: lines.filter((l) => /^(rows read|classified|with problems|zones|warning):|^ {2}\S+ line \d+:|: zone "/.test(l)).map((l) => l.replaceAll(FIRMS_FOR_ZONES, 'FIRMS').replaceAll(ZONES_FOR_FIRMS, 'ZONES')) });
		});
	});
}

describe.each(corpusCases())('import corpus, command line: $name', (c) => {
	it('gives the expected outcome', async () => {
		expectOutcome(c, 'expected-cli.json', await classify(c));
	});
});
