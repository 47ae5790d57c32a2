// The screening page's Excel support, bundled by scripts/build_web.js (esbuild) into
// build/web/batch-xlsx.js as a classic script: window.SRDI_XLSX = {readXlsxFile, writeXlsxFile}
// from read-excel-file and write-excel-file (kept libraries: docs/screening.md says why these).
import readXlsxFile from 'read-excel-file/browser';
import writeXlsxFile from 'write-excel-file/browser';

window.SRDI_XLSX = { readXlsxFile, writeXlsxFile };
