/**
 * Splits values by a group array into the non-missing values of group 1 and group 0, counting
 * missing (NaN) values in each; firms with group -1 take no part.
 *
 * @example
 * splitGroups(new Float64Array([1, NaN, 3, 4]), new Int8Array([1, 1, 0, -1]));
 * // → { inside: [1], outside: [3], missingInside: 1, missingOutside: 0 }
 */
export function splitGroups(
	values: ArrayLike<number>,
	group: ArrayLike<number>
): { inside: Float64Array; outside: Float64Array; missingInside: number; missingOutside: number } {
	if (values.length !== group.length) throw new Error(`splitGroups: ${values.length} values but ${group.length} group flags; pass one flag per firm.`);
	let nIn = 0;
	let nOut = 0;
	for (let i = 0; i < values.length; i++) {
		if (Number.isNaN(values[i])) continue;
		if (group[i] === 1) nIn++;
		else if (group[i] === 0) nOut++;
	}
	const inside = new Float64Array(nIn);
	const outside = new Float64Array(nOut);
	let a = 0;
	let b = 0;
	let missingInside = 0;
	let missingOutside = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (group[i] === 1) {
			if (Number.isNaN(v)) missingInside++;
			else inside[a++] = v;
		} else if (group[i] === 0) {
			if (Number.isNaN(v)) missingOutside++;
			else outside[b++] = v;
		}
	}
	return { inside, outside, missingInside, missingOutside };
}
