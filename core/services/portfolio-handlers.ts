// `portfolio.*`: the portfolio workbook as a download, and its progress while it is written.
import type { portfolioContract } from '../../shared/contract/portfolio-contract.js';
import { localIsoDate } from './document-service.js';
import { MIME_TYPES } from './document-export-service.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { exportPortfolio, type PortfolioProgress } from './portfolio-service.js';

export function portfolioHandlers(wb: Workbench): HandlersFor<typeof portfolioContract> {
  let progress: PortfolioProgress | null = null;
  return {
    'portfolio.export': async ({ incubatorIds }) => {
      progress = { done: 0, total: 0 };
      try {
        const bytes = await exportPortfolio(wb.database.db, { ...(incubatorIds ? { incubatorIds } : {}), today: localIsoDate(wb.now()), onProgress: (p) => (progress = p) });
        return {
          fileName: `孵化器培育工作汇总表-${localIsoDate(wb.now())}.xlsx`,
          mimeType: MIME_TYPES.xlsx,
          base64: Buffer.from(bytes).toString('base64'),
          byteLength: bytes.byteLength,
        };
      } finally {
        progress = null;
      }
    },
    'portfolio.progress': () => progress,
  };
}
