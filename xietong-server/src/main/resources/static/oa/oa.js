// OA desktop: the handler picker of 新建协同 (department tree, search, add a step). Without script the
// steps are typed as 员工ID lists.
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

    picker.addEventListener('click', function (e) {
      var button = e.target.closest('.person');
      if (!button || !active) { return; }
      var userid = button.getAttribute('data-userid');
      var current = active.value.split(/[,，;；\s]+/).filter(function (u) { return u; });
      if (current.indexOf(userid) < 0) { current.push(userid); }
      active.value = current.join(', ');
    });

    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      picker.querySelectorAll('.dept').forEach(function (dept) {
        var any = false;
        dept.querySelectorAll('.person').forEach(function (p) {
          var hit = !q || p.textContent.toLowerCase().indexOf(q) >= 0 || dept.querySelector('.dept-name').textContent.toLowerCase().indexOf(q) >= 0;
          p.hidden = !hit;
          any = any || hit;
        });
        dept.hidden = !!q && !any;
      });
    });
  });
})();
