/** `cluster-map --help`. */
export const MAIN_HELP = `cluster-map — map industrial clusters of Japanese SMEs from the command line

Usage:
  cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] [--swap-lat-lon] --out OUT
  cluster-map classify --help
  cluster-map compare --firms FIRMS --zones ZONES --outcome COL[,COL…] [options]
  cluster-map compare --help
  cluster-map geocode --firms FIRMS [--address-column NAME] [--min-level town|municipality|prefecture] --out OUT
  cluster-map geocode --help
  cluster-map hotspots --firms FIRMS [--industry CODE] --cells GRID [--permutations N] [--seed S] --out OUT
  cluster-map hotspots --help
  cluster-map --help | --version

Commands:
  classify   Decide for every firm which zones contain it, whether it is inside any
             cluster, and (with institutions) which R&D institution is nearest and how far.
  compare    Test whether firms inside the zones innovate more than firms outside, relate
             innovation to distance, communication and subcontracting, fit a regression.
  geocode    Place firms by their address (住所), offline, at town (町丁目) level: every
             row kept, with geocode_lon, geocode_lat, geocode_level, geocode_match, problem.
             classify does this itself for a file with addresses and no coordinates.
  hotspots   Count firms per mesh cell or hexagon and find hot and cold spots: Getis–Ord
             Gi* and local Moran's I with permutation p-values, FDR q-values, LISA classes.

Everything runs on this machine; no file is sent anywhere.

Town points: 「Geolonia 住所データ」(CC BY 4.0), based on 国土交通省 位置参照情報.
`;

/** `cluster-map geocode --help`. */
export const GEOCODE_HELP = `Usage:
  cluster-map geocode --firms FIRMS [--address-column NAME] [--min-level LEVEL] [--threads N] --out OUT

Places every firm by its address, offline, on the town (町丁目 / 大字) points that ship with
cluster-map; no address leaves this machine.

Options:
  --firms FIRMS           Firms: CSV (comma, tab or semicolon; UTF-8 with or without BOM,
                          Shift_JIS/CP932, EUC-JP or UTF-16, detected) with a header row.
  --address-column NAME   The address column. Without it, the column named 住所, 所在地,
                          本社所在地, address or addr (any case) is used; several such
                          columns stop with exit status 2, naming them.
  --min-level LEVEL       The least precise level that gets coordinates: town (default; a
                          小字 match counts as town), municipality or prefecture.
  --out OUT               Output, .csv or .geojson (by extension).
  --threads N             N threads (this one and N - 1 workers) read, match and write
                          chunks of a UTF-8 file (default: 1, all on one thread). The
                          output is the same byte for byte whatever N.
  -h, --help              This help.

Addresses are matched in the notations firm lists use: full-width or half-width digits,
一丁目 / 1丁目 / 1-2-3 / 1−2−3 / 1ー2ー3 / 1丁目2番3号 / 1番地の2, a leading 〒 postcode,
spaces anywhere, the prefecture or 郡 left out, designated-city wards (大阪市北区), 大字 and 字,
ヶ/ケ/が, old kanji (髙, 﨑, 邊, 澤, 檜…), a building or floor after the number.

Output:
  CSV (UTF-8 with BOM) with every input row and column unchanged, then:
    geocode_lon, geocode_lat   the point (WGS84) when the level is at least --min-level
    geocode_level              koaza (小字), town (町丁目/大字), municipality, prefecture, or empty
    geocode_match              the address matched: 都道府県 + 市区町村 + 町丁目 [+ 小字]
    problem                    why a row got no coordinates (e.g. "only the municipality 大田区
                               was found: 池上9丁目 is not a town of 大田区"); empty otherwise
  Points are representative points of the town, not of the building: expect a few hundred
  metres of error, more in large rural 大字. Municipality and prefecture points are the town
  point nearest the mean of their towns.
  Formula guard and GeoJSON output as for classify. stderr ends with counts per level.

Exit status: 0 done (rows not placed are kept and counted), 2 unusable input or command line
(e.g. no address column, or several), 1 unexpected failure.

Town points: 「Geolonia 住所データ」(CC BY 4.0), based on 国土交通省 位置参照情報
(https://github.com/geolonia/japanese-addresses).

Example:
  cluster-map geocode --firms docs/examples/firms-addresses-sjis.csv --out firms-geocoded.csv
`;

