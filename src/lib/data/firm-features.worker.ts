/// <reference lib="webworker" />
/**
 * Makes the map's firm features as GeoJSON text off the main thread and answers with a Blob, which
 * the page hands to MapLibre as a URL: no firm becomes an object on the page.
 */
import { firmFeaturesText, type FirmPoints } from './firm-features';

export type FirmFeaturesRequest = { id: number; points: FirmPoints };
export type FirmFeaturesReply = { id: number; blob: Blob };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<FirmFeaturesRequest>) => {
	const { id, points } = event.data;
	const reply: FirmFeaturesReply = { id, blob: new Blob(firmFeaturesText(points), { type: 'application/geo+json' }) };
	scope.postMessage(reply);
};
