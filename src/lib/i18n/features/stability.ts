/**
 * UI strings of membership stability (density panel, map key, comparison, export), English and
 * Japanese side by side (en.ts and ja.ts merge them); Japanese must have exactly the English keys.
 */
export const stabilityEn = {
	'stability.heading': 'Membership stability',
	'stability.help':
		'Runs the detection again under every combination of the settings below and gives each firm in view the share of settings under which it lies in a detected zone (inside_stability, 0–1).',
	'stability.axes.dbscan': 'eps {eps} m × minPts {minPts}',
	'stability.axes.threshold': 'bandwidth {bandwidth} × {by} {values}',
	'stability.axes.defaultBandwidth': '½, ¾, 1, 1½, 2 × the default',
	'stability.by.level': 'level (firms/km²)',
	'stability.by.percentile': 'percentile',
	'stability.run': 'Run stability',
	'stability.cancel': 'Cancel',
	'stability.clear': 'Clear',
	'stability.progress': 'Settings done: {done} of {total}',
	'stability.failed': 'Stability could not be computed: {message}',
	'stability.result': 'Of {count} firms in the run ({settings} settings):',
	'stability.inside': 'stably inside (≥ 90 % of settings): {count}',
	'stability.outside': 'stably outside (≤ 10 %): {count}',
	'stability.uncertain': 'uncertain: {count}',
	'stability.stale': 'Made with other settings than the detection now shows; run again to update.',
	'stability.colour': 'Colour firms by stability',
	'stability.key.low': 'never inside',
	'stability.key.high': 'always inside',
	'compare.grouping.stability': 'Stably inside vs stably outside (uncertain left out)',
	'compare.grouping.stabilityNone': 'Run membership stability in the density panel first.',
	'compare.band.caption': 'Sensitivity band: each outcome’s inside − outside difference under every setting of the stability run ({settings} settings, {method})',
	'compare.band.outcome': 'Outcome',
	'compare.band.current': 'Difference (this comparison)',
	'compare.band.range': 'Range across the grid',
	'compare.band.method.dbscan': 'DBSCAN eps × minPts',
	'compare.band.method.kde-threshold': 'density bandwidth × threshold'
};

export const stabilityJa: Record<keyof typeof stabilityEn, string> = {
	'stability.heading': '内外判定の安定性',
	'stability.help':
		'下の設定のすべての組み合わせで検出をやり直し、表示範囲の各企業について、検出区域の内側に入る設定の割合（inside_stability、0〜1）を求めます。',
	'stability.axes.dbscan': 'eps {eps} m × minPts {minPts}',
	'stability.axes.threshold': 'バンド幅 {bandwidth} × {by} {values}',
	'stability.axes.defaultBandwidth': '既定値の ½・¾・1・1½・2 倍',
	'stability.by.level': '閾値（社/km²）',
	'stability.by.percentile': 'パーセンタイル',
	'stability.run': '安定性を計算',
	'stability.cancel': '中止',
	'stability.clear': '消去',
	'stability.progress': '計算済みの設定：{total} 中 {done}',
	'stability.failed': '安定性を計算できませんでした：{message}',
	'stability.result': '対象 {count} 社（{settings} 通りの設定）のうち：',
	'stability.inside': '安定して内側（設定の 90 % 以上）：{count} 社',
	'stability.outside': '安定して外側（10 % 以下）：{count} 社',
	'stability.uncertain': '不確定：{count} 社',
	'stability.stale': '現在の検出とは別の設定で計算したものです。更新するには再計算してください。',
	'stability.colour': '企業を安定性で色分け',
	'stability.key.low': '常に外側',
	'stability.key.high': '常に内側',
	'compare.grouping.stability': '安定して内側 対 安定して外側（不確定は除外）',
	'compare.grouping.stabilityNone': '先に密度パネルで内外判定の安定性を計算してください。',
	'compare.band.caption': '感度の幅：安定性計算の各設定（{settings} 通り、{method}）での、各成果指標の内側 − 外側の差',
	'compare.band.outcome': '成果指標',
	'compare.band.current': '差（この比較）',
	'compare.band.range': '設定全体での範囲',
	'compare.band.method.dbscan': 'DBSCAN の eps × minPts',
	'compare.band.method.kde-threshold': '密度のバンド幅 × 閾値'
};
