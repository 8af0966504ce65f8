/**
 * 2-D convolution of a grid with a small symmetric stencil through the fast Fourier transform, so
 * the cost does not grow with the stencil: a 1,024² transform takes the same time for a 3 × 3 or a
 * 201 × 201 kernel. Hand-written (a radix-2 FFT is forty lines) because the maintained JS FFT
 * packages do 1-D only and a kernel density needs 2-D with its own padding rules.
 */

/** Bit-reversal permutation and twiddles for one transform length, cached. */
interface Plan {
	n: number;
	reverse: Uint32Array;
	cos: Float64Array;
	sin: Float64Array;
}
const plans = new Map<number, Plan>();

function plan(n: number): Plan {
	let p = plans.get(n);
	if (p === undefined) {
		const bits = Math.log2(n);
		const reverse = new Uint32Array(n);
		for (let i = 0; i < n; i++) {
			let r = 0;
			for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b);
			reverse[i] = r;
		}
		const cos = new Float64Array(n / 2);
		const sin = new Float64Array(n / 2);
		for (let k = 0; k < n / 2; k++) {
			cos[k] = Math.cos((2 * Math.PI * k) / n);
			sin[k] = -Math.sin((2 * Math.PI * k) / n);
		}
		p = { n, reverse, cos, sin };
		plans.set(n, p);
	}
	return p;
}

/** In-place FFT of one contiguous complex row of length n at `offset` (inverse: unscaled). */
function fftRow(re: Float64Array, im: Float64Array, offset: number, p: Plan, inverse: boolean): void {
	const { n, reverse, cos } = p;
	const sin = p.sin;
	const sign = inverse ? -1 : 1;
	for (let i = 0; i < n; i++) {
		const j = reverse[i];
		if (j > i) {
			const a = offset + i;
			const b = offset + j;
			let t = re[a];
			re[a] = re[b];
			re[b] = t;
			t = im[a];
			im[a] = im[b];
			im[b] = t;
		}
	}
	for (let size = 2; size <= n; size <<= 1) {
		const half = size >> 1;
		const step = n / size;
		for (let start = offset; start < offset + n; start += size) {
			for (let k = 0; k < half; k++) {
				const wr = cos[k * step];
				const wi = sign * sin[k * step];
				const a = start + k;
				const b = a + half;
				const xr = re[b] * wr - im[b] * wi;
				const xi = re[b] * wi + im[b] * wr;
				re[b] = re[a] - xr;
				im[b] = im[a] - xi;
				re[a] += xr;
				im[a] += xi;
			}
		}
	}
}

/**
 * In-place FFT down the columns of a rows × width complex grid, columns [0, cols) only. The
 * butterflies combine whole rows, so the inner loop runs over contiguous memory.
 */
function fftColumns(re: Float64Array, im: Float64Array, width: number, cols: number, p: Plan, inverse: boolean): void {
	const { n, reverse, cos } = p;
	const sin = p.sin;
	const sign = inverse ? -1 : 1;
	for (let i = 0; i < n; i++) {
		const j = reverse[i];
		if (j > i) {
			for (let c = 0; c < cols; c++) {
				const a = i * width + c;
				const b = j * width + c;
				let t = re[a];
				re[a] = re[b];
				re[b] = t;
				t = im[a];
				im[a] = im[b];
				im[b] = t;
			}
		}
	}
	for (let size = 2; size <= n; size <<= 1) {
		const half = size >> 1;
		const step = n / size;
		for (let start = 0; start < n; start += size) {
			for (let k = 0; k < half; k++) {
				const wr = cos[k * step];
				const wi = sign * sin[k * step];
				const rowA = (start + k) * width;
				const rowB = (start + k + half) * width;
				for (let c = 0; c < cols; c++) {
					const a = rowA + c;
					const b = rowB + c;
					const xr = re[b] * wr - im[b] * wi;
					const xi = re[b] * wi + im[b] * wr;
					re[b] = re[a] - xr;
					im[b] = im[a] - xi;
					re[a] += xr;
					im[a] += xi;
				}
			}
		}
	}
}

function nextPow2(n: number): number {
	let p = 2;
	while (p < n) p <<= 1;
	return p;
}

/**
 * Real 2-D spectrum (columns 0 … P/2 of a P × Q transform) of a real grid placed at the origin,
 * or of a stencil wrapped round the origin. Two real rows share one complex row transform.
 */
