// Draws the page's charts: each plot's options travel as JSON beside it;
// axes and tooltips format money the language's way (Intl, the CLDR's
// separators as in the tables). SVG and no animation, so that printing
// catches every chart complete.
(function () {
  var cfg = JSON.parse(document.getElementById('pack-config').textContent);
  var short = new Intl.NumberFormat(cfg.tag, {style: 'currency', currency: cfg.currency, notation: 'compact', maximumFractionDigits: 1});
  var full = new Intl.NumberFormat(cfg.tag, {style: 'currency', currency: cfg.currency, maximumFractionDigits: 0});
  var drawn = [];
  var money = function (v) { return v == null ? '—' : short.format(v); };
  document.querySelectorAll('script[data-for]').forEach(function (s) {
    var el = document.getElementById(s.getAttribute('data-for'));
    if (!el || typeof echarts === 'undefined') return;
    var o = JSON.parse(s.textContent);
    o.animation = false;
    [].concat(o.yAxis || [], o.xAxis || []).forEach(function (a) {
      if (a.type === 'value') a.axisLabel = Object.assign({formatter: money}, a.axisLabel || {});
    });
    o.tooltip = Object.assign({trigger: 'axis', valueFormatter: function (v) { return Array.isArray(v) ? full.format(v[1] - v[0]) : (v == null ? '—' : full.format(v)); }}, o.tooltip || {});
    var c = echarts.init(el, null, {renderer: 'svg'});
    c.setOption(o);
    drawn.push(c);
    el.setAttribute('data-drawn', 'true');
  });
  var resize = function () { drawn.forEach(function (c) { c.resize(); }); };
  window.addEventListener('beforeprint', resize);
  window.addEventListener('resize', resize);
})();
