/*
 * Cairn journey canvas: draws a journey graph (see docs/journey-graph.md) and lets a marketer edit it.
 *
 * The graph object is the single source of truth. Every edit goes through `commit`, which keeps an
 * undo snapshot, then `sync` brings the DOM and jsPlumb's connections in line with the graph by
 * diffing (so undo, paste and setGraph need no special drawing code). jsPlumb draws connectors and
 * drags nodes; dagre lays out "Tidy"; zoom and pan are a CSS transform on the world element.
 * The widget only owns node positions, edges and node creation/removal: every other node field is
 * carried through untouched. Needs jsPlumb (global `jsPlumb`) and dagre (global `dagre`) loaded first.
 */
(function () {
  'use strict';

  const CLIPBOARD_KEY = 'cairn.canvas.clipboard';
  const NODE_MIME = 'application/x-cairn-node';
  const DEFAULT_PORT = { event: 'next', wait: 'next', action: 'ok' };
  const HISTORY_LIMIT = 200;
  const STEP = 20; // px moved by Shift+arrow, and the offset of each paste
  const ZOOM_MIN = 0.2;
  const ZOOM_MAX = 2;
  const BATCH_THRESHOLD = 20; // above this many changed elements, suspend drawing while syncing
  const EDGE_LABEL = 'cc-edge-label'; // id of the label overlay setEdgeLabels puts on connectors

  const clone = (value) => JSON.parse(JSON.stringify(value));
  const esc = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const isEditable = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  function humanDuration(seconds) {
    const units = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
    const [size, unit] = units.find(([s]) => seconds >= s && seconds % s === 0) || [1, 's'];
    return `${seconds / size} ${unit}`;
  }

  /** What a node looks like when the page gives no describeNode, or leaves fields out. */
  function defaultDescription(node) {
    const branches = Array.isArray(node.branches) ? node.branches : [];
    switch (node.type) {
      case 'event': return { title: node.event || 'Event', subtitle: 'Entry event', ports: [{ name: 'next', label: '' }] };
      case 'action': return { title: node.action || 'Action', subtitle: 'Action', ports: [{ name: 'ok', label: 'ok' }, { name: 'error', label: 'error' }] };
      case 'condition': return {
        title: 'Condition',
        subtitle: `${branches.length} branch${branches.length === 1 ? '' : 'es'}`,
        ports: branches.map((b) => ({ name: b.port, label: b.label || b.port })).concat([{ name: 'else', label: 'else' }]),
      };
      case 'wait': return {
        title: 'Wait',
        subtitle: node.until ? `until ${node.until}` : (node.seconds > 0 ? humanDuration(node.seconds) : 'not set'),
        ports: [{ name: 'next', label: '' }],
      };
      case 'end': return { title: 'End', subtitle: 'Journey ends', ports: [] };
      default: return { title: node.type, subtitle: '', ports: [] };
    }
  }

  /** Spec of the node a palette item creates, from its data attributes (null if disabled). */
  function paletteSpec(item) {
    if (!item || item.hasAttribute('data-disabled')) return null;
    const spec = { type: item.dataset.nodeType };
    if (item.dataset.actionKey) spec.action = item.dataset.actionKey;
    if (item.dataset.eventKey) spec.event = item.dataset.eventKey;
    if (item.dataset.nodeDefaults) Object.assign(spec, JSON.parse(item.dataset.nodeDefaults));
    if (spec.type === 'condition' && !spec.branches) spec.branches = [];
    return spec;
  }

  const paletteText = new WeakMap();

  /**
   * Hide the palette items (elements with data-node-type) whose text does not contain every word
   * of the query, and groups ([data-palette-group]) left with no visible item. Only writes what
   * changes and reads no layout, so 1,000 items filter well within a frame.
   */
  function filterPalette(palette, query) {
    const words = String(query || '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const item of palette.querySelectorAll('[data-node-type]')) {
      let text = paletteText.get(item);
      if (text === undefined) {
        text = item.textContent.toLowerCase();
        paletteText.set(item, text);
      }
      const hide = !words.every((w) => text.includes(w));
      if (item.hidden !== hide) item.hidden = hide;
    }
    for (const group of palette.querySelectorAll('[data-palette-group]')) {
      const hide = !group.querySelector('[data-node-type]:not([hidden])');
      if (group.hidden !== hide) group.hidden = hide;
    }
  }

  function mount(root, options = {}) {
    const readOnly = !!options.readOnly;
    const emit = (name, ...args) => { if (typeof options[name] === 'function') options[name](...args); };
    const describe = (node) => Object.assign(defaultDescription(node), options.describeNode ? options.describeNode(node) || {} : {});

    root.classList.add('cc-root');
    root.classList.toggle('cc-readonly', readOnly);
    root.tabIndex = 0;
    root.innerHTML = '<div class="cc-viewport"><div class="cc-world"></div><div class="cc-band" hidden></div></div>'
      + '<div class="cc-controls"><button type="button" data-cc="zoom-out" title="Zoom out">−</button>'
      + '<button type="button" data-cc="zoom-in" title="Zoom in">+</button>'
      + '<button type="button" data-cc="fit" title="Fit to view">Fit</button>'
      + (readOnly ? '' : '<button type="button" data-cc="tidy" title="Auto-layout">Tidy</button>') + '</div>';
    const viewport = root.querySelector('.cc-viewport');
    const world = root.querySelector('.cc-world');
    const band = root.querySelector('.cc-band');

    const instance = jsPlumb.newInstance({
      container: world,
      resizeObserver: false, // 300 observed nodes cost ~1 s after mount; we revalidate ourselves
      elementsDraggable: !readOnly,
      connectionsDetachable: false,
      connector: { type: 'Bezier', options: { curviness: 60 } },
      endpoint: 'Blank',
      anchors: ['Right', 'Left'],
      paintStyle: { stroke: '#94a3b8', strokeWidth: 2 },
      connectionOverlays: [{ type: 'Arrow', options: { location: 1, width: 10, length: 10 } }],
    });
    if (!readOnly) {
      instance.addSourceSelector('.cc-port', { parentSelector: '.cc-port', anchor: 'Right', endpoint: 'Blank' });
      instance.addTargetSelector('.cc-node', { anchor: 'Left', endpoint: 'Blank' });
    }

    let graph = { nodes: [], edges: [] };
    let undoStack = [];
    let redoStack = [];
    const views = new Map(); // node id -> {el, signature, x, y}
    const connections = new Map(); // edge key -> jsPlumb connection
    let selection = new Set();
    let primary = null; // the node last selected, for keyboard and onSelect
    let selectedEdge = null;
    let problems = new Map();
    let highlighted = [];
    let view = { x: 0, y: 0, zoom: 1 };

    const nodeById = (id) => graph.nodes.find((n) => n.id === id);
    const portOf = (edge) => {
      const from = nodeById(edge.from);
      return edge.port || (from && (DEFAULT_PORT[from.type] || (describe(from).ports[0] || {}).name));
    };
    const edgeKey = (edge) => `${edge.from}\u0000${portOf(edge)}\u0000${edge.to}`;

    function nextId() {
      const used = graph.nodes.map((n) => /^n(\d+)$/.exec(n.id)).filter(Boolean).map((m) => Number(m[1]));
      return 'n' + (Math.max(0, ...used) + 1);
    }

    // ---- drawing -------------------------------------------------------------------------------

    function nodeHtml(node, d) {
      const ports = (d.ports || []).map((p) => `<div class="cc-port" data-port="${esc(p.name)}"><span>${esc(p.label ?? p.name)}</span></div>`).join('');
      return `<div class="cc-node cc-type-${esc(node.type)}" data-node-id="${esc(node.id)}">`
        + `<div class="cc-head"><span class="cc-title">${esc(d.title)}</span><span class="cc-badge" hidden></span></div>`
        + `<div class="cc-subtitle">${esc(d.subtitle)}</div><div class="cc-ports">${ports}</div></div>`;
    }

    function decorate(id) {
      const v = views.get(id);
      if (!v) return;
      v.el.classList.toggle('cc-selected', selection.has(id));
      v.el.classList.toggle('cc-primary', primary === id);
      v.el.classList.toggle('cc-highlight', highlighted.includes(id));
      const messages = problems.get(id);
      const badge = v.el.querySelector('.cc-badge');
      badge.hidden = !messages;
      v.el.classList.toggle('cc-has-problem', !!messages);
      badge.textContent = messages ? String(messages.length) : '';
      badge.title = messages ? messages.join('\n') : '';
    }

    function decorateEdges() {
      const pairs = new Set(highlighted.slice(1).map((to, i) => `${highlighted[i]}\u0000${to}`));
      for (const [key, conn] of connections) {
        const [from, , to] = key.split('\u0000');
        conn.removeClass('cc-edge-highlight cc-edge-selected');
        if (pairs.has(`${from}\u0000${to}`)) conn.addClass('cc-edge-highlight');
        if (key === selectedEdge) conn.addClass('cc-edge-selected');
      }
    }

    function dropConnection(key) {
      instance.deleteConnection(connections.get(key), { fireEvent: false });
      connections.delete(key);
    }

    /** Make the DOM and jsPlumb match `graph`, touching only what changed. */
    function sync() {
      const wanted = new Map(graph.nodes.map((n) => [n.id, n]));
      const fresh = [];
      const work = [];
      for (const [id, v] of views) {
        const node = wanted.get(id);
        const d = node && describe(node);
        if (node && v.signature === JSON.stringify(d)) {
          const p = node.position || {};
          if (p.x !== v.x || p.y !== v.y) work.push(() => place(v, p));
          continue;
        }
        for (const key of [...connections.keys()]) {
          const [from, , to] = key.split('\u0000');
          if (from === id || to === id) dropConnection(key);
        }
        instance.unmanage(v.el, true);
        views.delete(id);
      }
      const template = document.createElement('template');
      for (const node of graph.nodes) {
        if (views.has(node.id)) continue;
        const d = describe(node);
        template.innerHTML = nodeHtml(node, d);
        const el = template.content.firstElementChild;
        const p = node.position || { x: 0, y: 0 };
        el.style.left = `${p.x}px`;
        el.style.top = `${p.y}px`;
        world.appendChild(el);
        views.set(node.id, { el, signature: JSON.stringify(d), x: p.x, y: p.y });
        fresh.push(node.id);
      }
      const edges = new Map();
      for (const edge of graph.edges) {
        const source = views.get(edge.from);
        const target = views.get(edge.to);
        const port = source && source.el.querySelector(`.cc-port[data-port="${CSS.escape(portOf(edge) || '')}"]`);
        if (port && target) edges.set(edgeKey(edge), { port, target: target.el });
      }
      for (const key of [...connections.keys()]) if (!edges.has(key)) dropConnection(key);
      const apply = () => {
        for (const id of fresh) instance.manage(views.get(id).el, id);
        work.forEach((fn) => fn());
        for (const [key, e] of edges) {
          if (!connections.has(key)) connections.set(key, instance.connect({ source: e.port, target: e.target }));
        }
      };
      if (fresh.length + work.length > BATCH_THRESHOLD) instance.batch(apply); else apply();
      selection = new Set([...selection].filter((id) => views.has(id)));
      if (primary && !views.has(primary)) primary = null;
      if (selectedEdge && !connections.has(selectedEdge)) selectedEdge = null;
      for (const id of views.keys()) decorate(id);
      decorateEdges();
      syncDragSelection();
    }

    function place(v, p) {
      v.x = p.x;
      v.y = p.y;
      v.el.style.left = `${p.x}px`;
      v.el.style.top = `${p.y}px`;
      instance.revalidate(v.el);
    }

    function applyView() {
      world.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`;
      instance.setZoom(view.zoom);
    }

    function zoomAt(factor, cx, cy) {
      const zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, view.zoom * factor));
      view = { x: cx - ((cx - view.x) * zoom) / view.zoom, y: cy - ((cy - view.y) * zoom) / view.zoom, zoom };
      applyView();
    }

    function bounds(ids) {
      const boxes = ids.map((id) => { const v = views.get(id); return [v.x, v.y, v.x + v.el.offsetWidth, v.y + v.el.offsetHeight]; });
      return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    }

    function fit() {
      if (!views.size) return;
      const [x1, y1, x2, y2] = bounds([...views.keys()]);
      const zoom = Math.min(1, Math.max(0.4, Math.min((viewport.clientWidth - 80) / (x2 - x1), (viewport.clientHeight - 80) / (y2 - y1))));
      view = { x: 40 - x1 * zoom, y: 40 - y1 * zoom, zoom };
      applyView();
    }

    function reveal(id) {
      const v = views.get(id);
      const sx = view.x + v.x * view.zoom;
      const sy = view.y + v.y * view.zoom;
      if (sx < 0 || sy < 0 || sx + v.el.offsetWidth * view.zoom > viewport.clientWidth || sy + v.el.offsetHeight * view.zoom > viewport.clientHeight) {
        view.x = viewport.clientWidth / 2 - (v.x + v.el.offsetWidth / 2) * view.zoom;
        view.y = viewport.clientHeight / 2 - (v.y + v.el.offsetHeight / 2) * view.zoom;
        applyView();
      }
    }

    function toWorld(clientX, clientY) {
      const r = viewport.getBoundingClientRect();
      return { x: (clientX - r.left - view.x) / view.zoom, y: (clientY - r.top - view.y) / view.zoom };
    }

    // ---- changes and history -------------------------------------------------------------------

    /** Apply one user change to the graph: one undo step, one redraw, one onChange. */
    function commit(mutate) {
      const before = JSON.stringify(graph);
      mutate(graph);
      if (JSON.stringify(graph) === before) return;
      undoStack.push(before);
      if (undoStack.length > HISTORY_LIMIT) undoStack.shift();
      redoStack = [];
      sync();
      emit('onChange', clone(graph));
    }

    function travel(from, to) {
      if (readOnly || !from.length) return;
      to.push(JSON.stringify(graph));
      graph = JSON.parse(from.pop());
      sync();
      emit('onChange', clone(graph));
    }

    function select(ids, newPrimary = ids[ids.length - 1] ?? null) {
      const before = selection.size === 1 ? primary : null;
      const touched = new Set([...selection, ...ids, primary].filter(Boolean));
      selection = new Set(ids);
      primary = newPrimary;
      selectedEdge = null;
      touched.forEach(decorate);
      decorateEdges();
      syncDragSelection();
      const after = selection.size === 1 ? primary : null;
      if (after !== before) emit('onSelect', after ? clone(nodeById(after)) : null);
    }

    function syncDragSelection() {
      instance.clearDragSelection();
      if (selection.size > 1) selection.forEach((id) => instance.addToDragSelection(views.get(id).el));
    }

    function createNode(spec, position) {
      const node = Object.assign({ id: nextId() }, clone(spec), { position: { x: Math.round(position.x), y: Math.round(position.y) } });
      if (nodeById(node.id)) node.id = nextId();
      graph.nodes.push(node);
      return node;
    }

    function newEdge(fromNode, port, to) {
      return port === DEFAULT_PORT[fromNode.type] ? { from: fromNode.id, to } : { from: fromNode.id, port, to };
    }

    function connect(g, from, port, to) {
      const fromNode = nodeById(from);
      const toNode = nodeById(to);
      if (!fromNode || !toNode || from === to || toNode.type === 'event') return;
      if (g.edges.some((e) => e.from === from && e.to === to && portOf(e) === port)) return;
      g.edges = g.edges.filter((e) => !(e.from === from && portOf(e) === port));
      g.edges.push(newEdge(fromNode, port, to));
    }

    function freePort(node) {
      const used = new Set(graph.edges.filter((e) => e.from === node.id).map(portOf));
      return (describe(node).ports || []).map((p) => p.name).find((name) => !used.has(name));
    }

    function addNode(spec, position) {
      if (readOnly) return null;
      let node;
      const anchor = !position && primary && nodeById(primary);
      commit((g) => {
        if (anchor) {
          const v = views.get(anchor.id);
          const spot = { x: v.x + v.el.offsetWidth + 80, y: v.y };
          while (graph.nodes.some((n) => n.position && Math.abs(n.position.x - spot.x) < 120 && Math.abs(n.position.y - spot.y) < 80)) spot.y += 120;
          node = createNode(spec, spot);
          const port = freePort(anchor);
          if (port) connect(g, anchor.id, port, node.id);
        } else {
          const r = viewport.getBoundingClientRect();
          node = createNode(spec, position || toWorld(r.left + r.width / 2 - 100, r.top + r.height / 2 - 40));
        }
      });
      select([node.id]);
      return clone(node);
    }

    function deleteSelection() {
      if (readOnly) return;
      if (selectedEdge && !selection.size) {
        const key = selectedEdge;
        commit((g) => { g.edges = g.edges.filter((e) => edgeKey(e) !== key); });
        return;
      }
      const gone = new Set(selection);
      if (!gone.size) return;
      commit((g) => {
        g.nodes = g.nodes.filter((n) => !gone.has(n.id));
        g.edges = g.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
      });
      select([]);
    }

    function moveSelection(dx, dy) {
      if (readOnly || !selection.size) return;
      commit((g) => g.nodes.forEach((n) => {
        if (selection.has(n.id)) n.position = { x: (n.position?.x || 0) + dx, y: (n.position?.y || 0) + dy };
      }));
    }

    function copy() {
      if (!selection.size) return;
      const nodes = graph.nodes.filter((n) => selection.has(n.id));
      const edges = graph.edges.filter((e) => selection.has(e.from) && selection.has(e.to)).map((e) => Object.assign({}, e, { port: portOf(e) }));
      localStorage.setItem(CLIPBOARD_KEY, JSON.stringify({ nodes, edges }));
    }

    function paste() {
      const stored = localStorage.getItem(CLIPBOARD_KEY);
      if (readOnly || !stored) return;
      const clip = JSON.parse(stored);
      const ids = new Map();
      commit((g) => {
        for (const node of clip.nodes) {
          const { id, position, ...rest } = node;
          const p = position || { x: 0, y: 0 };
          ids.set(id, createNode(rest, { x: p.x + 2 * STEP, y: p.y + 2 * STEP }).id);
        }
        for (const e of clip.edges) g.edges.push(newEdge(nodeById(ids.get(e.from)), e.port, ids.get(e.to)));
      });
      clip.nodes.forEach((n) => { n.position = { x: (n.position?.x || 0) + 2 * STEP, y: (n.position?.y || 0) + 2 * STEP }; });
      localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clip));
      select([...ids.values()]);
    }

    function tidy() {
      if (readOnly || !graph.nodes.length) return;
      const g = new dagre.graphlib.Graph();
      g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 40, marginy: 40 });
      g.setDefaultEdgeLabel(() => ({}));
      for (const [id, v] of views) g.setNode(id, { width: v.el.offsetWidth, height: v.el.offsetHeight });
      for (const e of graph.edges) if (views.has(e.from) && views.has(e.to)) g.setEdge(e.from, e.to);
      dagre.layout(g);
      commit((graphToChange) => graphToChange.nodes.forEach((n) => {
        const p = g.node(n.id);
        if (p) n.position = { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) };
      }));
      fit();
    }

    /** Select the nearest node in an arrow's direction, preferring ones straight ahead. */
    function navigate(dx, dy) {
      const centre = (id) => { const v = views.get(id); return [v.x + v.el.offsetWidth / 2, v.y + v.el.offsetHeight / 2]; };
      if (!primary) {
        const first = graph.nodes.find((n) => n.type === 'event') || graph.nodes[0];
        if (first) { select([first.id]); reveal(first.id); }
        return;
      }
      const [x0, y0] = centre(primary);
      let best = null;
      let bestScore = Infinity;
      for (const id of views.keys()) {
        if (id === primary) continue;
        const [x, y] = centre(id);
        const along = (x - x0) * dx + (y - y0) * dy;
        const across = Math.abs((x - x0) * dy) + Math.abs((y - y0) * dx);
        const score = along + 3 * across;
        if (along > 0 && score < bestScore) { best = id; bestScore = score; }
      }
      if (best) { select([best]); reveal(best); }
    }

    // ---- input ---------------------------------------------------------------------------------

    const onKey = (e) => {
      if (isEditable(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (mod && key === 'z') (e.shiftKey ? travel(redoStack, undoStack) : travel(undoStack, redoStack));
      else if (mod && key === 'y') travel(redoStack, undoStack);
      else if (mod && key === 'c') copy();
      else if (mod && key === 'v') paste();
      else if (mod && key === 'a') select(graph.nodes.map((n) => n.id), primary);
      else if (key === 'Delete' || key === 'Backspace') deleteSelection();
      else if (arrows[key] && e.shiftKey) moveSelection(arrows[key][0] * STEP, arrows[key][1] * STEP);
      else if (arrows[key]) navigate(...arrows[key]);
      else if (key === 'Enter' && primary) emit('onOpen', clone(nodeById(primary)));
      else if (key === 'Escape') select([]);
      else return;
      e.preventDefault();
    };

    const onPointerDown = (e) => {
      if (e.button !== 0) return;
      root.focus({ preventScroll: true });
      const nodeEl = e.target.closest('.cc-node');
      if (nodeEl) {
        const id = nodeEl.dataset.nodeId;
        if (e.shiftKey || e.ctrlKey || e.metaKey) {
          const ids = selection.has(id) ? [...selection].filter((s) => s !== id) : [...selection, id];
          select(ids, selection.has(id) ? ids[ids.length - 1] ?? null : id);
        } else if (!selection.has(id)) select([id]);
        else if (primary !== id) select([...selection], id);
        return;
      }
      if (e.target.closest('.jtk-connector, .cc-controls')) return;
      const start = { x: e.clientX, y: e.clientY, view: { ...view } };
      const rubber = e.shiftKey;
      let moved = false;
      const r = viewport.getBoundingClientRect();
      const move = (m) => {
        moved = moved || Math.abs(m.clientX - start.x) + Math.abs(m.clientY - start.y) > 3;
        if (!moved) return;
        if (rubber) {
          Object.assign(band.style, {
            left: `${Math.min(start.x, m.clientX) - r.left}px`, top: `${Math.min(start.y, m.clientY) - r.top}px`,
            width: `${Math.abs(m.clientX - start.x)}px`, height: `${Math.abs(m.clientY - start.y)}px`,
          });
          band.hidden = false;
        } else {
          view = { ...start.view, x: start.view.x + m.clientX - start.x, y: start.view.y + m.clientY - start.y };
          applyView();
        }
      };
      const up = (u) => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        band.hidden = true;
        if (!moved) return select([]);
        if (!rubber) return;
        const a = toWorld(Math.min(start.x, u.clientX), Math.min(start.y, u.clientY));
        const b = toWorld(Math.max(start.x, u.clientX), Math.max(start.y, u.clientY));
        const inside = [...views].filter(([, v]) => v.x < b.x && v.y < b.y && v.x + v.el.offsetWidth > a.x && v.y + v.el.offsetHeight > a.y);
        select([...new Set([...selection, ...inside.map(([id]) => id)])]);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    };

    const onWheel = (e) => {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) {
        const r = viewport.getBoundingClientRect();
        zoomAt(Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
      } else {
        view = { ...view, x: view.x - e.deltaX, y: view.y - e.deltaY };
        applyView();
      }
    };

    const onControl = (e) => {
      const action = e.target.closest('[data-cc]')?.dataset.cc;
      const centre = [viewport.clientWidth / 2, viewport.clientHeight / 2];
      if (action === 'zoom-in') zoomAt(1.2, ...centre);
      else if (action === 'zoom-out') zoomAt(1 / 1.2, ...centre);
      else if (action === 'fit') fit();
      else if (action === 'tidy') tidy();
    };

    const onDoubleClick = (e) => {
      const nodeEl = e.target.closest('.cc-node');
      if (nodeEl && root.contains(nodeEl)) return emit('onOpen', clone(nodeById(nodeEl.dataset.nodeId)));
      const spec = !readOnly && paletteSpec(e.target.closest('[data-node-type]'));
      if (spec && !root.contains(e.target)) addNode(spec);
    };

    const onDragStart = (e) => {
      const item = e.target.closest && e.target.closest('[data-node-type]');
      if (!item || root.contains(item)) return;
      const spec = paletteSpec(item);
      if (!spec || item.getAttribute('draggable') !== 'true') return e.preventDefault();
      e.dataTransfer.setData(NODE_MIME, JSON.stringify(spec));
      e.dataTransfer.effectAllowed = 'copy';
    };

    const onDragOver = (e) => {
      if (readOnly || !e.dataTransfer.types.includes(NODE_MIME)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };

    const onDrop = (e) => {
      const data = e.dataTransfer.getData(NODE_MIME);
      if (readOnly || !data) return;
      e.preventDefault();
      const p = toWorld(e.clientX, e.clientY);
      addNode(JSON.parse(data), { x: p.x - 90, y: p.y - 30 });
      root.focus({ preventScroll: true });
    };

    instance.bind('drag:stop', (p) => {
      const moved = new Map(p.elements.map((item) => [item.el.dataset.nodeId, item.pos]));
      moved.forEach((pos, id) => { const v = views.get(id); if (v) { v.x = Math.round(pos.x); v.y = Math.round(pos.y); } });
      commit((g) => g.nodes.forEach((n) => {
        const pos = moved.get(n.id);
        if (pos) n.position = { x: Math.round(pos.x), y: Math.round(pos.y) };
      }));
    });

    instance.bind('connection', (info, originalEvent) => {
      if (!originalEvent) return; // our own connect() calls from sync
      const port = info.source.closest('.cc-port');
      const from = port.closest('.cc-node').dataset.nodeId;
      const to = info.target.dataset.nodeId;
      commit((g) => connect(g, from, port.dataset.port, to)); // sync draws the edge anew
      // jsPlumb is still finishing this drop: remove its own connection once it is done.
      setTimeout(() => instance.deleteConnection(info.connection, { fireEvent: false }));
    });

    instance.bind('connection:click', (conn) => {
      select([]);
      selectedEdge = [...connections].find(([, c]) => c === conn)?.[0] || null;
      decorateEdges();
    });

    root.addEventListener('keydown', onKey);
    viewport.addEventListener('pointerdown', onPointerDown, true);
    viewport.addEventListener('wheel', onWheel, { passive: false });
    viewport.addEventListener('dragover', onDragOver);
    viewport.addEventListener('drop', onDrop);
    root.querySelector('.cc-controls').addEventListener('click', onControl);
    document.addEventListener('dblclick', onDoubleClick);
    document.addEventListener('dragstart', onDragStart);

    function setGraph(newGraph) {
      graph = clone(newGraph || {});
      graph.nodes = Array.isArray(graph.nodes) ? graph.nodes : [];
      graph.edges = Array.isArray(graph.edges) ? graph.edges : [];
      graph.nodes.forEach((n, i) => { if (!n.position) n.position = { x: 40 + (i % 6) * 260, y: 40 + Math.floor(i / 6) * 140 }; });
      undoStack = [];
      redoStack = [];
      selection = new Set();
      primary = null;
      sync();
      fit();
    }

    setGraph(options.graph);

    return {
      getGraph: () => clone(graph),
      setGraph,
      setProblems(list) {
        const old = [...problems.keys()];
        problems = new Map();
        for (const p of list || []) {
          if (p.node_id == null) continue;
          problems.set(p.node_id, (problems.get(p.node_id) || []).concat([p.message]));
        }
        new Set([...old, ...problems.keys()]).forEach(decorate);
      },
      updateNode(id, patch) {
        commit((g) => {
          const node = g.nodes.find((n) => n.id === id);
          if (!node) return;
          for (const [key, value] of Object.entries(patch || {})) {
            if (key === 'id') continue;
            if (value === undefined) delete node[key]; else node[key] = clone(value);
          }
        });
      },
      highlightPath(nodeIds) {
        const old = highlighted;
        highlighted = (nodeIds || []).slice();
        new Set([...old, ...highlighted]).forEach(decorate);
        decorateEdges();
      },
      /** Label each edge's connector with `labelOf({from, port, to})` (null: no label), e.g. the report's counts. */
      setEdgeLabels(labelOf) {
        for (const [key, conn] of connections) {
          const [from, port, to] = key.split('\u0000');
          const text = labelOf({ from, port, to });
          const overlay = conn.getOverlay(EDGE_LABEL);
          if (text == null) { if (overlay) conn.removeOverlay(EDGE_LABEL); } else if (overlay) overlay.setLabel(String(text));
          else instance.addOverlay(conn, { type: 'Label', options: { id: EDGE_LABEL, label: String(text), location: 0.5, cssClass: 'cc-edge-label' } });
        }
      },
      /** A node's element, for decorations drawn by the page (call revalidate if they resize it). */
      nodeElement: (id) => views.get(id)?.el || null,
      revalidate: () => views.forEach((v) => instance.revalidate(v.el)),
      addNode,
      tidy,
      fit,
      undo: () => travel(undoStack, redoStack),
      redo: () => travel(redoStack, undoStack),
      select: (ids) => select((ids || []).filter((id) => views.has(id))),
      getSelection: () => [...selection],
      destroy() {
        root.removeEventListener('keydown', onKey);
        document.removeEventListener('dblclick', onDoubleClick);
        document.removeEventListener('dragstart', onDragStart);
        instance.destroy();
        root.innerHTML = '';
        root.classList.remove('cc-root', 'cc-readonly');
      },
    };
  }

  window.CairnCanvas = { mount, filterPalette };
})();
