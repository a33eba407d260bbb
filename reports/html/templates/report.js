// kam portfolio report: draws the charts from their JSON options with the
// inlined ECharts library, formats their numbers like the tables, and sorts
// tables. No library besides ECharts, no request leaves the page.
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('kam-locale').textContent);
  var L = cfg.locale;

  // Numbers are written by Intl.NumberFormat for the language's tag (the
  // CLDR's separators, as kam's Go side takes them), always grouped
  // (1.234 in Spanish too) and rounded half away from zero like the tables.
  var numFormats = {};
  function num(v, d) {
    if (v === null || v === undefined || typeof v !== 'number' || isNaN(v)) return L.na;
    var nf = numFormats[d] || (numFormats[d] = new Intl.NumberFormat(L.tag, {
      minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: 'always'
    }));
    var out = nf.format(Math.abs(v));
    if (v < 0 && /[1-9]/.test(out)) out = '-' + out;
    return out;
  }
  function money(s) {
    var sp = L.symSpace ? '\u00a0' : '';
    if (s === L.na) return s;
    if (L.symBefore) return s.charAt(0) === '-' ? '-' + L.symbol + sp + s.slice(1) : L.symbol + sp + s;
    return s + sp + L.symbol;
  }
  function pct(v, d) {
    if (typeof v !== 'number') return L.na;
    return num(v * 100, d) + (L.pctSpace ? '\u00a0%' : '%');
  }
  function moneyShort(v) {
    if (typeof v !== 'number') return L.na;
    var a = Math.abs(v), steps = [[1e9, L.units[2]], [1e6, L.units[1]], [1e3, L.units[0]]];
    for (var i = 0; i < steps.length; i++) {
      if (a >= steps[i][0]) {
        var x = v / steps[i][0], d = Math.abs(x) >= 100 || x === Math.round(x) ? 0 : 1;
        var n = num(x, d), sp = L.symSpace ? '\u00a0' : '';
        if (L.symBefore) return (n.charAt(0) === '-' ? '-' + L.symbol + sp + n.slice(1) : L.symbol + sp + n) + steps[i][1];
        return n + '\u00a0' + steps[i][1] + L.symbol;
      }
    }
    return money(num(v, 0));
  }
  var formats = {
    money: function (v) { return money(num(v, 0)); },
    moneyShort: moneyShort,
    pct: function (v) { return pct(v, 1); },
    pct0: function (v) { return pct(v, 0); },
    score: function (v) { return num(v, 1); },
    count: function (v) { return num(v, 0); },
    dec: function (v) { return num(v, 1); },
    ratio: function (v) { return num(v, 1) + '\u00d7'; }
  };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // Tooltip of items that carry preformatted lines; every text is escaped.
  function tip(p) {
    if (Array.isArray(p)) {
      p = p.filter(function (x) { return x.data && x.data.tip; })[0];
    }
    if (!p || !p.data || !p.data.tip) return '';
    var h = '<b>' + esc(p.data.name || p.name || '') + '</b>';
    p.data.tip.forEach(function (t) { h += '<br>' + esc(t[0]) + ': <b>' + esc(t[1]) + '</b>'; });
    return h;
  }
  function amount(p) { return (p && p.data && p.data.amount) || ''; }

  // Formatter markers in the options become functions.
  function marker(v) {
    if (v === 'tip') return tip;
    if (v === 'p:amount') return amount;
    if (v.slice(0, 2) === 'v:' && formats[v.slice(2)]) return formats[v.slice(2)];
    return v;
  }
  function resolve(o) {
    if (Array.isArray(o)) { o.forEach(resolve); return; }
    if (!o || typeof o !== 'object') return;
    Object.keys(o).forEach(function (k) {
      var v = o[k];
      if (typeof v === 'string' && (k === 'formatter' || k === 'valueFormatter')) o[k] = marker(v);
      else resolve(v);
    });
  }

  var charts = [], pending = 0, started = performance.now();
  function done() {
    document.documentElement.setAttribute('data-charts', 'ready');
    window.kamChartsMs = performance.now();
    window.kamChartsInitMs = performance.now() - started;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (el) {
    var opt = JSON.parse(document.getElementById(el.id + '-opt').textContent);
    resolve(opt);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    pending++;
    var first = true;
    chart.on('finished', function () {
      // A viewBox lets the print stylesheet scale the drawing to the page.
      var svg = el.querySelector('svg');
      if (svg && svg.getAttribute('width')) {
        svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height'));
      }
      if (first) {
        first = false;
        if (--pending === 0) done();
      }
    });
    chart.setOption(opt);
    charts.push(chart);
  });
  if (pending === 0) done();

  // On screen the charts follow the window; on paper the print stylesheet
  // scales each drawing to the page through its viewBox, so printing never
  // re-lays them out.
  var printing = window.matchMedia ? window.matchMedia('print') : { matches: false };
  window.addEventListener('resize', function () {
    if (!printing.matches) charts.forEach(function (c) { c.resize(); });
  });

  // Sortable tables: numbers by their data-sort key, text in the language's order.
  var collator = new Intl.Collator(L.lang, { numeric: true, sensitivity: 'base' });
  function sortBy(btn) {
    var th = btn.parentNode, row = th.parentNode, table = row.parentNode.parentNode;
    var idx = Array.prototype.indexOf.call(row.children, th);
    var cur = th.getAttribute('aria-sort');
    var dir = cur ? (cur === 'ascending' ? 'descending' : 'ascending') : (th.classList.contains('num') ? 'descending' : 'ascending');
    Array.prototype.forEach.call(row.children, function (x) { x.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[idx], y = b.cells[idx], r;
      var xs = x.getAttribute('data-sort'), ys = y.getAttribute('data-sort');
      if (xs !== null && ys !== null) r = parseFloat(xs) - parseFloat(ys);
      else r = collator.compare(x.textContent, y.textContent);
      return dir === 'ascending' ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable th .sort'), function (btn) {
    btn.addEventListener('click', function () { sortBy(btn); });
    btn.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(btn); }
    });
  });
})();
