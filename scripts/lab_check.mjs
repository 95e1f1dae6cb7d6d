#!/usr/bin/env node
// A notebook in a real JupyterLab (or Notebook 7), driven by headless Chromium: Run All N times in one
// kernel, save, reload, and check that every figure draws after the reload (issue 19).
//
//   npm install --prefix /tmp/pw playwright-core          # once; never downloads a browser
//   PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core \
//     node scripts/lab_check.mjs [--frontend lab|notebook] [--runs 2] [--out build/lab-check] \
//                                [--jupyter .venv/bin/jupyter] [--timeout 600] [--no-plotly-extension]
//                                gallery-plots.ipynb ...
//
// --no-plotly-extension disables jupyterlab-plotly (as in a Jupyter without pip's plotly): the figures' text/html
// fallback then carries no plotly JSON (a notebook output carries it once, as its plotly data) and says so in
// place of the figure, so the figure counts fail there; a live chart still draws while its cell runs (its updates
// carry the JSON in their HTML, see the kernel patch's LiveFigures).
//
// For each notebook (a name in notebooks/): a scratch folder gets a copy of it in notebooks/ beside links to
// the repository's lib/ and data/ (so %jars ../lib/target/gan.jar works and the repository's notebook is
// never written); `jupyter lab` (or `jupyter notebook`) serves that folder on 127.0.0.1 with a fresh token
// and uses the kernelspec rapaio-jupyter-kernel as installed. Debian's /usr/bin/chromium (a fresh
// --user-data-dir) opens the notebook, waits for the kernel, runs Run > Run All Cells --runs times, waiting
// each time until every code cell has an execution count (no retry: a kernel that never answers fails the
// check), saves (Ctrl+S), reloads the
// page and counts the figures (expected: one per output of the saved notebook that carries
// application/vnd.plotly.v1+json): first those shown at all (jupyterlab-plotly shows the PNG snapshot it saved
// into the output until the mouse enters it), then, after hovering each one, those drawn as plotly plots (an
// svg.main-svg with at least one trace group or heatmap image, at most 900 px wide). JupyterLab's notebook
// windowing is switched off in the scratch config so every cell stays in the page. It writes into --out:
// <name>.<frontend>.saved.ipynb (the saved notebook), .before.png / .after-reload.png / .figure-NN.png
// (screenshots), result.<frontend>.json and jupyter.log, and prints one line per notebook:
//
//   FAIL gallery-plots.ipynb [lab]: after reload 15 of 15 figures shown (15 as saved PNG snapshots), 15 of 15
//        drawn as plots after hovering, saved 2.17 MB (under 2.00 MB expected), runs 139 s + 129 s,
//        live chart drawn 2 + 2 ways while running
//     saved notebook 2.17 MB, not under 2.00 MB
//
// In at least one Run All, every figure of a code cell that calls updateDisplay (a live chart) must show at least
// MIN_LIVE_DRAWINGS different drawings while its cell's prompt is [*] (polled in the page every 50 ms; the drawings
// of every Run All are printed); the saved
// notebook must be under MAX_SAVED_BYTES.
//
// --opens N --restarts M (the start check): a small notebook (the library's %jars, a sum, a figure) opened N
// times, each time with a fresh kernel (its session deleted through the REST API, then the page reloaded), and
// its kernel restarted M times (Kernel > Restart Kernel and Run All Cells); after each, Run All must finish
// within 120 s and the figure must draw. One line per start, e.g. `PASS start 3 of 10 [lab, open]: Run All 4 s`.
//
// The last line is `lab check [lab]: N passed, N failed` (one per notebook and one per start).
// A notebook also fails when its saved copy holds an error output.
// Exit status 1 if any notebook failed (a run that never finished, a figure not drawn, a save that failed).
// Needs: node >= 18, playwright-core (PLAYWRIGHT_CORE, or NODE_PATH), /usr/bin/chromium, a Jupyter with
// jupyterlab 4 / notebook 7 and pip's plotly (its jupyterlab-plotly extension draws the figures).

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
// A live chart (a code cell that calls updateDisplay and shows a figure) must show at least this many different
// drawings while its cell runs, i.e. change while its loop runs (the gallery's loop sends 21 updates in about 2 s).
// JupyterLab's and Notebook 7's plotly renderer ignores updates of a figure it has drawn (plotly.py issue 3053), so
// without the kernel patch's LiveFigures a chart shows one drawing (measured: 1, and 0 when the first update
// arrives before the first drawing) in every Run All; with it 1 to 19 in a page's first Run All (plotly.js, loaded
// once per page, may still be loading during the gallery's 2 s loop: 1 seen in Notebook 7) and 9 to 17 in the
// second (2 once, beside another check), so the most drawings of any Run All is what is asserted.
const MIN_LIVE_DRAWINGS = 2;
// A notebook saved with its outputs (after the Run Alls) must stay under this many bytes (issue 19).
const MAX_SAVED_BYTES = 2_000_000;

