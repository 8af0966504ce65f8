/**
 * UI strings of the institution selection (type and field filter), the campus popup and the comparison's
 * linkage by field, English and Japanese side by side (en.ts and ja.ts merge them).
 */
export const institutionsEn = {
	'institutions.filter.heading': 'R&D institutions in use',
	'institutions.filter.types': 'Types',
	'institutions.filter.fields': 'Fields (by faculty)',
	'institutions.filter.all': 'All',
	'institutions.filter.fieldsNote': 'Research institutes and imported points have no faculties: they are in use only while every field is ticked.',
	'institutions.filter.count': '{count} of {total} institutions in use: on the map, for buffers, the nearest institution and the comparison.',
	'institutions.filter.empty': 'No institution has a ticked type and a ticked field; tick more.',
	'field.engineering': 'Engineering',
	'field.science': 'Science',
	'field.medicine-health': 'Medicine and health',
	'field.agriculture': 'Agriculture',
	'field.other': 'Other fields',
	'popup.university': 'University',
	'popup.campus': 'Campus',
	'popup.mextCode': 'MEXT code',
	'popup.faculties': 'Faculties and graduate schools',
	'popup.fields': 'Fields',
	'popup.precision': 'Location precision',
	'precision.koaza': 'Block (小字) of the address',
	'precision.town': 'Town (町丁目・大字) of the address',
	'precision.municipality': 'Municipality only: the point is the municipality’s, not the campus’s',
	'precision.prefecture': 'Prefecture only: the point is the prefecture’s, not the campus’s',
	'legend.institutionCoarse': 'Ring: a campus located only to its municipality (its address was not found more precisely)',
	'compare.distance.field': 'Nearest with the field',
	'compare.distance.anyField': 'Any field'
} as const;

export const institutionsJa: Record<keyof typeof institutionsEn, string> = {
	'institutions.filter.heading': '使う研究開発機関',
	'institutions.filter.types': '種別',
	'institutions.filter.fields': '分野（学部による）',
	'institutions.filter.all': 'すべて',
	'institutions.filter.fieldsNote': '公設試験研究機関や読み込んだ地点には学部がないため、すべての分野にチェックがあるときだけ使われます。',
	'institutions.filter.count': '{total} 機関のうち {count} 機関を使用中：地図、バッファ、最寄り機関、比較に使います。',
	'institutions.filter.empty': 'チェックした種別と分野をともに持つ機関がありません。チェックを増やしてください。',
	'field.engineering': '工学',
	'field.science': '理学',
	'field.medicine-health': '医療・保健',
	'field.agriculture': '農学',
	'field.other': 'その他の分野',
	'popup.university': '大学',
	'popup.campus': 'キャンパス',
	'popup.mextCode': '文部科学省の学校コード',
	'popup.faculties': '学部・研究科',
	'popup.fields': '分野',
	'popup.precision': '位置の精度',
	'precision.koaza': '住所の小字',
	'precision.town': '住所の町丁目・大字',
	'precision.municipality': '市区町村のみ：キャンパスではなく市区町村の代表点',
	'precision.prefecture': '都道府県のみ：キャンパスではなく都道府県の代表点',
	'legend.institutionCoarse': '輪：市区町村までしか位置が分からないキャンパス（住所をそれ以上詳しく特定できず）',
	'compare.distance.field': '分野で絞った最寄り',
	'compare.distance.anyField': 'すべての分野'
};
