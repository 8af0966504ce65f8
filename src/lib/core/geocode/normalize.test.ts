import { describe, expect, it } from 'vitest';
import { normalizeAddress, stripAzaPrefix, stripPostcode } from './normalize';

describe('normalizeAddress', () => {
	it.each([
		['東京都 大田区　池上一丁目２番３号', '東京都大田区池上1丁目2番3号'],
		['池上１ー２ー３', '池上1-2-3'],
		['池上1−2‐3', '池上1-2-3'],
		['髙田馬場', '高田馬場'],
		['霞ヶ関 霞が関 霞ケ関', '霞ケ関霞ケ関霞ケ関'],
		['鵜ノ木', '鵜の木'],
		['二十三丁目', '23丁目'],
		['十丁目', '10丁目'],
		['一〇', '10'],
		['ｶﾀｶﾅ ＡＢＣ', 'カタカナABC'],
		['センター', 'センター'],
		['ー1', 'ー1'],
		['小島町五919番地', '小島町5|919番地']
	])('%s → %s', (input, output) => {
		expect(normalizeAddress(input)).toBe(output);
	});
});

describe('stripPostcode and stripAzaPrefix', () => {
	it.each([
		['〒146-0082 東京都', '東京都'],
		['〒1460082東京都', '東京都'],
		['146-0082　東京都', '東京都'],
		['〒東京都', '東京都'],
		['1460-082東京都', '1460-082東京都'],
		['12-3', '12-3']
	])('%s → %s', (input, output) => {
		expect(stripPostcode(input)).toBe(output);
	});

	it('drops 大字, 小字 and 字 once', () => {
		expect(['大字白方', '字北稲田', '小字北', '字字'].map(stripAzaPrefix)).toEqual(['白方', '北稲田', '北', '字']);
	});
});