/** `cluster-map classify --help`. */
export const CLASSIFY_HELP = `Usage:
  cluster-map classify --firms FIRMS --zones ZONES [--institutions INST] [--buffer-km KM] [--swap-lat-lon] --out OUT
                       [--address-column NAME] [--min-level town|municipality|prefecture]
                       [--institution-types TYPE,…] [--institution-fields FIELD,…] [--nearest-by-type]
                       [--threads N]

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
                        institutions that ship with cluster-map, as the app does: 32
                        hand-sourced ones and every university campus of MEXT's 2022 list
                        (文部科学省「大学一覧」), placed by the offline geocoder ("all" is
                        the same).
  --institution-types TYPE[,TYPE…]
                        Only institutions of these types: national-university,
                        public-university, private-university, public-research-institute,
                        national-research-institute, other.
  --institution-fields FIELD[,FIELD…]
                        Only institutions with one of these fields (bundled universities, from
                        their faculties): engineering, science, medicine-health, agriculture,
                        other. Research institutes have no fields. With --institution-types,
                        both apply.
  --nearest-by-type     Also the nearest institution of each type present, as a
                        nearest_<type>_id / nearest_<type>_km pair per type after problem.
  --buffer-km KM        With --institutions: also mark firms within KM kilometres of the
                        nearest institution.
  --out OUT             Output, .csv or .geojson (by extension).
  --swap-lat-lon        Read the CSV's latitude column as longitude and the reverse: the fix
                        when the two were exchanged. Without it, classify says so on stderr
                        when the first rows lie in Japan only the other way round.
  --address-column NAME, --min-level LEVEL
                        A CSV with an address column (住所, 所在地, 本社所在地, address, addr)
                        and no coordinate columns is placed by its addresses first, offline,
                        as cluster-map geocode does (see its --help); one stderr line says so.
                        The geocode_lon, geocode_lat, geocode_level and geocode_match columns
                        come before zone_ids; rows below --min-level (default town) are kept
                        with empty computed columns and the reason in problem.
  --verbose             List every zone repair (without it: the first 20, then a count).
  --threads N           N threads (this one and N - 1 workers) read, classify and write
                        chunks of a UTF-8 CSV; 1: everything on one thread (also the
                        fallback where threads cannot start). Default: for files of 32 MB
                        and more an engine thread reads the zones and institutions while
                        the main thread reads the firms, then classifies them as the main
                        thread writes; smaller ones run on one thread. The output is the
                        same byte for byte whatever N.
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
    nearest_<type>_id, nearest_<type>_km
                             with --nearest-by-type, one pair per type present, in the order
                             above, hyphens as underscores (nearest_national_university_id)
  A cell starting with = + - or @ (also after zero-width characters), a tab or a carriage
  return, and not a plain number, is written with a leading ' so that spreadsheets do not
  run it as a formula.
  GeoJSON output: Points with the input properties plus the same fields.

  A point on a zone's boundary is inside; holes are outside; zones may overlap.

  A zones file is checked once: later runs with the same file (same bytes) reuse its checked
  zones and the index cells earlier runs built (never a firm), kept in
  node_modules/.cache/cluster-map. CLUSTER_MAP_ZONE_CACHE=off reads afresh and keeps nothing.

Exit status: 0 done (rows with problems are kept and counted), 2 unusable input or command
line, or an output that cannot be written (one message says what to fix), 130/143 interrupted
(SIGINT/SIGTERM; nothing is written), 1 unexpected failure.

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

/** `cluster-map hotspots --help`. */
export const HOTSPOTS_HELP = `Usage:
  cluster-map hotspots --firms FIRMS [--industry CODE] --cells mesh1|mesh2|mesh3|mesh4|mesh5|hex:METRES
                       [--permutations N] [--seed S] --out CELLS.csv|CELLS.geojson

Counts the firms in every cell of a grid over the rectangle of cells spanning them (empty cells
included) and tests each cell for hot and cold spots against its queen neighbours.

Options:
  --firms FIRMS         Firms: CSV or GeoJSON points, read as cluster-map classify reads them.
  --industry CODE       Count only firms whose industry column (industry, jsic, jsic_medium,
                        業種, 業種コード…) equals CODE; the rectangle still spans all firms.
  --cells GRID          mesh1 (80 km), mesh2 (10 km), mesh3 (1 km), mesh4 (500 m), mesh5 (250 m):
                        JIS X 0410 mesh, eight neighbours; hex:METRES: hexagons of that side in
                        a local equal-area projection centred on the firms, six neighbours.
  --permutations N      Conditional permutations per cell, 0 to 99,999 (default 9,999; 0 gives
                        the z-scores only).
  --seed S              Seed of the permutations (default 1): same seed, same p-values.
  --out OUT             Output, .csv or .geojson (cell polygons), by extension.
  -h, --help            This help.

Output, one row per cell (rows from the south-west, west to east):
  cell_id             mesh code, or hexagon q<q>r<r> (axial; q0r0 at the centre on stderr)
  firms               firms in the cell
  gi_star_z           Getis–Ord Gi* z, binary weights with the cell itself (spdep localG,
                      include.self, style "B")
  gi_star_p_perm      folded pseudo p of the conditional permutations, GeoDa's and esda's:
                      (min(#≥, #≤) + 1) / (N + 1), one tail; double it for a two-sided p
  gi_star_q           Benjamini–Hochberg q over all cells
  local_moran_i       local Moran's I, row-standardised weights
  local_moran_z       its z under conditional randomisation (spdep localmoran's default,
                      conditional = TRUE)
  local_moran_p_perm  folded pseudo p, as for Gi*
  local_moran_q       Benjamini–Hochberg q
  lisa_class          HH, LL, HL, LH when local_moran_q ≤ 0.05, else "not significant"
  Empty where undefined. stderr: the grid, counts significant by q, Bonferroni and p, and
  warnings when a result means little (few occupied cells, mostly empty grid, lone cells).

Exit status: 0 done, 2 unusable input or command line (one message says what to fix),
1 unexpected failure.

Example:
  cluster-map hotspots --firms firms.csv --cells mesh4 --industry 25 --seed 7 --out hot.geojson
`;
