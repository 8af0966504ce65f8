// The precision levels of a match, apart from the geocoder so that reading a command line does not
// load the matching code and its tables.

export type GeocodeLevel = 'koaza' | 'town' | 'municipality' | 'prefecture';
/** Most precise first. */
export const GEOCODE_LEVELS: readonly GeocodeLevel[] = ['koaza', 'town', 'municipality', 'prefecture'];
/** The least precise level placed by default: a firm needs at least its town. */
export const DEFAULT_MIN_LEVEL: GeocodeLevel = 'town';
