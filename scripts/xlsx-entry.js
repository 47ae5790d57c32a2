// The screening page's Excel support, bundled by scripts/build_web.js (esbuild) into two classic
// scripts, each defining SRDI_XLSX on its global: the reader (read-excel-file) for the page's
// worker, which turns an .xlsx into CSV text off the main thread, and the writer (write-excel-file)
// for the page's exports (build/web/batch-xlsx.js). Kept libraries: docs/screening.md says why.
// SRDI_XLSX_PART is replaced by esbuild's `define`: "read" or "write".
import readXlsxFile from 'read-excel-file/browser';
import writeXlsxFile from 'write-excel-file/browser';

/* global SRDI_XLSX_PART */
globalThis.SRDI_XLSX = SRDI_XLSX_PART === 'read' ? { readXlsxFile } : { writeXlsxFile };
