// Xietong console: small behaviours without inline scripts (the CSP allows only 'self').
// - <button class="copy" data-copy="#id" data-copied="已复制">: copies the value of the target field.
// - <form data-confirm="question">: asks before submitting; on yes, inputs marked data-confirmed get "true".
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);
  }

  // For plain-http pages (no Clipboard API) or a refused permission.
  function copyBySelection(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'absolute';
      area.style.left = '-9999px';
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand('copy') ? resolve() : reject(new Error('copy refused'));
      } catch (e) {
        reject(e);
      } finally {
        document.body.removeChild(area);
      }
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.copy[data-copy]');
    if (!button) {
      return;
    }
    var target = document.querySelector(button.getAttribute('data-copy'));
    if (!target || !target.value) {
      return;
    }
    var label = button.textContent;
    copyText(target.value).then(function () {
      button.textContent = button.getAttribute('data-copied') || '✓';
      setTimeout(function () { button.textContent = label; }, 1500);
    }, function () {
      target.select();
    });
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (!question) {
      return;
    }
    if (!window.confirm(question)) {
      event.preventDefault();
      return;
    }
    form.querySelectorAll('input[data-confirmed]').forEach(function (input) {
      input.value = 'true';
    });
  });
})();
