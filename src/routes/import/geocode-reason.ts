/**
 * The matcher's reasons (src/lib/core/geocode, English sentences that quote the places in
 * Japanese) in the UI language. Each English pattern has a key; a reason that fits none is shown
 * as the matcher wrote it.
 */
import type { MessageKey, MessageParams } from '$lib/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const PATTERNS: [RegExp, MessageKey][] = [
	[/^the address is empty$/, 'geocode.r.empty'],
	[/^only the prefecture (.+?) was found: the address names no municipality$/, 'geocode.r.prefectureOnlyNoMunicipality'],
	[/^only the prefecture (.+?) was found: no municipality of (.+?) matches (.+)$/, 'geocode.r.prefectureOnly'],
	[/^no prefecture or municipality of Japan matches (.+)$/, 'geocode.r.nothing'],
	[/^the address fits several places \((.+)\): add the prefecture or municipality$/, 'geocode.r.severalPlaces'],
	[/^(.+) is the name of several municipalities \((.+)\): add the prefecture( or city)?$/, 'geocode.r.severalMunicipalities'],
	[/^only the municipality (.+?) was found: the town data has no point for (.+)$/, 'geocode.r.noPoint'],
	[/^only the municipality (.+?) was found: the town data of (.+) is not loaded$/, 'geocode.r.notLoaded'],
	[/^only the municipality (.+?) was found: (.+) fits two towns of (.+) written alike$/, 'geocode.r.twoTowns'],
	[/^only the municipality (.+?) was found: the address names no town$/, 'geocode.r.noTown'],
	[/^only the municipality (.+?) was found: (.+) is not a town of (.+)$/, 'geocode.r.notATown'],
	[/^placed only at (municipality|prefecture) level$/, 'geocode.r.levelOnly']
];

/**
 * @example
 * geocodeReason('only the municipality 大田区 was found: 池上9丁目 is not a town of 大田区', t);
 * // ja: '大田区 までしか見つかりません：池上9丁目 は 大田区 の町丁目にありません'
 */
export function geocodeReason(reason: string, t: Translate): string {
	for (const [pattern, key] of PATTERNS) {
		const m = pattern.exec(reason);
		if (!m) continue;
		if (key === 'geocode.r.levelOnly') return t(key, { a: t(m[1] === 'municipality' ? 'import.locate.level.municipality' : 'import.locate.level.prefecture') });
		return t(key, { a: m[1] ?? '', b: m[2] ?? '', c: m[3] ?? '' });
	}
	return reason;
}
