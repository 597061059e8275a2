// Trame: the little script the pages use. Everything here is optional: without it, every page still works.
(function () {
  'use strict';

  // The phone menu: folded behind a button below 700 px; the CSS folds it only once this script has run.
  function setUpMenu() {
    var header = document.querySelector('header.top');
    var toggle = header && header.querySelector('.menu-toggle');
    if (!toggle) return;
    header.classList.add('menu-js');
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = header.classList.toggle('menu-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  // Names compared without accents nor case: "helene" finds "Hélène".
  function fold(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // The name filter of an attendance sheet: instant, in the page, every word typed must be in the name.
  function setUpFilter() {
    var box = document.querySelector('[data-filter]');
    var input = document.getElementById('filtre');
    var body = document.getElementById('lignes');
    if (!box || !input || !body) return;
    box.hidden = false;
    var apply = function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      body.querySelectorAll('tr[data-nom]').forEach(function (row) {
        var name = fold(row.getAttribute('data-nom'));
        var match = words.every(function (w) { return name.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown++;
      });
      var none = document.getElementById('filtre-vide');
      if (none) none.hidden = shown > 0 || words.length === 0;
    };
    input.addEventListener('input', apply);
    // lines swapped in by htmx (a tap, "tous présents", an addition) keep obeying the filter
    document.body.addEventListener('htmx:afterSettle', apply);
    document.body.addEventListener('htmx:oobAfterSwap', apply);
    apply();
  }

  function setUpPrint() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  function start() {
    setUpMenu();
    setUpFilter();
    setUpPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
