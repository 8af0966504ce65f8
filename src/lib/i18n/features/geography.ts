/**
 * UI strings of the bundled administrative boundaries (districts, municipalities, prefectures from
 * MLIT N03 of 2021-01-01, 1 % simplified), English and Japanese side by side.
 */
export const geographyEn = {
	'layers.municipalities': 'Municipal boundaries and names (from district zoom)',
	'municipalities.failed': 'Municipal boundaries of prefecture {codes} could not be loaded: {message}',
	'layers.towns': 'Town names (町丁目, from street zoom)',
	'towns.failed': 'Town names of prefecture {codes} could not be loaded.',
	'towns.attribution': 'Town names: 「Geolonia 住所データ」 (CC BY 4.0), based on MLIT 位置参照情報',
	'legend.towns': 'Town names (町丁目 / 大字) are in Japanese, as in the town data',
	'legend.districtBoundary': 'District: its municipalities (N03 of 2021-01-01, 1 % simplified)',
	'legend.municipalities': 'Municipal boundary (N03 of 2021-01-01)',
	'legend.bundledZones': 'Zones from district or municipal boundaries use MLIT N03 of 2021-01-01, simplified to 1 % of the vertices: edges may be off by up to a few hundred metres. For firms near a boundary, load the full-resolution boundary (online).',
	'popup.kind.district': 'Field-study district',
	'popup.kind.municipality': 'Municipality',
	'popup.municipalities': 'Municipalities',
	'popup.prefecture': 'Prefecture',
	'popup.countyOrCity': 'County / city',
	'popup.firmsInside': 'Firms inside',
	'popup.boundary': 'Boundary',
	'popup.boundaryBundled': 'MLIT N03 of 2021-01-01, simplified to 1 % (bundled, offline)',
	'popup.addAsZone': 'Add as zone',
	'popup.addAsReference': 'Add as reference layer',
	'attribution.offline': '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成 (N03 2021-01-01, 1 % simplified)',
	'zones.origin.bundled': ' · N03 of {date}, simplified to {simplification}',
	'reference.code.heading': 'Municipal boundary by code',
	'reference.code.online': 'Full resolution (online N03 file) instead of the bundled 1 % simplification',
	'reference.code.unknown': 'No municipality {code} in the bundled boundaries of {date}: a code created or changed after that date is not in them (Hamamatsu’s 2024 wards: use 22130 for the whole city).',
	'reference.code.bundledFailed': 'The bundled boundaries could not be read: {message}'
} as const;

export const geographyJa: Record<keyof typeof geographyEn, string> = {
	'layers.municipalities': '市区町村の境界と名称（地区の縮尺から）',
	'municipalities.failed': '都道府県 {codes} の市区町村境界を読み込めませんでした：{message}',
	'layers.towns': '町丁目の名称（街区の縮尺から）',
	'towns.failed': '都道府県 {codes} の町丁目名を読み込めませんでした。',
	'towns.attribution': '町丁目名：「Geolonia 住所データ」（CC BY 4.0）、国土交通省 位置参照情報に基づく',
	'legend.towns': '町丁目・大字の名称（住所データのとおり日本語）',
	'legend.districtBoundary': '地区：構成市区町村（N03、2021年1月1日、1% に簡略化）',
	'legend.municipalities': '市区町村境界（N03、2021年1月1日）',
	'legend.bundledZones': '地区・市区町村の境界から作った区域は、国土数値情報 N03（2021年1月1日）を頂点の 1% に簡略化したものです。境界が数百 m ずれることがあります。境界付近の企業には、完全な解像度の境界（オンライン）を読み込んでください。',
	'popup.kind.district': '調査対象地区',
	'popup.kind.municipality': '市区町村',
	'popup.municipalities': '構成市区町村',
	'popup.prefecture': '都道府県',
	'popup.countyOrCity': '郡・政令市',
	'popup.firmsInside': '域内の企業',
	'popup.boundary': '境界',
	'popup.boundaryBundled': '国土数値情報 N03（2021年1月1日）、1% に簡略化（同梱、オフライン）',
	'popup.addAsZone': '区域として追加',
	'popup.addAsReference': '参照レイヤーとして追加',
	'attribution.offline': '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成（N03、2021年1月1日、1% 簡略化）',
	'zones.origin.bundled': '・N03（{date}）、{simplification} に簡略化',
	'reference.code.heading': '団体コードで市区町村境界を読み込む',
	'reference.code.online': '同梱の 1% 簡略化ではなく完全な解像度（オンラインの N03 ファイル）',
	'reference.code.unknown': '同梱の {date} 時点の境界に市区町村 {code} はありません。この日以降に新設・変更されたコードは含まれません（浜松市の 2024 年の区は、市全体なら 22130 を使ってください）。',
	'reference.code.bundledFailed': '同梱の境界を読み込めませんでした：{message}'
};
