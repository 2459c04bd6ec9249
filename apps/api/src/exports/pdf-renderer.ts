import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { chromium, type Browser } from 'playwright-core';

import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** The flags Debian's Chromium runs with here: headless, and nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Prints HTML to PDF with Chromium (its shaping and bidirectional layout are what Arabic needs).
 * One browser per process, launched the first time a PDF is asked for and reused; each print gets
 * a context of its own with scripts off and every request refused, so a page can load nothing.
 * Closed when the process shuts down.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser: Promise<Browser> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const started = Date.now();
      this.browser = chromium
        .launch({
          executablePath: this.config.chromiumPath,
          args: CHROMIUM_ARGS,
          timeout: this.config.exportRenderTimeoutMs,
        })
        .then((browser) => {
          this.logger.log(
            { executable: this.config.chromiumPath, ms: Date.now() - started },
            'Chromium started for PDF exports',
          );
          browser.on('disconnected', () => {
            this.browser = null;
          });
          return browser;
        })
        .catch((err: unknown) => {
          this.browser = null;
          throw err;
        });
    }
    return this.browser;
  }

  async print(html: string, footer: { pageLabel: string; rtl: boolean }): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(this.config.exportRenderTimeoutMs);
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
      const dir = footer.rtl ? 'rtl' : 'ltr';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div dir="${dir}" style="width:100%;font-size:8px;color:#495057;padding:0 14mm;text-align:center"><span>${footer.pageLabel}</span> <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }
}
