/**
 * UI strings of reference layers and of municipal boundaries loaded by code, English and Japanese
 * side by side (en.ts and ja.ts merge them).
 */
export const referenceEn = {
	'reference.heading': 'Reference layers',
	'reference.polygons': 'polygons: {count}',
	'reference.remove': 'Remove',
	'reference.removeLabel': 'Remove the reference layer {name}',
	'reference.note': 'Outlines for orientation; firms are not classified by them. Click a polygon to make it a zone.',
	'reference.code.label': 'Local government code',
	'reference.code.hint': '5 digits (13111) or 6 with the check digit (131113)',
	'reference.code.as': 'Add as',
	'reference.code.asReference': 'reference layer',
	'reference.code.asZone': 'zone',
	'reference.code.load': 'Load',
	'reference.code.loading': 'Downloading the boundary of {code}…',
	'reference.code.loaded': '{name} ({code}) added.',
	'reference.code.format': '“{text}” is not a municipality code: type 5 digits (13111) or 6 with the check digit (131113).',
	'reference.code.prefecture': '“{text}” does not start with a prefecture number from 01 to 47.',
	'reference.code.prefecture-only': '“{text}” is the code of a prefecture, not of a municipality: type the code of a city, ward, town or village.',
	'reference.code.check-digit': 'The last digit of {text} is wrong: for {code5} it must be {digit} ({expected}). Check the code, or type its first 5 digits only.',
	'reference.code.offline': 'The boundary of {code} could not be downloaded (offline, or the source did not answer). Everything else works without it; try again when online.',
	'reference.code.not-found': 'No boundary file for code {code}. The source has none for it: a designated city is split into its wards (use a ward code), or the code is not a municipality’s.',
	'reference.code.invalid': 'The boundary file for {code} could not be read: {message}',
	'popup.kind.reference': 'Reference polygon',
	'popup.referenceLayer': 'Layer',
	'popup.makeZone': 'Make a zone from this polygon'
} as const;

export const referenceJa: Record<keyof typeof referenceEn, string> = {
	'reference.heading': '参照レイヤー',
	'reference.polygons': '{count} 個のポリゴン',
	'reference.remove': '削除',
	'reference.removeLabel': '参照レイヤー {name} を削除',
	'reference.note': '位置の目安となる輪郭です。企業の判定には使いません。ポリゴンをクリックすると区域にできます。',
	'reference.code.label': '全国地方公共団体コード',
	'reference.code.hint': '5 桁（13111）またはチェックディジット付きの 6 桁（131113）',
	'reference.code.as': '追加先',
	'reference.code.asReference': '参照レイヤー',
	'reference.code.asZone': '区域',
	'reference.code.load': '読み込む',
	'reference.code.loading': '{code} の境界をダウンロードしています…',
	'reference.code.loaded': '{name}（{code}）を追加しました。',
	'reference.code.format': '「{text}」は団体コードではありません。5 桁（13111）か、チェックディジット付きの 6 桁（131113）を入力してください。',
	'reference.code.prefecture': '「{text}」の先頭 2 桁が都道府県コード（01〜47）ではありません。',
	'reference.code.prefecture-only': '「{text}」は都道府県のコードです。市区町村のコードを入力してください。',
	'reference.code.check-digit': '{text} の最後の桁（チェックディジット）が違います。{code5} なら {digit}（{expected}）です。コードを確かめるか、先頭 5 桁だけを入力してください。',
	'reference.code.offline': '{code} の境界をダウンロードできませんでした（オフライン、または配信元が応答しません）。境界がなくても他の機能は使えます。オンラインのときにもう一度お試しください。',
	'reference.code.not-found': 'コード {code} の境界ファイルはありません。政令指定都市は区ごとのファイルです（区のコードを使ってください）。または市区町村のコードではありません。',
	'reference.code.invalid': '{code} の境界ファイルを読めませんでした：{message}',
	'popup.kind.reference': '参照ポリゴン',
	'popup.referenceLayer': 'レイヤー',
	'popup.makeZone': 'このポリゴンを区域にする'
};
