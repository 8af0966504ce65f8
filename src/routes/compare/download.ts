/**
 * Saving files from the page: text as a download, charts as SVG or PNG, the map as a PNG.
 */
import type { Map } from 'maplibre-gl';

/**
 * Offers `data` as a file download.
 *
 * @example
 * download('comparison.csv', csvText, 'text/csv;charset=utf-8');
 */
export function download(name: string, data: string | Blob, type = 'text/plain;charset=utf-8'): void {
	const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser time to start the download before the URL goes away.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A standalone SVG file of a chart: namespaces set, a white background, fonts named.
 *
 * @example
 * svgText(figure.querySelector('svg')!);
 */
export function svgText(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
	copy.style.background = 'white';
	copy.style.fontFamily = "system-ui, 'Noto Sans CJK JP', sans-serif";
	return new XMLSerializer().serializeToString(copy);
}

/**
 * A chart drawn onto a canvas at twice its size, as a PNG blob.
 *
 * @example
 * download('chart.png', await svgToPng(svg));
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const { width, height } = svg.getBoundingClientRect();
	const image = new Image();
	const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(width * scale));
		canvas.height = Math.max(1, Math.round(height * scale));
		const context = canvas.getContext('2d')!;
		context.fillStyle = 'white';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

/**
 * The map as a PNG data URL. WebGL clears its drawing buffer after each frame, so the picture is
 * taken inside the next render event, while the frame is still there; null if that fails (a
 * tainted canvas from an online basemap without CORS, say) or no frame comes within 3 s.
 *
 * @example
 * const png = await captureMap(map);
 */
export function captureMap(map: Map | null): Promise<string | null> {
	if (!map) return Promise.resolve(null);
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			map.off('render', grab);
			resolve(null);
		}, 3000);
		function grab() {
			clearTimeout(timer);
			map!.off('render', grab);
			try {
				resolve(map!.getCanvas().toDataURL('image/png'));
			} catch {
				resolve(null);
			}
		}
		map.on('render', grab);
		map.triggerRepaint();
	});
}
