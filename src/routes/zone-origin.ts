/**
 * One line saying where a zone came from and with which parameters, for the zone list: every
 * source is the same kind of zone to the classifier, but the user should see how each was made.
 */
import type { ClusterStability } from '$lib/core/detect/stability';
import type { Zone } from '$lib/core/model';
import { formatNumber, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** The date and simplification of a zone made from the bundled boundaries, else nothing. */
function vintage(p: Record<string, unknown>, t: Translate): string {
	return typeof p.boundaryDate === 'string' && typeof p.simplification === 'string' ? t('zones.origin.bundled', { date: p.boundaryDate, simplification: p.simplification }) : '';
}

/**
 * @example
 * zoneOrigin({ source: 'buffer', parameters: { radiusKm: 3, institutionIds: ['a', 'b'] }, … }, t, 'en');
 * // → 'Buffer: 3 km round 2 institutions'
 */
export function zoneOrigin(zone: Zone, t: Translate, lang: Lang): string {
	const p = zone.parameters ?? {};
	const number = (value: unknown, digits = 1) => (typeof value === 'number' ? formatNumber(lang, value, { maximumFractionDigits: digits }) : '?');
	switch (zone.source) {
		case 'drawn':
			return t('zones.origin.drawn');
		case 'district':
			return t('zones.origin.district', { count: count(p.municipalities) }) + vintage(p, t);
		case 'municipality':
			return t('zones.origin.municipality', { code: text(p.municipality) }) + vintage(p, t);
		case 'buffer':
			return t('zones.origin.buffer', { km: number(p.radiusKm), count: count(p.institutionIds) });
		case 'detected':
			if (p.method === 'dbscan') {
				const origin = t('zones.origin.dbscan', { eps: number(p.epsMetres, 0), minPts: number(p.minPts, 0) });
				const stable = p.stability as Partial<ClusterStability> | undefined;
				if (typeof stable?.toMetres !== 'number' || typeof stable.fromMetres !== 'number') return origin;
				// The ladder's ends are open: the cluster may persist beyond them.
				const low = (stable.openBelow ? '≤' : '') + number(stable.toMetres, 0);
				const high = (stable.openAbove ? '≥' : '') + number(stable.fromMetres, 0);
				return origin + t('zones.origin.dbscanStable', { low, high });
			}
			if (p.method === 'kde-threshold') return t('zones.origin.kde', { bandwidth: number(p.bandwidthMetres, 0) });
			return t('zones.origin.detected', { method: text(p.method) });
		case 'imported':
			return p.file ? t('zones.origin.importedFrom', { file: text(p.file) }) : t('zones.origin.imported');
	}
}
