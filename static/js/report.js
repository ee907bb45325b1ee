/*
 * The live report on the canvas of a published version (the canvas is read-only then).
 *
 *   badges   each node shows what happened there (entered, succeeded, failed, waiting; action
 *            nodes also their error rate and p95 latency), each connector how many took it
 *   polling  GET the report API every few seconds while the tab is visible; a hidden tab stops,
 *            showing it again refreshes at once
 *   range    the time-range switch, kept in the page URL (?range=) so a reload or a shared link
 *            shows the same; the version switch reloads the page on another version
 *   steps    clicking a node lists its newest steps in the side pane (an htmx partial), refreshed
 *            when that node's figures change
 * journey.js starts it with the mounted canvas when the page data has a `report`.
 */
(function () {
  'use strict';

  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat('en');
  const percent = (rate) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
  const millis = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

  /** [figure, how it reads on the badge, its tooltip]; per node type, which figures it shows. */
  const FIGURES = {
    entered: [(n) => `${compact.format(n)} in`, 'Entered'],
    succeeded: [(n) => `${compact.format(n)} ok`, 'Succeeded'],
    failed: [(n) => `${compact.format(n)} failed`, 'Failed'],
    waiting: [(n) => `${compact.format(n)} here`, 'Here now: waiting, or being worked on'],
    error_rate: [(r) => `${percent(r)} errors`, 'Call attempts that failed'],
    p95_ms: [(ms) => `p95 ${millis(ms)}`, '95th percentile call latency'],
  };
  const SHOWN = {
    event: ['entered', 'waiting'],
    end: ['entered'],
    action: ['entered', 'succeeded', 'failed', 'waiting', 'error_rate', 'p95_ms'],
  };
  const SHOWN_DEFAULT = ['entered', 'succeeded', 'failed', 'waiting'];

  function start(canvas, config, hooks) {
    const state = document.getElementById('report-state');
    const bar = document.getElementById('report-bar');
    const rangeInputs = [...bar.querySelectorAll('[name="range"]')];
    let range = config.range;
    let timer = null;
    let sequence = 0;
    let stopped = false;
    let sized = false;
    let latest = new Map(); // node id -> its figures in the last report

    function say(text, isError = false) {
      state.textContent = text;
      state.classList.toggle('field-error', isError);
    }

    function badges(node) {
      const el = canvas.nodeElement(node.id);
      if (!el) return null;
      let box = el.querySelector('.cc-report');
      if (!box) {
        box = document.createElement('div');
        box.className = 'cc-report';
        for (const figure of SHOWN[node.type] || SHOWN_DEFAULT) {
          const badge = document.createElement('span');
          badge.className = 'cc-figure';
          badge.dataset.figure = figure;
          box.append(badge);
        }
        el.append(box);
      }
      return box;
    }

    function show(report) {
      for (const node of report.nodes) {
        const box = badges(node);
        if (!box) continue;
        for (const badge of box.children) {
          const figure = badge.dataset.figure;
          const value = node[figure];
          const [format, title] = FIGURES[figure];
          badge.hidden = value == null;
          badge.dataset.value = value ?? '';
          badge.textContent = value == null ? '' : format(value);
          badge.title = figure === 'failed' && node.stopped
            ? `Failed: ${whole.format(value)} · stopped: ${whole.format(node.stopped)}`
            : `${title}: ${typeof value === 'number' && Number.isInteger(value) ? whole.format(value) : badge.textContent}`;
          badge.classList.toggle('cc-figure-alert', (figure === 'failed' || figure === 'error_rate') && value > 0);
          badge.classList.toggle('cc-figure-busy', figure === 'waiting' && value > 0);
        }
      }
      const counts = new Map(report.edges.map((e) => [`${e.from}\u0000${e.port}\u0000${e.to}`, e.count]));
      canvas.setEdgeLabels(({ from, port, to }) => {
        const count = counts.get(`${from}\u0000${port}\u0000${to}`);
        return count == null ? null : compact.format(count);
      });
      if (!sized) { canvas.revalidate(); sized = true; } // the badges made the nodes taller, once
      const changed = refreshedNodes(report);
      const open = hooks.pane.querySelector('.report-steps');
      if (open && !open.closest('[hidden]') && changed.has(open.dataset.nodeId)) loadSteps(open.dataset.nodeId);
      const when = new Date(report.generated_at).toLocaleTimeString();
      say(`Version ${report.version} (${report.version_status}) · updated ${when}`);
    }

    /** Remember the figures; answer the nodes whose figures changed since the last report. */
    function refreshedNodes(report) {
      const changed = new Set();
      const next = new Map(report.nodes.map((n) => [n.id, JSON.stringify(n)]));
      for (const [id, figures] of next) if (latest.has(id) && latest.get(id) !== figures) changed.add(id);
      latest = next;
      return changed;
    }

    async function refresh() {
      const mine = ++sequence;
      const url = `${config.url}?${new URLSearchParams({ version: config.version, range })}`;
      let response;
      try {
        response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      } catch (err) {
        if (mine === sequence) say('Cannot reach Cairn: retrying…', true);
        return;
      }
      if (mine !== sequence) return; // the range changed while this was on its way
      const body = await response.json().catch(() => ({}));
      if (response.ok) { show(body); return; }
      if (response.status >= 500) { say(`The report failed (${response.status}): retrying…`, true); return; }
      stopped = true; // signed out, or the version is gone: polling again cannot help
      say((body.error && body.error.message) || `The report is unavailable (${response.status}); reload the page.`, true);
    }

    function schedule() {
      clearTimeout(timer);
      if (!stopped && !document.hidden) timer = setTimeout(tick, config.interval_ms);
    }

    async function tick() {
      clearTimeout(timer);
      await refresh();
      schedule();
    }

    function loadSteps(nodeId) {
      const url = `${config.steps_url}?${new URLSearchParams({ version: config.version, node: nodeId })}`;
      return htmx.ajax('GET', url, { source: hooks.pane, target: hooks.pane, swap: 'innerHTML' });
    }

    document.addEventListener('visibilitychange', () => (document.hidden ? clearTimeout(timer) : tick()));

    for (const input of rangeInputs) {
      input.addEventListener('change', () => {
        range = input.value;
        const address = new URL(window.location.href);
        address.searchParams.set('range', range);
        window.history.replaceState(null, '', address);
        say('Loading…');
        tick();
      });
    }
    document.getElementById('report-version').addEventListener('change', () => bar.submit());

    tick();

    return {
      /** List the node's newest steps in the side pane. */
      showSteps(node) {
        hooks.showPane();
        return loadSteps(node.id);
      },
      refresh: tick,
    };
  }

  window.CairnReport = { start };
})();
