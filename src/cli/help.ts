/** `cluster-map --help`. */
export const MAIN_HELP = `cluster-map — map industrial clusters of Japanese SMEs from the command line

Usage:
  cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] --out OUT
  cluster-map classify --help
  cluster-map --help | --version

Commands:
  classify   Decide for every firm which zones contain it, whether it is inside any
             cluster, and (with institutions) which R&D institution is nearest and how far.

Everything runs on this machine; no file is sent anywhere.
`;

/** `cluster-map classify --help`. */
export const CLASSIFY_HELP = `Usage:
  cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] --out OUT

Options:
  --firms FIRMS         Firms: CSV (comma, tab or semicolon; UTF-8 with or without BOM,
                        Shift_JIS/CP932 or EUC-JP, detected) with a header row and coordinate
                        columns named lat/latitude/緯度 and lon/lng/long/longitude/経度 (any case),
                        or a GeoJSON FeatureCollection of Points (.geojson/.json).
  --zones ZONES         Cluster zones: a GeoJSON FeatureCollection of Polygon/MultiPolygon
                        features; a zone's id is the feature id, else properties.id, else
                        properties.name. Or a bundled field-study district: district:ota,
                        district:ota,kiryu or district:all (hitachi, musashimurayama, ota,
                        higashiosaka, kiryu, taito, hamamatsu, suwa, fukui). Bundled district
                        zones are APPROXIMATE: circles of each member municipality's land area
                        around its office, not real boundaries.
  --institutions INST   R&D institutions: CSV (id or name column, coordinate columns as for
                        firms) or GeoJSON Points (id as for zones); "bundled" uses the
                        institutions that ship with cluster-map.
  --buffer-km KM        With --institutions: also mark firms within KM kilometres of the
                        nearest institution.
  --out OUT             Output, .csv or .geojson (by extension).
  -h, --help            This help.

Output:
  CSV (UTF-8 with BOM) with every input row and column unchanged, then:
    zone_ids                 ids of all zones containing the firm, ";"-separated, zones-file order
    inside_cluster           true/false
    nearest_institution_id   with --institutions
    nearest_institution_km   with --institutions; great-circle km (sphere of 6371.0088 km),
                             rounded to 3 decimals
    within_buffer            with --buffer-km; true/false
    problem                  why a row's coordinates could not be used (its other computed
                             columns are then empty); empty otherwise
  A cell starting with = + - or @ that is not a plain number is written with a leading '
  so that spreadsheets do not run it as a formula.
  GeoJSON output: Points with the input properties plus the same fields.

  A point on a zone's boundary is inside; holes are outside; zones may overlap.

Exit status: 0 done (rows with problems are kept and counted), 2 unusable input or command
line (one message says what to fix), 1 unexpected failure.

Example:
  cluster-map classify --firms firms.csv --zones district:ota --institutions bundled \\
    --buffer-km 5 --out firms-classified.csv
`;
