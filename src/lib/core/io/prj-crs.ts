/** What a Shapefile's .prj (OGC WKT) says about its coordinates. */
export interface PrjCrs {
	/** The coordinate system's own name, e.g. "JGD2011 / Japan Plane Rectangular CS IX" or "GCS_JGD_2011". */
	name: string;
	/** Longitude/latitude in degrees (GEOGCS) rather than metres on a map projection (PROJCS). */
	geographic: boolean;
	/** Degrees on a datum that agrees with WGS84 to within a metre: WGS84, JGD2000, JGD2011. */
	wgs84Compatible: boolean;
}

const COMPATIBLE_DATUM = /WGS[\s_]*(19)?84|JGD[\s_]*20(00|11)|Japanese[\s_]*Geodetic[\s_]*Datum[\s_]*20(00|11)/i;

/**
 * Reads the coordinate system of a .prj file (WKT1, as ESRI and QGIS write it): its name, whether
 * it is geographic, and whether its datum is WGS84, JGD2000 or JGD2011, which the app takes as is.
 * The Tokyo datum (about 400 m off) and projected systems (e.g. the plane rectangular systems in
 * metres) are not compatible. Returns null when the text is not WKT.
 *
 * @example
 * prjCrs('PROJCS["JGD2011 / Japan Plane Rectangular CS IX",GEOGCS["JGD2011",…]]');
 * // { name: 'JGD2011 / Japan Plane Rectangular CS IX', geographic: false, wgs84Compatible: false }
 */
export function prjCrs(wkt: string): PrjCrs | null {
	const match = /^\s*(PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS|COMPD_CS)\s*\[\s*"([^"]*)"/i.exec(wkt);
	if (match === null) return null;
	const geographic = /^GEO/i.test(match[1]);
	const name = match[2];
	return { name, geographic, wgs84Compatible: geographic && (COMPATIBLE_DATUM.test(name) || COMPATIBLE_DATUM.test(datumName(wkt))) };
}

function datumName(wkt: string): string {
	return /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
}