function parseArgs(argv) {
  const o = { frontend: 'lab', runs: 2, out: path.join(ROOT, 'build/lab-check'), jupyter: path.join(ROOT, '.venv/bin/jupyter'),
              timeout: 600, noPlotlyExtension: false, opens: 0, restarts: 0, notebooks: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { if (i + 1 >= argv.length) throw new Error(a + ' needs a value'); return argv[++i]; };
    if (a === '--frontend') o.frontend = value();
    else if (a === '--runs') o.runs = parseInt(value(), 10);
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--jupyter') { const j = value(); o.jupyter = j.includes('/') ? path.resolve(j) : j; }
    else if (a === '--timeout') o.timeout = parseFloat(value());
    else if (a === '--no-plotly-extension') o.noPlotlyExtension = true;
    else if (a === '--opens') o.opens = parseInt(value(), 10);
    else if (a === '--restarts') o.restarts = parseInt(value(), 10);
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n')
        .filter(l => l.startsWith('//')).map(l => l.slice(3)).join('\n')); process.exit(0); }
    else if (a.startsWith('--')) throw new Error('unknown option ' + a);
    else o.notebooks.push(path.basename(a));
  }
  if (!['lab', 'notebook'].includes(o.frontend)) throw new Error('--frontend must be lab or notebook, got ' + o.frontend);
  if (!(o.runs >= 1)) throw new Error('--runs must be at least 1');
  if (!(o.opens >= 0) || !(o.restarts >= 0)) throw new Error('--opens and --restarts must be numbers >= 0');
  if (o.notebooks.length === 0 && o.opens === 0 && o.restarts === 0) o.notebooks.push('gallery-plots.ipynb');
  return o;
}

