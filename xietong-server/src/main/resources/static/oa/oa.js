// OA desktop: the handler picker of 新建协同 (department tree and search through /api/oa/departments and
// /api/oa/people, add a step). Without script the steps are typed as 员工ID lists.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var steps = document.getElementById('steps');
    var picker = document.getElementById('picker');
    if (!steps || !picker) { return; }
    var addStep = document.getElementById('add-step');
    var search = document.getElementById('picker-search');
    var active = steps.querySelector('.step-input');
    picker.hidden = false;
    addStep.hidden = false;

    function mark(input) {
      steps.querySelectorAll('.step').forEach(function (li) { li.classList.remove('active'); });
      if (input) { input.parentNode.classList.add('active'); }
      active = input;
    }
    steps.addEventListener('focusin', function (e) {
      if (e.target.classList.contains('step-input')) { mark(e.target); }
    });
    mark(active);

    addStep.addEventListener('click', function () {
      var li = document.createElement('li');
      li.className = 'step';
      var input = document.createElement('input');
      input.name = 'steps';
      input.className = 'step-input';
      var n = steps.querySelectorAll('.step').length + 1;
      input.placeholder = (document.documentElement.lang === 'en' ? 'Step ' + n : '第 ' + n + ' 步');
      li.appendChild(input);
      steps.appendChild(li);
      mark(input);
      input.focus();
    });

    // the people come from the server, 20 at a time: by search text, or the members of a department
    var api = picker.getAttribute('data-api');
    var tree = document.getElementById('picker-tree');
    var results = document.getElementById('picker-results');
    var query = null;   // {q} or {department}
    var page = 0;
    var latest = 0;     // answers to older requests are dropped

    function text(tag, className, value) {
      var el = document.createElement(tag);
      if (className) { el.className = className; }
      el.textContent = value;
      return el;
    }

    function load(next, append) {
      query = next;
      page = append ? page + 1 : 0;
      var ticket = ++latest;
      var params = new URLSearchParams();
      if (next.q) { params.set('q', next.q); }
      if (next.department) { params.set('department', next.department); }
      params.set('page', page);
      fetch(api + '/people?' + params.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (found) {
          if (ticket !== latest) { return; }
          if (!append) { results.textContent = ''; }
          var old = results.querySelector('.more');
          if (old) { old.remove(); }
          found.items.forEach(function (p) {
            var b = text('button', 'person', p.name + ' (' + p.userid + ')' + (p.department ? ' · ' + p.department : ''));
            b.type = 'button';
            b.setAttribute('data-userid', p.userid);
            b.setAttribute('data-name', p.name);
            results.appendChild(b);
          });
          if (found.total === 0) {
            results.appendChild(text('p', 'hint', picker.getAttribute('data-none')));
          }
          if ((found.page + 1) * found.size < found.total) {
            var more = text('button', 'link more', picker.getAttribute('data-more'));
            more.type = 'button';
            results.appendChild(more);
          }
        })
        .catch(function () {
          if (ticket === latest) { results.textContent = ''; results.appendChild(text('p', 'error', picker.getAttribute('data-failed'))); }
        });
    }

    fetch(api + '/departments', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (departments) {
        departments.forEach(function (d) {
          var b = text('button', 'dept-name level-' + Math.min(d.level, 6), d.name);
          b.type = 'button';
          b.setAttribute('data-department', d.id);
          tree.appendChild(b);
        });
      });

    picker.addEventListener('click', function (e) {
      var dept = e.target.closest('.dept-name');
      if (dept) {
        tree.querySelectorAll('.dept-name').forEach(function (b) { b.classList.remove('active'); });
        dept.classList.add('active');
        load({ department: dept.getAttribute('data-department') }, false);
        return;
      }
      if (e.target.closest('.more')) {
        load(query, true);
        return;
      }
      var button = e.target.closest('.person');
      if (!button || !active) { return; }
      var userid = button.getAttribute('data-userid');
      var current = active.value.split(/[,，;；\s]+/).filter(function (u) { return u; });
      if (current.indexOf(userid) < 0) { current.push(userid); }
      active.value = current.join(', ');
    });

    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = search.value.trim();
        if (q) { load({ q: q }, false); } else { results.textContent = ''; latest++; }
      }, 200);
    });
  });
})();
