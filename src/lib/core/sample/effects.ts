/**
 * The effects planted in the synthetic sample: the known answer an analysis should recover.
 * Covariates: inside (1 when the firm lies in a district polygon of geodata/districts.geo.json),
 * log_km = ln(km + 1) with km the great-circle distance to the nearest institution of
 * geodata/institutions.geo.json, comm = rd_communication level (none 0, yearly 1, monthly 2, weekly 3),
 * subcontractor (0/1), log_employees = ln(employees).
 */
import type { Random } from './random';

export const PLANTED_EFFECTS = {
	/** Ordered logit: latent = Σ β·x + logistic noise; level = number of cutpoints below the latent. */
	rd_communication: { inside: 0.5, log_km: -0.6, log_employees: 0.4, cutpoints: [-0.3, 1, 2.3] },
	/** logit P(new product in the last 3 years). */
	new_products: { intercept: -0.5, inside: 0.5, log_km: -0.25, comm: 0.3, subcontractor: -0.3 },
	/** logit P(new process in the last 3 years); subcontracting pushes process upgrades for the parent. */
	new_processes: { intercept: 0, inside: 0.3, log_km: -0.15, comm: 0.25, subcontractor: 0.25 },
	/** log E[patents in the last 3 years] (Poisson). */
	patents_3y: { intercept: -1.2, inside: 0.4, log_km: -0.2, comm: 0.3, subcontractor: -0.4 }
} as const;

export const COMMUNICATION_LEVELS = ['none', 'yearly', 'monthly', 'weekly'] as const;
export type CommunicationLevel = (typeof COMMUNICATION_LEVELS)[number];

export interface Covariates {
	inside: 0 | 1;
	/** km to the nearest institution. */
	km: number;
	subcontractor: 0 | 1;
	employees: number;
}

export interface Outcomes {
	comm: 0 | 1 | 2 | 3;
	newProducts: 0 | 1;
	newProcesses: 0 | 1;
	patents: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Draws a firm's communication frequency and innovation outcomes from the planted model.
 *
 * @example
 * drawOutcomes(createRandom(1), { inside: 1, km: 3, subcontractor: 0, employees: 5 });
 */
export function drawOutcomes(rng: Random, x: Covariates): Outcomes {
	const logKm = Math.log(x.km + 1);
	const c = PLANTED_EFFECTS.rd_communication;
	const latent = c.inside * x.inside + c.log_km * logKm + c.log_employees * Math.log(x.employees) + rng.logistic();
	let comm = 0;
	while (comm < c.cutpoints.length && latent > c.cutpoints[comm]) comm++;
	const linear = (b: { intercept: number; inside: number; log_km: number; comm: number; subcontractor: number }) =>
		b.intercept + b.inside * x.inside + b.log_km * logKm + b.comm * comm + b.subcontractor * x.subcontractor;
	return {
		comm: comm as Outcomes['comm'],
		newProducts: rng.next() < sigmoid(linear(PLANTED_EFFECTS.new_products)) ? 1 : 0,
		newProcesses: rng.next() < sigmoid(linear(PLANTED_EFFECTS.new_processes)) ? 1 : 0,
		patents: rng.poisson(Math.exp(linear(PLANTED_EFFECTS.patents_3y)))
	};
}
