import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFirmResultsComputer, type EngineCells } from '../lib/core/firm-results';
import type { Zone } from '../lib/core/model';
import { cellsKey, keepCells, readCells } from './cell-cache';
import { ZoneCache } from './zone-cache';

const temporary = () => mkdtempSync(join(tmpdir(), 'cluster-map-cell-cache-'));

const square = (x: number, y: number, id: string): Zone => ({
	id,
	name: id,
	source: 'drawn',
	geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.5, y], [x + 0.5, y + 0.5], [x, y + 0.5], [x, y]]] }
});
const institutions = [
	{ id: 'a', lon: 139.1, lat: 35.1 },
	{ id: 'b', lon: 139.9, lat: 35.8 }
];

/** The cells of an engine over two zones and two institutions, after `n` points where the two zones' boundaries cross (cells there split as points come). */
function engineCells(n: number): EngineCells {
	const compute = createFirmResultsComputer({ zones: [square(139, 35, 'p'), square(139.3, 35.3, 'q')], institutions });
	const lons = Float64Array.from({ length: n }, (_, i) => 139.49 + ((i * 0.6180339) % 1) * 0.02);
	const lats = Float64Array.from({ length: n }, (_, i) => 35.29 + ((i * 0.4142135) % 1) * 0.02);
	compute(lons, lats);
	return compute.builtCells();
}

describe('the cell cache', () => {
	it('gives back the cells it kept, under their keys', () => {
		const cache = new ZoneCache(temporary());
		const keys = { zones: cellsKey({ zonesKey: 'z' }), institutions: cellsKey({ institutions }) };
		expect(keys.zones).not.toBe(keys.institutions);
		expect(cellsKey({ institutions: [institutions[1], institutions[0]] })).not.toBe(keys.institutions);
		const none = readCells(cache, keys);
		expect(none.built).toEqual({ zones: undefined, institutions: undefined });
		const cells = engineCells(5000);
		keepCells(none.kept, cells);
		const again = readCells(cache, keys);
		expect(again.built).toEqual(structuredClone(cells));
		expect(again.kept.had).toEqual({ zones: cells.zones!.child.length, institutions: cells.institutions!.child.length });
	});

	it('keeps cells again only when they grew by an eighth', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const keys = { zones: cellsKey({ zonesKey: 'z' }) };
		const cells = (n: number): EngineCells => ({
			zones: { grid: new Float64Array(7), source: Float64Array.of(1, 2), child: new Int32Array(n).fill(-1), entryStart: new Uint32Array(n), entryCount: new Uint32Array(n), entries: new Uint32Array(0) }
		});
		const few = cells(800);
		keepCells(readCells(cache, keys).kept, few);
		const path = join(dir, `${keys.zones}.cells`);
		const old = new Date(Date.UTC(2026, 0, 1));
		utimesSync(path, old, old);
		const kept = readCells(cache, keys).kept;
		utimesSync(path, old, old);
		keepCells(kept, few); // the same cells: not written
		expect(statSync(path).mtimeMs).toBe(old.getTime());
		keepCells(kept, cells(900)); // an eighth more, not more than that
		expect(statSync(path).mtimeMs).toBe(old.getTime());
		keepCells(kept, cells(901));
		expect(readCells(cache, keys).built.zones).toEqual(structuredClone(cells(901).zones));
	});

	it('reads a damaged entry as none, and removes it', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const keys = { zones: cellsKey({ zonesKey: 'z' }) };
		const path = join(dir, `${keys.zones}.cells`);
		for (const damage of [
			() => writeFileSync(path, 'hello'),
			() => writeFileSync(path, readFileSync(path).subarray(0, -4)),
			() => {
				const bytes = readFileSync(path);
				bytes[bytes.length - 2] ^= 1;
				writeFileSync(path, bytes);
			}
		]) {
			keepCells(readCells(cache, keys).kept, engineCells(1000));
			damage();
			expect(readCells(cache, keys).built.zones).toBeUndefined();
			expect(existsSync(path)).toBe(false);
		}
	});

	it('keeps the sixteen most recently used entries', () => {
		const dir = temporary();
		const cache = new ZoneCache(dir);
		const cells = engineCells(500);
		for (let i = 0; i < 18; i++) {
			keepCells(readCells(cache, { zones: `k${i}` }).kept, cells);
			const when = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
			utimesSync(join(dir, `k${i}.cells`), when, when);
		}
		expect(readdirSync(dir).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `k${i + 2}.cells`).sort());
	});
});
