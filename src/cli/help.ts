/** `cluster-map --help`. */
export const MAIN_HELP = `cluster-map — map industrial clusters of Japanese SMEs from the command line

Usage:
  cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] [--swap-lat-lon] --out OUT
  cluster-map classify --help
  cluster-map compare --firms FIRMS --zones ZONES --outcome COL[,COL…] [options]
  cluster-map compare --help
  cluster-map --help | --version

Commands:
  classify   Decide for every firm which zones contain it, whether it is inside any
             cluster, and (with institutions) which R&D institution is nearest and how far.
  compare    Test whether firms inside the zones innovate more than firms outside, relate
             innovation to distance, communication and subcontracting, fit a regression.

Everything runs on this machine; no file is sent anywhere.
`;

/** `cluster-map classify --help`. */
export const CLASSIFY_HELP = `Usage:
  cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] [--swap-lat-lon] --out OUT

Options:
  --firms FIRMS         Firms: CSV (comma, tab or semicolon; UTF-8 with or without BOM,
                        Shift_JIS/CP932 or EUC-JP, detected) with a header row and coordinate
                        columns named lat/latitude/緯度 and lon/lng/long/longitude/経度 (any case),
                        or a GeoJSON FeatureCollection of Points (.geojson/.json).
  --zones ZONES         Cluster zones: a GeoJSON FeatureCollection of Polygon/MultiPolygon
                        features; a zone's id is the feature id, else properties.id, else
                        properties.name. Or bundled boundaries, offline:
                          district:ota, district:ota,kiryu or district:all — the field-study
                            districts (hitachi, musashimurayama, ota, higashiosaka, kiryu,
                            taito, hamamatsu, suwa, fukui; higashi-osaka, 東大阪… work too),
                            each the union of its member municipalities;
                          municipality:13111 or municipality:13111,13112 — by local government
                            code, 5 digits or 6 with the check digit; zone id = the 5-digit
                            code, name = the municipality's; a designated city's code
                            (22130, 27100) is the union of its wards;
                          prefecture:27 (or prefecture:Osaka, prefecture:大阪府).
                        These are MLIT N03 boundaries of 2021-01-01 (codes changed later, e.g.
                        Hamamatsu's 2024 wards, are not in them), simplified to 1% of the
                        vertices: an edge can be off by up to a few hundred metres, so for
                        firms near a boundary pass a full-resolution N03 file instead.
  --institutions INST   R&D institutions: CSV (id or name column, coordinate columns as for
                        firms) or GeoJSON Points (id as for zones); "bundled" uses the
                        institutions that ship with cluster-map.
  --buffer-km KM        With --institutions: also mark firms within KM kilometres of the
                        nearest institution.
  --out OUT             Output, .csv or .geojson (by extension).
  --swap-lat-lon        Read the CSV's latitude column as longitude and the reverse: the fix
                        when the two were exchanged. Without it, classify says so on stderr
                        when the first rows lie in Japan only the other way round.
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

/** `cluster-map compare --help`. */
export const COMPARE_HELP = `Usage:
  cluster-map compare --firms FIRMS --zones ZONES --outcome COL[,COL…] [--institutions INST]
                      [--group inside|each|zone:ID] [--table comparison|linkage|regression]
                      [--bands 2,5,10,20] [--permutations N] [--seed S] [--format table|csv]

Classifies the firms as cluster-map classify does, then compares survey outcomes between
firms inside and outside the zones and prints one table to stdout (notes go to stderr).

Options:
  --firms FIRMS         Firms with their survey columns (CSV or GeoJSON, as for classify).
  --zones ZONES         Zones (GeoJSON, district:<id>, municipality:<code> or
                        prefecture:<code>, as for classify; bundled boundaries are N03 of
                        2021-01-01 simplified to 1%).
  --outcome COLS        Outcome columns, comma-separated: numbers (counts, employees…) or
                        yes/no answers (yes/no, 1/0, true/false, はい/いいえ, 有/無). Blank cells
                        are missing; unreadable cells are listed by line and counted missing.
  --institutions INST   R&D institutions (as for classify): adds distance to the nearest one.
  --group G             inside  inside any zone vs outside every zone (default)
                        each    each zone vs firms outside every zone
                        zone:ID one zone vs all other firms
  --table T             comparison  n, missing, mean/median/share, difference with 95% CI,
                                    Welch t, Mann–Whitney U, chi-square and Fisher (yes/no),
                                    permutation test, effect sizes (default)
                        linkage     outcome by distance band (needs --institutions), by
                                    communication frequency and by subcontractor status,
                                    each inside vs outside, with 95% intervals
                        regression  OLS (numbers) or logit (yes/no) on inside, log(km + 1),
                                    communication, subcontractor, log(employees) and industry
                                    dummies, robust standard errors
  --bands KM,…          Distance band breaks in km (default 2,5,10,20).
  --permutations N      Permutations of the permutation test (default 10000; 0 skips it).
  --seed S              Seed of the permutation test (default 1): same seed, same p-value.
  --format F            table (default) or csv (every statistic at full precision).
  --communication COL   Communication frequency column (default rd_communication if present):
                        none/yearly/monthly/weekly (or 0–3, 年/月/週…), or any numbers.
  --subcontractor COL   Subcontractor yes/no column (default subcontractor if present).
  --employees COL       Employees column for the size control (default employees).
  --industry COL        Industry column for the dummies (default jsic_medium).
  --min-industry-firms N  Pool industries with fewer than N firms into "other" (regression;
                        default 0, none) — a few firms who all answer alike separate a logit.
  -h, --help            This help.

Exit status: 0 done, 2 unusable input or command line (one message says what to fix),
1 unexpected failure.

Example:
  cluster-map compare --firms firms.csv --zones district:all --institutions bundled \\
    --outcome new_products,patents_3y --permutations 10000 --seed 7
`;
