/**
 * Short messages for the user (a tile failure, boundaries that could not load, skipped rows).
 * A notice stores its message key, not its text, so it follows a language switch.
 */
import type { MessageKey, MessageParams } from '$lib/i18n';

export interface Notice {
	/** One notice per id: showing the same id again replaces it. */
	id: string;
	key: MessageKey;
	/**
	 * The message's parameters; a function when one of them is itself worded in the UI language
	 * (a file's fault named by the engine's code), so that it too follows a language switch.
	 */
	params?: MessageParams | ((t: (key: MessageKey, params?: MessageParams) => string) => MessageParams);
	tone: 'info' | 'warning' | 'error';
	/** A button beside the message (e.g. download what was kept aside). */
	action?: { key: MessageKey; run: () => void };
}

/** How long an informational notice stays; warnings and errors stay until closed. */
export const INFO_NOTICE_MS = 8000;

export class Notices {
	items = $state<Notice[]>([]);
	readonly #infoMs: number;
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(options: { infoMs?: number } = {}) {
		this.#infoMs = options.infoMs ?? INFO_NOTICE_MS;
	}

	show(notice: Notice): void {
		this.#clearTimer(notice.id);
		this.items = [...this.items.filter((n) => n.id !== notice.id), notice];
		if (notice.tone === 'info') this.#timers.set(notice.id, setTimeout(() => this.dismiss(notice.id), this.#infoMs));
	}

	dismiss(id: string): void {
		this.#clearTimer(id);
		this.items = this.items.filter((n) => n.id !== id);
	}

	#clearTimer(id: string): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
	}

	has(id: string): boolean {
		return this.items.some((n) => n.id === id);
	}
}
