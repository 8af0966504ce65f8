/**
 * MEXT's university list (geodata/sources/universities/) → campuses: rows that share an address merged, and the
 * faculties and graduate schools that sit at each campus attached. The list has no campus ↔ faculty table; it names
 * faculties in the campus rows' own names ("理学院・理学研究院・理学部", "水産学部（函館キャンパス）") and gives each
 * faculty row a prefecture and city, so the rule is (geodata/README.md, "universities.geo.json"):
 * 1. a faculty or graduate school named in a campus row's name sits at that campus;
 * 2. one named in no row sits at every campus of the university in its stated prefecture and city;
 * 3. one still unplaced sits at the university's only campus when it has one; otherwise it is attached nowhere.
 */

export interface SourceRow {
	name: string;
	major?: string | null;
	pref?: string | null;
	city?: string | null;
	addr?: string;
	post?: string;
}
export interface SourceUniversity {
	name: string;
	name_eng: string;
	type: string;
	mext_code: string;
	addr: string;
	faculty: { rows: SourceRow[] | null } | null;
	graduate_course: { rows: SourceRow[] | null } | null;
	campus: { rows: SourceRow[] | null } | null;
}

export interface Campus {
	/** Campus names the rows give (…キャンパス), in order, without repeats; '' when none does. */
	campus: string;
	address: string;
	/** The campus rows' own names, merged. */
	rowNames: string[];
	faculties: string[];
}

/** Same address text once full-width forms, dashes and spaces are folded (the rows mix 1－1 and 1-1). */
export function addressKey(address: string): string {
	return address.normalize('NFKC').replace(/[\s　]/g, '').replace(/[‐－―ー−–—]/g, '-');
}

/**
 * Whether a campus row's name names a unit: the whole name, between the row's separators (start, ・, 、, brackets,
 * 大学院), so 工学部 is not found in 理工学部 and 国際広報メディア・観光学院 (a name with ・ in it) is still found.
 */
function rowNames(rowName: string, unit: string): boolean {
	const text = rowName.normalize('NFKC');
	const escaped = unit.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?:^|[・,、/()]|大学院)${escaped}(?:$|[・,、/()])`).test(text);
}

/** The campus names in a row: bracketed text ending in キャンパス, or the row itself when it names a campus. */
function campusNamesInRow(rowName: string): string[] {
	const text = rowName.normalize('NFKC');
	const bracketed = [...text.matchAll(/\(([^)]*キャンパス[^)]*)\)/g)].map((m) => m[1]);
	if (bracketed.length) return bracketed;
	return /キャンパス$/.test(text) ? [text.split(/[・,、]/).pop()!.trim()] : [];
}

/**
 * The campuses of one university in the source's row order, faculties attached by the rule above.
 *
 * @example
 * campusesOf(hokkaido).find((c) => c.address.includes('函館'))?.faculties; // ['水産学部', '水産科学院']
 */
export function campusesOf(u: SourceUniversity): Campus[] {
	const byKey = new Map<string, Campus>();
	for (const row of u.campus?.rows ?? []) {
		if (!row.addr) continue;
		const key = addressKey(row.addr);
		let c = byKey.get(key);
		if (!c) byKey.set(key, (c = { campus: '', address: row.addr.trim(), rowNames: [], faculties: [] }));
		if (!c.rowNames.includes(row.name)) c.rowNames.push(row.name);
		const names = campusNamesInRow(row.name).filter((n) => !c.campus.split('・').includes(n));
		if (names.length) c.campus = [c.campus, ...names].filter(Boolean).join('・');
	}
	const campuses = [...byKey.values()];
	const units = [...new Set([...(u.faculty?.rows ?? []), ...(u.graduate_course?.rows ?? [])].map((r) => r.name))];
	// A unit's stated places; the city may come without its 郡 ("南箕輪村" for 上伊那郡南箕輪村), so it is looked for anywhere.
	const where = new Map<string, { pref: string; city: string }[]>();
	for (const r of [...(u.faculty?.rows ?? []), ...(u.graduate_course?.rows ?? [])]) {
		if (!r.pref || !r.city) continue;
		where.set(r.name, [...(where.get(r.name) ?? []), { pref: addressKey(r.pref), city: addressKey(r.city) }]);
	}
	const inPlace = (c: Campus, places: { pref: string; city: string }[] = []) =>
		places.some((p) => addressKey(c.address).startsWith(p.pref) && addressKey(c.address).includes(p.city));
	for (const unit of units) {
		let at = campuses.filter((c) => c.rowNames.some((n) => rowNames(n, unit)));
		if (!at.length) at = campuses.filter((c) => inPlace(c, where.get(unit)));
		if (!at.length && campuses.length === 1) at = campuses;
		for (const c of at) c.faculties.push(unit);
	}
	return campuses;
}
