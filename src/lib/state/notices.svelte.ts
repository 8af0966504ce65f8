/**
 * Short messages for the user (a tile failure, boundaries that could not load, skipped rows).
 * A notice stores its message key, not its text, so it follows a language switch.
 */
import type { MessageKey, MessageParams } from '$lib/i18n';

export interface Notice {
	/** One notice per id: showing the same id again replaces it. */
	id: string;
	key: MessageKey;
	params?: MessageParams;
	tone: 'info' | 'warning' | 'error';
}

export class Notices {
	items = $state<Notice[]>([]);

	show(notice: Notice): void {
		this.items = [...this.items.filter((n) => n.id !== notice.id), notice];
	}

	dismiss(id: string): void {
		this.items = this.items.filter((n) => n.id !== id);
	}

	has(id: string): boolean {
		return this.items.some((n) => n.id === id);
	}
}
