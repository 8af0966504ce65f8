/**
 * Reads the bundled synthetic firm sample (static/generated/firms-sample.csv) into columns the
 * map can draw: positions as typed arrays, the industry code per firm, and every original row
 * verbatim (packed) for popups. Pure: runs in the loader worker and in unit tests.
 */
import Papa from 'papaparse';
import { codeColumn, codeCounts, REQUIRED_COLUMNS, type FirmTable, type TableProblem } from '$lib/core/firm-table';
import { packRows } from '$lib/core/io/packed-rows';
import { jsicMediumCode } from '$lib/i18n/jsic';

/**
 * Parses the CSV text of a firm sample. Rows with a missing or out-of-range coordinate are not
 * placed but reported in `problems`; a missing required column throws a message naming the file.
 *
 * @example
 * const sample = parseFirmSample('id,lat,lon,jsic_medium\nF1,35.56,139.71,26\n', { file: 'firms.csv' });
 * sample.rows.count // → 1
 */
export function parseFirmSample(text: string, options: { file: string }): FirmTable {
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
