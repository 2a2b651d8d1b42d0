// Loaded with --import before the electronegativity CLI (scripts/electronegativity.mjs). The tool writes its CSV
// as fs.writeFile(header, flag 'w') then fs.writeFile(rows, flag 'a') without waiting for the first, so the two
// race: now and then the header overwrites the start of the rows, or the truncation comes last and drops them.
// Here writeFile calls to the same path run one after another, in the order they were made.
import fs from 'node:fs';

const writeFile = fs.writeFile;
const lastWrite = new Map();

fs.writeFile = (file, data, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? undefined : options;
  const key = String(file);
  const previous = lastWrite.get(key) ?? Promise.resolve();
  lastWrite.set(
    key,
    previous.then(
      () =>
        new Promise((resolve) =>
          writeFile(file, data, opts, (error) => {
            resolve();
            done?.(error);
          }),
        ),
    ),
  );
};