function spectrum(
	fill: (re: Float64Array, im: Float64Array) => void,
	P: number,
	Q: number,
	rowsUsed: Iterable<number>
): { re: Float64Array; im: Float64Array } {
	const re = new Float64Array(P * Q);
	const im = new Float64Array(P * Q);
	fill(re, im);
	const rowPlan = plan(P);
	const used = [...rowsUsed];
	const tmpRe = new Float64Array(P);
	const tmpIm = new Float64Array(P);
	for (let k = 0; k < used.length; k += 2) {
		const a = used[k] * P;
		const b = k + 1 < used.length ? used[k + 1] * P : -1;
		// z = a + i·b, then A_j = (Z_j + conj Z_{P−j}) / 2 and B_j = (Z_j − conj Z_{P−j}) / 2i.
		for (let j = 0; j < P; j++) {
			tmpRe[j] = re[a + j];
			tmpIm[j] = b >= 0 ? re[b + j] : 0;
		}
		fftRow(tmpRe, tmpIm, 0, rowPlan, false);
		for (let j = 0; j <= P >> 1; j++) {
			const m = (P - j) % P;
			const zr = tmpRe[j], zi = tmpIm[j], cr = tmpRe[m], ci = -tmpIm[m];
			re[a + j] = (zr + cr) / 2;
			im[a + j] = (zi + ci) / 2;
			if (b >= 0) {
				re[b + j] = (zi - ci) / 2;
				im[b + j] = -(zr - cr) / 2;
			}
		}
	}
	fftColumns(re, im, P, (P >> 1) + 1, plan(Q), false);
	return { re, im };
}

/**
 * Convolves a width × height grid with a (2r + 1)² stencil symmetric under x → −x and y → −y,
 * and returns the cells [r, width − r) × [r, height − r): the caller pads its grid by r cells on
 * every side, so no value wraps round into the result. Zero-padded to powers of two.
 *
 * @param grid row-major values, row 0 first
 * @param width columns of `grid`
 * @param height rows of `grid`
 * @param stencil row-major (2r + 1)², centre at index r·(2r + 1) + r
 * @param r stencil radius in cells
 * @returns (width − 2r) × (height − 2r) values, row-major
 * @example
 * const out = convolveGrid(binned, w + 2 * r, h + 2 * r, kernel, r); // w × h
 * @internal used by kernelDensity
 */
export function convolveGrid(grid: Float64Array, width: number, height: number, stencil: Float64Array, r: number): Float64Array {
	const side = 2 * r + 1;
	if (stencil.length !== side * side) throw new Error(`convolveGrid: stencil has ${stencil.length} values, expected ${side}² for radius ${r}.`);
	if (width <= 2 * r || height <= 2 * r) throw new Error(`convolveGrid: a ${width} × ${height} grid is too small for a stencil of radius ${r}.`);
	const P = nextPow2(width);
	const Q = nextPow2(height);
	const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

	const data = spectrum(
		(re) => {
			for (let y = 0; y < height; y++) re.set(grid.subarray(y * width, (y + 1) * width), y * P);
		},
		P,
		Q,
		rows(0, height)
	);
	const kernelRows = [...rows(0, r + 1), ...rows(Q - r, Q)];
	const kernel = spectrum(
		(re) => {
			for (let dy = -r; dy <= r; dy++) {
				for (let dx = -r; dx <= r; dx++) {
					re[((dy + Q) % Q) * P + ((dx + P) % P)] = stencil[(dy + r) * side + dx + r];
				}
			}
		},
		P,
		Q,
		kernelRows
	);

	// The stencil is even in x and y, so its spectrum is real: multiply by its real part.
	const half = (P >> 1) + 1;
	for (let y = 0; y < Q; y++) {
		for (let x = 0; x < half; x++) {
			const i = y * P + x;
			const k = kernel.re[i];
			data.re[i] *= k;
			data.im[i] *= k;
		}
	}

	fftColumns(data.re, data.im, P, half, plan(Q), true);

	// Inverse row transforms of rows we keep, two at a time: rows a and b have Hermitian spectra,
	// so IFFT(A + i·B) has a in its real part and b in its imaginary part.
	const outW = width - 2 * r;
	const outH = height - 2 * r;
	const out = new Float64Array(outW * outH);
	const rowPlan = plan(P);
	const tmpRe = new Float64Array(P);
	const tmpIm = new Float64Array(P);
	const scale = 1 / (P * Q);
	for (let y = 0; y < outH; y += 2) {
		const a = (y + r) * P;
		const hasB = y + 1 < outH;
		const b = a + P;
		for (let j = 0; j < P; j++) {
			// Columns above P/2 come from conjugate symmetry: X_j = conj X_{P−j}.
			const src = j < half ? j : P - j;
			const s = j < half ? 1 : -1;
			const ar = data.re[a + src], ai = s * data.im[a + src];
			const br = hasB ? data.re[b + src] : 0, bi = hasB ? s * data.im[b + src] : 0;
			tmpRe[j] = ar - bi;
			tmpIm[j] = ai + br;
		}
		fftRow(tmpRe, tmpIm, 0, rowPlan, true);
		for (let x = 0; x < outW; x++) {
			out[y * outW + x] = tmpRe[x + r] * scale;
			if (hasB) out[(y + 1) * outW + x] = tmpIm[x + r] * scale;
		}
	}
	return out;
}
