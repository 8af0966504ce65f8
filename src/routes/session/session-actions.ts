/**
 * Small pieces of the session panel that need no component: file names, downloads (the firm
 * export's too), and fitting imported zones beside the zones already there.
 */
import type { Zone } from '$lib/core/model';

/**
 * Hands a Blob to the browser as a download (nothing leaves the machine).
 *
 * @example
 * downloadBlob(new Blob([text], { type: 'application/json' }), 'session.json');
 */
export function downloadBlob(blob: Blob, file: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = file;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// The download has its own copy once started; give slow browsers a moment before letting go.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name without its folder and last extension.
 *
 * @example
 * fileStem('firms-sample.csv'); // 'firms-sample'
 */
export function fileStem(file: string): string {
	const base = file.split(/[\\/]/).pop() ?? file;
	const dot = base.lastIndexOf('.');
	return (dot > 0 ? base.slice(0, dot) : base) || 'firms';
}

/**
 * Fits imported zones beside the zones already there. A zone whose id is taken (by a zone on the
 * page or an earlier one in the file) gets a new id: a fresh UUID for a drawn zone, else the id with
 * `-2`, `-3`… added. Drawn zones must also suit the drawing layer, which edits single polygons with
 * ids of 36 characters (terra-draw's rule; its own are UUIDs): a drawn zone with another id gets a UUID, and a drawn MultiPolygon counts as imported.
 *
 * @example
 * withFreeIds([{ id: 'a', … }], new Set(['a'])).zones[0].id; // 'a-2'
 */
export function withFreeIds(zones: readonly Zone[], taken: ReadonlySet<string>, uuid: () => string = () => crypto.randomUUID()): { zones: Zone[]; renamed: number } {
	const used = new Set(taken);
	let renamed = 0;
	const result = zones.map((original) => {
		const zone: Zone = original.source === 'drawn' && original.geometry.type !== 'Polygon' ? { ...original, source: 'imported' } : original;
		let id = zone.id;
		if (used.has(id) || (zone.source === 'drawn' && id.length !== 36)) {
			renamed++;
			if (zone.source === 'drawn') id = uuid();
			else for (let n = 2; used.has(id); n++) id = `${zone.id}-${n}`;
		}
		used.add(id);
		return id === zone.id ? zone : { ...zone, id };
	});
	return { zones: result, renamed };
}