function loadPlaywright() {
  const require = createRequire(import.meta.url);
  const where = process.env.PLAYWRIGHT_CORE;
  try {
    return where ? require(path.resolve(where)) : require('playwright-core');
  } catch (e) {
    throw new Error('playwright-core not found (' + e.message + '): npm install --prefix /tmp/pw playwright-core, then '
      + 'PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function startJupyter(o, dir, port, token) {
  const args = [o.frontend, '--no-browser', '--ip=127.0.0.1', '--port=' + port, '--ServerApp.token=' + token,
    '--ServerApp.root_dir=' + path.join(dir, 'notebooks'), '--ServerApp.port_retries=0',
    '--LabApp.news_url=', '--LabServerApp.announcements_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root');
  const log = fs.openSync(path.join(o.out, 'jupyter.log'), 'a');
  // A fresh config folder: no workspace or settings of the machine's user. One setting: JupyterLab's notebook
  // windowing off, so every cell (and figure) stays in the page and can be counted; drawing is unaffected.
  const config = path.join(dir, 'jupyter-config');
  const tracker = path.join(config, 'lab/user-settings/@jupyterlab/notebook-extension');
  fs.mkdirSync(tracker, { recursive: true });
  fs.writeFileSync(path.join(tracker, 'tracker.jupyterlab-settings'), JSON.stringify({ windowingMode: 'none' }));
  if (o.noPlotlyExtension) { // as a Jupyter without pip's plotly: the figures' HTML fallback must draw them
    fs.mkdirSync(path.join(config, 'labconfig'), { recursive: true });
    fs.writeFileSync(path.join(config, 'labconfig/page_config.json'), JSON.stringify({ disabledExtensions: { 'jupyterlab-plotly': true, '@jupyterlab/plotly-extension:factory': true } }));
  }
  const env = { ...process.env, JUPYTER_CONFIG_DIR: config };
  const proc = spawn(o.jupyter, args, { cwd: dir, env, stdio: ['ignore', log, log], detached: true });
  const url = `http://127.0.0.1:${port}/api/status?token=${token}`;
  for (let t = 0; t < 120; t++) {
    if (proc.exitCode !== null) throw new Error(o.frontend + ' exited with ' + proc.exitCode + '; see ' + path.join(o.out, 'jupyter.log'));
    try { if ((await fetch(url)).ok) return proc; } catch (e) { /* not up yet */ }
    await sleep(500);
  }
  throw new Error(o.frontend + ' did not answer on port ' + port + ' within 60 s');
}

function stop(proc) {
  if (proc && proc.exitCode === null) {
    try { process.kill(-proc.pid, 'SIGTERM'); } catch (e) { /* gone */ }
  }
}

// Runs in the page: the state of every code cell and every figure output. jupyterlab-plotly draws a figure
// into .jp-RenderedPlotly; after a reload it first shows the PNG snapshot it saved in the output ("image"),
// and draws the interactive plot when the mouse enters it. The classic fallback is a .gan-figure div.
const PROBE = () => {
  const cells = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell'));
  const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
  const figures = Array.from(document.querySelectorAll('.jp-Notebook .jp-RenderedPlotly, .jp-Notebook .gan-figure')).map(node => {
    const svg = node.querySelector('svg.main-svg');
    const traces = node.querySelectorAll('g.trace, g.hm image, g.imagelayer image').length;
    const container = node.querySelector('.plot-container');
    const graph = !!svg && traces > 0 && (!container || container.offsetWidth > 0);
    const img = node.querySelector('img.plot-img');
    const image = !!img && img.offsetWidth > 0 && (img.getAttribute('src') || '').startsWith('data:image/png');
    const width = graph ? svg.getBoundingClientRect().width : image ? img.getBoundingClientRect().width : 0;
    return { graph, image, width: Math.round(width), text: graph || image ? '' : (node.innerText || '').slice(0, 120) };
  });
  const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return { cells: cells.length, prompts, figures: figures.length, graphs: figures.filter(f => f.graph).length,
           images: figures.filter(f => f.image).length, drawn: figures.filter(f => f.graph || f.image).length,
           wide: figures.filter(f => f.width > 900.5).map(f => f.width), undrawn: figures.filter(f => !f.graph && !f.image).map(f => f.text),
           status: status ? status.getAttribute('data-status') : null };
};

// Runs in the page before each Run All: every 50 ms, for each figure output of each code cell, a fingerprint of
// what it draws (the SVG path data and transforms of its traces, or the src of its image); a change while the cell's prompt is
// [*] counts as one live drawing. window.__ganLive['cell.figure'] = fingerprints seen while that cell ran, in order.
const LIVE_RECORDER = () => {
  clearInterval(window.__ganLiveTimer);
  window.__ganLive = {};
  const hash = s => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return s.length + ':' + h; };
  window.__ganLiveTimer = setInterval(() => {
    document.querySelectorAll('.jp-Notebook .jp-CodeCell').forEach((cell, i) => {
      if (((cell.querySelector('.jp-InputPrompt') || {}).textContent || '').trim() !== '[*]:') return;
      cell.querySelectorAll('.jp-RenderedPlotly, .gan-figure').forEach((node, j) => {
        // a line's shape is in d; a marker's d is its symbol, its position in transform (6-6's scatter)
        const paths = Array.from(node.querySelectorAll('g.trace path, g.hm image'))
          .map(p => (p.getAttribute('d') || p.getAttribute('href') || '') + (p.getAttribute('transform') || ''));
        if (paths.length === 0) return;
        const seen = window.__ganLive[i + '.' + j] = window.__ganLive[i + '.' + j] || [];
        const f = hash(paths.join('|'));
        if (seen[seen.length - 1] !== f) seen.push(f);
      });
    });
  }, 50);
};

async function openNotebook(page, o, port, token, name) {
  const url = o.frontend === 'lab' ? `http://127.0.0.1:${port}/lab/tree/${encodeURIComponent(name)}?token=${token}`
                                   : `http://127.0.0.1:${port}/notebooks/${encodeURIComponent(name)}?token=${token}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForSelector('.jp-Notebook .jp-CodeCell', { timeout: 120_000 });
  await page.waitForTimeout(1000);
}

// The Java kernel reports no status until its first cell runs (the status bar says "Unknown"), so this waits
// until the server has a kernel for the notebook with a websocket connection to it.
async function waitForKernel(port, token, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const kernels = await (await fetch(`http://127.0.0.1:${port}/api/kernels?token=${token}`)).json();
      if (kernels.some(k => k.connections > 0)) return true;
    } catch (e) { /* retry */ }
    await sleep(1000);
  }
  return false;
}

