/*
 * The journey builder page: glue between the canvas widget (canvas.js), the server and the panes.
 *
 *   palette   filtering as you type (the canvas handles drag and double-click itself)
 *   autosave  600 ms after the last change, PUT the graph to the API; Saved/Unsaved/Saving/Error
 *   problems  the save's answer, listed under the canvas and marked on the nodes
 *   pane      the selected node's configuration, an htmx partial rendered from the node as the
 *             browser holds it; edits go back through canvas.updateNode (undoable, autosaved)
 *   lifecycle forms that save first (Publish) and ask first (Close, Stop)
 *   test      run the saved draft with a sample event; highlight the path, show each step
 *   report    on a published version, the live report (report.js); clicking a node lists its
 *             steps, double-click (or Enter) still opens its configuration
 * Page data (graph, problems, names, URLs) comes from <script id="journey-data">.
 */
(function () {
  'use strict';

  const SAVE_DELAY = 600;
  const APPLY_DELAY = 250;
  const data = JSON.parse(document.getElementById('journey-data').textContent);
  const csrfToken = JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRFToken'];
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
  const side = $('#side');
  const pane = $('#pane');
  const testPanel = $('#test-panel');

  function describeNode(node) {
    let description = {};
    if (node.type === 'action') {
      description = { title: data.names.actions[node.action] || node.action || 'Action', subtitle: node.action || '' };
    } else if (node.type === 'event') {
      description = { title: data.names.events[node.event] || node.event || 'Event', subtitle: 'Entry event' };
    }
    return node.label ? { ...description, title: node.label } : description;  // a node's own label wins
  }

  const canvas = CairnCanvas.mount($('#canvas'), {
    graph: data.graph,
    readOnly: data.read_only,
    describeNode,
    onChange: graphChanged,
    onSelect: (node) => (node ? (report ? report.showSteps(node) : openPane(node)) : closeSide()),
    onOpen: (node) => { openPane(node); focusPane(); },
  });
  window.journeyCanvas = canvas; // for tests and the benchmark
  // A published version shows its live report (report.js); a click lists the node's steps.
  const report = data.report && CairnReport.start(canvas, data.report, { pane, showPane: () => showSide('pane') });

  // ---- palette ---------------------------------------------------------------------------------

  $('#palette-search').addEventListener('input', (e) => CairnCanvas.filterPalette($('#palette'), e.target.value));

  // ---- autosave --------------------------------------------------------------------------------

  let saveTimer = null;
  let inFlight = null;
  let unsaved = false;
  let lastSaveOk = true;

  function setSaveState(state, message) {
    const label = $('#save-state');
    if (!label) return;
    label.dataset.state = state;
    label.textContent = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' }[state];
    $('#save-retry').hidden = state !== 'error';
    const error = $('#save-error');
    error.hidden = state !== 'error';
    error.textContent = message || '';
    if (state === 'error') $('#problems').open = true;
  }

  function graphChanged() {
    if (data.read_only) return;
    unsaved = true;
    setSaveState('unsaved');
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY);
    refreshPaneIfStale();
  }

  /** Save now (after any save in flight); resolves true when the server holds the current graph. */
  async function saveNow() {
    clearTimeout(saveTimer);
    while (inFlight) await inFlight;
    if (!unsaved) return lastSaveOk;
    unsaved = false;
    setSaveState('saving');
    inFlight = putGraph(canvas.getGraph());
    lastSaveOk = await inFlight;
    inFlight = null;
    if (!lastSaveOk) unsaved = true; // kept locally; Retry or the next change sends it again
    else if (unsaved) setSaveState('unsaved');
    return lastSaveOk && !unsaved;
  }

  async function putGraph(graph) {
    let response;
    try {
      response = await fetch(data.urls.save, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrfToken },
        body: JSON.stringify(graph),
        credentials: 'same-origin',
      });
    } catch (err) {
      setSaveState('error', 'Could not reach Cairn: your changes are kept on this page. Retry when you are back online.');
      return false;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = (body.error && body.error.message) || `The server answered ${response.status}.`;
      setSaveState('error', `${message} Your graph is kept on this page; the saved draft is unchanged.`);
      return false;
    }
    showProblems(body.problems || []);
    setSaveState('saved');
    return true;
  }

  const retry = $('#save-retry');
  if (retry) retry.addEventListener('click', () => { unsaved = true; saveNow(); });
  window.addEventListener('beforeunload', (e) => { if (unsaved || inFlight) e.preventDefault(); });

  // ---- problems --------------------------------------------------------------------------------

  function showProblems(problems) {
    canvas.setProblems(problems);
    const graph = canvas.getGraph();
    const list = $('#problem-list');
    list.replaceChildren(...problems.map((problem) => {
      const item = document.createElement('li');
      const node = problem.node_id && graph.nodes.find((n) => n.id === problem.node_id);
      if (node) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.dataset.nodeId = node.id;
        button.textContent = describeNode(node).title || node.type;
        item.append(button, ' ');
      }
      item.append(problem.message);
      return item;
    }));
    $('#problem-count').textContent = String(problems.length);
    $('#no-problems').hidden = problems.length > 0;
  }

  $('#problem-list').addEventListener('click', (e) => {
    const id = e.target.closest('[data-node-id]')?.dataset.nodeId;
    if (id) { canvas.select([id]); $('#canvas').focus(); }
  });

  // ---- configuration pane ----------------------------------------------------------------------

  let paneNodeId = null;
  let paneSnapshot = null;
  let applying = false;
  let applyTimer = null;
  const withoutPosition = (node) => JSON.stringify(Object.assign({}, node, { position: undefined }));
  const nodeInGraph = (id) => canvas.getGraph().nodes.find((n) => n.id === id);

  function showSide(which) {
    side.hidden = false;
    pane.hidden = which !== 'pane';
    testPanel.hidden = which !== 'test';
    $('#journey-builder').classList.add('side-open');
  }

  function closeSide() {
    flushApply();
    side.hidden = true;
    paneNodeId = null;
    pane.replaceChildren();
    $('#journey-builder').classList.remove('side-open');
  }

  function openPane(node) {
    flushApply();
    paneNodeId = node.id;
    paneSnapshot = withoutPosition(node);
    showSide('pane');
    htmx.ajax('POST', data.urls.pane, {
      source: pane, target: pane, swap: 'innerHTML',
      values: { node_id: node.id, graph: JSON.stringify(canvas.getGraph()) },
      headers: { 'X-CSRFToken': csrfToken },
    });
  }

  function focusPane() {
    pane.addEventListener('htmx:afterSwap', () => $('input:not([type=hidden]), select, textarea', pane)?.focus(), { once: true });
  }

  /** After undo/redo (or any change not made in the pane) show the node as it now is. */
  function refreshPaneIfStale() {
    if (applying || !paneNodeId) return;
    const node = nodeInGraph(paneNodeId);
    if (!node) closeSide();
    else if (withoutPosition(node) !== paneSnapshot) openPane(node);
  }

  function parseConstant(text, type) {
    if (type === 'string') return text;
    try { return JSON.parse(text); } catch (err) { return text; }
  }

  /** The node fields the pane's inputs describe, as an updateNode patch (undefined removes). */
  function patchFromPane(body) {
    const type = body.dataset.nodeType;
    if (type === 'action') {
      const maps = { params: {}, headers: {}, query: {} };
      let path;
      for (const row of $$('[data-mapping]', body)) {
        const mode = $('[data-mode]', row)?.value || 'expression';
        const expression = $('[data-input]', row).value.trim();
        const constant = $('[data-constant]', row);
        if (row.dataset.group === 'path') { path = expression || undefined; continue; }
        const map = maps[row.dataset.group];
        if (mode === 'constant' && constant.value !== '') map[row.dataset.name] = { value: parseConstant(constant.value, row.dataset.type) };
        else if (mode === 'expression' && expression) map[row.dataset.name] = expression;
      }
      const orUndefined = (map) => (Object.keys(map).length ? map : undefined);
      return { params: orUndefined(maps.params), headers: orUndefined(maps.headers), query: orUndefined(maps.query), path };
    }
    if (type === 'condition') {
      return {
        branches: $$('[data-branch]', body).map((row) => ({
          port: row.dataset.port, label: $('[data-label]', row).value.trim(), when: $('[data-when]', row).value.trim(),
        })),
      };
    }
    if (type === 'wait') {
      if ($('[data-wait-mode]:checked', body).value === 'until') return { until: $('[data-until]', body).value.trim(), seconds: undefined };
      const seconds = Math.round(Number($('[data-wait-amount]', body).value) * Number($('[data-wait-unit]', body).value));
      return { seconds: Number.isFinite(seconds) ? seconds : 0, until: undefined };
    }
    return null;
  }

  function applyPane() {
    clearTimeout(applyTimer);
    applyTimer = null;
    const body = $('.pane-body', pane);
    if (!body || data.read_only || body.dataset.nodeId !== paneNodeId || !nodeInGraph(paneNodeId)) return;
    const patch = patchFromPane(body);
    if (!patch) return;
    applying = true;
    try { canvas.updateNode(paneNodeId, patch); } finally { applying = false; }
    paneSnapshot = withoutPosition(nodeInGraph(paneNodeId));
  }

  function flushApply() { if (applyTimer) applyPane(); }

  function scheduleApply() {
    clearTimeout(applyTimer);
    applyTimer = setTimeout(applyPane, APPLY_DELAY);
  }

  function showMode(row, mode) {
    $$('[data-when-mode]', row).forEach((part) => { part.hidden = part.dataset.whenMode !== mode; });
  }

  function insertField(input, path) {
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    input.value = input.value.slice(0, start) + path + input.value.slice(end);
    input.focus();
    input.setSelectionRange(start + path.length, start + path.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const celString = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

  /** A rule-builder row as CEL: numbers and booleans stay typed for typed fields, text is quoted. */
  function ruleToCel(field, type, op, raw) {
    const typed = ['integer', 'number', 'boolean'].includes(type) && raw.trim() !== '' ? raw.trim() : celString(raw);
    if (op === 'contains' || op === 'startsWith') return `${field}.${op}(${celString(raw)})`;
    return `${field} ${op} ${typed}`;
  }

  function nextPort(body) {
    const used = new Set($$('[data-branch]', body).map((row) => row.dataset.port));
    let n = used.size + 1;
    while (used.has(`b${n}`)) n += 1;
    return `b${n}`;
  }

  pane.addEventListener('input', (e) => {
    if (e.target.closest('[data-rule], [data-picker]')) return;
    scheduleApply();
  });

  pane.addEventListener('change', (e) => {
    const target = e.target;
    if (target.matches('[data-picker]')) {
      if (target.value) insertField($('[data-input]', target.closest('[data-mapping]')), target.value);
      target.value = '';
    } else if (target.matches('[data-mode]')) {
      showMode(target.closest('[data-mapping]'), target.value);
      applyPane();
    } else if (target.matches('[data-wait-mode]')) {
      showMode(target.closest('.pane-body'), target.value);
      applyPane();
    } else if (!target.closest('[data-rule]')) {
      applyPane();
    }
  });

  pane.addEventListener('click', (e) => {
    const body = e.target.closest('.pane-body');
    if (e.target.closest('[data-close-side]')) { closeSide(); $('#canvas').focus(); return; }
    if (!body) return;
    if (e.target.closest('[data-add-branch]')) {
      const row = $('#branch-template', body).content.firstElementChild.cloneNode(true);
      row.dataset.port = nextPort(body);
      $('#branches', body).append(row);
      htmx.process(row);
      applyPane();
      $('[data-label]', row).focus();
    } else if (e.target.closest('[data-remove-branch]')) {
      e.target.closest('[data-branch]').remove();
      applyPane();
    } else if (e.target.closest('[data-rule-apply]')) {
      const rule = e.target.closest('[data-rule]');
      const field = $('[data-rule-field]', rule);
      const when = $('[data-when]', rule.closest('[data-branch]'));
      if (!field.value) return;
      when.value = ruleToCel(field.value, field.selectedOptions[0].dataset.type, $('[data-rule-op]', rule).value, $('[data-rule-value]', rule).value);
      when.dispatchEvent(new Event('input', { bubbles: true }));
      applyPane();
    }
  });

  testPanel.addEventListener('click', (e) => { if (e.target.closest('[data-close-side]')) closeSide(); });

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || side.hidden || document.querySelector('dialog[open]')) return;
    closeSide();
    $('#canvas').focus();
  });

  // ---- lifecycle -------------------------------------------------------------------------------

  document.addEventListener('submit', async (e) => {
    const form = e.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { e.preventDefault(); return; }
    if (!form.hasAttribute('data-save-first')) return;
    e.preventDefault();
    flushApply();
    if (await saveNow()) form.submit();
  });

  document.addEventListener('click', (e) => {
    const opener = e.target.closest('[data-open-dialog]');
    if (opener) document.getElementById(opener.dataset.openDialog).showModal();
    if (e.target.closest('[data-toggle-side="test"]')) {
      if (!side.hidden && !testPanel.hidden) closeSide(); else { closeSide(); showSide('test'); }
    }
  });

  // ---- test mode -------------------------------------------------------------------------------

  function block(tag, text, className) {
    const el = document.createElement(tag);
    el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  const pretty = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

  function showTestResult(result) {
    const steps = result.steps || [];
    const path = result.path || steps.map((step) => step.node_id);
    canvas.highlightPath(path);
    const graph = canvas.getGraph();
    const out = [block('p', `${result.mode || ''} run ${result.status || 'done'} · ${path.length} node${path.length === 1 ? '' : 's'} on the path`, 'muted')];
    if (result.error) out.push(block('p', result.error, 'field-error'));
    for (const step of steps) {
      const node = graph.nodes.find((n) => n.id === step.node_id);
      const details = document.createElement('details');
      details.className = 'test-step';
      const port = step.port ? ` → ${step.port}` : '';
      details.append(block('summary', `${step.node_id} ${node ? describeNode(node).title || node.type : ''} · ${step.status || ''}${port}`));
      const response = step.response_status == null ? null : `${step.response_status}\n${step.response_excerpt || ''}`;
      for (const [label, value] of [['Request', step.request], ['Response', response], ['Error', step.error]]) {
        if (value == null) continue;
        details.append(block('h5', label), block('pre', pretty(value), 'code'));
      }
      out.push(details);
    }
    $('#test-result').replaceChildren(...out);
  }

  $('#test-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const result = $('#test-result');
    let event;
    try { event = JSON.parse(e.target.event.value); } catch (err) {
      result.replaceChildren(block('p', `The sample event is not valid JSON: ${err.message}`, 'field-error'));
      return;
    }
    flushApply();
    if (!data.read_only && !(await saveNow())) {
      result.replaceChildren(block('p', 'The draft could not be saved, so it was not tested.', 'field-error'));
      return;
    }
    result.replaceChildren(block('p', 'Running…', 'muted'));
    const response = await fetch(data.urls.test, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrfToken },
      body: JSON.stringify({ event, mode: e.target.mode.value }),
      credentials: 'same-origin',
    }).catch(() => null);
    const body = response && await response.json().catch(() => ({}));
    if (!response || !response.ok) {
      const message = response?.status === 404 ? 'Test mode is not available on this server yet.'
        : (body?.error?.message || 'The test could not run.');
      result.replaceChildren(block('p', message, 'field-error'));
      return;
    }
    showTestResult(body);
  });

  showProblems(data.problems);
  // The page is usable once the first frame with the graph is painted (the benchmark reads this).
  requestAnimationFrame(() => setTimeout(() => performance.mark('journey-interactive')));
})();
