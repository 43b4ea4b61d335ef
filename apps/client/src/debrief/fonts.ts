import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?url';
import type { PdfFonts } from './pdf';

/*
 * The PDF report's fonts (DejaVu Sans Condensed: every Latin letter Serbian needs). They are
 * separate files in the build, fetched only when someone asks for a PDF, then cached.
 */
let loading: Promise<PdfFonts> | undefined;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

export function loadPdfFonts(): Promise<PdfFonts> {
  loading ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
