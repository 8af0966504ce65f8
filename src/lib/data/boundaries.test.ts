import { describe, expect, it } from 'vitest';
import { BOUNDARY_CACHE, BoundaryError, boundaryUrl, loadBoundaryByCode } from './boundaries';

const square = (x: number, y: number) => [
	[
		[x, y],
		[x + 1, y],
		[x + 1, y + 1],
		[x, y + 1],
		[x, y]
	]
];

const n03 = (...geometries: object[]) =>
	JSON.stringify({
		type: 'FeatureCollection',
		features: geometries.map((geometry) => ({ type: 'Feature', properties: { N03_007: 'x' }, geometry }))
	});


/** A stand-in for the network: answers from a table and counts requests. */
function network(files: Record<string, string | number>) {
	const requests: string[] = [];
	const fetcher = (async (input: string | URL | Request) => {
		const url = String(input);
		requests.push(url);
		const body = files[url];
		if (body === undefined) throw new TypeError('Failed to fetch');
		if (typeof body === 'number') return new Response('', { status: body });
		return new Response(body, { status: 200 });
	}) as typeof fetch;
	return { fetcher, requests };
}

/** An in-memory Cache Storage with the two methods the module uses. */
function memoryCaches() {
	const buckets = new Map<string, Map<string, Response>>();
	return {
		buckets,
		open: async (name: string) => {
			const bucket = buckets.get(name) ?? new Map<string, Response>();
			buckets.set(name, bucket);
			return {
				match: async (url: string) => bucket.get(url)?.clone(),
				put: async (url: string, response: Response) => void bucket.set(url, response)
			} as unknown as Cache;
		}
	} as unknown as CacheStorage & { buckets: Map<string, Map<string, Response>> };
}

describe('boundaryUrl', () => {
	it('follows the niiyz/JapanCityGeoJson layout', () => {
		expect(boundaryUrl('27227')).toBe(
			'https://raw.githubusercontent.com/niiyz/JapanCityGeoJson/master/geojson/27/27227.json'
		);
	});
});

describe('loadBoundaryByCode: download and cache', () => {
	it('downloads a file once and answers later requests from the cache', async () => {
		const url = boundaryUrl('22131');
		const { fetcher, requests } = network({ [url]: n03({ type: 'Polygon', coordinates: square(0, 0) }) });
		const store = memoryCaches();
		const first = await loadBoundaryByCode('22131', { fetch: fetcher, caches: store });
		const second = await loadBoundaryByCode('22131', { fetch: fetcher, caches: store });
		expect(requests).toEqual([url]);
		expect(second.geometry).toEqual(first.geometry);
		expect([...(store.buckets.get(BOUNDARY_CACHE)?.keys() ?? [])]).toEqual([url]);
	});

	it('fails with a plain message when offline, on an HTTP error or on a file without polygons', async () => {
		const { fetcher } = network({
			[boundaryUrl('22132')]: 404,
			[boundaryUrl('22133')]: n03({ type: 'Point', coordinates: [0, 0] }),
			[boundaryUrl('22134')]: '<html>',
			[boundaryUrl('22135')]: '{"type":"Feature"}'
		});
		const load = (code: string) =>
			loadBoundaryByCode(code, { fetch: fetcher, caches: memoryCaches() });
		await expect(load('22131')).rejects.toThrow('22131.json could not be downloaded (no connection?)');
		await expect(load('22132')).rejects.toThrow('22132.json: no boundary file for this code');
		await expect(load('22133')).rejects.toThrow('22133.json has no polygon');
		await expect(load('22134')).rejects.toThrow('22134.json is not JSON');
		await expect(load('22135')).rejects.toThrow('22135.json is not a GeoJSON FeatureCollection');
	});

	it('does not cache a download that is not JSON, so it is retried', async () => {
		const url = boundaryUrl('22134');
		const { fetcher, requests } = network({ [url]: '<html>' });
		const store = memoryCaches();
		const load = () => loadBoundaryByCode('22134', { fetch: fetcher, caches: store });
		await expect(load()).rejects.toThrow();
		await expect(load()).rejects.toThrow();
		expect(requests).toEqual([url, url]);
	});
});

describe('loadBoundaryByCode', () => {
	const ota = JSON.stringify({
		type: 'FeatureCollection',
		features: [{ type: 'Feature', properties: { N03_001: '東京都', N03_003: null, N03_004: '大田区', N03_007: '13111' }, geometry: { type: 'Polygon', coordinates: square(139, 35) } }]
	});
	const ward = JSON.stringify({
		type: 'FeatureCollection',
		features: [{ type: 'Feature', properties: { N03_003: '大阪市', N03_004: '北区' }, geometry: { type: 'MultiPolygon', coordinates: [square(135, 34)] } }]
	});

	it('names the municipality from N03 and gives one MultiPolygon', async () => {
		const { fetcher } = network({ [boundaryUrl('13111')]: ota, [boundaryUrl('27127')]: ward });
		expect(await loadBoundaryByCode('13111', { fetch: fetcher, caches: null })).toEqual({ code5: '13111', name: '大田区', geometry: { type: 'MultiPolygon', coordinates: [square(139, 35)] } });
		expect((await loadBoundaryByCode('27127', { fetch: fetcher, caches: null })).name).toBe('大阪市北区');
	});

	it('loads a cached code with no network at all', async () => {
		const store = memoryCaches();
		const online = network({ [boundaryUrl('13111')]: ota });
		const first = await loadBoundaryByCode('13111', { fetch: online.fetcher, caches: store });
		const offline = network({});
		expect(await loadBoundaryByCode('13111', { fetch: offline.fetcher, caches: store })).toEqual(first);
		expect(offline.requests).toEqual([]);
	});

	it('tells offline, a missing file and a broken file apart', async () => {
		const { fetcher } = network({ [boundaryUrl('13999')]: 404, [boundaryUrl('13998')]: 500, [boundaryUrl('13997')]: '[]' });
		const kind = (code: string) =>
			loadBoundaryByCode(code, { fetch: fetcher, caches: null }).then(
				() => null,
				(error: BoundaryError) => [error.name, error.code, error.kind]
			);
		expect(await kind('13111')).toEqual(['BoundaryError', '13111', 'offline']);
		expect(await kind('13999')).toEqual(['BoundaryError', '13999', 'not-found']);
		expect(await kind('13998')).toEqual(['BoundaryError', '13998', 'http']);
		expect(await kind('13997')).toEqual(['BoundaryError', '13997', 'invalid']);
	});
});
