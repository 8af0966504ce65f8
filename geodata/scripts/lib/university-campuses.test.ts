import { describe, expect, it } from 'vitest';
import { INSTITUTION_FIELDS } from '../../../src/lib/core/model';
import { campusesOf, type SourceUniversity } from './university-campuses';
import { fieldsOfFaculties, fieldsOfName } from './university-fields';

const row = (name: string, pref = '', city = '') => ({ name, major: '', pref, city });
const university = (campus: { name: string; addr: string }[], faculties: ReturnType<typeof row>[], graduate: ReturnType<typeof row>[] = []): SourceUniversity => ({
	name: '例大学',
	name_eng: 'Example University',
	type: '国立',
	mext_code: 'F0',
	addr: '',
	faculty: { rows: faculties },
	graduate_course: { rows: graduate },
	campus: { rows: campus }
});

describe('campusesOf', () => {
	it('merges rows that share an address (full-width and half-width dashes alike) and keeps campus names', () => {
		const u = university(
			[
				{ name: '工学部（北キャンパス）', addr: '東京都大田区池上1－2－3' },
				{ name: '大学院工学研究科', addr: '東京都大田区池上1-2-3' },
				{ name: '理工学部', addr: '東京都目黒区大岡山2-12-1' }
			],
			[row('工学部', '東京都', '大田区'), row('理工学部', '東京都', '目黒区')],
			[row('工学研究科', '東京都', '大田区')]
		);
		const c = campusesOf(u);
		expect(c.map((x) => [x.campus, x.faculties])).toEqual([
			['北キャンパス', ['工学部', '工学研究科']],
			['', ['理工学部']]
		]);
	});

	it('attaches a unit named in no row to the campuses in its stated city, then to an only campus', () => {
		const twoCities = university(
			[
				{ name: '本部', addr: '長野県松本市旭3-1-1' },
				{ name: '伊那キャンパス', addr: '長野県上伊那郡南箕輪村8304' }
			],
			[row('農学部', '長野県', '南箕輪村'), row('理学部', '長野県', '松本市'), row('医学部', '長野県', '')]
		);
		expect(campusesOf(twoCities).map((x) => x.faculties)).toEqual([['理学部'], ['農学部']]);
		const one = university([{ name: '－', addr: '千葉県市川市国府台1-3-1' }], [row('法学部', '千葉県', '松戸市')]);
		expect(campusesOf(one)[0].faculties).toEqual(['法学部']);
	});

	it('finds a unit whose own name contains ・ and does not find 工学部 inside 理工学部', () => {
		const u = university(
			[
				{ name: '国際広報メディア・観光学院', addr: '北海道札幌市北区北17条西8丁目' },
				{ name: '理工学部', addr: '北海道札幌市北区北13条西8丁目' }
			],
			[row('理工学部'), row('工学部')],
			[row('国際広報メディア・観光学院')]
		);
		expect(campusesOf(u).map((x) => x.faculties)).toEqual([['国際広報メディア・観光学院'], ['理工学部']]);
	});
});

describe('fields', () => {
	it.each([
		['工学部', ['engineering']],
		['理工学部', ['engineering', 'science']],
		['理学部', ['science']],
		['心理学部', ['other']],
		['国際文化学部', ['other']],
		['経営情報学部', ['other']],
		['情報学部', ['engineering']],
		['美術工芸学部', ['other']],
		['工芸科学部', ['engineering']],
		['地球社会共生学部', ['other']],
		['医学部', ['medicine-health']],
		['看護学部', ['medicine-health']],
		['獣医学部', ['agriculture']],
		['農学部', ['agriculture']],
		['法学部', ['other']]
	])('%s → %j', (name, fields) => {
		expect(fieldsOfName(name)).toEqual(fields);
	});

	it('a campus has the union in the canonical order, other when it has no faculty', () => {
		expect(fieldsOfFaculties(['法学部', '農学部', '工学部'], INSTITUTION_FIELDS)).toEqual(['engineering', 'agriculture', 'other']);
		expect(fieldsOfFaculties([], INSTITUTION_FIELDS)).toEqual(['other']);
	});
});
