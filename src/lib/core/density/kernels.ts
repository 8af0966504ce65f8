/** The kernels a density can be estimated with. */
export const KERNELS = ['quartic', 'epanechnikov', 'gaussian'] as const;
export type KernelName = (typeof KERNELS)[number];

/**
 * Unnormalised radial profiles of u² = (distance / bandwidth)². For the quartic (biweight, as in
 * ArcGIS Kernel Density and Silverman 1986 eq. 4.5) and Epanechnikov kernels the bandwidth is the
 * radius at which the kernel reaches 0; for the Gaussian it is the standard deviation, and the
 * kernel is cut at 4σ (the mass beyond is 0.03 % in 2-D) and renormalised.
 */
export const KERNEL_PROFILE: Record<KernelName, (u2: number) => number> = {
	quartic: (u2) => (u2 < 1 ? (1 - u2) * (1 - u2) : 0),
	epanechnikov: (u2) => (u2 < 1 ? 1 - u2 : 0),
	gaussian: (u2) => (u2 < 16 ? Math.exp(-u2 / 2) : 0)
};

/** Support radius in bandwidths. */
export const KERNEL_SUPPORT: Record<KernelName, number> = { quartic: 1, epanechnikov: 1, gaussian: 4 };

/**
 * Canonical bandwidths δ₀ (Marron & Nolan 1988): bandwidths proportional to δ₀ smooth equally,
 * so a bandwidth chosen for one kernel converts to another by the ratio of their δ₀.
 * Quartic 35^(1/5), Epanechnikov 15^(1/5), Gaussian (1/4π)^(1/10).
 */
export const CANONICAL_BANDWIDTH: Record<KernelName, number> = {
	quartic: 35 ** 0.2,
	epanechnikov: 15 ** 0.2,
	gaussian: (1 / (4 * Math.PI)) ** 0.1
};

/**
 * Checks a kernel name from user input.
 *
 * @example
 * assertKernel('quartic'); // ok
 * assertKernel('box');     // throws: unknown kernel "box"; use quartic, epanechnikov or gaussian.
 */
export function assertKernel(name: string): asserts name is KernelName {
	if (!(KERNELS as readonly string[]).includes(name)) throw new Error(`Unknown kernel "${name}"; use quartic, epanechnikov or gaussian.`);
}
