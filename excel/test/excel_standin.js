// SPDX-License-Identifier: EUPL-1.2
// A stand-in for Office.js in tests (served in place of office.js): Office.onReady and the part
// of the Excel object model the task pane uses, recording every write in window.workbook,
// { sheet name: { values: rows of cells, frozenRows, fills: {"row,column": colour},
//   numberFormats: {"row,column": format} } }.
(() => {
  const workbook = (window.workbook = {});
  function sheetObject(name) {
    const sheet = workbook[name];
    return {
      isNullObject: false,
      getRange() {
        return { clear() { Object.assign(sheet, { values: [], fills: {}, numberFormats: {} }); } };
      },
      getRangeByIndexes(row, column, rows, columns) {
        return {
          format: {
            fill: {
              set color(colour) {
                for (let i = 0; i < rows; ++i) {
                  for (let j = 0; j < columns; ++j) sheet.fills[`${row + i},${column + j}`] = colour;
                }
              },
            },
          },
          set numberFormat(cells) {
            cells.forEach((r, i) => r.forEach((f, j) => {
              sheet.numberFormats[`${row + i},${column + j}`] = f;
            }));
          },
          set values(cells) {
            if (cells.length !== rows || cells.some((r) => r.length !== columns)) {
              throw new Error(`range ${rows}x${columns} given ${cells.length} rows`);
            }
            cells.forEach((r, i) => {
              sheet.values[row + i] ??= [];
              r.forEach((v, j) => { sheet.values[row + i][column + j] = v; });
            });
          },
        };
      },
      freezePanes: { freezeRows(n) { sheet.frozenRows = n; } },
    };
  }
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject(name) {
          return workbook[name] ? sheetObject(name) : { isNullObject: true };
        },
        add(name) {
          if (workbook[name]) throw new Error(`sheet ${name} exists`);
          workbook[name] = { values: [], frozenRows: 0, fills: {}, numberFormats: {} };
          return sheetObject(name);
        },
      },
    },
    sync: () => Promise.resolve(),
  };
  window.Office = { onReady: (callback) => Promise.resolve().then(callback) };
  window.Excel = { run: (batch) => batch(context) };
})();
