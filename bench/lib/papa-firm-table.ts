/**
 * The app's loader of the bundled sample before it was read by the engine's reader: Papa Parse on
 * the whole text at once, then every row checked. Kept outside the app as a naive baseline
 * (bench/import.bench.ts) and as an outside reference for the engine's reader on the bundled
 * sample (src/lib/data/read-firm-table.test.ts).
 */
import Papa from 'papaparse';
import { codeColumn, codeCounts, type FirmTable, type TableProblem } from '../../src/lib/core/firm-table';
import { packRows } from '../../src/lib/core/io/packed-rows';
import { jsicMediumCode } from '../../src/lib/i18n/jsic';

/** Columns without which a firm cannot be drawn. */
const REQUIRED_COLUMNS = ['id', 'lat', 'lon'] as const;

/**
 * Parses the CSV text of a firm sample. Rows with a missing or out-of-range coordinate are not
 * placed but reported in `problems`; a missing required column throws a message naming the file.
 *
 * @example
 * const sample = papaFirmTable('id,lat,lon,jsic_medium\nF1,35.56,139.71,26\n', { file: 'firms.csv' });
 * sample.rows.count // → 1
 */
export function papaFirmTable(text: string, options: { file: string }): FirmTable {
	const { file } = options;
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
	const [header = [], ...data] = parsed.data;
	const columns = header.map((name) => name.trim());
	const col = (name: string) => columns.indexOf(name);
	const missing = REQUIRED_COLUMNS.filter((name) => col(name) < 0);
	if (missing.length > 0) {
		throw new Error(
			`${file}: line 1 has no column ${missing.map((m) => `"${m}"`).join(', ')}; ` +
				`the header must name the columns ${REQUIRED_COLUMNS.join(', ')}.`
		);
	}
	const latAt = col('lat');
	const lonAt = col('lon');
	const industryAt = col('jsic_medium');
	const rows: string[][] = [];
	const lon: number[] = [];
	const lat: number[] = [];
	const industry: string[] = [];
	const problems: TableProblem[] = [];

	data.forEach((row, index) => {
		const line = index + 2;
		if (row.length !== columns.length) {
			problems.push({
				line,
				column: '',
				message: `${file}: line ${line} has ${row.length} fields but the header has ${columns.length}; check for an unquoted comma.`
			});
			return;
		}
		const y = Number(row[latAt]);
		const x = Number(row[lonAt]);
		const bad = coordinateProblem(row[latAt], y, 90) ? 'lat' : coordinateProblem(row[lonAt], x, 180) ? 'lon' : null;
		if (bad) {
			const value = bad === 'lat' ? row[latAt] : row[lonAt];
			problems.push({
				line,
				column: bad,
				message: `${file}: line ${line}, column "${bad}": "${value}" is not a decimal degree; write it like 35.5614 (WGS84).`
			});
			return;
		}
		const code = industryAt >= 0 ? (jsicMediumCode(row[industryAt]) ?? '') : '';
		rows.push(row);
		lon.push(x);
		lat.push(y);
		industry.push(code);
	});

	for (const error of parsed.errors) {
		// Papa reports quote errors per data row (0-based, header included).
		const line = (error.row ?? 0) + 1;
		problems.push({ line, column: '', message: `${file}: line ${line}: ${error.message}.` });
	}

	const industryColumn = codeColumn(industry);
	return {
		file,
		columns,
		rows: packRows(rows),
		lon: Float64Array.from(lon),
		lat: Float64Array.from(lat),
		industry: industryColumn,
		industryCounts: codeCounts(industryColumn),
		problems
	};
}

function coordinateProblem(text: string, value: number, limit: number): boolean {
	return text.trim() === '' || !Number.isFinite(value) || Math.abs(value) > limit;
}