async function clickMenu(page, menu, item) {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: new RegExp('^' + menu + '$') }).first().click();
  await page.locator('.lm-Menu-itemLabel', { hasText: new RegExp('^' + item) }).first().click();
}

// Run > Run All Cells (or, with `restart`, Kernel > Restart Kernel and Run All Cells), then wait until every
// code cell has an execution count again: one that differs from before, or after the run was seen pending (a
// fresh or restarted kernel counts from 1 again). No retry: a kernel that never runs a cell is a failure.
async function runAll(page, o, seconds, restart = false) {
  const before = await page.evaluate(PROBE);
  const stamp = prompts => prompts.map(p => p.trim()).join('|');
  const numbered = p => /^\[\d+\]:$/.test(p.trim());
  if (restart) {
    await clickMenu(page, 'Kernel', 'Restart Kernel and Run All Cells');
    await page.locator('.jp-Dialog button.jp-mod-accept').first().click({ timeout: 10_000 });
  } else {
    await clickMenu(page, 'Run', 'Run All Cells');
  }
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  let pending = false;
  while (Date.now() < deadline) {
    const s = await page.evaluate(PROBE);
    const all = s.prompts.length > 0 && s.prompts.every(numbered);
    if (!all) pending = true;
    if (all && (pending || stamp(s.prompts) !== stamp(before.prompts))) {
      await page.waitForTimeout(1500); // the last outputs and their plots
      return { ok: true, seconds: (Date.now() - t0) / 1000 };
    }
    await page.waitForTimeout(200);
  }
  const s = await page.evaluate(PROBE);
  return { ok: false, seconds: (Date.now() - t0) / 1000, prompts: s.prompts.filter(p => !numbered(p)).slice(0, 5) };
}

