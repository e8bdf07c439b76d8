/* Explorer: search an entity, draw its neighbourhood with cytoscape, expand nodes, read edge citations, move through time. */
(function () {
  'use strict';
  const { gql, el, safeLink } = window.Pages;

  // The named operations of schema/operations (EntitySearch, Neighborhood).
  const SEARCH = `query EntitySearch($text: String!) {
  entitySearch(text: $text, first: 10) { score matched matchedLang exact entity { id key type name nameTr } }
}`;
  const NEIGHBORHOOD = `query Neighborhood($name: String!, $depth: Int, $asOf: Date, $limit: Int) {
  neighborhood(name: $name, depth: $depth, asOf: $asOf, limit: $limit) {
    center { key name }
    depth
    truncated
    nodes { id globalId type label labelTr center }
    edges { id source target type label role level start { text } end { text } validFrom validTo citations { source quote url } }
  }
}`;

  const COLORS = {
    State: '#2b6cb0', Organization: '#dd6b20', Meeting: '#38a169', Document: '#805ad5',
    Person: '#d53f8c', Place: '#319795', Source: '#975a16',
  };
  const OTHER_COLOR = '#a0aec0';
  const FIRST_YEAR = 1992;
  const THIS_YEAR = new Date().getFullYear();

  const I18N = {
    en: {
      title: 'Explorer', searchLabel: 'Search an entity', search: 'Search', date: 'Date', allDates: 'all dates', legend: 'Legend',
      truncated: 'truncated', hint: 'Search and choose an entity to draw its neighbourhood. Click a node to expand it, an edge to see its sources.',
      panelEmpty: 'Click an edge to see its type, role, time span and citations.', searching: 'Searching…', noResults: 'No entity matches.',
      loading: 'Loading…', nodes: 'nodes', edges: 'edges', asOf: 'as of', allTime: 'all dates', matched: 'matched',
      type: 'Type', role: 'Role', level: 'Level', start: 'Start', end: 'End', validFrom: 'Valid from', validTo: 'Valid to', open: 'open',
      citations: 'Citations', source: 'Source', key: 'Key', nameTr: 'Turkish name', name: 'Name', expanded: 'Expanded: its neighbourhood is drawn.',
      truncatedTitle: 'The server capped the neighbourhood: not every node or edge is shown.', notFound: 'Not found',
      none: '—',
      types: { State: 'State', Organization: 'Organization', Meeting: 'Meeting', Document: 'Document', Person: 'Person', Place: 'Place', Source: 'Source' },
    },
    tr: {
      title: 'Gezgin', searchLabel: 'Varlık ara', search: 'Ara', date: 'Tarih', allDates: 'tüm tarihler', legend: 'Açıklama',
      truncated: 'kısaltıldı', hint: 'Komşuluğunu çizmek için bir varlık arayıp seçin. Genişletmek için bir düğüme, kaynaklarını görmek için bir kenara tıklayın.',
      panelEmpty: 'Türünü, rolünü, zaman aralığını ve kaynaklarını görmek için bir kenara tıklayın.', searching: 'Aranıyor…', noResults: 'Eşleşen varlık yok.',
      loading: 'Yükleniyor…', nodes: 'düğüm', edges: 'kenar', asOf: 'tarih', allTime: 'tüm tarihler', matched: 'eşleşen',
      type: 'Tür', role: 'Rol', level: 'Düzey', start: 'Başlangıç', end: 'Bitiş', validFrom: 'Geçerlilik başı', validTo: 'Geçerlilik sonu', open: 'açık',
      citations: 'Kaynaklar', source: 'Kaynak', key: 'Anahtar', nameTr: 'Türkçe adı', name: 'Adı', expanded: 'Genişletildi: komşuluğu çizildi.',
      truncatedTitle: 'Sunucu komşuluğu sınırladı: her düğüm veya kenar gösterilmiyor.', notFound: 'Bulunamadı',
      none: '—',
      types: { State: 'Devlet', Organization: 'Örgüt', Meeting: 'Toplantı', Document: 'Belge', Person: 'Kişi', Place: 'Yer', Source: 'Kaynak' },
    },
  };

  const $ = (id) => document.getElementById(id);
  const state = {
    lang: 'en', year: THIS_YEAR, asOf: null, center: null, expanded: [], seq: 0, busy: 0, loads: 0,
    truncated: false, results: [], panel: null, lastError: null,
  };
  const t = (k) => I18N[state.lang][k];
  const typeName = (type) => I18N[state.lang].types[type] || type;
  const display = (d) => (state.lang === 'tr' && d.labelTr ? d.labelTr : d.label);

  const cy = cytoscape({
    container: $('cy'),
    elements: [],
    minZoom: 0.15,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', label: 'data(display)', width: 22, height: 22, 'font-size': 10, color: '#1a202c',
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '130px',
        'text-outline-color': '#ffffff', 'text-outline-width': 2,
      } },
      { selector: 'node[?center]', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#1a202c', 'font-size': 12, 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1a202c', 'border-style': 'dashed' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#b8c2cc', 'target-arrow-color': '#b8c2cc', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8, 'curve-style': 'bezier',
      } },
      { selector: 'edge.hover', style: { label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 1 } },
      { selector: 'edge:selected', style: { width: 3, 'line-color': '#e53e3e', 'target-arrow-color': '#e53e3e', label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#e53e3e' } },
    ],
  });

  function setBusy(delta) {
    state.busy += delta;
    document.body.dataset.busy = state.busy > 0 ? 'true' : 'false';
  }

  function setStatus(id, text, isError) {
    const node = $(id);
    node.textContent = text || '';
    node.classList.toggle('error', Boolean(isError));
  }

  // ---- search -------------------------------------------------------------------------------
  async function search(text) {
    text = (text || '').trim();
    if (!text) return [];
    setStatus('search-status', t('searching'));
    setBusy(1);
    try {
      const data = await gql('EntitySearch', SEARCH, { text });
      state.results = data.entitySearch;
      renderResults();
      setStatus('search-status', state.results.length ? '' : t('noResults'));
      return state.results;
    } catch (e) {
      state.results = [];
      renderResults();
      setStatus('search-status', e.message, true);
      return [];
    } finally { setBusy(-1); }
  }

  function renderResults() {
    const list = $('results');
    list.replaceChildren(...state.results.map((hit) => {
      const e = hit.entity;
      const name = state.lang === 'tr' && e.nameTr ? e.nameTr : e.name;
      const current = state.center && state.center.key === e.key;
      return el('li', {},
        el('button', { type: 'button', class: 'result' + (current ? ' current' : ''), 'aria-current': current ? 'true' : null,
          dataset: { key: e.key }, onclick: () => choose(e) },
        el('span', { class: 'swatch', dataset: { type: e.type } }),
        el('span', { class: 'result-name', text: name }),
        el('span', { class: 'result-type', text: typeName(e.type) }),
        hit.matched !== e.name ? el('span', { class: 'result-matched', text: t('matched') + ': ' + hit.matched + ' (' + hit.matchedLang + ')' }) : null));
    }));
  }

  // ---- loading the graph ----------------------------------------------------------------------
  /** The neighbourhood of an entity, asked by its key (the server resolves keys before names). */
  async function fetchFor(entity) {
    const data = await gql('Neighborhood', NEIGHBORHOOD, { name: entity.key, depth: 1, asOf: state.asOf, limit: 150 });
    return data.neighborhood;
  }

  function merge(result) {
    if (!result) return;
    const add = [];
    for (const n of result.nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      const data = { id: n.id, label: n.label, labelTr: n.labelTr || null, type: n.type, color: COLORS[n.type] || OTHER_COLOR,
        center: Boolean(state.center && n.id === state.center.key) };
      data.display = display(data);
      add.push({ group: 'nodes', data });
    }
    for (const e of result.edges) {
      const id = 'e:' + e.id;
      if (cy.getElementById(id).nonempty()) continue;
      add.push({ group: 'edges', data: {
        id, factId: e.id, source: e.source, target: e.target, type: e.type, label: e.label, role: e.role || null, level: e.level || null,
        startText: e.start ? e.start.text : null, endText: e.end ? e.end.text : null, validFrom: e.validFrom || null, validTo: e.validTo || null,
        citations: e.citations || [],
      } });
    }
    // Edges whose ends are both known only (they always are: the server sends the nodes of its edges).
    cy.add(add.filter((x) => x.group === 'nodes'));
    cy.add(add.filter((x) => x.group === 'edges' && cy.getElementById(x.data.source).nonempty() && cy.getElementById(x.data.target).nonempty()));
    if (result.truncated) state.truncated = true;
  }

  function layout() {
    cy.layout({ name: 'cose', animate: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: true, randomize: true,
      idealEdgeLength: () => 90, nodeRepulsion: () => 9000, numIter: 1500 }).run();
  }

  function afterDraw() {
    state.loads += 1;
    refreshChrome();
  }

  function refreshChrome() {
    $('truncated').hidden = !state.truncated;
    $('graph-hint').hidden = cy.nodes().length > 0;
    const c = state.center;
    $('graph-title').textContent = c ? (state.lang === 'tr' && c.nameTr ? c.nameTr : c.name) : '';
    const when = state.asOf ? t('asOf') + ' ' + state.asOf : t('allTime');
    if (!state.lastError) setStatus('graph-status', cy.nodes().length + ' ' + t('nodes') + ', ' + cy.edges().length + ' ' + t('edges') + ' · ' + when);
    renderLegend();
  }

  /** Draws the chosen entity and re-expands, in order, the nodes expanded before that are still there. */
  async function redraw() {
    if (!state.center) return;
    const seq = ++state.seq;
    setBusy(1);
    state.lastError = null;
    setStatus('graph-status', t('loading'));
    try {
      const main = await fetchFor(state.center);
      const more = [];
      let known = new Set(main ? main.nodes.map((n) => n.id) : []);
      for (const x of state.expanded) {
        if (!known.has(x.key)) continue;
        const r = await fetchFor(x);
        more.push(r);
        if (r) known = new Set([...known, ...r.nodes.map((n) => n.id)]);
      }
      if (seq !== state.seq) return;
      cy.elements().remove();
      state.truncated = false;
      if (!main) { state.lastError = t('notFound') + ': ' + state.center.name; setStatus('graph-status', state.lastError, true); }
      merge(main);
      more.forEach(merge);
      cy.nodes().forEach((n) => { n.toggleClass('expanded', state.expanded.some((x) => x.key === n.id())); });
      layout();
      showPanel(null);
    } catch (e) {
      if (seq !== state.seq) return;
      state.lastError = e.message;
      setStatus('graph-status', e.message, true);
    } finally {
      setBusy(-1);
      if (seq === state.seq) afterDraw();
    }
  }

  function choose(entity) {
    state.center = { key: entity.key, name: entity.name, nameTr: entity.nameTr || null, type: entity.type };
    state.expanded = [];
    renderResults();
    return redraw();
  }

  /** Fetches a node's neighbourhood and merges its nodes and edges into the drawing. */
  async function expand(id) {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    const entity = { key: id, name: node.data('label'), nameTr: node.data('labelTr'), type: node.data('type') };
    const panel = () => nodePanel(node);
    showPanel(panel);
    if (state.center && id === state.center.key) return;
    const seq = state.seq;
    setBusy(1);
    state.lastError = null;
    try {
      const result = await fetchFor(entity);
      if (seq !== state.seq) return;
      if (!state.expanded.some((x) => x.key === id)) state.expanded.push(entity);
      const before = cy.nodes().length;
      merge(result);
      node.addClass('expanded');
      if (cy.nodes().length !== before) layout();
      if (state.panel === panel) showPanel(panel);
    } catch (e) {
      state.lastError = e.message;
      setStatus('graph-status', e.message, true);
    } finally {
      setBusy(-1);
      if (seq === state.seq) afterDraw();
    }
  }

  // ---- side panel and legend ------------------------------------------------------------------
  function showPanel(render) {
    state.panel = render;
    const panel = $('panel');
    if (!render) { panel.replaceChildren(el('p', { class: 'muted', text: t('panelEmpty') })); return; }
    panel.replaceChildren(...render());
  }

  function row(label, value) {
    return [el('dt', { text: label }), el('dd', { text: value === null || value === undefined || value === '' ? t('none') : value })];
  }

  function nodePanel(node) {
    const d = node.data();
    return [
      el('h2', { text: display(d) }),
      el('p', {}, el('span', { class: 'swatch', dataset: { type: d.type } }), ' ' + typeName(d.type)),
      el('dl', {}, row(t('name'), d.label), row(t('nameTr'), d.labelTr), row(t('key'), d.id)),
      node.hasClass('expanded') || d.center ? el('p', { class: 'muted', text: t('expanded') }) : null,
    ].filter(Boolean);
  }

  function edgePanel(edge) {
    const d = edge.data();
    const from = display(edge.source().data());
    const to = display(edge.target().data());
    return [
      el('h2', { class: 'edge-title', text: d.label }),
      el('p', { class: 'edge-ends' }, el('strong', { text: from }), ' → ', el('strong', { text: to })),
      el('dl', { class: 'edge-facts' },
        row(t('type'), d.type), row(t('role'), d.role), d.level ? row(t('level'), d.level) : null,
        row(t('start'), d.startText), row(t('end'), d.endText),
        row(t('validFrom'), d.validFrom), row(t('validTo'), d.validTo || (d.validFrom ? t('open') : null))),
      el('h3', { text: t('citations') + ' (' + d.citations.length + ')' }),
      el('ol', { class: 'citations' }, d.citations.map((c) => el('li', { class: 'citation' },
        el('div', { class: 'cite-source' }, t('source') + ': ', el('code', { text: c.source }), c.url ? [' · ', safeLink(c.url)] : null),
        el('blockquote', { class: 'quote', text: c.quote })))),
    ];
  }

  function renderLegend() {
    const counts = {};
    cy.nodes().forEach((n) => { counts[n.data('type')] = (counts[n.data('type')] || 0) + 1; });
    const types = Object.keys(COLORS).concat(Object.keys(counts).filter((k) => !COLORS[k]));
    $('legend').replaceChildren(...types.map((type) => el('li', { class: counts[type] ? '' : 'absent' },
      el('span', { class: 'swatch', dataset: { type } }), el('span', { text: typeName(type) }), el('span', { class: 'count', text: counts[type] || 0 }))));
  }

  // ---- language and dates ---------------------------------------------------------------------
  function setLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
    $('lang-tr').setAttribute('aria-pressed', String(lang === 'tr'));
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    $('truncated').title = t('truncatedTitle');
    cy.batch(() => cy.nodes().forEach((n) => { n.data('display', display(n.data())); }));
    renderResults();
    if (state.panel) showPanel(state.panel); else showPanel(null);
    refreshChrome();
  }

  function setYear(year) {
    const all = year === null || year === undefined;
    $('all-dates').checked = all;
    $('year').disabled = all;
    if (!all) { state.year = Number(year); $('year').value = String(state.year); }
    $('year-label').textContent = all ? t('allTime') : String(state.year);
    state.asOf = all ? null : state.year + '-12-31';
    return redraw();
  }

  // ---- wiring -----------------------------------------------------------------------------------
  const slider = $('year');
  slider.max = String(THIS_YEAR);
  slider.min = String(FIRST_YEAR);
  slider.value = String(THIS_YEAR);
  $('year-label').textContent = t('allTime');
  slider.addEventListener('input', () => { $('year-label').textContent = slider.value; });
  slider.addEventListener('change', () => setYear(Number(slider.value)));
  $('all-dates').addEventListener('change', (ev) => setYear(ev.target.checked ? null : Number(slider.value)));
  $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); search($('search-input').value); });
  $('lang-en').addEventListener('click', () => setLang('en'));
  $('lang-tr').addEventListener('click', () => setLang('tr'));
  $('truncated').title = t('truncatedTitle');

  cy.on('tap', 'node', (ev) => { expand(ev.target.id()); });
  cy.on('tap', 'edge', (ev) => { const edge = ev.target; showPanel(() => edgePanel(edge)); });
  cy.on('mouseover', 'edge', (ev) => ev.target.addClass('hover'));
  cy.on('mouseout', 'edge', (ev) => ev.target.removeClass('hover'));

  renderLegend();
  document.body.dataset.busy = 'false';

  const q = new URLSearchParams(location.search).get('q');
  if (q) { $('search-input').value = q; search(q); }

  /** For tests and the console. */
  window.__explorer = { cy, state, search, choose, expand, redraw, setYear, setLang, colors: COLORS, firstYear: FIRST_YEAR };
})();
