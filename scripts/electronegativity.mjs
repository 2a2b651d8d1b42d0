// `npm test`'s electronegativity step: Doyensec's Electron security scanner over what decides the app's Electron
// security (electron/main, electron/preload, the CSP module and the page with the CSP the build gives it),
// failing on any HIGH finding. The tool itself exits 0 whatever it finds, so its CSV is parsed here. A second
// scan of a planted `nodeIntegration: true` window runs beside it and must come out HIGH, or the step fails too:
// a scan that can no longer see the worst mistake would otherwise pass forever.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The folders (all their non-test .ts files) and files scanned, relative to the project. */
export const SCANNED_DIRS = ['electron/main', 'electron/preload'];
export const SCANNED_FILES = ['package.json', 'shared/security/contentSecurityPolicy.ts'];
/** It asks GitHub for Electron's releases (slow and changing offline), and an exact pinned version is given. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const CSV_HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';

const PLANTED = "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true } });\n";

/**
 * Copies what is scanned into `dir`, keeping relative paths: the tool takes one folder and reads every
 * .js/.ts/.html in it (it skips node_modules itself), and the tests beside the code are not the app. The page
 * gets the CSP meta tag that vite.config.ts's build adds, since the source index.html has none.
 */
export async function stageScanInput(dir, root = projectRoot) {
  const copy = (rel) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(root, rel), path.join(dir, rel));
  };
  for (const folder of SCANNED_DIRS) {
    for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.ts$/.test(entry.name) || /\.(test|spec)\.ts$/.test(entry.name)) continue;
      copy(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  for (const file of SCANNED_FILES) copy(file);
  const policy = await contentSecurityPolicy(root);
  const page = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}" />`;
  if (!page.includes('<head>')) throw new Error('renderer/index.html has no <head> to put the CSP in');
  fs.mkdirSync(path.join(dir, 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), page.replace('<head>', `<head>\n    ${meta}`));
}

/** The policy as the build puts it in the page (vite.config.ts drops frame-ancestors, which a meta tag ignores). */
async function contentSecurityPolicy(root) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(root, 'shared', 'security', 'contentSecurityPolicy.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const source = result.outputFiles[0]?.text ?? '';
  const { CONTENT_SECURITY_POLICY } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  return CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
}

/** Splits RFC 4180 CSV (quoted fields, "" for a quote, line breaks inside quotes). */
function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * The findings in the tool's CSV. Strict, because a mangled file must fail the step rather than read as "no
 * HIGH rows": every row has the 8 columns, an issue id, a known severity and that issue's wiki link.
 */
export function parseElectronegativityCsv(text) {
  const [header, ...rows] = csvRecords(text);
  if (header?.map((h) => h.trim()).join(', ') !== CSV_HEADER) throw new Error(`not an electronegativity CSV (header: ${JSON.stringify(header)})`);
  return rows.map((r, i) => {
    const [issue, severity, confidence, file, location, sample, description, url] = r;
    if (r.length !== 8 || !/^[A-Z][A-Z0-9_]*$/.test(issue) || !['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].includes(severity) || url !== `${WIKI}${issue}`) {
      throw new Error(`malformed electronegativity CSV row ${i + 2}: ${JSON.stringify(r)}`);
    }
    return { issue, severity, confidence, file, location, sample, description };
  });
}

/**
 * Runs the CLI (`-i DIR -e VERSION -o FILE.csv`) and resolves to its findings. The tool writes the CSV header and
 * rows with two unordered fs.writeFile calls that race (now and then the header lands on the first row, or
 * truncates the rows away); ./electronegativity-ordered-writes.mjs makes them complete in call order.
 */
export function runElectronegativity(input, csvFile, electronVersion) {
  const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const orderedWrites = pathToFileURL(path.join(projectRoot, 'scripts', 'electronegativity-ordered-writes.mjs')).href;
  const args = ['--import', orderedWrites, cli, '-i', input, '-e', electronVersion, '-x', EXCLUDED_CHECKS.join(','), '-o', csvFile, '-r'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      // A file it could not parse is reported on stderr and its checks silently skipped: that fails too.
      if (code !== 0 || stderr.trim() !== '') return reject(new Error(`electronegativity failed (exit ${code}):\n${stderr}`));
      try {
        resolve(parseElectronegativityCsv(fs.readFileSync(csvFile, 'utf8')));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** Scans the project and the planted window side by side; resolves to both scans' findings. */
export async function electronegativityCheck(root = projectRoot) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const electronVersion = pkg.devDependencies.electron;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-electronegativity-'));
  try {
    const stage = path.join(work, 'app');
    const planted = path.join(work, 'planted');
    await stageScanInput(stage, root);
    fs.mkdirSync(planted);
    fs.writeFileSync(path.join(planted, 'main.js'), PLANTED);
    const [project, plantedRows] = await Promise.all([
      runElectronegativity(stage, path.join(work, 'app.csv'), electronVersion),
      runElectronegativity(planted, path.join(work, 'planted.csv'), electronVersion),
    ]);
    return { project, planted: plantedRows };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Whether the step passes: no HIGH row in the project's scan, and the planted window (main.js) scanned HIGH.
 * Returns the lines to print, failures first.
 */
export function electronegativityVerdict({ project, planted }) {
  const plantedHigh = planted.filter((r) => r.severity === 'HIGH' && r.file === 'main.js');
  const high = project.filter((r) => r.severity === 'HIGH');
  const problems = [];
  if (plantedHigh.length === 0) problems.push('electronegativity: the planted nodeIntegration window was not reported HIGH; the scan cannot be trusted');
  if (high.length > 0) {
    problems.push(`electronegativity: ${high.length} HIGH finding(s):`);
    for (const r of high) problems.push(`  ${r.issue} ${r.file}:${r.location} ${r.description}\n    ${r.sample}`);
  }
  const findings = project.map((r) => `${r.severity.padEnd(13)} ${r.issue.padEnd(40)} ${r.file}:${r.location}`);
  const summary = `electronegativity: no HIGH finding (${project.length} below HIGH; the planted window: ${plantedHigh.map((r) => r.issue).join(', ')})`;
  return { ok: problems.length === 0, lines: problems.length === 0 ? [...findings, summary] : [...findings, ...problems] };
}

async function main() {
  const { ok, lines } = electronegativityVerdict(await electronegativityCheck());
  for (const line of lines) (ok ? console.log : console.error)(line);
  if (!ok) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
