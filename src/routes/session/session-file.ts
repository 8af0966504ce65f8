/**
 * The session file: zones, analysis settings, imported R&D institutions, reference layers and a
 * reference to the firm dataset, in a versioned JSON schema. The firms themselves stay out of it (they may be confidential and large); the
 * reference lets a later load warn when the page shows other firms than the session was made with.
 */
import type { FeatureCollection } from 'geojson';
import { InputError } from '$lib/core/io/input-error';
import type { Zone } from '$lib/core/model';
import type { ImportedInstitutions } from '$lib/data/import-institutions';
import type { DatasetRef } from '$lib/data/persist';
import type { ReferenceLayer } from '$lib/data/reference-layers';
import { readSessionInstitutions, readSessionReferences } from './session-layers';
import { zonesFromGeoJson, zonesToGeoJson } from './zones-geojson';

export const SESSION_FORMAT = 'cluster-map-session';
export const SESSION_VERSION = 1;

/** Settings that change results or what is shown; the UI language stays the reader's own. */
export interface SessionSettings {
	bufferKm: number;
	basemap?: string;
	layers?: Record<string, boolean>;
}

export interface SessionFileV1 {
	format: typeof SESSION_FORMAT;
	version: 1;
	savedAt: string;
	dataset: DatasetRef | null;
	settings: SessionSettings;
	zones: FeatureCollection;
	/** Imported institutions (null: the bundled ones). Absent in files saved before they were kept. */
	institutions?: ImportedInstitutions | null;
	references?: readonly ReferenceLayer[];
}

/** A session as the app uses it. */
export interface SessionContent {
	zones: Zone[];
	settings: SessionSettings;
	dataset: DatasetRef | null;
	/** Absent: the file does not say (an older file), so what the page shows stays. */
	institutions?: ImportedInstitutions | null;
	references?: readonly ReferenceLayer[];
}

/**
 * The JSON of a session file.
 *
 * @example
 * const text = JSON.stringify(sessionToFile({ zones, settings: { bufferKm: 5 }, dataset }), null, 1);
 */
export function sessionToFile(content: SessionContent, options: { now?: Date } = {}): SessionFileV1 {
	return {
		format: SESSION_FORMAT,
		version: SESSION_VERSION,
		savedAt: (options.now ?? new Date()).toISOString(),
		dataset: content.dataset,
		settings: content.settings,
		zones: zonesToGeoJson(content.zones),
		...(content.institutions !== undefined && { institutions: content.institutions }),
		...(content.references !== undefined && { references: content.references })
	};
}

/**
 * Reads and checks a session file's text.
 *
 * @throws InputError naming the file and the field that is wrong, or saying that the file comes
 * from a newer version of the app
 * @example
 * const { zones, settings, dataset } = readSessionFile(await file.text(), { file: file.name });
 */
export function readSessionFile(text: string, options: { file: string }): SessionContent {
	const { file } = options;
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const detail = (error as Error).message;
		throw new InputError(file, `is not JSON (${detail})`, { hint: 'Choose a session file saved by the app (.json).', code: 'session-invalid-json', params: { detail } });
	}
	if (!isObject(value) || value.format !== SESSION_FORMAT) {
		throw new InputError(file, `is not a session file (its "format" is not "${SESSION_FORMAT}")`, {
			hint: 'Choose a session file saved by the app.',
			code: 'not-session-file',
			params: { format: SESSION_FORMAT }
		});
	}
	const version = value.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		throw new InputError(file, `has the version ${JSON.stringify(version)}, not a whole number from 1`);
	}
	if (version > SESSION_VERSION) {
		throw new InputError(file, `was saved by a newer version of the app (session format ${version}; this one reads up to ${SESSION_VERSION})`, {
			hint: 'Update the app to open it.',
			code: 'session-too-new',
			params: { version, supported: SESSION_VERSION }
		});
	}
	const settings = readSettings(value.settings, file);
	const dataset = readDataset(value.dataset, file);
	const zones = isObject(value.zones) && Array.isArray(value.zones.features) && value.zones.features.length === 0 ? [] : zonesFromGeoJson(value.zones, { file: `${file} (zones)` });
	const content: SessionContent = { zones, settings, dataset };
	if (value.institutions !== undefined) content.institutions = readSessionInstitutions(value.institutions, file);
	if (value.references !== undefined) content.references = readSessionReferences(value.references, file);
	return content;
}

function readSettings(value: unknown, file: string): SessionSettings {
	if (!isObject(value)) throw new InputError(file, 'has no "settings" object');
	const { bufferKm, basemap, layers } = value;
	if (typeof bufferKm !== 'number' || !(bufferKm > 0) || !Number.isFinite(bufferKm)) {
		throw new InputError(file, `has "settings.bufferKm" ${JSON.stringify(bufferKm)}, not a distance in km above 0`);
	}
	const settings: SessionSettings = { bufferKm };
	if (basemap !== undefined) {
		if (typeof basemap !== 'string') throw new InputError(file, '"settings.basemap" is not text');
		settings.basemap = basemap;
	}
	if (layers !== undefined) {
		if (!isObject(layers) || !Object.values(layers).every((v) => typeof v === 'boolean')) {
			throw new InputError(file, '"settings.layers" is not an object of true/false values');
		}
		settings.layers = layers as Record<string, boolean>;
	}
	return settings;
}

function readDataset(value: unknown, file: string): DatasetRef | null {
	if (value === null || value === undefined) return null;
	const ok =
		isObject(value) &&
		typeof value.file === 'string' &&
		typeof value.rows === 'number' &&
		Number.isInteger(value.rows) &&
		value.rows >= 0 &&
		typeof value.sha256 === 'string' &&
		/^[0-9a-f]{64}$/.test(value.sha256) &&
		typeof value.bundled === 'boolean';
	if (!ok) throw new InputError(file, '"dataset" is not { file, rows, sha256 (64 hex digits), bundled }');
	return { file: value.file as string, rows: value.rows as number, sha256: value.sha256 as string, bundled: value.bundled as boolean };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