async function scrollThrough(page) {
  // JupyterLab 4 renders cells lazily (windowing): visit every cell so each output is attached and drawn.
  const n = await page.evaluate(() => document.querySelectorAll('.jp-Notebook .jp-Cell').length);
  for (let i = 0; i < n; i++) {
    await page.evaluate(i => { const c = document.querySelectorAll('.jp-Notebook .jp-Cell')[i]; if (c) c.scrollIntoView(); }, i);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(1500);
}

// The code cells (0-based, among code cells) that update a display: the live charts.
function liveCells(file) {
  const code = JSON.parse(fs.readFileSync(file, 'utf8')).cells.filter(c => c.cell_type === 'code');
  return code.map((c, i) => [].concat(c.source).join('').includes('updateDisplay(') ? i : -1).filter(i => i >= 0);
}

// The most different drawings of one figure of each live cell while that cell ran (0: none seen drawing).
async function liveDrawings(page, cells) {
  const seen = await page.evaluate(() => window.__ganLive || {});
  return cells.map(cell => Math.max(0, ...Object.entries(seen).filter(([k]) => k.split('.')[0] === String(cell)).map(([, v]) => v.length)));
}

function expectedFigures(file) {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  let n = 0;
  for (const c of nb.cells) for (const out of c.outputs || []) if (out.data && out.data[PLOTLY_MIME]) n++;
  return n;
}

// A scratch folder with notebooks/ beside links to the repository's lib/ and data/, so that
// %jars ../lib/target/gan.jar works and the repository's notebooks are never written.
function scratchFolder(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const nbDir = path.join(dir, 'notebooks');
  fs.mkdirSync(nbDir);
  for (const link of ['lib', 'data']) fs.symlinkSync(path.join(ROOT, link), path.join(dir, link));
  return { dir, nbDir };
}

// Debian's /usr/bin/chromium, headless, with a fresh profile in dir (never a downloaded browser).
function launchChromium(browserType, dir) {
  return browserType.launchPersistentContext(path.join(dir, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 1100 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// A scratch folder (prepare(nbDir) puts the notebook in), Jupyter serving it on a free port with a fresh token,
// and Chromium with a fresh profile: runs body({ nbDir, port, token, page }) and returns what it returns; Chromium
// and Jupyter are always stopped and the folder removed.
async function withFrontend(browserType, o, prefix, prepare, body) {
  const { dir, nbDir } = scratchFolder(prefix);
  prepare(nbDir);
  const port = await freePort();
  const token = crypto.randomBytes(16).toString('hex');
  let jupyter = null;
  let context = null;
  try {
    jupyter = await startJupyter(o, dir, port, token);
    context = await launchChromium(browserType, dir);
    const page = context.pages()[0] || await context.newPage();
    return await body({ nbDir, port, token, page });
  } finally {
    if (context) await context.close().catch(() => {});
    stop(jupyter);
    await sleep(500);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function checkNotebook(browserType, o, name) {
  const result = { notebook: name, frontend: o.frontend, ok: false, runs: [], problems: [] };
  const stem = name.replace(/\.ipynb$/, '');
  const tag = o.frontend + (o.noPlotlyExtension ? '.no-plotly-extension' : '');
  try {
    await withFrontend(browserType, o, 'lab-check-', nbDir => fs.copyFileSync(path.join(ROOT, 'notebooks', name), path.join(nbDir, name)),
                       async ({ nbDir, port, token, page }) => {
      const consoleErrors = [];
      page.on('pageerror', e => consoleErrors.push(String(e)));
      await openNotebook(page, o, port, token, name);
      if (!await waitForKernel(port, token, 180)) result.problems.push('no kernel connected within 180 s of opening');
      await page.waitForTimeout(3000);
      const live = liveCells(path.join(nbDir, name));
      for (let r = 0; r < o.runs; r++) {
        await page.evaluate(LIVE_RECORDER);
        const run = await runAll(page, o, o.timeout);
        run.live = await liveDrawings(page, live);
        result.runs.push(run);
        if (!run.ok) { result.problems.push(`Run All ${r + 1} did not finish in ${o.timeout} s (${JSON.stringify(run.prompts)})`); break; }
      }
      // asserted over the Run Alls: in a page's first one plotly.js (10.8 MB) may still be loading during the short
      // loop, and a loaded machine may hold a later one back; unpatched, every Run All shows 1 drawing
      const done = result.runs.filter(x => x.ok && x.live);
      const still = done.length === 0 ? [] : live.filter((cell, k) => Math.max(...done.map(x => x.live[k])) < MIN_LIVE_DRAWINGS);
      if (still.length > 0) {
        result.problems.push(`live chart of code cell ${still.map(c => c + 1).join(', ')} drawn ${done.map(x => x.live.join('/')).join(' + ')} `
          + `different ways while its loop ran (at least ${MIN_LIVE_DRAWINGS} expected in one Run All)`);
      }
      await scrollThrough(page);
      result.before = await page.evaluate(PROBE);
      await page.screenshot({ path: path.join(o.out, stem + '.' + tag + '.before.png'), fullPage: false });
      await page.keyboard.press('Control+s');
      await page.waitForTimeout(4000);
      const saved = path.join(nbDir, name);
      fs.copyFileSync(saved, path.join(o.out, stem + '.' + tag + '.saved.ipynb'));
      result.savedBytes = fs.statSync(saved).size;
      if (result.savedBytes >= MAX_SAVED_BYTES) {
        result.problems.push(`saved notebook ${(result.savedBytes / 1e6).toFixed(2)} MB, not under ${(MAX_SAVED_BYTES / 1e6).toFixed(2)} MB`);
      }
      const savedNb = JSON.parse(fs.readFileSync(saved, 'utf8'));
      const errors = savedNb.cells.flatMap((c, i) => (c.outputs || []).filter(x => x.output_type === 'error')
        .map(x => `cell ${i + 1}: ${x.ename}: ${String(x.evalue).slice(0, 120)}`));
      if (errors.length > 0) result.problems.push(`error outputs in the saved notebook: ${errors.join('; ')}`);
      result.expected = expectedFigures(saved);
      if (result.expected === 0) result.problems.push('the saved notebook holds no plotly figure (did the save work?)');

      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.jp-Notebook .jp-CodeCell', { timeout: 120_000 });
      await page.waitForTimeout(3000);
      await scrollThrough(page);
      result.afterReload = await page.evaluate(PROBE);    // what a reader sees first: plots or their PNG snapshots
      await page.screenshot({ path: path.join(o.out, stem + '.' + tag + '.after-reload.png'), fullPage: false });
      const outputs = page.locator('.jp-Notebook .jp-RenderedPlotly, .jp-Notebook .gan-figure');
      const count = await outputs.count();
      for (let i = 0; i < count; i++) {                      // the mouse on each: the interactive plot
        const out = outputs.nth(i);
        await out.scrollIntoViewIfNeeded();
        await out.hover({ timeout: 10_000 }).catch(() => {});
        await page.waitForTimeout(700);
        if (i < 40) await out.screenshot({ path: path.join(o.out, `${stem}.${tag}.figure-${String(i + 1).padStart(2, '0')}.png`) });
      }
      result.after = await page.evaluate(PROBE);
      if (result.afterReload.drawn < result.expected) {
        result.problems.push(`${result.afterReload.drawn} of ${result.expected} figures shown after reload: ${JSON.stringify(result.afterReload.undrawn)}`);
      }
      if (result.after.graphs < result.expected) {
        result.problems.push(`${result.after.graphs} of ${result.expected} figures drawn as plots after reload and hover: ${JSON.stringify(result.after.undrawn)}`);
      }
      if (result.after.wide.length > 0) result.problems.push(`figures wider than 900 px: ${result.after.wide.join(', ')} px`);
      result.pageErrors = consoleErrors.slice(0, 10);
    });
  } catch (e) {
    result.problems.push(String(e && e.stack || e));
  }
  result.ok = result.problems.length === 0;
  return result;
}

const STARTS_NOTEBOOK = {
  cells: [
    { cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['%jars ../lib/target/gan.jar'] },
    { cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['int answer = 1 + 1;\n', 'answer'] },
    { cell_type: 'code', metadata: {}, outputs: [], execution_count: null,
      source: ['gan.plot.Plots.lines("start check", "x", "y", new double[] {0, 1, 2}, java.util.Map.of("y", new double[] {0, 1, 4}))'] },
  ],
  metadata: { kernelspec: { display_name: 'Java (rjk 3.0.0)', language: 'java', name: 'rapaio-jupyter-kernel' },
              language_info: { name: 'java' } },
  nbformat: 4, nbformat_minor: 5,
};

// The start check: see --opens / --restarts above. Returns one result per start.
async function checkStarts(browserType, o) {
  const results = [];
  const name = 'starts-check.ipynb';
  try {
    await withFrontend(browserType, o, 'lab-starts-', nbDir => fs.writeFileSync(path.join(nbDir, name), JSON.stringify(STARTS_NOTEBOOK, null, 1)),
                       async ({ port, token, page }) => {
      const plan = [...Array(o.opens).fill('open'), ...Array(o.restarts).fill('restart')];
      for (let i = 0; i < plan.length; i++) {
        const kind = plan[i];
        const r = { start: i + 1, of: plan.length, kind, ok: false, problems: [] };
        try {
          if (kind === 'open') {
            const api = `http://127.0.0.1:${port}/api/sessions`;
            for (const session of await (await fetch(api + '?token=' + token)).json()) {
              await fetch(`${api}/${session.id}?token=${token}`, { method: 'DELETE' });
            }
            await openNotebook(page, o, port, token, name);
            if (!await waitForKernel(port, token, 60)) r.problems.push('no kernel connected within 60 s of opening');
          }
          const run = await runAll(page, o, 120, kind === 'restart');
          r.seconds = run.seconds;
          if (!run.ok) r.problems.push(`Run All did not finish within 120 s (${JSON.stringify(run.prompts)})`);
          const probe = await page.evaluate(PROBE);
          r.status = probe.status;
          if (run.ok && probe.graphs < 1) r.problems.push('the figure did not draw');
        } catch (e) {
          r.problems.push(String(e && e.message || e));
        }
        r.ok = r.problems.length === 0;
        if (!r.ok) await page.screenshot({ path: path.join(o.out, `starts.${o.frontend}.${i + 1}.png`) }).catch(() => {});
        console.log(`${r.ok ? 'PASS' : 'FAIL'} start ${r.start} of ${r.of} [${o.frontend}, ${kind}]: ` + (r.ok ? `Run All ${r.seconds.toFixed(1)} s`
          + (r.status ? `, status ${r.status}` : '') : r.problems.join('; ')));
        results.push(r);
      }
    });
  } catch (e) {
    results.push({ start: 0, kind: 'setup', ok: false, problems: [String(e && e.stack || e)] });
    console.log(`FAIL start check [${o.frontend}]: ${String(e && e.message || e)}`);
  }
  return results;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  fs.mkdirSync(o.out, { recursive: true });
  const { chromium } = loadPlaywright();
  const results = [];
  for (const name of o.notebooks) {
    const r = await checkNotebook(chromium, o, name);
    results.push(r);
    const mb = (r.savedBytes ? (r.savedBytes / 1e6).toFixed(2) + ' MB' : '?') + ` (under ${(MAX_SAVED_BYTES / 1e6).toFixed(2)} MB expected)`;
    const runs = r.runs.map(x => x.seconds.toFixed(0) + ' s').join(' + ');
    const live = r.runs.some(x => x.live && x.live.length) ? `, live chart drawn ${r.runs.map(x => (x.live || []).join('/')).join(' + ')} ways while running` : '';
    const figures = r.after ? `after reload ${r.afterReload.drawn} of ${r.expected} figures shown (${r.afterReload.images} as saved PNG snapshots), `
      + `${r.after.graphs} of ${r.expected} drawn as plots after hovering` : 'no figures counted';
    console.log(`${r.ok ? 'PASS' : 'FAIL'} ${name} [${o.frontend}${o.noPlotlyExtension ? ', no plotly extension' : ''}]: ${figures}, saved ${mb}, runs ${runs}${live}`
      + (r.ok ? '' : '\n  ' + r.problems.join('\n  ')));
  }
  const starts = o.opens + o.restarts > 0 ? await checkStarts(chromium, o) : [];
  fs.writeFileSync(path.join(o.out, 'result.' + o.frontend + (o.noPlotlyExtension ? '.no-plotly-extension' : '') + '.json'),
    JSON.stringify({ notebooks: results, starts }, null, 2));
  const all = [...results, ...starts];
  const passed = all.filter(r => r.ok).length;
  console.log(`lab check [${o.frontend}]: ${passed} passed, ${all.length - passed} failed`);
  process.exit(all.every(r => r.ok) ? 0 : 1);
}

main().catch(e => { console.error(String(e && e.stack || e)); process.exit(1); });
