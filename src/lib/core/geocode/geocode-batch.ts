/**
 * Geocoding a CSV batch: the address column's cells through the matcher, giving the engine's FirmBatch
 * (points only where the level is at least the one asked for) plus what was found per row.
 */
import type { FirmBatch } from '../io/firm-batch';
import type { CsvBatch } from '../io/read-csv';
import type { RowProblem } from '../io/row-problem';
import { cellText } from '../io/cell-text';
import { recordShapeProblems } from '../io/read-firms-csv';
import type { Geocoder } from './geocoder';
import { GEOCODE_LEVELS, type GeocodeLevel } from './levels';

/** Counts per level, and of addresses that matched nothing. */
export type LevelCounts = Record<GeocodeLevel | 'none', number>;

export const emptyLevelCounts = (): LevelCounts => ({ koaza: 0, town: 0, municipality: 0, prefecture: 0, none: 0 });

/**
 * Geocodes the address column of a batch. Rows whose cells do not line up with the header keep their
 * problem and are not geocoded (their address cell may be another column's).
 *
 * @param options.minLevel the least precise level that gets coordinates (`town` also places `koaza`)
 * @param options.counts incremented per level
 * @example
 * const firms = geocodeCsvBatch(batch, { geocoder, addressColumn: 1, minLevel: 'town', counts });
 */
export function geocodeCsvBatch(
	batch: CsvBatch,
	options: { geocoder: Geocoder; addressColumn: number; minLevel: GeocodeLevel; counts?: LevelCounts }
): FirmBatch {
	const { records, header } = batch;
	const { count, firstCell } = records;
	const width = header.length;
	const column = header[options.addressColumn];
	const worst = GEOCODE_LEVELS.indexOf(options.minLevel);
	const lons = new Float64Array(count).fill(NaN);
	const lats = new Float64Array(count).fill(NaN);
	const found = { lons: new Float64Array(count).fill(NaN), lats: new Float64Array(count).fill(NaN), level: new Array<GeocodeLevel | null>(count).fill(null), match: new Array<string>(count).fill('') };
	const problems: (RowProblem[] | null)[] = new Array(count).fill(null);
	for (let r = 0; r < count; r++) {
		const shape = recordShapeProblems(records, r, width);
		if (shape !== null) {
			problems[r] = shape;
			continue;
		}
		const result = options.geocoder.geocode(cellText(records, firstCell[r] + options.addressColumn));
		found.lons[r] = result.lon;
		found.lats[r] = result.lat;
		found.level[r] = result.level;
		found.match[r] = result.match;
		if (options.counts) options.counts[result.level ?? 'none']++;
		if (result.level !== null && GEOCODE_LEVELS.indexOf(result.level) <= worst) {
			lons[r] = result.lon;
			lats[r] = result.lat;
		} else {
			const reason = result.problem || `placed only at ${result.level} level`;
			problems[r] = [{ kind: 'not-geocoded', column, reason }];
		}
	}
	return {
		columns: header,
		count,
		lons,
		lats,
		problems,
		lines: records.line,
		bytesRead: batch.bytesRead,
		rows: { kind: 'csv', records, delimiter: batch.delimiter },
		info: { format: 'csv', encoding: batch.encoding, delimiter: batch.delimiter, addressColumn: column },
		geocoded: found
	};
}
