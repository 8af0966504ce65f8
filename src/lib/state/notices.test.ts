import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notices } from './notices.svelte';

describe('Notices', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('lets informational notices fade and keeps warnings and errors until closed', () => {
		const notices = new Notices({ infoMs: 1000 });
		notices.show({ id: 'i', key: 'session.restored', params: { count: 1 }, tone: 'info' });
		notices.show({ id: 'w', key: 'session.restored', tone: 'warning' });
		notices.show({ id: 'e', key: 'session.restored', tone: 'error' });
		vi.advanceTimersByTime(999);
		expect(notices.items.map((n) => n.id)).toEqual(['i', 'w', 'e']);
		vi.advanceTimersByTime(1);
		expect(notices.items.map((n) => n.id)).toEqual(['w', 'e']);
		vi.advanceTimersByTime(60_000);
		expect(notices.items.map((n) => n.id)).toEqual(['w', 'e']);
	});

	it('restarts the fade when a notice is shown again, and an error replacing an info notice stays', () => {
		const notices = new Notices({ infoMs: 1000 });
		notices.show({ id: 'x', key: 'session.restored', tone: 'info' });
		vi.advanceTimersByTime(800);
		notices.show({ id: 'x', key: 'session.restored', tone: 'info' });
		vi.advanceTimersByTime(800);
		expect(notices.has('x')).toBe(true);
		notices.show({ id: 'x', key: 'session.restored', tone: 'error' });
		vi.advanceTimersByTime(5000);
		expect(notices.has('x')).toBe(true);
	});
});
