/* Dashboard: membership over time, chairmanship terms, summits by host, facts per source and graph totals (chart.js). */
(function () {
  'use strict';
  const { gql, el } = window.Pages;
  const ORGANIZATION = 'CICA';

  const QUERIES = {
    MembershipTimeline: `query MembershipTimeline($organization: String!) {
  membershipTimeline(organization: $organization) { year date role count joined left joinedCount leftCount }
}`,
    ChairmanshipTimeline: `query ChairmanshipTimeline($organization: String!) {
  chairmanshipTimeline(organization: $organization) { holder holderKey start end startText endText precision sources factId }
}`,
    Summits: `query Summits($organization: String!) {
  summits(organization: $organization) {
    meeting { key name ordinal start { text } cities { key name } hosts { other { key type name } } }
  }
}`,
    GraphStats: `query GraphStats {
  graphStats {
    entitiesByType { key label count }
    relationshipsByType { key label count }
    factsPerSource { key label count }
    entities facts claims names mentions conflicts
  }
}`,
  };

  const PALETTE = ['#2b6cb0', '#dd6b20', '#38a169', '#805ad5', '#d53f8c', '#319795', '#975a16', '#e53e3e', '#4a5568', '#b7791f'];
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#2d3748';

  const dash = { charts: {}, errors: {}, data: {}, totals: null, done: false };
  window.__dashboard = dash;

  const short = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const list = (names, n) => (names.length > n ? names.slice(0, n).join(', ') + ' +' + (names.length - n) : names.join(', '));

  /** Replaces a chart's box with an error (or a notice), so a failing query does not break the page. */
  function showInPlace(name, message, isError) {
    const box = document.querySelector('#card-' + name + ' .chart-box');
    box.replaceChildren(el('p', { class: isError ? 'error' : 'muted notice', role: isError ? 'alert' : null, text: message }));
    if (isError) dash.errors[name] = message;
  }

  async function card(name, operation, variables, draw) {
    try {
      const data = await gql(operation, QUERIES[operation], variables);
      dash.data[name] = data;
      const empty = draw(data, document.getElementById('chart-' + name));
      if (empty) showInPlace(name, empty, false);
    } catch (e) {
      showInPlace(name, 'Could not load this chart (' + operation + '): ' + e.message, true);
    }
  }

  // (a) members and observers by year
  function drawMembership(data, canvas) {
    const rows = data.membershipTimeline;
    if (!rows.length) return 'No membership records for ' + ORGANIZATION + '.';
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const byRole = (role) => {
      const m = new Map(rows.filter((r) => r.role === role).map((r) => [r.year, r]));
      return years.map((y) => m.get(y) || null);
    };
    const series = [['member', 'Members', PALETTE[0]], ['observer', 'Observers', PALETTE[1]]].map(([role, label, color]) => {
      const rs = byRole(role);
      return { label, role, rows: rs, data: rs.map((r) => (r ? r.count : null)), borderColor: color, backgroundColor: color, tension: 0.15, pointRadius: 2, spanGaps: true };
    });
    dash.charts.membership = new Chart(canvas, {
      type: 'line',
      data: { labels: years.map(String), datasets: series },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'count at year end' }, ticks: { precision: 0 } } },
        plugins: {
          tooltip: { callbacks: {
            afterLabel: (ctx) => {
              const r = ctx.dataset.rows[ctx.dataIndex];
              if (!r) return '';
              const out = [];
              if (r.joinedCount) out.push('  joined: ' + list(r.joined, 6));
              if (r.leftCount) out.push('  left: ' + list(r.left, 6));
              return out;
            },
          } },
        },
      },
    });
    return null;
  }

  // (b) chairmanship terms as floating horizontal bars; open ends drawn to today
  const yearOf = (iso) => {
    const d = new Date(iso + 'T00:00:00Z');
    const y = d.getUTCFullYear();
    const startOfYear = Date.UTC(y, 0, 1);
    return y + (d.getTime() - startOfYear) / (Date.UTC(y + 1, 0, 1) - startOfYear);
  };
  const todayIso = () => new Date().toISOString().slice(0, 10);

  function drawChairs(data, canvas) {
    // One bar per recorded term: sources that give different spans for the same holder are kept side by side.
    const terms = data.chairmanshipTimeline.filter((r) => r.start).slice()
      .sort((a, b) => a.start.localeCompare(b.start) || (a.end || '9').localeCompare(b.end || '9'));
    const undated = data.chairmanshipTimeline.length - terms.length;
    if (!terms.length) return 'No dated chairmanship terms for ' + ORGANIZATION + '.';
    const today = yearOf(todayIso());
    const bars = terms.map((r) => [yearOf(r.start), r.end ? yearOf(r.end) : today]);
    const holders = [...new Set(terms.map((r) => r.holderKey))];
    const color = (r, alpha) => {
      const hex = PALETTE[holders.indexOf(r.holderKey) % PALETTE.length];
      const n = parseInt(hex.slice(1), 16);
      return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
    };
    const min = Math.floor(Math.min(...bars.map((b) => b[0])));
    dash.charts.chairs = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: terms.map((r) => r.holder + '  ' + (r.startText || r.start) + '–' + (r.endText || (r.end ? r.end : '…'))),
        datasets: [{
          label: 'term', data: bars, rows: terms, borderSkipped: false, borderWidth: 1.5, barPercentage: 0.85, categoryPercentage: 0.9,
          backgroundColor: terms.map((r) => color(r, r.end ? 0.8 : 0.25)),
          borderColor: terms.map((r) => color(r, 1)),
        }],
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { type: 'linear', min, max: Math.ceil(today), ticks: { stepSize: 2, callback: (v) => String(Math.round(v)) }, title: { display: true, text: 'year' } },
          y: { ticks: { autoSkip: false, font: { size: 11 } } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: {
            title: (items) => terms[items[0].dataIndex].holder,
            label: (ctx) => {
              const r = terms[ctx.dataIndex];
              return (r.startText || r.start) + ' → ' + (r.endText || (r.end ? r.end : 'open (drawn to today)')) + ' · precision ' + r.precision;
            },
            afterLabel: (ctx) => 'sources: ' + list(terms[ctx.dataIndex].sources, 4),
          } },
        },
      },
    });
    const note = el('p', { class: 'chart-note' },
      el('span', { class: 'key closed' }), ' term with an end  ', el('span', { class: 'key open' }), ' open term, drawn to today',
      ' · one bar per term: the records of the sources that state it are merged (the most precise start and end win)',
      undated ? ' · ' + undated + ' term(s) without a start date not drawn' : '');
    canvas.closest('.card').append(note);
    return null;
  }

  // (c) summits per host state
  function drawSummits(data, canvas) {
    const rows = data.summits;
    if (!rows.length) return 'No summits recorded for ' + ORGANIZATION + '.';
    // Each summit once, each host state once per summit (hosts may also be people: only states count here).
    const meetings = [...new Map(rows.map((r) => [r.meeting.key, r.meeting])).values()];
    const counts = new Map();
    for (const meeting of meetings) {
      const states = meeting.hosts.filter((h) => h.other.type === 'State').map((h) => h.other.name);
      const hosts = states.length ? states : ['(host state not recorded)'];
      const when = meeting.start ? meeting.start.text.slice(0, 4) : '?';
      for (const h of new Set(hosts)) {
        const c = counts.get(h) || { count: 0, summits: [] };
        c.count += 1;
        c.summits.push((meeting.ordinal ? '#' + meeting.ordinal + ' ' : '') + when + (meeting.cities.length ? ' ' + meeting.cities.map((x) => x.name).join('/') : ''));
        counts.set(h, c);
      }
    }
    const hosts = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    dash.charts.summits = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: hosts.map(([h]) => h),
        datasets: [{ label: 'summits hosted', data: hosts.map(([, c]) => c.count), backgroundColor: hosts.map((_, i) => PALETTE[i % PALETTE.length]) }],
      },
      options: {
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'summits' } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: (ctx) => hosts[ctx.dataIndex][1].summits } },
        },
      },
    });
    return null;
  }

  // (d) facts per source (top 20) and the totals
  function drawSources(data, canvas) {
    const stats = data.graphStats;
    const top = stats.factsPerSource.slice().sort((a, b) => b.count - a.count).slice(0, 20);
    if (!top.length) return 'No source is cited yet.';
    dash.charts.sources = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: top.map((r) => short(r.label || r.key, 40)),
        datasets: [{ label: 'facts citing the source', data: top.map((r) => r.count), backgroundColor: PALETTE[2] }],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: (items) => { const r = top[items[0].dataIndex]; return (r.label || r.key) + (r.label ? ' [' + r.key + ']' : ''); } } },
        },
      },
    });
    return null;
  }

  function fillTotals(stats) {
    dash.totals = { entities: stats.entities, facts: stats.facts, claims: stats.claims, conflicts: stats.conflicts, names: stats.names, mentions: stats.mentions };
    document.querySelectorAll('[data-total]').forEach((node) => {
      const v = dash.totals[node.dataset.total];
      node.textContent = typeof v === 'number' ? v.toLocaleString('en-US') : '—';
    });
  }

  async function statsCards() {
    let data;
    try {
      data = await gql('GraphStats', QUERIES.GraphStats, {});
      dash.data.sources = data;
    } catch (e) {
      const message = 'Could not load the totals and facts per source (GraphStats): ' + e.message;
      document.querySelectorAll('[data-total]').forEach((node) => { node.textContent = '—'; });
      document.getElementById('totals').append(el('p', { class: 'error', role: 'alert', text: message }));
      dash.errors.totals = message;
      showInPlace('sources', message, true);
      return;
    }
    fillTotals(data.graphStats);
    try {
      const empty = drawSources(data, document.getElementById('chart-sources'));
      if (empty) showInPlace('sources', empty, false);
    } catch (e) {
      showInPlace('sources', 'Could not draw facts per source: ' + e.message, true);
    }
  }

  document.body.dataset.ready = 'false';
  Promise.allSettled([
    card('membership', 'MembershipTimeline', { organization: ORGANIZATION }, drawMembership),
    card('chairs', 'ChairmanshipTimeline', { organization: ORGANIZATION }, drawChairs),
    card('summits', 'Summits', { organization: ORGANIZATION }, drawSummits),
    statsCards(),
  ]).then(() => { dash.done = true; document.body.dataset.ready = 'true'; });
})();
