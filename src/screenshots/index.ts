/**
 * From notarised screenshots to evidence tables (issue 19): OCR of profile-page screenshots
 * (PNG/JPEG, PDF pages) with a declared layout template per app screen, every cell carrying its
 * OCR confidence and pixel box, low-confidence cells flagged for review and the review merged
 * back with each change recorded, and matching that carries the OCR's measured error rate per
 * confidence band. Synthetic test set: profile cards rendered in Chromium from the synthetic
 * displayed profiles.
 *
 *   const ev = await loadScreenshotEvidence({ images: ['cards/'], template: 'maimai-card.yaml', source: 'source.csv' });
 *   const r = await analyseScreenshots(ev, { engine: 'paddle' });
 *   screenshotsTables(r); screenshotsFigures(r);
 */
export * from './template';
export * from './ocr';
export * from './image';
export * from './extract';
export * from './accuracy';
export * from './calibrate';
export * from './review';
export * from './load';
export * from './analyse';
export * from './tables';
export * from './outputs';
export * from './report';
export * from './cards';
export * from './dataset';
export * from './writeDataset';
