/**
 * An import problem worded in the UI language: structured row problems and whole-file errors
 * through the import strings; zone notes keep the geometry check's own (English) sentence.
 */
import { geocodeReason } from './geocode-reason';
import type { ImportProblem } from '$lib/core/io';
import type { ImportFailure } from '$lib/data/import-protocol';
import type { MessageKey, MessageParams } from '$lib/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * @example
 * problemText(problem, settings.t); // 'the latitude “abc” is not a number of degrees (…)'
 */
export function problemText(p: ImportProblem, t: Translate): string {
	const problem = p.problem;
	switch (problem.kind) {
		case 'zone':
			return `${problem.zoneId}: ${problem.message}`;
		case 'ragged':
			return t('import.p.ragged', { cells: problem.cells, expected: problem.expected });
		case 'malformed-quotes':
		case 'not-a-point':
			return t(`import.p.${problem.kind}`);
		case 'missing':
			return t('import.p.missing', { axis: t(`import.axis.${problem.axis}`) });
		case 'unparsable':
			return t('import.p.unparsable', { axis: t(`import.axis.${problem.axis}`), text: problem.text });
		case 'out-of-range':
			return t('import.p.out-of-range', { axis: t(`import.axis.${problem.axis}`), value: String(problem.value) });
		case 'outside-japan':
			return t('import.p.outside-japan', { lat: String(problem.lat), lon: String(problem.lon) });
		case 'duplicate-id':
			return t('import.p.duplicate-id', { id: problem.id, firstLine: problem.firstLine });
		case 'no-id':
			return t('import.p.no-id', { column: problem.column });
		case 'unknown-type':
			return t('import.p.unknown-type', { text: problem.text });
		case 'not-geocoded':
			return geocodeReason(problem.reason, t);
	}
}

/** Where a problem is: "line 7, column “緯度”". */
export function problemPlace(p: ImportProblem, t: Translate): string {
	const line = t('import.problem.where', { line: p.line });
	return p.column === '' ? line : t('import.problem.at', { line, column: t('import.problem.column', { column: p.column }) });
}

/**
 * A file that cannot be imported, in the UI language: file, line and what to do. A failure without
 * a code (not the file's fault) keeps its English text.
 *
 * @example
 * failureText({ file: 'a.csv', code: 'empty', message: 'is empty', text: 'a.csv: is empty.' }, t); // 'a.csv: the file is empty. …'
 */
export function failureText(failure: ImportFailure, t: Translate): string {
	if (!failure.code) return failure.text;
	const params = { ...failure.params };
	if (params.axis === 'latitude' || params.axis === 'longitude') params.axis = t(`import.axis.${params.axis}`);
	const message = t(`import.error.${failure.code}`, params);
	return failure.line === undefined ? t('import.error.at.file', { file: failure.file, message }) : t('import.error.at.line', { file: failure.file, line: failure.line, message });
}
